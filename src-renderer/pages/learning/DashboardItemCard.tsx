import { useState } from 'react';
import { Box, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconRefresh, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DashboardItem, SessionRow } from '../../../shared/api/schemas/learning';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyDone } from '../../lib/notify';
import { BlockedLine, KindBadge, StateBadge, shownState, type ShownState } from './LearningBadges';
import { formatDate, formatSessionTime, moduleLink } from './learning-format';
import classes from './learning.module.css';

type Action = 'launch' | 'continue' | 'retake' | 'review';

function actionFor(state: ShownState): Action {
  if (state === 'in_progress') return 'continue';
  if (state === 'expired' || state === 'expiring' || state === 'failed') return 'retake';
  if (state === 'completed') return 'review';
  return 'launch';
}

/** The one line that says why this item is where it is in the list (or, for an event, which session is booked). */
function Hint({ item, state, booked }: { item: DashboardItem; state: ShownState; booked?: SessionRow }) {
  const { t } = useTranslation();
  let text: string | null = null;
  if (booked && state !== 'expired')
    text = t(
      booked.myStatus === 'waitlisted'
        ? 'learningScreens.stateHint.waitlisted'
        : 'learningScreens.stateHint.booked',
      { when: formatSessionTime(booked.startsAt, booked.endsAt), place: booked.place },
    );
  else if (state === 'expired' && item.expiryDate)
    text = t('learningScreens.stateHint.expired', { date: formatDate(item.expiryDate) });
  else if (state === 'expiring' && item.expiryDate)
    text = t('learningScreens.stateHint.expiring', { date: formatDate(item.expiryDate) });
  else if (state === 'overdue' && item.dueDate)
    text = t('learningScreens.stateHint.overdue', { date: formatDate(item.dueDate) });
  else if (item.dueDate && state !== 'completed')
    text = t('learningScreens.stateHint.due', { date: formatDate(item.dueDate) });
  if (!text) return null;
  const urgent = state === 'expired' || state === 'overdue';
  return (
    <Text size="sm" fw={600} {...(urgent ? { className: classes.urgent } : {})}>
      {text}
    </Text>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

/**
 * Takes a module the learner signed up for themselves off their list. The server keeps attempts and
 * records; a manager's assignment is not theirs to drop, and a completed one stays as proof.
 */
function RemoveFromList({ item, onRemoved }: { item: DashboardItem; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        variant="subtle"
        color="gray"
        size="compact-sm"
        leftSection={<IconX size={14} aria-hidden />}
        aria-label={t('learningScreens.dashboard.removeLabel', { title: item.title })}
        onClick={() => setAsking(true)}
      >
        {t('learningScreens.dashboard.remove')}
      </Button>
      <ConfirmDialog
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('learningScreens.dashboard.removeTitle', { title: item.title })}
        confirmLabel={t('learningScreens.dashboard.remove')}
        onConfirm={async () => {
          const res = await client.invoke('learning.unenrol', { moduleId: item.moduleId });
          if (!res.ok) return res.error.message;
          notifyDone(t('learningScreens.dashboard.removed', { title: item.title }));
          onRemoved();
          return null;
        }}
      >
        {t('learningScreens.dashboard.removeBody')}
      </ConfirmDialog>
    </>
  );
}

/** One module on the learner's dashboard: its state, progress, dates and the button that opens it. */
export function DashboardItemCard({
  item,
  booked,
  onRemoved,
}: {
  item: DashboardItem;
  /** For an event: the next session the learner holds a place on (or waits for). */
  booked?: SessionRow | undefined;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const state = shownState(item);
  const action = actionFor(state);
  const blocked = item.blockedBy.length > 0;
  const headingId = `item-${item.moduleId}`;
  return (
    <Paper withBorder radius="md" p="md" component="li" className={classes.item} aria-labelledby={headingId}>
      <Group justify="space-between" align="center" wrap="nowrap" gap="lg">
        <Stack gap={4} flex={1} miw={0}>
          <Group gap="xs">
            <StateBadge state={state} />
            <KindBadge kind={item.kind} />
            <Text size="xs" c="dimmed">
              {item.code}
            </Text>
          </Group>
          <Title order={3} fz="md" id={headingId}>
            {item.title}
          </Title>
          <Hint item={item} state={state} {...(booked ? { booked } : {})} />
          {blocked && <BlockedLine blockedBy={item.blockedBy} />}
          {item.attemptsLeft !== null && (
            <Text
              size="sm"
              fw={500}
              {...(item.attemptsLeft === 0 && state !== 'completed' ? { className: classes.urgent } : {})}
            >
              {item.attemptsLeft === 0
                ? t('learningScreens.noAttemptsLeft')
                : t('learningScreens.attemptsLeft', { count: item.attemptsLeft })}
            </Text>
          )}
        </Stack>
        <Stack gap={2} w={170} visibleFrom="sm">
          <Text size="xs" c="dimmed">
            {t('learningScreens.progress')} · {item.progressPercent}%
          </Text>
          <Progress
            value={item.progressPercent}
            color={state === 'completed' ? 'teal' : 'blue'}
            aria-label={t('learningScreens.progressLabel', {
              title: item.title,
              percent: item.progressPercent,
            })}
          />
        </Stack>
        <Box w={110}>
          <Fact label={t('learningScreens.lastCompleted')} value={formatDate(item.lastCompletionDate)} />
        </Box>
        <Box w={110}>
          <Fact
            label={t('learningScreens.expires')}
            value={
              item.expiryDate
                ? formatDate(item.expiryDate)
                : item.lastCompletionDate
                  ? t('learningScreens.neverExpires')
                  : '—'
            }
          />
        </Box>
        <Stack w={160} gap={4} align="flex-end">
          {!blocked && (
            <Button
              component={Link}
              to={moduleLink(item.moduleId)}
              variant={action === 'review' ? 'default' : 'filled'}
              leftSection={
                action === 'retake' ? (
                  <IconRefresh size={16} aria-hidden />
                ) : (
                  <IconPlayerPlay size={16} aria-hidden />
                )
              }
              aria-label={t('learningScreens.actionLabel', {
                action: t(`learningScreens.action.${action}`),
                title: item.title,
              })}
            >
              {t(`learningScreens.action.${action}`)}
            </Button>
          )}
          {item.origin === 'self' && item.state !== 'completed' && (
            <RemoveFromList item={item} onRemoved={onRemoved} />
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
