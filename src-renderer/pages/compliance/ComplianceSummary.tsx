import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { formatNumber } from '../../lib/format';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import { formatIsoDate } from '../records/record-format';
import classes from './compliance.module.css';
import { ComplianceBadge } from './status';

const KEYS = ['compliant', 'expiring', 'expired', 'missing', 'overdue'] as const;

/** The coordinator's glance on the home page: counts in scope today, and the change since a week before. */
export function ComplianceSummary() {
  const { t } = useTranslation();
  const user = useUser();
  const { data, error, reload } = useCall('compliance.summary', {});
  if (error)
    return <LoadError title={t('compliance.summary.loadFailed')} message={error.message} onRetry={reload} />;
  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md" gap="xs">
        <div>
          <Title order={2} fz="lg">
            {t('compliance.summary.title')}
          </Title>
          {data && (
            <Text size="sm" c="dimmed">
              {t('compliance.summary.asOf', { date: formatIsoDate(data.asOf) })} ·{' '}
              {t('compliance.summary.people', { count: data.people, formatted: formatNumber(data.people) })}
            </Text>
          )}
        </div>
        <Anchor component={Link} to="/compliance" size="sm" className={classes.summaryLink}>
          {t('compliance.summary.open')}
        </Anchor>
      </Group>
      {!data ? (
        <Skeleton height={72} radius="md" />
      ) : data.people === 0 ? (
        // Zeros would read as "all fine"; say instead that nothing is required of anyone yet.
        <Group justify="space-between" gap="sm">
          <Text size="sm">{t('compliance.summary.nothingRequired')}</Text>
          {hasPrivilege(user, 'assignments.manage') && (
            <Button component={Link} to="/configurations/new" variant="light">
              {t('compliance.summary.configure')}
            </Button>
          )}
        </Group>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
          {KEYS.map((k) => {
            const diff = data.counts[k] - data.weekBefore[k];
            return (
              <div key={k} className={classes.summaryCard}>
                <ComplianceBadge status={k} />
                <Text fz={26} fw={700} lh={1.3} mt={4}>
                  {formatNumber(data.counts[k])}
                </Text>
                <Text size="xs" c="dimmed">
                  {diff === 0
                    ? t('compliance.summary.noChange')
                    : t('compliance.summary.change', { sign: diff > 0 ? '+' : '−', count: Math.abs(diff) })}
                </Text>
              </div>
            );
          })}
        </SimpleGrid>
      )}
    </Paper>
  );
}
