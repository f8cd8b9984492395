import { useState } from 'react';
import { Badge, Group, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { Panel } from '../../components/Panel';
import { useCall } from '../../lib/use-call';
import { formatIsoDate, todayIso } from '../records/record-format';
import tableClasses from '../tables.module.css';
import classes from './competences.module.css';
import { CompetenceBadge } from './status';

const COLUMNS = ['competence', 'status', 'validFrom', 'validUntil', 'source'] as const;

/** What a person holds as of a date, until when, and the completion that gave it. */
export function PersonCompetencesTab({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayIso);
  const input = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { personId, asOf } : { personId };
  const { data, error, loading, reload } = useCall('competences.person', input);

  return (
    <Panel title={t('competences.person.title')}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Text size="sm" c="dimmed" maw={560}>
            {t('competences.person.intro')}
          </Text>
          <TextInput
            type="date"
            label={t('competences.person.asOf')}
            value={asOf}
            onChange={(e) => setAsOf(e.currentTarget.value)}
            w={170}
          />
        </Group>
        {error ? (
          <LoadError title={t('competences.person.loadFailed')} message={error.message} onRetry={reload} />
        ) : !data ? (
          <Skeleton height={160} radius="md" />
        ) : data.rows.length === 0 ? (
          <Text role="status">{t('competences.person.empty')}</Text>
        ) : (
          <Table.ScrollContainer
            minWidth={800}
            type="native"
            tabIndex={0}
            aria-label={t('common.tableScrollRegion')}
          >
            <Table
              verticalSpacing="xs"
              aria-label={t('competences.person.caption')}
              aria-busy={loading}
              className={loading ? tableClasses.stale : undefined}
            >
              <Table.Thead className={tableClasses.thead}>
                <Table.Tr>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c} scope="col">
                      {t(`competences.person.columns.${c}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => {
                  // The completion that decides (the one reaching furthest), for its own date.
                  const deciding =
                    r.grants.find((g) => g.moduleId === r.source.moduleId && g.validUntil === r.validUntil) ??
                    r.grants[0];
                  return (
                    <Table.Tr
                      key={r.competenceId}
                      className={r.status === 'expired' ? classes.expired : undefined}
                      style={{ verticalAlign: 'top' }}
                    >
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={500}>
                            {r.name}
                          </Text>
                          {r.archived && (
                            <Badge size="xs" variant="default">
                              {t('competences.person.archived')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {[...r.path, r.code].join(' › ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CompetenceBadge status={r.status} />
                      </Table.Td>
                      <Table.Td className={tableClasses.nowrap}>{formatIsoDate(r.validFrom)}</Table.Td>
                      <Table.Td className={tableClasses.nowrap}>
                        {r.validUntil ? formatIsoDate(r.validUntil) : t('competences.person.never')}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {t('competences.person.source', {
                            title: r.source.title,
                            date: formatIsoDate(deciding?.completionDate ?? r.validFrom),
                          })}
                        </Text>
                        {r.grants.length > 1 && (
                          <Text size="xs" c="dimmed">
                            {t('competences.person.more', { count: r.grants.length - 1 })}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Panel>
  );
}
