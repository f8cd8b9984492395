import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordsImportSummary } from '../../../shared/api/schemas/records-import';
import { formatNumber } from '../../lib/format';
import { ChangesTable } from './ChangesTable';

/**
 * Every record an import would change (or did), row by row, so nothing goes in
 * unseen. A heading when it stands alone; none when a tab already names it.
 */
export function ImportChanges({
  summary,
  title,
  intro,
}: {
  summary: RecordsImportSummary;
  title?: string;
  intro?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {(title || intro) && (
        <Stack gap={2}>
          {title && (
            <Title order={3} fz="md">
              {title}
            </Title>
          )}
          {intro && (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          )}
        </Stack>
      )}
      {summary.changeCount === 0 && (
        <Text size="sm" role="status">
          {t('recordsImport.changes.none')}
        </Text>
      )}
      {summary.changeCount > summary.changes.length && (
        <Alert color="orange" py="xs">
          {t('recordsImport.changes.capped', {
            shown: formatNumber(summary.changes.length),
            total: formatNumber(summary.changeCount),
          })}
        </Alert>
      )}
      {summary.changeCount > 0 && (
        <Paper withBorder radius="md">
          <ChangesTable changes={summary.changes} />
        </Paper>
      )}
    </Stack>
  );
}
