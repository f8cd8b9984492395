import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  DataList,
  EmptyState,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import {
  IconArchive,
  IconArrowsMove,
  IconDownload,
  IconFileImport,
  IconFoldDown,
  IconFoldUp,
  IconLock,
  IconPencil,
  IconPlus,
  IconRestore,
  IconSitemap,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitNode } from '../../../shared/api/schemas/units';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import { ImportUnitsDialog, downloadUnitsTemplate } from './ImportUnitsDialog';
import classes from './Organisation.module.css';
import { MoveUnitDialog, UnitFormDialog } from './UnitDialogs';
import { ancestorIds, indexTree, KIND_ICON, UnitTree, type TreeIndex } from './UnitTree';

type Dialog =
  | { kind: 'add'; parent: UnitNode }
  | { kind: 'edit'; unit: UnitNode }
  | { kind: 'move'; unit: UnitNode }
  | { kind: 'archive' | 'restore' | 'delete'; unit: UnitNode }
  | { kind: 'import' };

/** Open the first two levels (organisation and regions), or everything when the tree is small. */
function initialExpanded(index: TreeIndex): Set<string> {
  const all = [...index.byId.values()];
  if (all.length <= 40) return new Set(all.filter((u) => index.children.has(u.id)).map((u) => u.id));
  return new Set(index.roots.map((r) => r.id));
}

function UnitDetails({
  unit,
  canManage,
  onAction,
}: {
  unit: UnitNode | undefined;
  canManage: boolean;
  onAction: (d: Dialog) => void;
}) {
  const { t } = useTranslation();
  if (!unit) {
    return (
      <Paper withBorder radius="md" p="lg" className={classes.details}>
        <Text c="dimmed" size="sm">
          {t('organisation.details.none')}
        </Text>
      </Paper>
    );
  }
  const Icon = KIND_ICON[unit.kind];
  const dash = t('organisation.details.noValue');
  const isRoot = unit.parentId === null;
  const actionable = canManage && !unit.outOfScope;
  return (
    <Paper withBorder radius="md" p="lg" className={classes.details} aria-labelledby="unit-details-title">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Icon size={22} stroke={1.6} aria-hidden style={{ flex: 'none', marginTop: 3 }} />
          <Stack gap={2} flex={1} miw={0}>
            <Title order={2} fz="lg" id="unit-details-title" className={classes.path}>
              {unit.name}
            </Title>
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                {t(`organisation.kind.${unit.kind}`)}
              </Text>
              {unit.archived && (
                <Badge size="sm" variant="outline" color="gray" radius="sm" tt="none">
                  {t('organisation.archived')}
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>

        {unit.outOfScope && (
          <Alert color="gray" icon={<IconLock />} title={t('organisation.outOfScope')}>
            {t('organisation.outOfScopeHint')}
          </Alert>
        )}

        {actionable ? (
          <div role="group" aria-label={t('organisation.actions.label')}>
            <Group gap={6}>
              {!unit.archived && (
                <Button
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => onAction({ kind: 'add', parent: unit })}
                >
                  {t('organisation.actions.addChild')}
                </Button>
              )}
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => onAction({ kind: 'edit', unit })}
              >
                {t('organisation.actions.edit')}
              </Button>
              {!isRoot && (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconArrowsMove size={14} aria-hidden />}
                  onClick={() => onAction({ kind: 'move', unit })}
                >
                  {t('organisation.actions.move')}
                </Button>
              )}
              {!isRoot && (
                <>
                  {unit.archived ? (
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconRestore size={14} aria-hidden />}
                      onClick={() => onAction({ kind: 'restore', unit })}
                    >
                      {t('organisation.actions.restore')}
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconArchive size={14} aria-hidden />}
                      onClick={() => onAction({ kind: 'archive', unit })}
                    >
                      {t('organisation.actions.archive')}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => onAction({ kind: 'delete', unit })}
                  >
                    {t('organisation.actions.delete')}
                  </Button>
                </>
              )}
            </Group>
          </div>
        ) : (
          !unit.outOfScope && (
            <Text size="sm" c="dimmed">
              {t('organisation.details.readOnly')}
            </Text>
          )
        )}
        <DataList withDivider labelWidth={140}>
          <DataList.Item>
            <DataList.ItemLabel>{t('organisation.details.code')}</DataList.ItemLabel>
            <DataList.ItemValue>{unit.code ?? dash}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('organisation.details.level')}</DataList.ItemLabel>
            <DataList.ItemValue>{unit.level ?? dash}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('organisation.details.path')}</DataList.ItemLabel>
            <DataList.ItemValue className={classes.path}>{unit.path}</DataList.ItemValue>
          </DataList.Item>
          {unit.peopleCount !== null && (
            <DataList.Item>
              <DataList.ItemLabel>{t('organisation.details.people')}</DataList.ItemLabel>
              <DataList.ItemValue>{formatNumber(unit.peopleCount)}</DataList.ItemValue>
            </DataList.Item>
          )}
          <DataList.Item>
            <DataList.ItemLabel>{t('organisation.details.children')}</DataList.ItemLabel>
            <DataList.ItemValue>{formatNumber(unit.childCount)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('organisation.details.status')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {unit.archived ? t('organisation.archived') : t('organisation.details.active')}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Stack>
    </Paper>
  );
}

