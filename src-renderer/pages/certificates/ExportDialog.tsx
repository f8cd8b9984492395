import { useRef, useState } from 'react';
import { Alert, Button, Progress, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import { client } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { downloadBytes } from '../../lib/download';
import { formatNumber } from '../../lib/format';
import { fetchCertificatePdf } from './certificate-format';

type Query = Omit<CallInput<'certificates.list'>, 'offset' | 'limit'>;
const PAGE = 100;
/** Past this, a folder export from the command line serves better than a stream of browser downloads. */
const MANY = 50;

interface Run {
  done: number;
  total: number;
  failed: string[];
  state: 'running' | 'cancelled' | 'finished';
}

/**
 * One PDF per certificate of the current filter, downloaded one after the other with progress and Stop.
 * (Folder export with predictable names, or one merged PDF, is the CLI's `certificates export`.)
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
  const [run, setRun] = useState<Run | null>(null);
  const stop = useRef(false);

  async function start() {
    stop.current = false;
    const progress: Run = { done: 0, total, failed: [], state: 'running' };
    setRun({ ...progress });
    // Fixed pages of the list as it is now; each PDF is made and saved before the next is asked for.
    for (let offset = 0; offset < progress.total && !stop.current; offset += PAGE) {
      const page = await client.invoke('certificates.list', { ...query, offset, limit: PAGE });
      if (!page.ok) {
        progress.failed.push(page.error.message);
        break;
      }
      progress.total = Math.max(page.value.total, offset + page.value.rows.length);
      for (const row of page.value.rows) {
        if (stop.current) break;
        const pdf = await fetchCertificatePdf(row.id);
        if (pdf.ok) downloadBytes(pdf.fileName, pdf.bytes, 'application/pdf');
        else progress.failed.push(`${row.number}: ${pdf.message}`);
        progress.done += 1;
        setRun({ ...progress, failed: [...progress.failed] });
      }
      if (page.value.rows.length < PAGE) break;
    }
    progress.state = stop.current ? 'cancelled' : 'finished';
    setRun({ ...progress, failed: [...progress.failed] });
  }

  const close = () => {
    stop.current = true;
    setRun(null);
    onClose();
  };
  const running = run?.state === 'running';
  const pct = run && run.total > 0 ? Math.round((run.done / run.total) * 100) : 0;

  return (
    <FormDialog opened={opened} onClose={close} title={t('certificates.export.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('certificates.export.intro', { count: total })}</Text>
        {total > MANY && (
          <Alert color="blue" icon={<IconInfoCircle />}>
            {t('certificates.export.tooMany')}
          </Alert>
        )}
        {run && (
          <Stack gap={6}>
            <Progress
              value={pct}
              aria-label={t('certificates.export.progressLabel')}
              size="lg"
              animated={running}
            />
            <Text size="sm" role="status">
              {run.state === 'cancelled'
                ? t('certificates.export.cancelled', {
                    done: formatNumber(run.done),
                    total: formatNumber(run.total),
                  })
                : run.state === 'finished'
                  ? t('certificates.export.finished', { count: run.done - run.failed.length })
                  : t('certificates.export.progress', {
                      done: formatNumber(run.done),
                      total: formatNumber(run.total),
                    })}
            </Text>
          </Stack>
        )}
        <ErrorAlert
          message={
            run && run.failed.length > 0
              ? t('certificates.export.failures', { count: run.failed.length, first: run.failed[0] })
              : null
          }
        />
        <DialogActions
          onCancel={running ? () => (stop.current = true) : close}
          cancelLabel={running ? t('certificates.export.cancel') : t('certificates.export.close')}
        >
          {!running && run?.state !== 'finished' && (
            <Button onClick={() => void start()} disabled={total === 0}>
              {t('certificates.export.start', { count: total })}
            </Button>
          )}
        </DialogActions>
      </Stack>
    </FormDialog>
  );
}
