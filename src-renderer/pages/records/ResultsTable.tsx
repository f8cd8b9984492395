import { useState } from 'react';
import { ActionIcon, Anchor, Table, Text, Tooltip } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResultRow } from '../../../shared/api/schemas/results';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTable } from '../../components/PagedTable';
import tableClasses from '../tables.module.css';
import { downloadEvidence } from './evidence';
import { formatIsoDate, ResultStatusBadge } from './record-format';

const COLUMNS = ['person', 'module', 'status', 'date', 'score', 'source', 'note'] as const;

/** Results as a table; the person column is left out on a person's own page. */
export function ResultsTable({
  rows,
  withPerson,
  caption,
  loading,
  firstLoad,
  paging,
}: {
  rows: readonly ResultRow[];
  withPerson: boolean;
  caption: string;
  loading: boolean;
  firstLoad: boolean;
  paging?: { page: number; pageSize: number; total: number; onPage: (page: number) => void } | null;
}) {
  const { t } = useTranslation();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const columns = COLUMNS.filter((c) => withPerson || c !== 'person');
  return (
    <>
      <ErrorAlert message={downloadError} m="md" withCloseButton onClose={() => setDownloadError(null)} />
      <PagedTable
        headers={columns.map((c) => t(`recordsScreens.results.columns.${c}`))}
        caption={caption}
        minWidth={withPerson ? 1000 : 820}
        rows={rows}
        loading={loading}
        firstLoad={firstLoad}
        paging={paging}
        renderRow={(r) => (
          <Table.Tr key={r.id}>
            {withPerson && (
              <Table.Td className={tableClasses.nowrap}>
                <Anchor component={Link} to={`/people/${r.personId}?tab=training`} size="sm" fw={600}>
                  {r.personName}
                </Anchor>
              </Table.Td>
            )}
            <Table.Td>
              <Text size="sm">{r.moduleTitle}</Text>
              <Text size="xs" c="dimmed">
                {r.moduleCode}
              </Text>
            </Table.Td>
            <Table.Td>
              <ResultStatusBadge status={r.status} />
            </Table.Td>
            <Table.Td className={tableClasses.numeric}>{formatIsoDate(r.date)}</Table.Td>
            <Table.Td className={tableClasses.numeric}>{r.score === null ? '—' : `${r.score} %`}</Table.Td>
            <Table.Td className={tableClasses.nowrap}>
              <Text size="sm">{t(`recordsScreens.resultSource.${r.source}`)}</Text>
              {r.recordedByName && (
                <Text size="xs" c="dimmed">
                  {t('recordsScreens.results.by', { name: r.recordedByName })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2} span>
                {r.note}
              </Text>
              {r.evidenceFileId && (
                <Tooltip label={t('recordsScreens.results.evidence')}>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    ml={4}
                    aria-label={t('recordsScreens.results.evidenceFor', {
                      module: r.moduleTitle,
                      name: r.personName,
                    })}
                    onClick={() => void downloadEvidence(r.evidenceFileId ?? '').then(setDownloadError)}
                  >
                    <IconPaperclip size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
