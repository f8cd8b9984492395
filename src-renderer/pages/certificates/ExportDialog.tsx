import { useEffect, useRef, useState } from 'react';
import { Button, Progress, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallInput, CallOutput } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/errors';
import { client } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { downloadBytes } from '../../lib/download';
import { formatNumber } from '../../lib/format';
import { base64ToBytes } from './certificate-format';

type Query = Omit<CallInput<'certificates.list'>, 'offset' | 'limit'>;
type Format = CallInput<'certificates.exportStart'>['format'];
type Status = CallOutput<'certificates.exportStatus'>;

/** How often the main process is asked how far the export has got. */
const POLL_MS = 300;

interface Run {
  phase: 'running' | 'saving' | 'finished' | 'cancelled' | 'failed';
  done: number;
  total: number;
  failed: string[];
  fileName: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Exports the certificates of the current filter in the main process's
 * background (one PDF each in a zipped folder, or one merged PDF, with
 * index.csv), showing progress with Cancel; when it is done the zip is fetched
 * in parts and saved as one file through the browser's (Electron's) download.
 */
export function ExportDialog({
  opened,
  onClose,
  query,
  total,
}: {
  opened: boolean;
  onClose: () => void;
  query: Query;
  total: number;
}) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<Format>('folder');
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The job this dialog still cares about; null once it is cancelled, saved or the dialog closed.
  const job = useRef<string | null>(null);

  const forget = () => {
    const id = job.current;
    job.current = null;
    // The main process deletes the job's file (running or finished but not fetched).
    if (id) void client.invoke('certificates.exportCancel', { jobId: id });
  };
  useEffect(() => forget, []);

  const show = (phase: Run['phase'], s: Status) =>
    setRun({ phase, done: s.done, total: s.total, failed: s.failed, fileName: s.fileName });

  async function save(jobId: string, s: Status) {
    show('saving', s);
    const bytes = new Uint8Array(s.size);
    for (let offset: number | null = 0; offset !== null;) {
      const part: Result<CallOutput<'certificates.exportChunk'>> = await client.invoke(
        'certificates.exportChunk',
        { jobId, offset },
      );
      if (job.current !== jobId) return;
      if (!part.ok) return show('failed', { ...s, failed: [part.error.message] });
      const chunk = base64ToBytes(part.value.base64);
      bytes.set(chunk, offset);
      offset = part.value.nextOffset;
    }
    job.current = null;
    downloadBytes(s.fileName, bytes, 'application/zip');
    show('finished', s);
  }

  async function start() {
    setError(null);
    const started = await client.invoke('certificates.exportStart', { ...query, format });
    if (!started.ok) return setError(started.error.message);
    const { jobId } = started.value;
    job.current = jobId;
    setRun({ phase: 'running', done: 0, total: started.value.total, failed: [], fileName: '' });
    while (job.current === jobId) {
      await sleep(POLL_MS);
      if (job.current !== jobId) return;
      const s = await client.invoke('certificates.exportStatus', { jobId });
      if (job.current !== jobId) return;
      if (!s.ok) {
        job.current = null;
        return setError(s.error.message);
      }
      if (s.value.state === 'finished') return save(jobId, s.value);
      if (s.value.state !== 'running') {
        job.current = null;
        return show(s.value.state, s.value);
      }
      show('running', s.value);
    }
  }

  const cancel = () => {
    forget();
    setRun((r) => (r ? { ...r, phase: 'cancelled' } : r));
  };
  const close = () => {
    forget();
    setRun(null);
    setError(null);
    onClose();
  };

  const busy = run?.phase === 'running' || run?.phase === 'saving';
  const pct = run && run.total > 0 ? Math.round((run.done / run.total) * 100) : busy ? 0 : 100;
  const counts = run ? { done: formatNumber(run.done), total: formatNumber(run.total) } : {};
  const exported = run ? run.done - (run.phase === 'failed' ? 0 : run.failed.length) : 0;
  const message =
    run?.phase === 'failed'
      ? t('certificates.export.failed', { message: run.failed.at(-1) ?? '' })
      : run && run.failed.length > 0
        ? t('certificates.export.failures', { count: run.failed.length, first: run.failed[0] })
        : error;

  return (
    <FormDialog opened={opened} onClose={close} title={t('certificates.export.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">
          {total > 0 ? t('certificates.export.intro', { count: total }) : t('certificates.export.nothing')}
        </Text>
        <Radio.Group
          label={t('certificates.export.format')}
          value={format}
          onChange={(v) => setFormat(v as Format)}
        >
          <Stack gap="sm" mt="xs">
            <Radio
              value="folder"
              disabled={busy}
              label={t('certificates.export.folder')}
              description={t('certificates.export.folderHint')}
            />
            <Radio
              value="merged"
              disabled={busy}
              label={t('certificates.export.merged')}
              description={t('certificates.export.mergedHint')}
            />
          </Stack>
        </Radio.Group>
        {run && (
          <Stack gap={6}>
            <Progress
              value={pct}
              aria-label={t('certificates.export.progressLabel')}
              size="lg"
              animated={busy}
            />
            <Text size="sm" role="status">
              {run.phase === 'running'
                ? t('certificates.export.progress', counts)
                : run.phase === 'saving'
                  ? t('certificates.export.saving', { fileName: run.fileName })
                  : run.phase === 'cancelled'
                    ? t('certificates.export.cancelled', counts)
                    : run.phase === 'finished'
                      ? t('certificates.export.finished', { count: exported, fileName: run.fileName })
                      : null}
            </Text>
          </Stack>
        )}
        <ErrorAlert message={message} />
        <DialogActions
          onCancel={busy ? cancel : close}
          cancelLabel={busy ? t('certificates.export.cancel') : t('certificates.export.close')}
        >
          {!busy && (
            <Button onClick={() => void start()} disabled={total === 0}>
              {t('certificates.export.start', { count: total })}
            </Button>
          )}
        </DialogActions>
      </Stack>
    </FormDialog>
  );
}
