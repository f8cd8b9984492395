import { Anchor, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ModuleDetail } from '../../../shared/api/schemas/catalog';
import { Panel } from '../../components/Panel';
import { formatDateTime, formatNumber } from '../../lib/format';
import classes from '../tables.module.css';
import { KindBadge } from './module-badges';

/** Each published version, newest first. */
export function VersionsTab({ m }: { m: ModuleDetail }) {
  const { t } = useTranslation();
  const cols = ['version', 'title', 'publishedAt', 'by'] as const;
  return (
    <Panel title={t('catalogScreens.versions.title')}>
      <Text size="sm" c="dimmed" mb="md">
        {t('catalogScreens.versions.hint')}
      </Text>
      {m.versions.length === 0 ? (
        <Text size="sm">{t('catalogScreens.versions.none')}</Text>
      ) : (
        <Table verticalSpacing="xs" aria-label={t('catalogScreens.versions.title')}>
          <Table.Thead className={classes.thead}>
            <Table.Tr>
              {cols.map((c) => (
                <Table.Th key={c} scope="col">
                  {t(`catalogScreens.versions.columns.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...m.versions]
              .sort((a, b) => b.version - a.version)
              .map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td className={classes.numeric}>{v.version}</Table.Td>
                  <Table.Td>{v.title}</Table.Td>
                  <Table.Td className={classes.nowrap}>{formatDateTime(v.publishedAt)}</Table.Td>
                  <Table.Td>{v.publishedByName ?? t('common.unknownPerson')}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}

/** What refers to the module: why it can be archived but not deleted. */
export function UsageTab({ m }: { m: ModuleDetail }) {
  const { t } = useTranslation();
  const u = m.usage;
  const counts = [
    ['enrolments', u.enrolments],
    ['attempts', u.attempts],
    ['results', u.results],
    ['records', u.records],
  ] as const;
  return (
    <Panel title={t('catalogScreens.usage.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('catalogScreens.usage.hint')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" component="dl" m={0}>
          {counts.map(([k, n]) => (
            <div key={k}>
              <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t(`catalogScreens.usage.${k}`)}
              </Text>
              <Text component="dd" m={0} fz={24} fw={600}>
                {formatNumber(n)}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('catalogScreens.usage.usedBy')}
          </Text>
          {u.usedBy.length === 0 ? (
            <Text size="sm">{t('catalogScreens.usage.usedByNone')}</Text>
          ) : (
            <Stack component="ul" gap={4} pl="md" m={0}>
              {u.usedBy.map((x) => (
                <li key={x.id}>
                  <Anchor component={Link} to={`/catalog/${encodeURIComponent(x.id)}`} size="sm">
                    {x.title} ({x.code})
                  </Anchor>{' '}
                  <KindBadge kind={x.kind} />
                </li>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Panel>
  );
}
