import { useMemo } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import type { CertificateStatus } from '../../../shared/api/schemas/certificates';
import { SearchInput } from '../../components/SearchInput';
import { useCall } from '../../lib/use-call';
import { ModuleSelect } from '../catalog/ModuleSelect';
import { ScopeUnitSelect } from '../compliance/filter-options';
import classes from '../tables.module.css';

const STATUSES: readonly CertificateStatus[] = ['valid', 'invalid', 'revoked', 'superseded'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the managers' certificate list and its export ask for (paging aside). */
export type CertificateQuery = Omit<CallInput<'certificates.list'>, 'offset' | 'limit'>;

export interface CertificateFilterValues {
  search: string;
  unitId: string | null;
  configurationId: string | null;
  moduleId: string | null;
  status: CertificateStatus | null;
  issuedFrom: string;
  issuedTo: string;
}

export const NO_FILTERS: CertificateFilterValues = {
  search: '',
  unitId: null,
  configurationId: null,
  moduleId: null,
  status: null,
  issuedFrom: '',
  issuedTo: '',
};

/** The call's filter from what is on screen; the search is passed already debounced. */
export function queryOf(f: CertificateFilterValues, search: string): CertificateQuery {
  const query: CertificateQuery = {};
  if (search) query.search = search;
  if (f.unitId) query.unitId = f.unitId;
  if (f.configurationId) query.configurationId = f.configurationId;
  if (f.moduleId) query.moduleId = f.moduleId;
  if (f.status) query.status = f.status;
  if (ISO_DATE.test(f.issuedFrom)) query.issuedFrom = f.issuedFrom;
  if (ISO_DATE.test(f.issuedTo)) query.issuedTo = f.issuedTo;
  return query;
}

/** Training configurations in scope, archived ones too: their certificates outlive them. */
function ConfigurationSelect({
  value,
  onChange,
  label,
  placeholder,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  placeholder: string;
}) {
  const { t } = useTranslation();
  const { data } = useCall('configurations.list', { offset: 0, limit: 500, includeArchived: true });
  const options = useMemo(
    () =>
      (data?.rows ?? []).map((c) => ({
        value: c.id,
        label: c.archived ? `${c.name} (${t('certificates.manage.archived')})` : c.name,
      })),
    [data, t],
  );
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('certificates.manage.nothingFound')}
      maxDropdownHeight={320}
      w={220}
    />
  );
}

/** The toolbar above the managers' certificate table; every change starts again from the first page. */
export function CertificateFilters({
  value,
  onChange,
  busy,
}: {
  value: CertificateFilterValues;
  onChange: (next: CertificateFilterValues) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const set =
    <K extends keyof CertificateFilterValues>(key: K) =>
    (v: CertificateFilterValues[K]) =>
      onChange({ ...value, [key]: v });
  const any = (Object.keys(NO_FILTERS) as (keyof CertificateFilterValues)[]).some(
    (k) => value[k] !== NO_FILTERS[k],
  );
  return (
    <Group p="md" className={classes.toolbar} align="flex-end" gap="sm">
      <SearchInput
        label={t('certificates.manage.search')}
        placeholder={t('certificates.manage.searchPlaceholder')}
        clearLabel={t('certificates.manage.clearSearch')}
        value={value.search}
        onChange={set('search')}
        busy={busy}
        w={230}
      />
      <ScopeUnitSelect
        label={t('certificates.manage.unit')}
        placeholder={t('certificates.manage.unitPlaceholder')}
        value={value.unitId}
        onChange={set('unitId')}
        clearable
        w={210}
      />
      <ConfigurationSelect
        label={t('certificates.manage.configuration')}
        placeholder={t('certificates.manage.configurationPlaceholder')}
        value={value.configurationId}
        onChange={set('configurationId')}
      />
      <ModuleSelect
        source={{}}
        label={t('certificates.manage.module')}
        placeholder={t('certificates.manage.modulePlaceholder')}
        value={value.moduleId}
        onChange={set('moduleId')}
        clearable
        nothingFoundMessage={t('certificates.manage.nothingFound')}
        w={220}
      />
      <Select
        label={t('certificates.manage.statusFilter')}
        placeholder={t('certificates.manage.statusAll')}
        data={STATUSES.map((s) => ({ value: s, label: t(`certificates.status.${s}`) }))}
        value={value.status}
        onChange={(v) => set('status')(v as CertificateStatus | null)}
        clearable
        w={150}
      />
      <TextInput
        type="date"
        label={t('certificates.manage.issuedFrom')}
        value={value.issuedFrom}
        onChange={(e) => set('issuedFrom')(e.currentTarget.value)}
        w={150}
      />
      <TextInput
        type="date"
        label={t('certificates.manage.issuedTo')}
        value={value.issuedTo}
        onChange={(e) => set('issuedTo')(e.currentTarget.value)}
        w={150}
      />
      {any && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => onChange(NO_FILTERS)}
        >
          {t('certificates.manage.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
