import { Button, Group, Paper, Skeleton, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../lib/use-call';
import { shownState, StateBadge, type ShownState } from './LearningBadges';

/** "3 [Expired]": the number read first, then the same badge the dashboard uses. */
function Count({ state, count }: { state: ShownState; count: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <Text fw={700} fz={24} lh={1}>
        {count}
      </Text>
      <StateBadge state={state} />
    </Group>
  );
}

/** The home page's glance at the learner's own training: how much is expired, expiring, in progress. */
export function TrainingSummary() {
  const { t } = useTranslation();
  const { data, error } = useCall('learning.dashboard', {});
  if (error) return null;
  const counts = { expired: 0, expiring: 0, in_progress: 0 };
  for (const item of data?.items ?? []) {
    const s = shownState(item);
    if (s === 'expired' || s === 'overdue') counts.expired += 1;
    else if (s === 'expiring') counts.expiring += 1;
    else if (s === 'in_progress') counts.in_progress += 1;
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="home-training">
      <Group justify="space-between" gap="md">
        <Group gap="xl">
          <Title order={2} fz="lg" id="home-training">
            {t('learningScreens.home.title')}
          </Title>
          {!data ? (
            <Skeleton height={28} width={320} />
          ) : counts.expired + counts.expiring + counts.in_progress === 0 ? (
            <Text size="sm" c="dimmed">
              {t('learningScreens.home.allClear')}
            </Text>
          ) : (
            <Group gap="xl">
              <Count state="expired" count={counts.expired} />
              <Count state="expiring" count={counts.expiring} />
              <Count state="in_progress" count={counts.in_progress} />
            </Group>
          )}
        </Group>
        <Button
          component={Link}
          to="/training"
          variant="light"
          rightSection={<IconArrowRight size={16} aria-hidden />}
        >
          {t('learningScreens.home.open')}
        </Button>
      </Group>
    </Paper>
  );
}
