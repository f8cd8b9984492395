import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconFileUpload,
  IconListCheck,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contract } from '../../../shared/api/contract';
import type { ImportEncoding } from '../../../shared/api/schemas/import';
import { PEOPLE_COLUMNS, type PeopleImportSummary } from '../../../shared/api/schemas/people-import';
import { client } from '../../api/client';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { Panel } from '../../components/Panel';
import { downloadText, errorFileName, fileToBase64 } from '../../lib/download';
import { formatNumber } from '../../lib/format';
import { hasPrivilege, useUser } from '../../state/user-context';
import { NoAccessPage } from '../NoAccessPage';
import { BackLink } from './BackLink';
import tables from '../tables.module.css';
import classes from './people.module.css';

const ENCODINGS = [
  'auto',
  'utf-8',
  'windows-1252',
  'utf-16le',
  'utf-16be',
] as const satisfies readonly ImportEncoding[];
const ERRORS_PAGE = 25;
/** Matches the contract's cap on the base64 text (4 bytes of base64 per 3 of file). */
const MAX_BYTES = 37_000_000;
const DELIMITERS = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

type Phase = 'idle' | 'checking' | 'checked' | 'committing' | 'done';

interface Checked {
  summary: PeopleImportSummary;
  /** What was checked: committing sends exactly this. */
  input: { fileName: string; content: string; encoding: ImportEncoding; deactivateMissing: boolean };
}

const changesIn = (s: PeopleImportSummary) => s.counts.created + s.counts.updated + s.counts.deactivated;

function downloadTemplate() {
  // Excel needs the BOM to read UTF-8 names (Åsa, Jörgen) correctly.
  downloadText('people-template.csv', `\uFEFF${PEOPLE_COLUMNS.join(',')}\r\n`);
}

