import { useMemo } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QualificationRow } from '../../../shared/api/schemas/records';
import { useCall } from '../../lib/use-call';

/**
 * A qualification code from the managed list. Archived codes are not offered,
 * except the one a record already carries (so editing it keeps it).
 */
export function QualificationSelect({
  value,
  onChange,
  keep,
  ...rest
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null, row: QualificationRow | null) => void;
  keep?: string | null;
}) {
  const { t } = useTranslation();
  const { data } = useCall('qualifications.list', { includeArchived: Boolean(keep) });
  const rows = useMemo(() => (data?.rows ?? []).filter((r) => !r.archived || r.id === keep), [data, keep]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  return (
    <Select
      label={t('recordsScreens.form.qualification')}
      description={t('recordsScreens.form.qualificationHint')}
      placeholder={t('recordsScreens.form.qualificationNone')}
      data={rows.map((r) => ({ value: r.id, label: `${r.code} — ${r.name}` }))}
      value={value}
      onChange={(v) => onChange(v, v ? (byId.get(v) ?? null) : null)}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('recordsScreens.form.qualificationClear') }}
      nothingFoundMessage={t('recordsScreens.form.qualificationNothing')}
      {...rest}
    />
  );
}

/** The qualification rows, for working out a default expiry. */
export function useQualifications() {
  return useCall('qualifications.list', { includeArchived: true }).data?.rows ?? [];
}
