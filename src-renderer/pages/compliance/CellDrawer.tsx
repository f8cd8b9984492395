import { Anchor, DataList, Drawer, List, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FactItem } from '../../components/FactItem';
import { LoadError } from '../../components/LoadError';
import { useCall } from '../../lib/use-call';
import { formatIsoDate } from '../records/record-format';
import { ComplianceBadge } from './status';
import { SourceLine } from './SourceLine';

export interface OpenCell {
  personId: string;
  personName: string;
  moduleId: string;
  moduleTitle: string;
}

/** One person's history for one module, and the status it gives on the as-of date. */
export function CellDrawer({
  cell,
  asOf,
  onClose,
}: {
  cell: OpenCell | null;
  asOf: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={cell !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={cell ? t('compliance.cell.title', { person: cell.personName, module: cell.moduleTitle }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {cell && <CellHistory cell={cell} asOf={asOf} />}
    </Drawer>
  );
}

function CellHistory({ cell, asOf }: { cell: OpenCell; asOf: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('compliance.cell', {
    personId: cell.personId,
    moduleId: cell.moduleId,
    asOf,
  });
  if (error)
    return <LoadError title={t('compliance.cell.loadFailed')} message={error.message} onRetry={reload} />;
  if (!data) return <Skeleton height={240} radius="md" />;
  const none = t('compliance.cell.none');
  return (
    <Stack gap="lg">
      <DataList withDivider labelWidth={130}>
        <FactItem label={t('compliance.cell.status')} emptyLabel={none}>
          <ComplianceBadge status={data.status} />
        </FactItem>
        <FactItem label={t('compliance.cell.due')} emptyLabel={none}>
          {formatIsoDate(data.dueDate)}
        </FactItem>
        <FactItem label={t('compliance.cell.validity')} emptyLabel={none}>
          {data.validityMonths === null
            ? t('compliance.cell.never')
            : t('compliance.cell.validityMonths', { count: data.validityMonths })}
        </FactItem>
      </DataList>
      <div>
        <Title order={3} fz="md" mb="xs">
          {t('compliance.cell.sources')}
        </Title>
        {data.sources.length === 0 ? (
          <Text size="sm" c="dimmed">
            {none}
          </Text>
        ) : (
          <List spacing={4} size="sm">
            {data.sources.map((s) => (
              <List.Item key={s.configurationId}>
                <SourceLine source={s} />
              </List.Item>
            ))}
          </List>
        )}
      </div>
      <div>
        <Title order={3} fz="md" mb="xs">
          {t('compliance.cell.completions')}
        </Title>
        {data.completions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('compliance.cell.noCompletions')}
          </Text>
        ) : (
          <Table verticalSpacing={6} aria-label={t('compliance.cell.completions')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('compliance.cell.completed')}</Table.Th>
                <Table.Th scope="col">{t('compliance.cell.expires')}</Table.Th>
                <Table.Th scope="col">{t('compliance.cell.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.completions.map((c) => (
                <Table.Tr key={c.recordId} fw={c.counts ? 700 : undefined}>
                  <Table.Td>
                    {formatIsoDate(c.completionDate)}
                    {c.counts && (
                      <Text span size="xs" c="dimmed" fw={400}>
                        {' '}
                        · {t('compliance.cell.counts', { date: formatIsoDate(data.asOf) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.expiryDate ? formatIsoDate(c.expiryDate) : t('compliance.cell.never')}
                    {c.ownExpiry && (
                      <Text span size="xs" c="dimmed" fw={400}>
                        {' '}
                        · {t('compliance.cell.ownExpiry')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`compliance.cell.sourceKind.${c.source}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
      <Anchor component={Link} to={`/people/${encodeURIComponent(cell.personId)}?tab=compliance`} size="sm">
        {t('compliance.cell.openPerson')}
      </Anchor>
    </Stack>
  );
}
