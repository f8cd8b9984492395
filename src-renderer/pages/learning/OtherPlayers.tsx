import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlayerView } from '../../../shared/api/schemas/learning';
import { KindBadge, StateBadge } from './LearningBadges';
import { moduleLink } from './learning-format';
import classes from './learning.module.css';
import { SessionsTable } from './SessionsTable';

type Of<K extends PlayerView['kind']> = Extract<PlayerView, { kind: K }>;

/** A learning path: its items in order, each with its state, and why a locked one is locked. */
export function PathPlayer({ view }: { view: Of<'learning_path'> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="lg" mb="xs">
        {t('learningScreens.path.items')}
      </Title>
      <Stack gap={4} mb="md" maw={360}>
        <Text size="sm">
          {t('learningScreens.progress')} · {view.progressPercent}%
        </Text>
        <Progress
          value={view.progressPercent}
          aria-label={t('learningScreens.progressLabel', {
            title: view.title,
            percent: view.progressPercent,
          })}
        />
      </Stack>
      <ol className={classes.list} aria-label={t('learningScreens.path.caption')}>
        {view.items.map((item, i) => (
          <Paper key={item.id} component="li" withBorder radius="md" p="sm" className={classes.item}>
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={4}>
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {i + 1}. {item.title}
                  </Text>
                  <KindBadge kind={item.kind} />
                  <StateBadge state={item.state} />
                  {!item.required && (
                    <Text size="xs" c="dimmed">
                      {t('learningScreens.path.optional')}
                    </Text>
                  )}
                </Group>
                {item.lockedReason && (
                  <Text size="sm" fw={500}>
                    <IconLock size={14} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} />
                    {t('learningScreens.path.locked', { reason: item.lockedReason })}
                  </Text>
                )}
              </Stack>
              {!item.lockedReason && (
                <Button
                  component={Link}
                  to={moduleLink(item.id)}
                  variant={item.state === 'completed' ? 'default' : 'filled'}
                  size="xs"
                  aria-label={t('learningScreens.path.openLabel', { title: item.title })}
                >
                  {t('learningScreens.path.open')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </ol>
    </Paper>
  );
}

/** An event: its sessions with register and cancel, and what completes it. */
export function EventPlayer({ view, onChanged }: { view: Of<'event'>; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="lg" mb="xs">
        {t('learningScreens.event.sessions')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {view.graded ? t('learningScreens.event.graded') : t('learningScreens.event.notGraded')}
      </Text>
      {view.sessions.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">
          {t('learningScreens.event.noSessions')}
        </Text>
      ) : (
        <SessionsTable sessions={view.sessions} showModule={false} onChanged={onChanged} />
      )}
    </Paper>
  );
}

/** Training that happens elsewhere: who provides it, where, and how its completion reaches Fieldbook. */
export function ExternalPlayer({ view }: { view: Of<'external'> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        {view.provider && (
          <div>
            <Text size="xs" c="dimmed">
              {t('learningScreens.external.provider')}
            </Text>
            <Text fw={600}>{view.provider}</Text>
          </div>
        )}
        {view.url && (
          <Anchor href={view.url} target="_blank" rel="noopener noreferrer" fw={600}>
            {t('learningScreens.external.open')}{' '}
            <IconExternalLink size={14} aria-hidden style={{ verticalAlign: '-2px' }} />
          </Anchor>
        )}
        {view.url && (
          <Text size="xs" c="dimmed">
            {t('learningScreens.course.needsInternet')}
          </Text>
        )}
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('learningScreens.external.explain')}
        </Alert>
      </Stack>
    </Paper>
  );
}
