import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import type { CompetenceNode } from '../../../shared/api/schemas/competences';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';

type Impact = CallOutput<'competences.deleteImpact'>;

/** Archive or restore, and delete with the count of what goes with it. */
export function CompetenceActions({
  node,
  onArchived,
  onDeleted,
}: {
  node: CompetenceNode;
  onArchived: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'archive' | 'delete' | null>(null);
  const [impact, setImpact] = useState<Impact | null>(null);
  const [impactError, setImpactError] = useState<string | null>(null);
  const close = () => setDialog(null);

  async function archive(archived: boolean) {
    const res = await client.invoke('competences.archive', { id: node.id, archived });
    if (!res.ok) return res.error.message;
    notifyDone(
      t(archived ? 'competences.actions.archived' : 'competences.actions.restored', { name: node.name }),
    );
    onArchived();
    return null;
  }

  async function openDelete() {
    setImpact(null);
    setImpactError(null);
    setDialog('delete');
    const res = await client.invoke('competences.deleteImpact', { id: node.id });
    if (res.ok) setImpact(res.value);
    else setImpactError(res.error.message);
  }

  async function remove() {
    if (!impact) return impactError ?? t('competences.actions.deleteCounting');
    const res = await client.invoke('competences.delete', { id: node.id, confirmPeople: impact.people });
    if (!res.ok) {
      // Someone changed it meanwhile: show the new numbers with the refusal.
      const again = await client.invoke('competences.deleteImpact', { id: node.id });
      if (again.ok) setImpact(again.value);
      return res.error.message;
    }
    notifyDone(t('competences.actions.deleted', { name: node.name, count: res.value.people }));
    onDeleted();
    return null;
  }

  const f = (n: number) => formatNumber(n);
  return (
    <Group gap="xs">
      {node.archived ? (
        <Button
          variant="default"
          size="compact-sm"
          leftSection={<IconArchiveOff size={16} aria-hidden />}
          onClick={() => void archive(false)}
        >
          {t('competences.actions.restore')}
        </Button>
      ) : (
        <Button
          variant="default"
          size="compact-sm"
          leftSection={<IconArchive size={16} aria-hidden />}
          onClick={() => setDialog('archive')}
        >
          {t('competences.actions.archive')}
        </Button>
      )}
      <Button
        variant="light"
        color="red"
        size="compact-sm"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => void openDelete()}
      >
        {t('competences.actions.delete')}
      </Button>
      <ConfirmDialog
        opened={dialog === 'archive'}
        onClose={close}
        title={t('competences.actions.archiveTitle', { name: node.name })}
        confirmLabel={t('competences.actions.archive')}
        onConfirm={() => archive(true)}
      >
        {t('competences.actions.archiveBody', { name: node.name })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'delete'}
        onClose={close}
        title={t('competences.actions.deleteTitle', { name: node.name })}
        confirmLabel={t('competences.actions.delete')}
        danger
        onConfirm={remove}
      >
        <Stack gap="xs" role="status">
          {impactError ? (
            <Text size="sm">{impactError}</Text>
          ) : !impact ? (
            <Text size="sm">{t('competences.actions.deleteCounting')}</Text>
          ) : (
            <>
              <Text size="sm">
                {t(
                  impact.competences > 1
                    ? 'competences.actions.deleteBody'
                    : 'competences.actions.deleteBodyLeaf',
                  {
                    name: node.name,
                    below: f(impact.competences - 1),
                    count: impact.people,
                    formatted: f(impact.people),
                  },
                )}
              </Text>
              <Text size="sm" c="dimmed">
                {t('competences.actions.deleteDetail', {
                  grants: f(impact.grants),
                  mappings: f(impact.mappings),
                })}
              </Text>
            </>
          )}
        </Stack>
      </ConfirmDialog>
    </Group>
  );
}
