import { useEffect, useState } from 'react';
import { Alert, Button, Group, Image, Loader, Stack, Text } from '@mantine/core';
import { IconDownload, IconFile } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlayerStep } from '../../../shared/api/schemas/learning';
import { client } from '../../api/client';
import { PdfViewer } from '../../components/PdfViewer';
import { formatBytes } from './learning-format';
import classes from './learning.module.css';

type StepFile = NonNullable<PlayerStep['file']>;

function bytesOf(dataBase64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

interface Loaded {
  id: string;
  url: string | null;
  bytes: Uint8Array | null;
  error: string | null;
}

/** Fetches a stored file once: its bytes (for the PDF viewer) and a blob: URL, revoked when the step is left. */
function useFile(fileId: string) {
  const [state, setState] = useState<Loaded>({ id: '', url: null, bytes: null, error: null });
  useEffect(() => {
    let url: string | null = null;
    let gone = false;
    void client.invoke('files.get', { id: fileId }).then((res) => {
      if (gone) return;
      if (!res.ok) return setState({ id: fileId, url: null, bytes: null, error: res.error.message });
      const bytes = bytesOf(res.value.dataBase64);
      url = URL.createObjectURL(new Blob([bytes], { type: res.value.mimeType }));
      setState({ id: fileId, url, bytes, error: null });
    });
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [fileId]);
  return state.id === fileId ? state : { url: null, bytes: null, error: null };
}

/**
 * A course file shown the way its type allows offline: a PDF drawn by pdf.js (Electron's own viewer cannot
 * show blob: PDFs in its sandboxed window), image, video, audio, else a download.
 */
export function FileViewer({ file }: { file: StepFile }) {
  const { t } = useTranslation();
  const { url, bytes, error } = useFile(file.id);
  const label = t('learningScreens.file.size', { name: file.name, size: formatBytes(file.size) });

  if (error)
    return (
      <Alert color="red" role="alert" title={t('learningScreens.file.failed')}>
        {error}
      </Alert>
    );
  if (!url || !bytes)
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t('learningScreens.file.loading')}</Text>
      </Group>
    );

  const type = file.mimeType;
  const download = (
    <Button
      component="a"
      href={url}
      download={file.name}
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
    >
      {t('learningScreens.file.download')}
    </Button>
  );
  let body;
  if (type === 'application/pdf') body = <PdfViewer data={bytes} name={file.name} download={download} />;
  else if (type.startsWith('image/'))
    body = <Image src={url} alt={file.name} maw="100%" mah="60vh" fit="contain" />;
  else if (type.startsWith('video/'))
    body = <video src={url} controls className={classes.media} aria-label={file.name} />;
  else if (type.startsWith('audio/')) body = <audio src={url} controls aria-label={file.name} />;
  else if (type === 'text/plain') body = <iframe src={url} title={file.name} className={classes.frame} />;
  else
    body = (
      <Text size="sm" c="dimmed">
        {t('learningScreens.file.officeHint')}
      </Text>
    );

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <IconFile size={16} aria-hidden />
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {download}
      </Group>
      {body}
    </Stack>
  );
}
