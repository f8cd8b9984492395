import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplianceStatus } from '../../../shared/api/schemas/compliance';
import classes from './compliance.module.css';

export const STATUSES: readonly ComplianceStatus[] = [
  'compliant',
  'expiring',
  'expired',
  'missing',
  'overdue',
  'not_required',
];

/** The CSS class of a status: a tinted background with dark text (contrast ≥ 4.5:1 in both themes). */
export const statusClass = (s: ComplianceStatus): string | undefined => classes[`s_${s}`];

/** A status in words; the colour only repeats them (never colour alone). */
export function ComplianceBadge({ status }: { status: ComplianceStatus }) {
  const { t } = useTranslation();
  return (
    <Text component="span" size="xs" fw={700} className={`${classes.badge} ${statusClass(status) ?? ''}`}>
      {t(`compliance.status.${status}`)}
    </Text>
  );
}
