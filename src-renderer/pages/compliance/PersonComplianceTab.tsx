import { useState } from 'react';
import { Button, Group, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonComplianceRow } from '../../../shared/api/schemas/compliance';
import { LoadError } from '../../components/LoadError';
import { Panel } from '../../components/Panel';
import { useCall } from '../../lib/use-call';
import { formatIsoDate, todayIso } from '../records/record-format';
import tableClasses from '../tables.module.css';
import { CellDrawer, type OpenCell } from './CellDrawer';
import { SourceLine } from './SourceLine';
import { ComplianceBadge } from './status';

const COLUMNS = ['module', 'requirement', 'status', 'due', 'last', 'expiry', 'from'] as const;

/** A person's requirements as of a date: status, dates, and which configuration each comes from. */
export function PersonComplianceTab({ personId, personName }: { personId: string; personName: string }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(todayIso);
  const [cell, setCell] = useState<OpenCell | null>(null);
  const input = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { personId, asOf } : { personId };
  const { data, error, loading, reload } = useCall('compliance.person', input);
  const open = (r: PersonComplianceRow) =>
    setCell({ personId, personName, moduleId: r.moduleId, moduleTitle: r.title });

  return (
    <Panel title={t('compliance.person.title')}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Text size="sm" c="dimmed" maw={560}>
            {t('compliance.person.intro')}
          </Text>
          <TextInput
            type="date"
            label={t('compliance.asOf')}
            value={asOf}
            onChange={(e) => setAsOf(e.currentTarget.value)}
            w={170}
          />
        </Group>
        {error ? (
          <LoadError title={t('compliance.person.loadFailed')} message={error.message} onRetry={reload} />
        ) : !data ? (
          <Skeleton height={160} radius="md" />
        ) : data.rows.length === 0 ? (
          <Text role="status">{t('compliance.person.empty')}</Text>
        ) : (
          <Table.ScrollContainer
            minWidth={900}
            type="native"
            tabIndex={0}
            aria-label={t('common.tableScrollRegion')}
          >
            <Table
              verticalSpacing="xs"
              aria-label={t('compliance.person.caption')}
              aria-busy={loading}
              className={loading ? tableClasses.stale : undefined}
            >
              <Table.Thead className={tableClasses.thead}>
                <Table.Tr>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c} scope="col">
                      {t(`compliance.person.columns.${c}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.moduleId} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Button variant="subtle" size="compact-sm" px={4} onClick={() => open(r)}>
                        {r.title}
                      </Button>
                      <Text size="xs" c="dimmed" px={4}>
                        {r.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`configurations.requirement.${r.requirement}`)}</Table.Td>
                    <Table.Td>
                      <ComplianceBadge status={r.status} />
                    </Table.Td>
                    <Table.Td className={tableClasses.nowrap}>{formatIsoDate(r.dueDate)}</Table.Td>
                    <Table.Td className={tableClasses.nowrap}>{formatIsoDate(r.lastCompletion)}</Table.Td>
                    <Table.Td className={tableClasses.nowrap}>{formatIsoDate(r.expiryDate)}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {r.sources.map((s) => (
                          <SourceLine key={s.configurationId} source={s} />
                        ))}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <CellDrawer cell={cell} asOf={data?.asOf ?? todayIso()} onClose={() => setCell(null)} />
    </Panel>
  );
}
