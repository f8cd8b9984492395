import { Alert, Button, Checkbox, FileInput, Group, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFileSpreadsheet, IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportEncoding } from '../../../shared/api/schemas/import';
import { PEOPLE_COLUMNS } from '../../../shared/api/schemas/people-import';
import { Panel } from '../../components/Panel';
import { downloadTemplate, ENCODINGS, type Phase } from './people-import';

/** The file to import, its encoding, whether to deactivate who is missing, and Check. */
export function ImportFilePanel({
  file,
  encoding,
  deactivateMissing,
  phase,
  onFileChange,
  onEncodingChange,
  onDeactivateMissingChange,
  onCheck,
}: {
  file: File | null;
  encoding: ImportEncoding;
  deactivateMissing: boolean;
  phase: Phase;
  onFileChange: (file: File | null) => void;
  onEncodingChange: (encoding: ImportEncoding) => void;
  onDeactivateMissingChange: (on: boolean) => void;
  onCheck: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Panel title={t('peopleImport.fileTitle')}>
      <Stack gap="md">
        <Group align="flex-end" gap="md">
          <FileInput
            label={t('peopleImport.file')}
            placeholder={t('peopleImport.filePlaceholder')}
            accept=".csv,text/csv"
            value={file}
            onChange={onFileChange}
            clearable
            clearButtonProps={{ 'aria-label': t('people.clearFilter') }}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            w={{ base: '100%', sm: 360 }}
          />
          <Select
            label={t('peopleImport.encoding')}
            data={ENCODINGS.map((e) => ({ value: e, label: t(`peopleImport.encodings.${e}`) }))}
            value={encoding}
            onChange={(v) => onEncodingChange((v ?? 'auto') as ImportEncoding)}
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
          onChange={(e) => onDeactivateMissingChange(e.currentTarget.checked)}
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
            onClick={onCheck}
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
  );
}
