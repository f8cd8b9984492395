import { useState } from 'react';
import { Button, EmptyState, Group, Paper, Select, Table, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCertificate, IconNotebook, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import { RecordType, type RecordRow } from '../../../shared/api/schemas/records';
import { FormDialog } from '../../components/FormDialog';
import { LoadError } from '../../components/LoadError';
import { PagedTable } from '../../components/PagedTable';
import { useCall } from '../../lib/use-call';
import tableClasses from '../tables.module.css';
import { formatIsoDate, RecordStatusBadge } from './record-format';
import { RecordDrawer } from './RecordDrawer';
import { RecordForm } from './RecordForm';
import classes from './records.module.css';
import { SearchInput } from '../../components/SearchInput';

const PAGE_SIZE = 25;
const COLUMNS = ['title', 'type', 'provider', 'completed', 'expires', 'qualification', 'source'] as const;
type AddKind = 'external_course' | 'certificate';

function RecordTableRow({ row, onOpen }: { row: RecordRow; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <UnstyledButton className={classes.rowButton} onClick={() => onOpen(row.id)}>
          {row.title}
        </UnstyledButton>
      </Table.Td>
      <Table.Td className={tableClasses.nowrap}>{t(`recordsScreens.type.${row.recordType}`)}</Table.Td>
      <Table.Td>{row.provider}</Table.Td>
      <Table.Td className={tableClasses.numeric}>{formatIsoDate(row.completionDate)}</Table.Td>
      <Table.Td className={tableClasses.nowrap}>
        <Group gap={6} wrap="nowrap">
          <span className={tableClasses.numeric}>
            {row.expiryDate ? formatIsoDate(row.expiryDate) : t('recordsScreens.detail.never')}
          </span>
          <RecordStatusBadge status={row.status} />
        </Group>
      </Table.Td>
      <Table.Td className={tableClasses.nowrap}>{row.qualificationCode}</Table.Td>
      <Table.Td className={tableClasses.nowrap}>{t(`recordsScreens.source.${row.source}`)}</Table.Td>
    </Table.Tr>
  );
}

/**
 * A person's training record: what they completed in Fieldbook and what was
 * added by hand, with its expiry, and the Add buttons when the viewer may add.
 */
export function TrainingRecordPanel({
  personId,
  personName,
  canAdd,
}: {
  personId: string;
  personName: string;
  canAdd: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [recordType, setRecordType] = useState<RecordRow['recordType'] | null>(null);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState<AddKind | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const input: CallInput<'records.list'> = { personId, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  if (debounced) input.search = debounced;
  if (recordType) input.recordType = recordType;
  const { data, error, loading, reload } = useCall('records.list', input);
  const rows = data?.rows ?? [];
  const filtered = Boolean(debounced || recordType);
  const changeSearch = (v: string) => {
    setSearch(v);
    setPage(1);
  };

  return (
    <Paper withBorder radius="md">
      <Group p="md" gap="md" justify="space-between" align="flex-end" className={tableClasses.toolbar}>
        <Group gap="md" align="flex-end">
          <SearchInput
            label={t('recordsScreens.panel.search')}
            placeholder={t('recordsScreens.panel.searchPlaceholder')}
            clearLabel={t('recordsScreens.panel.clearSearch')}
            value={search}
            onChange={changeSearch}
            busy={loading && !!data}
            w={260}
          />
          <Select
            label={t('recordsScreens.panel.type')}
            placeholder={t('recordsScreens.panel.allTypes')}
            data={RecordType.options.map((o) => ({ value: o, label: t(`recordsScreens.type.${o}`) }))}
            value={recordType}
            onChange={(v) => {
              setRecordType(v as RecordRow['recordType'] | null);
              setPage(1);
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('recordsScreens.panel.clearType') }}
            w={200}
          />
        </Group>
        {canAdd && (
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setAdding('external_course')}
            >
              {t('recordsScreens.panel.addExternal')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconCertificate size={16} aria-hidden />}
              onClick={() => setAdding('certificate')}
            >
              {t('recordsScreens.panel.addCertificate')}
            </Button>
          </Group>
        )}
      </Group>
      {error ? (
        <LoadError title={t('recordsScreens.panel.loadFailed')} message={error.message} onRetry={reload} />
      ) : data && rows.length === 0 ? (
        <EmptyState
          icon={<IconNotebook size={28} stroke={1.5} />}
          withIndicatorBackground
          title={
            filtered
              ? t('recordsScreens.panel.emptyFiltered')
              : t('recordsScreens.panel.empty', { name: personName })
          }
          description={filtered ? undefined : t('recordsScreens.panel.emptyHint')}
          py={48}
          role="status"
        />
      ) : (
        <PagedTable
          headers={COLUMNS.map((c) => t(`recordsScreens.columns.${c}`))}
          caption={t('recordsScreens.panel.caption', { name: personName })}
          minWidth={980}
          rows={rows}
          renderRow={(r) => <RecordTableRow key={r.id} row={r} onOpen={setOpenId} />}
          loading={loading}
          firstLoad={loading && !data}
          paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
        />
      )}
      {data && rows.length > 0 && (
        <Text size="xs" c="dimmed" px="md" pb="sm">
          {t('recordsScreens.panel.openHint')}
        </Text>
      )}
      <FormDialog
        opened={adding !== null}
        onClose={() => setAdding(null)}
        size="lg"
        title={adding ? t(`recordsScreens.form.addTitle.${adding}`, { name: personName }) : ''}
      >
        {adding && (
          <RecordForm
            mode={{ kind: 'add', personId, recordType: adding }}
            onCancel={() => setAdding(null)}
            onSaved={() => {
              setAdding(null);
              reload();
            }}
          />
        )}
      </FormDialog>
      <RecordDrawer recordId={openId} onClose={() => setOpenId(null)} onChanged={reload} />
    </Paper>
  );
}
