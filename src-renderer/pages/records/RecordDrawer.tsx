import { useState } from 'react';
import { Button, DataList, Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconDownload, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError } from '../../components/LoadError';
import { formatDateTime, formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import { downloadEvidence } from './evidence';
import { formatIsoDate, RecordStatusBadge } from './record-format';
import { RecordForm } from './RecordForm';
import { FactItem } from '../../components/FactItem';

/** One record with every field, its evidence, and Edit / Delete when the viewer may. */
export function RecordDrawer({
  recordId,
  onClose,
  onChanged,
}: {
  recordId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={recordId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('recordsScreens.detail.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {recordId && (
        <RecordDetailView key={recordId} recordId={recordId} onClose={onClose} onChanged={onChanged} />
      )}
    </Drawer>
  );
}

function RecordDetailView({
  recordId,
  onClose,
  onChanged,
}: {
  recordId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('records.get', { id: recordId });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  if (error)
    return (
      <LoadError title={t('recordsScreens.detail.loadFailed')} message={error.message} onRetry={reload} />
    );
  if (!data) return <Skeleton height={360} aria-label={t('common.loading')} />;

  if (editing) {
    return (
      <RecordForm
        mode={{ kind: 'edit', record: data }}
        onCancel={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          reload();
          onChanged();
        }}
      />
    );
  }

  const file = data.evidenceFile;
  return (
    <Stack gap="md">
      <Text fw={600} size="lg">
        {data.title}
      </Text>
      <DataList withDivider labelWidth={170}>
        <FactItem
          emptyLabel={t('recordsScreens.detail.none')}
          label={t('recordsScreens.detail.person')}
        >{`${data.personName} (${data.email})`}</FactItem>
        <FactItem emptyLabel={t('recordsScreens.detail.none')} label={t('recordsScreens.detail.type')}>
          {t(`recordsScreens.type.${data.recordType}`)}
        </FactItem>
        <FactItem emptyLabel={t('recordsScreens.detail.none')} label={t('recordsScreens.detail.provider')}>
          {data.provider}
        </FactItem>
        <FactItem
          emptyLabel={t('recordsScreens.detail.none')}
          label={t('recordsScreens.detail.completionDate')}
        >
          {formatIsoDate(data.completionDate)}
        </FactItem>
        <FactItem emptyLabel={t('recordsScreens.detail.none')} label={t('recordsScreens.detail.expiryDate')}>
          <Group gap="xs">
            {data.expiryDate ? formatIsoDate(data.expiryDate) : t('recordsScreens.detail.never')}
            <RecordStatusBadge status={data.status} />
          </Group>
          {data.expiryFixed && data.module && (
            <Text size="xs" c="dimmed">
              {t('recordsScreens.detail.expiryFixed')}
            </Text>
          )}
        </FactItem>
        <FactItem
          emptyLabel={t('recordsScreens.detail.none')}
          label={t('recordsScreens.detail.qualification')}
        >
          {data.qualificationCode && `${data.qualificationCode} — ${data.qualificationName ?? ''}`}
        </FactItem>
        <FactItem emptyLabel={t('recordsScreens.detail.none')} label={t('recordsScreens.detail.module')}>
          {data.module && `${data.module.code} — ${data.module.title}`}
        </FactItem>
        <FactItem emptyLabel={t('recordsScreens.detail.none')} label={t('recordsScreens.detail.otherInfo')}>
          {data.otherInfo && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {data.otherInfo}
            </Text>
          )}
        </FactItem>
        <FactItem emptyLabel={t('recordsScreens.detail.none')} label={t('recordsScreens.detail.evidence')}>
          {file && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => void downloadEvidence(file.id).then(setDownloadError)}
            >
              {t('recordsScreens.detail.download', {
                name: file.name,
                size: formatNumber(Math.max(1, Math.round(file.size / 1024))),
              })}
            </Button>
          )}
        </FactItem>
        <FactItem emptyLabel={t('recordsScreens.detail.none')} label={t('recordsScreens.detail.source')}>
          {t(`recordsScreens.source.${data.source}`)}
        </FactItem>
        <FactItem emptyLabel={t('recordsScreens.detail.none')} label={t('recordsScreens.detail.recordId')}>
          <Text size="sm" ff="monospace">
            {data.id}
          </Text>
        </FactItem>
        <FactItem emptyLabel={t('recordsScreens.detail.none')} label={t('recordsScreens.detail.updated')}>
          {formatDateTime(data.updatedAt)}
        </FactItem>
      </DataList>
      <ErrorAlert message={downloadError} withCloseButton onClose={() => setDownloadError(null)} />
      {data.canEdit && (
        <Group gap="sm">
          <Button
            leftSection={<IconPencil size={16} aria-hidden />}
            variant="default"
            onClick={() => setEditing(true)}
          >
            {t('recordsScreens.detail.edit')}
          </Button>
          <Button
            leftSection={<IconTrash size={16} aria-hidden />}
            variant="light"
            color="red"
            onClick={() => setDeleting(true)}
          >
            {t('recordsScreens.detail.delete')}
          </Button>
        </Group>
      )}
      <ConfirmDialog
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('recordsScreens.detail.deleteTitle', { title: data.title })}
        confirmLabel={t('recordsScreens.detail.delete')}
        danger
        onConfirm={async () => {
          const res = await client.invoke('records.delete', { id: data.id });
          if (!res.ok) return res.error.message;
          notifyDone(t('recordsScreens.detail.deleted', { title: data.title }));
          onChanged();
          onClose();
          return null;
        }}
      >
        {t('recordsScreens.detail.deleteBody', { name: data.personName })}
      </ConfirmDialog>
    </Stack>
  );
}
