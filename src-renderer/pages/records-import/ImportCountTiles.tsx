import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordsImportSummary } from '../../../shared/api/schemas/records-import';
import { formatNumber } from '../../lib/format';
import classes from './records-import.module.css';

const KEYS = ['created', 'updated', 'deleted', 'unchanged'] as const;

/** What an import would do (or did), and the rows with errors (left out, when only valid rows go in). */
export function ImportCountTiles({ summary }: { summary: RecordsImportSummary }) {
  const { t } = useTranslation();
  const verb = summary.committed ? 'done' : 'would';
  const tiles: { key: string; label: string; value: number; problem?: boolean }[] = [
    ...KEYS.map((k) => ({ key: k, label: t(`recordsImport.counts.${verb}.${k}`), value: summary.counts[k] })),
    summary.committed
      ? { key: 'skipped', label: t('recordsImport.counts.skipped'), value: summary.skipped }
      : {
          key: 'errors',
          label: t('recordsImport.counts.rowsWithErrors'),
          value: summary.rowsWithErrors,
          problem: summary.rowsWithErrors > 0,
        },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
      {tiles.map((tile) => (
        <Paper key={tile.key} withBorder radius="md" p="sm">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts={0.3}>
            {tile.label}
          </Text>
          <Text fz={26} fw={700} lh={1.3} className={tile.problem ? classes.problem : undefined}>
            {formatNumber(tile.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
