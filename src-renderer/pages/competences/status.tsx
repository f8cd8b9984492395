import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from '../../../shared/zod';
import type { CompetenceStatus as StatusSchema } from '../../../shared/api/schemas/competences';
import classes from '../compliance/compliance.module.css';

export type CompetenceStatus = z.infer<typeof StatusSchema>;

export const COMPETENCE_STATUSES: readonly CompetenceStatus[] = ['valid', 'expiring', 'expired', 'missing'];

// The compliance matrix's colours (contrast checked in both themes), so both matrices read alike.
const CLASS: Record<CompetenceStatus, string | undefined> = {
  valid: classes.s_compliant,
  expiring: classes.s_expiring,
  expired: classes.s_expired,
  missing: classes.s_not_required,
};

export const competenceStatusClass = (s: CompetenceStatus): string | undefined => CLASS[s];

/** A status in words; the colour only repeats them. */
export function CompetenceBadge({ status }: { status: CompetenceStatus }) {
  const { t } = useTranslation();
  return (
    <Text component="span" size="xs" fw={700} className={`${classes.badge} ${CLASS[status] ?? ''}`}>
      {t(`competences.status.${status}`)}
    </Text>
  );
}
