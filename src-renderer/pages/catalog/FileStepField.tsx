import { useState } from 'react';
import { Button, FileButton, Group, Input, Stack, Text } from '@mantine/core';
import { IconFile, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ALLOWED_MIME_TYPES, MAX_FILE_BYTES, type FileInfo } from '../../../shared/api/schemas/files';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyDone } from '../../lib/notify';

const ACCEPT = ALLOWED_MIME_TYPES.join(',');

/** The bytes of a picked file as base64 (what files.upload carries over IPC and HTTP). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;

/** Upload (or replace) a course step's file; the step keeps the stored file's id. */
export function FileStepField({
  id,
  fileId,
  known,
  onUploaded,
  error,
  readOnly,
}: {
  id: string;
  fileId: string | null;
  /** Files uploaded earlier, as the module detail lists them, so they show by name and size. */
  known: readonly FileInfo[];
  onUploaded: (info: FileInfo) => void;
  error?: string | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<FileInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function upload(file: File | null) {
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_FILE_BYTES) return setProblem(t('catalogScreens.course.tooBig'));
    setBusy(true);
    try {
      const dataBase64 = await readBase64(file);
      const res = await client.invoke('files.upload', {
        name: file.name,
        mimeType: file.type || 'application/octet-stream',
        dataBase64,
      });
      if (!res.ok) return setProblem(res.error.message);
      setInfo(res.value);
      onUploaded(res.value);
      notifyDone(t('catalogScreens.course.uploaded', { name: res.value.name }));
    } catch {
      setProblem(t('catalogScreens.course.readFailed'));
    } finally {
      setBusy(false);
    }
  }

  const shown = (info && info.id === fileId ? info : known.find((f) => f.id === fileId)) ?? null;
  return (
    <Input.Wrapper
      label={t('catalogScreens.course.file')}
      description={t('catalogScreens.course.fileHint')}
      error={error}
    >
      <Stack gap="xs" mt={4}>
        <Group gap="sm">
          <IconFile size={18} aria-hidden />
          <Text size="sm">
            {shown
              ? `${shown.name} · ${sizeText(shown.size)}`
              : fileId
                ? t('catalogScreens.course.fileAttached')
                : t('catalogScreens.course.noFile')}
          </Text>
        </Group>
        {!readOnly && (
          <FileButton onChange={(f) => void upload(f)} accept={ACCEPT}>
            {(props) => (
              <Button
                {...props}
                id={id}
                variant="default"
                size="xs"
                leftSection={<IconUpload size={14} aria-hidden />}
                loading={busy}
                w="fit-content"
              >
                {fileId ? t('catalogScreens.course.replaceFile') : t('catalogScreens.course.chooseFile')}
              </Button>
            )}
          </FileButton>
        )}
        <ErrorAlert message={problem} title={t('common.errorTitle')} />
      </Stack>
    </Input.Wrapper>
  );
}
