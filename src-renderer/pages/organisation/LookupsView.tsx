import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  EmptyState,
  Group,
  Menu,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import {
  IconArchive,
  IconArrowMerge,
  IconDots,
  IconListDetails,
  IconPencil,
  IconPlus,
  IconRestore,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LookupName, type LookupList, type LookupRow } from '../../../shared/api/schemas/lookups';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { PagedTable } from '../../components/PagedTable';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import tableClasses from '../tables.module.css';
import classes from './Organisation.module.css';

type Dialog =
  | { kind: 'add' }
  | { kind: 'rename'; row: LookupRow }
  | { kind: 'merge'; row: LookupRow }
  | { kind: 'archive'; row: LookupRow };

/** Add or rename: one name field. */
function NameDialog({
  list,
  dialog,
  onClose,
  onDone,
}: {
  list: LookupList;
  dialog: { kind: 'add' } | { kind: 'rename'; row: LookupRow } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const title = !dialog
    ? ''
    : dialog.kind === 'add'
      ? t('lookups.addTitle', { singular: t(`lookups.${list}.singular`) })
      : t('lookups.renameTitle', { name: dialog.row.name });
  return (
    <Modal
      opened={!!dialog}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {dialog && <NameForm list={list} dialog={dialog} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function NameForm({
  list,
  dialog,
  onClose,
  onDone,
}: {
  list: LookupList;
  dialog: { kind: 'add' } | { kind: 'rename'; row: LookupRow };
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(dialog.kind === 'rename' ? dialog.row.name : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = LookupName.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? t('lookups.nameRequired'));
      return;
    }
    setBusy(true);
    const res =
      dialog.kind === 'add'
        ? await client.invoke('lookups.create', { list, name: parsed.data })
        : await client.invoke('lookups.rename', { list, id: dialog.row.id, name: parsed.data });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    notifyDone(
      dialog.kind === 'add'
        ? t('lookups.added', { name: res.value.name })
        : t('lookups.renamed', { name: res.value.name }),
    );
    onDone();
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('lookups.name')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          required
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {dialog.kind === 'add' ? t('lookups.add') : t('lookups.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Merge one entry into another: pick the target, read what will happen, confirm. */
function MergeDialog({
  list,
  row,
  rows,
  onClose,
  onDone,
}: {
  list: LookupList;
  row: LookupRow | null;
  rows: readonly LookupRow[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={!!row}
      onClose={onClose}
      title={row ? t('lookups.mergeTitle', { name: row.name, singular: t(`lookups.${list}.singular`) }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {row && <MergeForm list={list} row={row} rows={rows} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function MergeForm({
  list,
  row,
  rows,
  onClose,
  onDone,
}: {
  list: LookupList;
  row: LookupRow;
  rows: readonly LookupRow[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [intoId, setIntoId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const into = rows.find((r) => r.id === intoId);

  async function submit() {
    if (!into) {
      setError(t('lookups.mergeNoTarget'));
      return;
    }
    setBusy(true);
    const res = await client.invoke('lookups.merge', { list, fromId: row.id, intoId: into.id });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    notifyDone(t('lookups.merged', { from: row.name, into: res.value.into.name }));
    onDone();
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        {t('lookups.mergeIntro', { name: row.name, singular: t(`lookups.${list}.singular`) })}
      </Text>
      <Select
        label={t('lookups.mergeInto')}
        data={rows.filter((r) => r.id !== row.id && !r.archived).map((r) => ({ value: r.id, label: r.name }))}
        value={intoId}
        onChange={(v) => {
          setIntoId(v);
          setError(null);
        }}
        searchable
        data-autofocus
      />
      {into && (
        <Alert color="orange" variant="light" role="status">
          {t('lookups.mergeConfirm', {
            count: row.peopleCount,
            formatted: formatNumber(row.peopleCount),
            from: row.name,
            into: into.name,
          })}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={() => void submit()} loading={busy} disabled={!into}>
          {t('lookups.mergeSubmit')}
        </Button>
      </Group>
    </Stack>
  );
}

function RowActions({
  row,
  onAction,
  onRestore,
}: {
  row: LookupRow;
  onAction: (d: Dialog) => void;
  onRestore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('lookups.actionsFor', { name: row.name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => onAction({ kind: 'rename', row })}
        >
          {t('lookups.rename')}
        </Menu.Item>
        {!row.archived && (
          <Menu.Item
            leftSection={<IconArrowMerge size={16} aria-hidden />}
            onClick={() => onAction({ kind: 'merge', row })}
          >
            {t('lookups.merge')}
          </Menu.Item>
        )}
        {row.archived ? (
          <Menu.Item leftSection={<IconRestore size={16} aria-hidden />} onClick={onRestore}>
            {t('lookups.restore')}
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconArchive size={16} aria-hidden />}
            onClick={() => onAction({ kind: 'archive', row })}
          >
            {t('lookups.archive')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Departments or job titles: the list with people counts, and add, rename, merge, archive, restore. */
export function LookupsView({ list }: { list: LookupList }) {
  const { t } = useTranslation();
  const user = useUser();
  const canManage = hasPrivilege(user, 'units.manage');
  const [showArchived, setShowArchived] = useState(false);
  const { data, error, loading, reload } = useCall('lookups.list', { list, includeArchived: showArchived });
  const [dialog, setDialog] = useState<Dialog | null>(null);
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
      {restoreError && (
        <Alert color="red" role="alert" m="md" withCloseButton onClose={() => setRestoreError(null)}>
          {restoreError}
        </Alert>
      )}
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
                <Badge
                  variant="light"
                  color={row.archived ? 'gray' : 'teal'}
                  radius="sm"
                  tt="none"
                  fw={600}
                  classNames={{ label: tableClasses.badgeLabel }}
                >
                  {row.archived ? t('lookups.archived') : t('lookups.active')}
                </Badge>
              </Table.Td>
              {canManage && (
                <Table.Td w={80}>
                  <RowActions row={row} onAction={setDialog} onRestore={() => void restore(row)} />
                </Table.Td>
              )}
            </Table.Tr>
          )}
        />
      )}

      <NameDialog
        list={list}
        dialog={dialog?.kind === 'add' || dialog?.kind === 'rename' ? dialog : null}
        onClose={() => setDialog(null)}
        onDone={done}
      />
      <MergeDialog
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
