import { useState } from 'react';
import { Button, EmptyState, Group, Paper, Switch, Table, Text } from '@mantine/core';
import { IconArchive, IconPencil, IconPlus, IconRestore, IconTags } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QualificationRow } from '../../../shared/api/schemas/records';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { RowMenu } from '../../components/RowMenu';
import { TagBadge } from '../../components/TagBadge';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import tableClasses from '../tables.module.css';
import { QualificationDialog } from './QualificationDialog';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; row: QualificationRow }
  | { kind: 'archive'; row: QualificationRow }
  | { kind: 'restore'; row: QualificationRow };

function RowActions({ row, onAction }: { row: QualificationRow; onAction: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const q = (k: 'edit' | 'restore' | 'archive') => t(`recordsScreens.qualifications.${k}`);
  return (
    <RowMenu
      label={t('recordsScreens.qualifications.actionsFor', { code: row.code })}
      items={[
        { label: q('edit'), icon: IconPencil, onClick: () => onAction({ kind: 'edit', row }) },
        row.archived
          ? { label: q('restore'), icon: IconRestore, onClick: () => onAction({ kind: 'restore', row }) }
          : { label: q('archive'), icon: IconArchive, onClick: () => onAction({ kind: 'archive', row }) },
      ]}
    />
  );
}

/** The administrator-managed list of qualification codes a training record may carry. */
export function QualificationsPage() {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const { data, error, loading, reload } = useCall('qualifications.list', { includeArchived: showArchived });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const rows = data?.rows ?? [];
  const headers = ['code', 'name', 'validity', 'records', 'status', 'actions'].map((c) =>
    t(`recordsScreens.qualifications.columns.${c as 'code'}`),
  );
  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>
      {t('recordsScreens.qualifications.add')}
    </Button>
  );
  const change = async (call: 'qualifications.archive' | 'qualifications.restore', row: QualificationRow) => {
    const res = await client.invoke(call, { id: row.id });
    if (!res.ok) return res.error.message;
    notifyDone(
      t(
        call === 'qualifications.archive'
          ? 'recordsScreens.qualifications.archived'
          : 'recordsScreens.qualifications.restored',
        {
          code: row.code,
        },
      ),
    );
    reload();
    return null;
  };

  return (
    <Page
      title={t('recordsScreens.qualifications.title')}
      description={t('recordsScreens.qualifications.description')}
      actions={addButton}
    >
      <Paper withBorder radius="md">
        <Group p="sm" px="md" justify="flex-end" className={tableClasses.toolbar}>
          <Switch
            label={t('recordsScreens.qualifications.showArchived')}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
        </Group>
        {error ? (
          <LoadError
            title={t('recordsScreens.qualifications.loadFailed')}
            message={error.message}
            onRetry={reload}
          />
        ) : data && rows.length === 0 ? (
          <EmptyState
            icon={<IconTags size={28} stroke={1.5} />}
            withIndicatorBackground
            title={t('recordsScreens.qualifications.empty')}
            description={t('recordsScreens.qualifications.emptyHint')}
            py={48}
            role="status"
          >
            <EmptyState.Actions>{addButton}</EmptyState.Actions>
          </EmptyState>
        ) : (
          <PagedTable
            headers={headers}
            caption={t('recordsScreens.qualifications.caption')}
            minWidth={760}
            rows={rows}
            loading={loading}
            firstLoad={loading && !data}
            renderRow={(row) => (
              <Table.Tr key={row.id}>
                <Table.Td fw={600} className={tableClasses.nowrap} {...(row.archived ? { c: 'dimmed' } : {})}>
                  {row.code}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.name}</Text>
                  {row.description && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {row.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className={tableClasses.nowrap}>
                  {row.defaultValidityMonths === null
                    ? t('recordsScreens.qualifications.never')
                    : t('recordsScreens.qualifications.months', { count: row.defaultValidityMonths })}
                </Table.Td>
                <Table.Td className={tableClasses.numeric}>{formatNumber(row.recordCount)}</Table.Td>
                <Table.Td>
                  <TagBadge color={row.archived ? 'gray' : 'teal'}>
                    {row.archived
                      ? t('recordsScreens.qualifications.archivedBadge')
                      : t('recordsScreens.qualifications.active')}
                  </TagBadge>
                </Table.Td>
                <Table.Td w={80}>
                  <RowActions row={row} onAction={setDialog} />
                </Table.Td>
              </Table.Tr>
            )}
          />
        )}
      </Paper>
      <QualificationDialog
        dialog={dialog?.kind === 'add' || dialog?.kind === 'edit' ? dialog : null}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          reload();
        }}
      />
      {(dialog?.kind === 'archive' || dialog?.kind === 'restore') && (
        <ConfirmDialog
          opened
          onClose={() => setDialog(null)}
          title={t(`recordsScreens.qualifications.${dialog.kind}Title`, { code: dialog.row.code })}
          confirmLabel={t(`recordsScreens.qualifications.${dialog.kind}`)}
          onConfirm={() => change(`qualifications.${dialog.kind}`, dialog.row)}
        >
          {t(`recordsScreens.qualifications.${dialog.kind}Body`, {
            code: dialog.row.code,
            count: dialog.row.recordCount,
          })}
        </ConfirmDialog>
      )}
    </Page>
  );
}
