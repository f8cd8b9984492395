import { useState } from 'react';
import {
  Alert,
  Button,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_BYTES } from '../../lib/import-files';
import { downloadText, errorFileName, fileToBase64 } from '../../lib/download';
import type { CallInput, CallOutput } from '../../../shared/api/contract';
import { client } from '../../api/client';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import classes from './Organisation.module.css';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DialogActions } from '../../components/DialogActions';
import { ImportDialog, type ImportDialogProps, type ImportFormProps } from '../../components/ImportDialog';

type Summary = CallOutput<'units.import.validate'>;
type Encoding = NonNullable<CallInput<'units.import.validate'>['encoding']>;

/** The contract caps the base64 text at 50 MB, which is 37 MB of file. */

const ENCODING_LABEL = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
} as const;
const DELIMITER_KEY = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

const TEMPLATE = '\uFEFFCode,Name,Parent Code,Level\r\n';

/** Saves an empty units CSV with the right header, for filling in a spreadsheet. */
export function downloadUnitsTemplate(): void {
  downloadText('units-template.csv', TEMPLATE);
}

function Counts({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const items = [
    ['created', summary.counts.created],
    ['updated', summary.counts.updated],
    ['unchanged', summary.counts.unchanged],
    ['errors', summary.errors.length],
  ] as const;
  return (
    <SimpleGrid cols={4} spacing="sm">
      {items.map(([key, n]) => (
        <Stack key={key} gap={0} p="sm" className={classes.pickerBox}>
          <Text size="xl" fw={700} className={key === 'errors' && n > 0 ? classes.errorCount : undefined}>
            {formatNumber(n)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`organisation.import.${key}`)}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function ErrorTable({ errors }: { errors: Summary['errors'] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer
      minWidth={480}
      mah={260}
      type="native"
      tabIndex={0}
      aria-label={t('organisation.import.errorsTitle')}
    >
      <Table stickyHeader verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organisation.import.row')}</Table.Th>
            <Table.Th scope="col">{t('organisation.import.column')}</Table.Th>
            <Table.Th scope="col">{t('organisation.import.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{e.row}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.column}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Units from a CSV: checked first (a dry run writes nothing), then imported in one go. */
export function ImportUnitsDialog(props: ImportDialogProps) {
  const { t } = useTranslation();
  return <ImportDialog {...props} title={t('organisation.import.title')} size="xl" form={ImportUnits} />;
}

function ImportUnits({ onClose, onImported }: ImportFormProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [checked, setChecked] = useState<Summary | null>(null);
  const [committed, setCommitted] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);

  async function run(dryRun: boolean) {
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(t('organisation.import.tooLarge', { size: '37 MB' }));
      return;
    }
    setBusy(dryRun ? 'check' : 'commit');
    let content: string;
    try {
      content = await fileToBase64(file);
    } catch {
      setBusy(null);
      setError(t('organisation.import.readFailed'));
      return;
    }
    const input = { fileName: file.name, content, encoding };
    const res = await client.invoke(dryRun ? 'units.import.validate' : 'units.import.commit', input);
    setBusy(null);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    if (dryRun) {
      setChecked(res.value);
    } else {
      setCommitted(res.value);
      if (res.value.committed) {
        notifyDone(t('organisation.import.done'));
        onImported();
      } else {
        // The file changed between the check and the import: show what is wrong now.
        setChecked(res.value);
        setCommitted(null);
      }
    }
  }

  if (committed) {
    return (
      <Stack gap="md">
        <Group gap="sm">
          <ThemeIcon color="teal" variant="light" radius="xl" aria-hidden>
            <IconCircleCheck size={18} />
          </ThemeIcon>
          <Text fw={600} role="status">
            {t('organisation.import.committedTitle')}
          </Text>
        </Group>
        <Counts summary={committed} />
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('organisation.import.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const hasErrors = (checked?.errors.length ?? 0) > 0;
  return (
    <Stack gap="md">
      <Text size="sm">{t('organisation.import.intro')}</Text>
      <Group gap="md" align="flex-end">
        <FileInput
          label={t('organisation.import.file')}
          placeholder={t('organisation.import.filePlaceholder')}
          accept=".csv,text/csv,text/plain"
          value={file}
          onChange={(f) => {
            setFile(f);
            setChecked(null);
            setError(null);
          }}
          leftSection={<IconFileTypeCsv size={16} aria-hidden />}
          clearable
          clearButtonProps={{ 'aria-label': t('organisation.import.clearFile') }}
          w={320}
          data-autofocus
        />
        <Select
          label={t('organisation.import.encoding')}
          data={[
            { value: 'auto', label: t('organisation.import.encodingAuto') },
            { value: 'utf-8', label: 'UTF-8' },
            { value: 'windows-1252', label: 'Windows-1252' },
            { value: 'utf-16le', label: 'UTF-16 LE' },
            { value: 'utf-16be', label: 'UTF-16 BE' },
          ]}
          value={encoding}
          onChange={(v) => {
            if (v) setEncoding(v as Encoding);
            setChecked(null);
          }}
          allowDeselect={false}
          w={220}
        />
        <Button variant="default" onClick={() => void run(true)} disabled={!file} loading={busy === 'check'}>
          {t('organisation.import.check')}
        </Button>
      </Group>

      <ErrorAlert message={error} title={t('common.errorTitle')} />

      {checked && (
        <Stack gap="sm" aria-live="polite">
          <Group justify="space-between" gap="xs">
            <Text fw={600}>{t('organisation.import.summaryTitle')}</Text>
            <Text size="xs" c="dimmed">
              {t('organisation.import.readAs', {
                encoding: ENCODING_LABEL[checked.encoding],
                delimiter: t(`organisation.import.delimiter.${DELIMITER_KEY[checked.delimiter]}`),
              })}
            </Text>
          </Group>
          <Counts summary={checked} />
          {hasErrors ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle />}
              title={t('organisation.import.errorsTitle')}
            >
              <Stack gap="sm">
                <Text size="sm">{t('organisation.import.errorsIntro')}</Text>
                <ErrorTable errors={checked.errors} />
                {checked.errorCsv && (
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconDownload size={14} aria-hidden />}
                    onClick={() =>
                      downloadText(errorFileName(file?.name ?? 'units.csv'), checked.errorCsv ?? '')
                    }
                    w="fit-content"
                  >
                    {t('organisation.import.errorFile')}
                  </Button>
                )}
              </Stack>
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('organisation.import.noErrors')}
            </Text>
          )}
        </Stack>
      )}

      <DialogActions onCancel={onClose}>
        <Button
          onClick={() => void run(false)}
          disabled={!checked || hasErrors || checked.counts.created + checked.counts.updated === 0}
          loading={busy === 'commit'}
        >
          {t('organisation.import.commit')}
        </Button>
      </DialogActions>
    </Stack>
  );
}
