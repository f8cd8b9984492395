import { useState } from 'react';
import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AsOfTable, asOfInput } from '../../components/AsOfTable';
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
  const call = useCall('competences.person', asOfInput({ personId }, asOf));

  return (
    <Panel title={t('competences.person.title')}>
      <AsOfTable
        intro={t('competences.person.intro')}
        asOfLabel={t('competences.person.asOf')}
        asOf={asOf}
        onAsOfChange={setAsOf}
        call={call}
        loadFailed={t('competences.person.loadFailed')}
        empty={t('competences.person.empty')}
        caption={t('competences.person.caption')}
        columns={COLUMNS.map((c) => t(`competences.person.columns.${c}`))}
        minWidth={800}
        renderRow={(r) => {
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
        }}
      />
    </Panel>
  );
}
