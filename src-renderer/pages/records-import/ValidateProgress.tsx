import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { estimatedRows } from './records-import';

interface Props {
  progress: { rowsRead: number; bytesRead: number; totalBytes: number };
  onCancel: () => void;
}

/** The dry run on its way through the file, by bytes read (rows are only estimated until the end). */
export function ValidateProgress({ progress, onCancel }: Props) {
  const { t } = useTranslation();
  const percent =
    progress.totalBytes > 0 ? Math.min(100, (progress.bytesRead / progress.totalBytes) * 100) : 0;
  const about = estimatedRows(progress);
  const label =
    about === null
      ? t('recordsImport.progress.starting')
      : t('recordsImport.progress.rows', {
          read: formatNumber(progress.rowsRead),
          about: formatNumber(about),
        });
  return (
    <Panel title={t('recordsImport.progress.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('recordsImport.progress.intro')}
        </Text>
        <Progress
          value={Math.round(percent)}
          size="lg"
          radius="sm"
          animated
          aria-label={t('recordsImport.progress.bar')}
        />
        <Group justify="space-between" gap="sm">
          {/* Polite: announced between slices, not on every repaint. */}
          <Text size="sm" aria-live="polite" role="status">
            {label}
          </Text>
          <Button variant="default" leftSection={<IconPlayerStop size={16} aria-hidden />} onClick={onCancel}>
            {t('recordsImport.progress.cancel')}
          </Button>
        </Group>
      </Stack>
    </Panel>
  );
}