/** The unit tree with a details panel for the selected unit, and every change to units. */
export function UnitsView() {
  const { t } = useTranslation();
  const user = useUser();
  const canManage = hasPrivilege(user, 'units.manage');
  const [showArchived, setShowArchived] = useState(false);
  const { data, error, loading, reload } = useCall('units.tree', { includeArchived: showArchived });
  const index = useMemo(() => indexTree(data?.units ?? []), [data]);

  // Expansion and selection start from the first answer, then follow the user.
  const [expandedState, setExpanded] = useState<Set<string> | null>(null);
  const expanded = expandedState ?? (data ? initialExpanded(index) : new Set<string>());
  const [selectedState, setSelected] = useState<string | null>(null);
  const firstInScope = data?.units.find((u) => !u.outOfScope)?.id ?? null;
  const selectedId = selectedState && index.byId.has(selectedState) ? selectedState : firstInScope;
  const selected = selectedId ? index.byId.get(selectedId) : undefined;

  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  /** After a change: show the unit, with the units above it open. */
  const reveal = (unit: UnitNode) => {
    setSelected(unit.id);
    const above = unit.parentId ? [unit.parentId, ...ancestorIds(index, unit.parentId)] : [];
    setExpanded(new Set([...expanded, ...above]));
    reload();
    close();
  };

  async function act(kind: 'archive' | 'restore' | 'delete', unit: UnitNode): Promise<string | null> {
    const res = await client.invoke(`units.${kind}`, { id: unit.id });
    if (!res.ok) return res.error.message;
    const key = kind === 'archive' ? 'archive' : kind === 'restore' ? 'restore' : 'delete';
    notifyDone(t(`organisation.${key}.done`, { name: unit.name }));
    if (kind === 'delete' || (kind === 'archive' && !showArchived)) setSelected(unit.parentId);
    reload();
    return null;
  }

  const confirmDialog =
    dialog && (dialog.kind === 'archive' || dialog.kind === 'restore' || dialog.kind === 'delete')
      ? dialog
      : null;

  return (
    <Stack gap="md">
      <Paper withBorder radius="md">
        <Group p="sm" px="md" gap="md" justify="space-between" className={classes.toolbar}>
          <Group gap="lg">
            <Switch
              label={t('organisation.showArchived')}
              checked={showArchived}
              onChange={(e) => setShowArchived(e.currentTarget.checked)}
            />
            <Group gap={4}>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconFoldDown size={14} aria-hidden />}
                onClick={() =>
                  setExpanded(new Set([...index.children.keys()].filter((k): k is string => k !== null)))
                }
              >
                {t('organisation.expandAll')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconFoldUp size={14} aria-hidden />}
                onClick={() => setExpanded(new Set())}
              >
                {t('organisation.collapseAll')}
              </Button>
            </Group>
          </Group>
          {canManage && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconDownload size={14} aria-hidden />}
                onClick={downloadUnitsTemplate}
              >
                {t('organisation.actions.template')}
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconFileImport size={14} aria-hidden />}
                onClick={() => setDialog({ kind: 'import' })}
              >
                {t('organisation.actions.import')}
              </Button>
            </Group>
          )}
        </Group>

        {error ? (
          <LoadError title={t('organisation.loadFailed')} message={error.message} onRetry={reload} />
        ) : !data ? (
          <Stack p="md" gap="xs" aria-busy>
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} height={22} width={`${40 + ((i * 17) % 45)}%`} ml={(i % 3) * 20} />
            ))}
          </Stack>
        ) : data.units.length === 0 ? (
          <EmptyState
            icon={<IconSitemap size={28} stroke={1.5} />}
            withIndicatorBackground
            title={t('organisation.empty')}
            description={t('organisation.emptyHint')}
            py={48}
            role="status"
          />
        ) : (
          <Grid gap="md" p="md" align="flex-start">
            <Grid.Col span={{ base: 12, md: 7 }} className={classes.treePanel} aria-busy={loading}>
              <UnitTree
                index={index}
                label={t('organisation.treeLabel')}
                idPrefix="unit"
                expanded={expanded}
                onExpandedChange={setExpanded}
                selectedId={selectedId}
                onSelect={setSelected}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <UnitDetails unit={selected} canManage={canManage} onAction={setDialog} />
            </Grid.Col>
          </Grid>
        )}
      </Paper>

      <UnitFormDialog
        mode={dialog?.kind === 'add' || dialog?.kind === 'edit' ? dialog : null}
        opened={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onClose={close}
        onDone={reveal}
      />
      <MoveUnitDialog
        unit={dialog?.kind === 'move' ? dialog.unit : null}
        index={index}
        opened={dialog?.kind === 'move'}
        onClose={close}
        onDone={reveal}
      />
      <ImportUnitsDialog opened={dialog?.kind === 'import'} onClose={close} onImported={reload} />
      {confirmDialog && (
        <ConfirmDialog
          opened
          onClose={close}
          title={t(`organisation.${confirmDialog.kind}.title`, { name: confirmDialog.unit.name })}
          confirmLabel={t(`organisation.${confirmDialog.kind}.confirm`)}
          danger={confirmDialog.kind === 'delete'}
          onConfirm={() => act(confirmDialog.kind, confirmDialog.unit)}
        >
          <Stack gap="xs">
            <Text size="sm">
              {t(`organisation.${confirmDialog.kind}.body`, { name: confirmDialog.unit.name })}
            </Text>
            {confirmDialog.kind === 'delete' && (
              <Text size="sm" fw={500}>
                {t('organisation.delete.alternative')}
              </Text>
            )}
          </Stack>
        </ConfirmDialog>
      )}
    </Stack>
  );
}
