import { useState } from 'react';
import { Button, Group, Tooltip } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconRocket, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ModuleDetail } from '../../../shared/api/schemas/catalog';
import type { ApiErrorBody } from '../../../shared/api/errors';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyDone } from '../../lib/notify';

/** Publish, archive or restore, and delete: what the header offers for the module's status. */
export function ModuleActions({
  m,
  dirty,
  onChanged,
  onPublishFailed,
  leavingRef,
}: {
  m: ModuleDetail;
  /** Unsaved edits on the page: publishing takes the saved draft, so they are saved first. */
  dirty: boolean;
  onChanged: (m: ModuleDetail) => void;
  onPublishFailed: (error: ApiErrorBody | null) => void;
  leavingRef: React.RefObject<boolean>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<'publish' | 'restore' | null>(null);
  const [confirm, setConfirm] = useState<'archive' | 'delete' | null>(null);
  const title = m.title;

  async function publish() {
    setBusy('publish');
    onPublishFailed(null);
    const res = await client.invoke('modules.publish', { id: m.id });
    setBusy(null);
    if (!res.ok) return onPublishFailed(res.error);
    onChanged(res.value);
    notifyDone(t('catalogScreens.editor.published', { title, version: res.value.currentVersion ?? 1 }));
  }
  async function restore() {
    setBusy('restore');
    const res = await client.invoke('modules.restore', { id: m.id });
    setBusy(null);
    if (!res.ok) return onPublishFailed(res.error);
    onChanged(res.value);
    notifyDone(t('catalogScreens.editor.restored', { title }));
  }

  if (!m.canManage) return null;
  const canPublish =
    m.editable && m.status !== 'archived' && (m.status === 'draft' || m.hasUnpublishedChanges);
  const publishButton = (
    <Button
      leftSection={<IconRocket size={16} aria-hidden />}
      loading={busy === 'publish'}
      disabled={dirty}
      onClick={() => void publish()}
    >
      {m.status === 'published'
        ? t('catalogScreens.editor.publishChanges')
        : t('catalogScreens.editor.publish')}
    </Button>
  );
  return (
    <Group gap="sm">
      {canPublish &&
        (dirty ? (
          <Tooltip label={t('catalogScreens.editor.saveFirst')}>
            <span tabIndex={0}>{publishButton}</span>
          </Tooltip>
        ) : (
          publishButton
        ))}
      {m.status === 'archived' ? (
        <Button
          variant="default"
          leftSection={<IconArchiveOff size={16} aria-hidden />}
          loading={busy === 'restore'}
          onClick={() => void restore()}
        >
          {t('catalogScreens.editor.restore')}
        </Button>
      ) : (
        <Button
          variant="default"
          leftSection={<IconArchive size={16} aria-hidden />}
          onClick={() => setConfirm('archive')}
        >
          {t('catalogScreens.editor.archive')}
        </Button>
      )}
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => setConfirm('delete')}
      >
        {t('catalogScreens.editor.delete')}
      </Button>
      <ConfirmDialog
        opened={confirm === 'archive'}
        onClose={() => setConfirm(null)}
        title={t('catalogScreens.editor.archiveTitle', { title })}
        confirmLabel={t('catalogScreens.editor.archive')}
        onConfirm={async () => {
          const res = await client.invoke('modules.archive', { id: m.id });
          if (!res.ok) return res.error.message;
          onChanged(res.value);
          notifyDone(t('catalogScreens.editor.archived', { title }));
          return null;
        }}
      >
        {t('catalogScreens.editor.archiveBody')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirm === 'delete'}
        onClose={() => setConfirm(null)}
        title={t('catalogScreens.editor.deleteTitle', { title })}
        confirmLabel={t('catalogScreens.editor.delete')}
        danger
        onConfirm={async () => {
          // A refusal (something refers to it) comes back as the server's sentence saying to archive instead.
          const res = await client.invoke('modules.delete', { id: m.id });
          if (!res.ok) return res.error.message;
          notifyDone(t('catalogScreens.editor.deleted', { title }));
          leavingRef.current = true;
          void navigate('/catalog');
          return null;
        }}
      >
        {t('catalogScreens.editor.deleteBody')}
      </ConfirmDialog>
    </Group>
  );
}
