import { useEffect, useRef, useState } from 'react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportEncoding } from '../../../shared/api/schemas/import';
import type { DateOrder } from '../../../shared/api/schemas/records-import';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fileToBase64 } from '../../lib/download';
import { notifyDone } from '../../lib/notify';
import { CommittedPanel } from './CommittedPanel';
import { FileDrop } from './FileDrop';
import { OpenedFile } from './OpenedFile';
import { MAX_BYTES, SLICE_ROWS, type Flow } from './records-import';
import { ValidateProgress } from './ValidateProgress';
import { ValidationSummary } from './ValidationSummary';

const forget = (token: string) => void client.invoke('records.import.discard', { token });

/**
 * Open a file (preview, how it was read), check it in slices with progress,
 * look at what it would do and what is wrong, then import it.
 */
export function ImportTab() {
  const { t } = useTranslation();
  const [flow, setFlow] = useState<Flow>({ step: 'pick' });
  const [reopening, setReopening] = useState(false);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  /** The server keeps the opened file until it is committed or discarded. */
  const tokenRef = useRef<string | null>(null);
  /** Bumped by Cancel or a new file, so a running check loop stops at its next slice. */
  const runRef = useRef(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  // Leaving the page forgets the opened file rather than holding it for an hour.
  useEffect(
    () => () => {
      runRef.current++;
      if (tokenRef.current) forget(tokenRef.current);
    },
    [],
  );

  // The answer appears below the file: take keyboard and screen-reader users to it.
  useEffect(() => {
    if (flow.step === 'validated' || flow.step === 'committed') summaryRef.current?.focus();
  }, [flow.step]);

  const startOver = () => {
    runRef.current++;
    if (tokenRef.current) forget(tokenRef.current);
    tokenRef.current = null;
    setError(null);
    setFlow({ step: 'pick' });
  };

  async function open(file: File) {
    startOver();
    if (file.size > MAX_BYTES) {
      setError({ title: t('recordsImport.failed.openFailed'), message: t('recordsImport.pick.tooLarge') });
      return;
    }
    setFlow({ step: 'opening', fileName: file.name });
    let content: string;
    try {
      content = await fileToBase64(file);
    } catch {
      setFlow({ step: 'pick' });
      setError({ title: t('recordsImport.failed.openFailed'), message: t('recordsImport.pick.unreadable') });
      return;
    }
    const run = runRef.current;
    const res = await client.invoke('records.import.open', {
      fileName: file.name,
      content,
      encoding: 'auto',
      dateOrder: 'auto',
    });
    if (run !== runRef.current) {
      if (res.ok) forget(res.value.token);
      return;
    }
    if (!res.ok) {
      setFlow({ step: 'pick' });
      setError({ title: t('recordsImport.failed.openFailed'), message: res.error.message });
      return;
    }
    tokenRef.current = res.value.token;
    setFlow({ step: 'opened', opened: res.value, encoding: 'auto' });
  }

  async function reopen(choice: { encoding: ImportEncoding; dateOrder: DateOrder }) {
    if (flow.step !== 'opened' && flow.step !== 'validated') return;
    const { opened } = flow;
    setError(null);
    setReopening(true);
    const res = await client.invoke('records.import.reopen', { token: opened.token, ...choice });
    setReopening(false);
    if (!res.ok) {
      setError({ title: t('recordsImport.failed.reopenFailed'), message: res.error.message });
      return;
    }
    tokenRef.current = res.value.token;
    // Another reading makes the last check stale: back to the preview.
    setFlow({ step: 'opened', opened: res.value, encoding: choice.encoding });
  }

  async function check() {
    if (flow.step !== 'opened' && flow.step !== 'validated') return;
    const { opened, encoding } = flow;
    setError(null);
    const run = ++runRef.current;
    setFlow({
      step: 'validating',
      opened,
      encoding,
      progress: { rowsRead: 0, bytesRead: 0, totalBytes: opened.totalBytes },
    });
    for (;;) {
      const res = await client.invoke('records.import.validate', {
        token: opened.token,
        maxRows: SLICE_ROWS,
      });
      if (run !== runRef.current) return; // cancelled, or another file chosen
      if (!res.ok) {
        setFlow({ step: 'opened', opened, encoding });
        setError({ title: t('recordsImport.failed.checkFailed'), message: res.error.message });
        return;
      }
      const p = res.value;
      if (p.done && p.summary) {
        setFlow({ step: 'validated', opened, encoding, summary: p.summary });
        return;
      }
      setFlow({ step: 'validating', opened, encoding, progress: p });
    }
  }

  async function commit(validOnly: boolean): Promise<string | null> {
    if (flow.step !== 'validated') return null;
    const { opened, encoding } = flow;
    const res = await client.invoke('records.import.commit', { token: opened.token, validOnly });
    if (!res.ok) return res.error.message;
    const summary = res.value;
    if (summary.committed) {
      // The server has forgotten the upload now that it is in the history.
      tokenRef.current = null;
      setFlow({ step: 'committed', opened, summary });
      notifyDone(t('recordsImport.committed.notify', { fileName: opened.fileName }));
    } else {
      // Something changed since the check (an edit, another import): nothing was written; show why.
      setFlow({ step: 'validated', opened, encoding, summary });
      setError({
        title: t('recordsImport.failed.notCommitted'),
        message: t('recordsImport.failed.changedSince'),
      });
    }
    return null;
  }

  const alert = <ErrorAlert message={error?.message} title={error?.title} />;

  if (flow.step === 'pick' || flow.step === 'opening') {
    return (
      <Stack gap="lg">
        <FileDrop busy={flow.step === 'opening'} onFile={(f) => void open(f)} />
        {alert}
      </Stack>
    );
  }

  if (flow.step === 'committed') {
    return (
      <div ref={summaryRef} tabIndex={-1} aria-label={t('recordsImport.committed.title')}>
        <CommittedPanel opened={flow.opened} summary={flow.summary} onAnother={startOver} />
      </div>
    );
  }

  return (
    <Stack gap="lg">
      <OpenedFile
        opened={flow.opened}
        encoding={flow.encoding}
        busy={flow.step === 'validating' || reopening}
        reopening={reopening}
        checked={flow.step !== 'opened'}
        onReopen={(choice) => void reopen(choice)}
        onCheck={() => void check()}
        onClose={startOver}
      />
      {alert}
      {flow.step === 'validating' && <ValidateProgress progress={flow.progress} onCancel={startOver} />}
      {flow.step === 'validated' && (
        <div ref={summaryRef} tabIndex={-1} aria-label={t('recordsImport.summary.title')}>
          <ValidationSummary
            key={flow.summary.errorCount}
            opened={flow.opened}
            summary={flow.summary}
            onCommit={commit}
          />
        </div>
      )}
    </Stack>
  );
}
