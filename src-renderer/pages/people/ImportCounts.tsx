import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeopleImportSummary } from '../../../shared/api/schemas/people-import';
import { formatNumber } from '../../lib/format';
import classes from './people.module.css';

/** What an import would do (or did): created, updated, unchanged, deactivated and, before it runs, errors. */
export function ImportCounts({ summary, done }: { summary: PeopleImportSummary; done?: boolean }) {
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