function Counts({ summary, done }: { summary: PeopleImportSummary; done?: boolean }) {
  const { t } = useTranslation();
  const tiles = [
    ['created', summary.counts.created],
    ['updated', summary.counts.updated],
    ['unchanged', summary.counts.unchanged],
    ['deactivated', summary.counts.deactivated],
    ...(done ? [] : [['errors', summary.errors.length] as const]),
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: tiles.length }} spacing="sm">
      {tiles.map(([key, value]) => (
        <Paper key={key} withBorder radius="md" p="sm">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts={0.3}>
            {t(`peopleImport.counts.${key}`)}
          </Text>
          <Text
            fz={26}
            fw={700}
            lh={1.3}
            className={key === 'errors' && value > 0 ? classes.problem : undefined}
          >
            {formatNumber(value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function NewNames({ title, names }: { title: string; names: readonly string[] }) {
  if (names.length === 0) return null;
  return (
    <Box>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <List size="sm" spacing={2}>
        {names.map((n) => (
          <List.Item key={n}>{n}</List.Item>
        ))}
      </List>
    </Box>
  );
}

function Problems({ checked }: { checked: Checked }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { errors, errorCsv } = checked.summary;
  const rows = errors.slice((page - 1) * ERRORS_PAGE, page * ERRORS_PAGE);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={3} fz="md" className={classes.problem}>
            {t('peopleImport.errorsTitle', { count: errors.length })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('peopleImport.errorsIntro')}
          </Text>
        </Stack>
        {errorCsv !== null && (
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => downloadText(errorFileName(checked.input.fileName), errorCsv)}
          >
            {t('peopleImport.downloadErrors')}
          </Button>
        )}
      </Group>
      <Paper withBorder radius="md">
        <PagedTable
          headers={[
            t('peopleImport.errorColumns.row'),
            t('peopleImport.errorColumns.column'),
            t('peopleImport.errorColumns.message'),
          ]}
          caption={t('peopleImport.errorsCaption')}
          minWidth={560}
          rows={rows}
          renderRow={(e) => (
            <Table.Tr key={`${e.row}/${e.column}/${e.message}`}>
              <Table.Td className={tables.numeric} w={80}>
                {e.row}
              </Table.Td>
              <Table.Td className={tables.nowrap}>{e.column}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          )}
          loading={false}
          firstLoad={false}
          paging={
            errors.length > ERRORS_PAGE
              ? { page, pageSize: ERRORS_PAGE, total: errors.length, onPage: setPage }
              : null
          }
        />
      </Paper>
    </Stack>
  );
}

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

  const summary = checked?.summary;
  const changes = summary ? changesIn(summary) : 0;
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
              <Counts summary={done} done />
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
            <Panel title={t('peopleImport.fileTitle')}>
              <Stack gap="md">
                <Group align="flex-end" gap="md">
                  <FileInput
                    label={t('peopleImport.file')}
                    placeholder={t('peopleImport.filePlaceholder')}
                    accept=".csv,text/csv"
                    value={file}
                    onChange={(f) => {
                      setFile(f);
                      reset();
                    }}
                    clearable
                    clearButtonProps={{ 'aria-label': t('people.clearFilter') }}
                    leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                    w={{ base: '100%', sm: 360 }}
                  />
                  <Select
                    label={t('peopleImport.encoding')}
                    data={ENCODINGS.map((e) => ({ value: e, label: t(`peopleImport.encodings.${e}`) }))}
                    value={encoding}
                    onChange={(v) => {
                      setEncoding((v ?? 'auto') as ImportEncoding);
                      reset();
                    }}
                    allowDeselect={false}
                    w={{ base: '100%', sm: 280 }}
                  />
                </Group>
                <Text size="sm" c="dimmed">
                  {t('peopleImport.fileHint', { columns: PEOPLE_COLUMNS.join(', ') })}
                </Text>
                <Checkbox
                  label={t('peopleImport.deactivateMissing')}
                  description={t('peopleImport.deactivateMissingHint')}
                  checked={deactivateMissing}
                  onChange={(e) => {
                    setDeactivateMissing(e.currentTarget.checked);
                    reset();
                  }}
                />
                {deactivateMissing && (
                  <Alert color="orange" icon={<IconAlertTriangle />} py="xs">
                    {t('peopleImport.deactivateWarning')}
                  </Alert>
                )}
                <Group gap="sm">
                  <Button
                    leftSection={<IconListCheck size={16} aria-hidden />}
                    disabled={!file || phase === 'committing'}
                    loading={phase === 'checking'}
                    onClick={() => void check()}
                  >
                    {t('peopleImport.check')}
                  </Button>
                  <Button
                    variant="default"
                    leftSection={<IconDownload size={16} aria-hidden />}
                    onClick={downloadTemplate}
                  >
                    {t('peopleImport.template')}
                  </Button>
                </Group>
              </Stack>
            </Panel>

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

            {summary && checked && (
              <div ref={summaryRef} tabIndex={-1} aria-label={t('peopleImport.summaryTitle')}>
                <Panel title={t('peopleImport.summaryTitle')}>
                  <Stack gap="lg">
                    <Text size="sm" c="dimmed">
                      {t('peopleImport.summaryIntro')}{' '}
                      {t('peopleImport.detected', {
                        encoding: t(`peopleImport.encodings.${summary.encoding}`),
                        delimiter: t(`peopleImport.delimiters.${DELIMITERS[summary.delimiter]}`),
                      })}
                    </Text>
                    <Counts summary={summary} />
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <NewNames title={t('peopleImport.newDepartments')} names={summary.newDepartments} />
                      <NewNames title={t('peopleImport.newJobTitles')} names={summary.newJobTitles} />
                    </SimpleGrid>
                    {summary.errors.length > 0 ? (
                      <Problems key={summary.errors.length} checked={checked} />
                    ) : changes === 0 ? (
                      <Alert color="gray">{t('peopleImport.noChanges')}</Alert>
                    ) : null}
                    <Group gap="sm">
                      <Button
                        leftSection={<IconFileUpload size={16} aria-hidden />}
                        disabled={summary.errors.length > 0 || changes === 0 || phase !== 'checked'}
                        loading={phase === 'committing'}
                        onClick={() => void commit()}
                      >
                        {t('peopleImport.commit', { count: changes })}
                      </Button>
                      {summary.errors.length > 0 && (
                        <Text size="sm" c="dimmed">
                          {t('peopleImport.commitBlocked')}
                        </Text>
                      )}
                    </Group>
                  </Stack>
                </Panel>
              </div>
            )}
          </>
        )}
      </Page>
    </>
  );
}
