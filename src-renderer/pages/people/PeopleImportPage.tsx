import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contract } from '../../../shared/api/contract';
import type { ImportEncoding } from '../../../shared/api/schemas/import';
import type { PeopleImportSummary } from '../../../shared/api/schemas/people-import';
import { client } from '../../api/client';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fileToBase64 } from '../../lib/download';
import { hasPrivilege, useUser } from '../../state/user-context';
import { NoAccessPage } from '../NoAccessPage';
import { BackLink } from './BackLink';
import { ImportCounts } from './ImportCounts';
import { ImportFilePanel } from './ImportFilePanel';
import { ImportSummaryPanel } from './ImportSummaryPanel';
import { MAX_BYTES, type Checked, type Phase } from './people-import';

/** People CSV sync: choose a file, see exactly what would change and what is wrong, then import. */
export function PeopleImportPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [done, setDone] = useState<PeopleImportSummary | null>(null);
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // The answer appears below the form: take keyboard and screen-reader users to it.
  useEffect(() => {
    if (checked) summaryRef.current?.focus();
  }, [checked]);

  if (!hasPrivilege(user, contract['people.import.validate'].access)) return <NoAccessPage />;

  /** Any change to the file or the options makes the last check stale. */
  const reset = () => {
    setChecked(null);
    setDone(null);
    setError(null);
    setPhase('idle');
  };

  async function check() {
    if (!file) return;
    setError(null);
    setChecked(null);
    if (file.size > MAX_BYTES) {
      setError({
        title: t('peopleImport.checkFailed'),
        message: t('peopleImport.fileTooLarge', { size: '37 MB' }),
      });
      return;
    }
    setPhase('checking');
    let content: string;
    try {
      content = await fileToBase64(file);
    } catch {
      setPhase('idle');
      setError({ title: t('peopleImport.checkFailed'), message: t('peopleImport.fileUnreadable') });
      return;
    }
    const input = { fileName: file.name, content, encoding, deactivateMissing };
    const res = await client.invoke('people.import.validate', input);
    if (res.ok) {
      setChecked({ summary: res.value, input });
      setPhase('checked');
    } else {
      setPhase('idle');
      setError({ title: t('peopleImport.checkFailed'), message: res.error.message });
    }
  }

  async function commit() {
    if (!checked) return;
    setError(null);
    setPhase('committing');
    const res = await client.invoke('people.import.commit', checked.input);
    if (res.ok && res.value.committed) {
      setDone(res.value);
      setPhase('done');
    } else if (res.ok) {
      // Something changed since the check (another import, an edit): show the new problems.
      setChecked({ summary: res.value, input: checked.input });
      setPhase('checked');
    } else {
      setPhase('checked');
      setError({ title: t('peopleImport.commitFailed'), message: res.error.message });
    }
  }

  const busy = phase === 'checking' || phase === 'committing';

  return (
    <>
      <BackLink />
      <Page title={t('peopleImport.title')} description={t('peopleImport.description')} maw={960}>
        {phase === 'done' && done ? (
          <Panel>
            <Stack gap="md">
              <Alert
                color="teal"
                icon={<IconCircleCheck />}
                title={t('peopleImport.doneTitle')}
                role="status"
              >
                {t('peopleImport.done')}
              </Alert>
              <ImportCounts summary={done} done />
              <Group gap="sm">
                <Button component={Link} to="/people">
                  {t('peopleImport.toPeople')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    setFile(null);
                    reset();
                  }}
                >
                  {t('peopleImport.another')}
                </Button>
              </Group>
            </Stack>
          </Panel>
        ) : (
          <>
            <ImportFilePanel
              file={file}
              encoding={encoding}
              deactivateMissing={deactivateMissing}
              phase={phase}
              onFileChange={(f) => {
                setFile(f);
                reset();
              }}
              onEncodingChange={(e) => {
                setEncoding(e);
                reset();
              }}
              onDeactivateMissingChange={(on) => {
                setDeactivateMissing(on);
                reset();
              }}
              onCheck={() => void check()}
            />

            <Box aria-live="polite">
              {busy && (
                <Text size="sm" c="dimmed">
                  {phase === 'checking' ? t('peopleImport.checking') : t('peopleImport.committing')}
                </Text>
              )}
              {error && (
                <Alert color="red" role="alert" title={error.title}>
                  {error.message}
                </Alert>
              )}
            </Box>

            {checked && (
              <div ref={summaryRef} tabIndex={-1} aria-label={t('peopleImport.summaryTitle')}>
                <ImportSummaryPanel checked={checked} phase={phase} onCommit={() => void commit()} />
              </div>
            )}
          </>
        )}
      </Page>
    </>
  );
}
