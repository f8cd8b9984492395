import { useState } from 'react';
import { Button, EmptyState, Group, Paper, Switch, Table, Text } from '@mantine/core';
import { IconListDetails, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LookupList, LookupRow } from '../../../shared/api/schemas/lookups';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { PagedTable } from '../../components/PagedTable';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import tableClasses from '../tables.module.css';
import { LookupMergeDialog } from './LookupMergeDialog';
import { LookupNameDialog } from './LookupNameDialog';
import { LookupRowActions, type LookupDialog } from './LookupRowActions';
import classes from './Organisation.module.css';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TagBadge } from '../../components/TagBadge';

/** Departments or job titles: the list with people counts, and add, rename, merge, archive, restore. */
export function LookupsView({ list }: { list: LookupList }) {
  const { t } = useTranslation();
  const user = useUser();
  const canManage = hasPrivilege(user, 'units.manage');
  const [showArchived, setShowArchived] = useState(false);
  const { data, error, loading, reload } = useCall('lookups.list', { list, includeArchived: showArchived });
  const [dialog, setDialog] = useState<LookupDialog | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const rows = data?.rows ?? [];

  const done = () => {
    setDialog(null);
    reload();
  };

  async function restore(row: LookupRow) {
    setRestoreError(null);
    const res = await client.invoke('lookups.restore', { list, id: row.id });
    if (!res.ok) {
      setRestoreError(res.error.message);
      return;
    }
    notifyDone(t('lookups.restored', { name: row.name }));
    reload();
  }

  const headers = [
    t('lookups.columns.name'),
    t('lookups.columns.people'),
    t('lookups.columns.status'),
    ...(canManage ? [t('lookups.columns.actions')] : []),
  ];

  return (
    <Paper withBorder radius="md">
      <Group p="sm" px="md" gap="md" justify="space-between" className={classes.toolbar}>
        <Text size="sm" c="dimmed" maw={560}>
          {t(`lookups.${list}.description`)}
        </Text>
        <Group gap="lg">
          <Switch
            label={t('lookups.showArchived')}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          {canManage && (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setDialog({ kind: 'add' })}
            >
              {t(`lookups.${list}.add`)}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert message={restoreError} m="md" withCloseButton onClose={() => setRestoreError(null)} />
      {error ? (
        <LoadError title={t('lookups.loadFailed')} message={error.message} onRetry={reload} />
      ) : data && rows.length === 0 ? (
        <EmptyState
          icon={<IconListDetails size={28} stroke={1.5} />}
          withIndicatorBackground
          title={t(`lookups.${list}.empty`)}
          description={t(`lookups.${list}.emptyHint`)}
          py={48}
          role="status"
        />
      ) : (
        <PagedTable
          headers={headers}
          caption={t(`lookups.${list}.tableCaption`)}
          minWidth={520}
          rows={rows}
          loading={loading}
          firstLoad={loading && !data}
          renderRow={(row) => (
            <Table.Tr key={row.id}>
              <Table.Td fw={500} {...(row.archived ? { c: 'dimmed' } : {})}>
                {row.name}
              </Table.Td>
              <Table.Td className={tableClasses.numeric}>{formatNumber(row.peopleCount)}</Table.Td>
              <Table.Td>
                <TagBadge color={row.archived ? 'gray' : 'teal'}>
                  {row.archived ? t('lookups.archived') : t('lookups.active')}
                </TagBadge>
              </Table.Td>
              {canManage && (
                <Table.Td w={80}>
                  <LookupRowActions row={row} onAction={setDialog} onRestore={() => void restore(row)} />
                </Table.Td>
              )}
            </Table.Tr>
          )}
        />
      )}

      <LookupNameDialog
        list={list}
        dialog={dialog?.kind === 'add' || dialog?.kind === 'rename' ? dialog : null}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <LookupMergeDialog
        list={list}
        row={dialog?.kind === 'merge' ? dialog.row : null}
        rows={rows}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      {dialog?.kind === 'archive' && (
        <ConfirmDialog
          opened
          onClose={() => setDialog(null)}
          title={t('lookups.archiveTitle', { name: dialog.row.name })}
          confirmLabel={t('lookups.archive')}
          onConfirm={async () => {
            const res = await client.invoke('lookups.archive', { list, id: dialog.row.id });
            if (!res.ok) return res.error.message;
            notifyDone(t('lookups.archivedDone', { name: dialog.row.name }));
            reload();
            return null;
          }}
        >
          {t('lookups.archiveBody', { name: dialog.row.name })}
        </ConfirmDialog>
      )}
    </Paper>
  );
}
