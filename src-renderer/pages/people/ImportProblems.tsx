import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PagedTable } from '../../components/PagedTable';
import { downloadText, errorFileName } from '../../lib/download';
import tables from '../tables.module.css';
import classes from './people.module.css';
import type { Checked } from './people-import';

const ERRORS_PAGE = 25;

/** The rows an import cannot take, paged, with the error file to download and fix. */
export function ImportProblems({ checked }: { checked: Checked }) {
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
