import { useState } from 'react';
import { Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonComplianceRow } from '../../../shared/api/schemas/compliance';
import { AsOfTable, asOfInput } from '../../components/AsOfTable';
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
  const call = useCall('compliance.person', asOfInput({ personId }, asOf));
  const open = (r: PersonComplianceRow) =>
    setCell({ personId, personName, moduleId: r.moduleId, moduleTitle: r.title });

  return (
    <Panel title={t('compliance.person.title')}>
      <AsOfTable
        intro={t('compliance.person.intro')}
        asOfLabel={t('compliance.asOf')}
        asOf={asOf}
        onAsOfChange={setAsOf}
        call={call}
        loadFailed={t('compliance.person.loadFailed')}
        empty={t('compliance.person.empty')}
        caption={t('compliance.person.caption')}
        columns={COLUMNS.map((c) => t(`compliance.person.columns.${c}`))}
        minWidth={900}
        renderRow={(r) => (
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
        )}
      />
      <CellDrawer cell={cell} asOf={call.data?.asOf ?? todayIso()} onClose={() => setCell(null)} />
    </Panel>
  );
}
