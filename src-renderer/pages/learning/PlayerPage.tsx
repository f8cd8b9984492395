import { useState } from 'react';
import { Alert, Anchor, Group, List, Paper, Text } from '@mantine/core';
import { IconCircleCheck, IconLock } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlayerView } from '../../../shared/api/schemas/learning';
import { BackLink } from '../../components/BackLink';
import { LoadError } from '../../components/LoadError';
import { LoadingPage } from '../../components/LoadingPage';
import { Page } from '../../components/Page';
import { useCall } from '../../lib/use-call';
import { CoursePlayer } from './CoursePlayer';
import { KindBadge, StateBadge } from './LearningBadges';
import { formatDate, moduleLink } from './learning-format';
import { EventPlayer, ExternalPlayer, PathPlayer } from './OtherPlayers';
import { QuizIntro } from './QuizIntro';

function Blocked({ view }: { view: Pick<PlayerView, 'blockedBy'> }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="outline"
      icon={<IconLock size={18} aria-hidden />}
      title={t('learningScreens.blockedTitle')}
    >
      <Text size="sm" mb="xs">
        {t('learningScreens.blockedBody')}
      </Text>
      <List size="sm">
        {view.blockedBy.map((m) => (
          <List.Item key={m.id}>
            <Anchor component={Link} to={moduleLink(m.id)} fw={600}>
              {m.title}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Not on the learner's list, archived, or gone: the server says which. */
function NotOpenable({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Page title={t('learningScreens.player.loadFailed')}>
      <BackLink to="/training" label={t('learningScreens.player.back')} />
      <LoadError title={t('learningScreens.player.loadFailed')} message={message} onRetry={onRetry} />
    </Page>
  );
}

function Completed({ view }: { view: PlayerView }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" icon={<IconCircleCheck size={18} aria-hidden />} role="status">
      <Text fw={600}>
        {t(
          view.trainingRecord
            ? 'learningScreens.player.completedBanner'
            : 'learningScreens.player.completedNoRecord',
        )}
      </Text>
      <Group gap="lg" mt={4}>
        {view.lastCompletionDate && (
          <Text size="sm">
            {t('learningScreens.player.completedOn', { date: formatDate(view.lastCompletionDate) })}
          </Text>
        )}
        {view.expiryDate && (
          <Text size="sm">
            {t('learningScreens.player.expiresOn', { date: formatDate(view.expiryDate) })}
          </Text>
        )}
      </Group>
    </Alert>
  );
}

function Body({
  view,
  onView,
  reload,
}: {
  view: PlayerView;
  onView: (v: PlayerView) => void;
  reload: () => void;
}) {
  if (view.blockedBy.length > 0) return <Blocked view={view} />;
  switch (view.kind) {
    case 'course':
      return <CoursePlayer view={view} onView={onView} />;
    case 'quiz':
      return <QuizIntro view={view} />;
    case 'learning_path':
      return <PathPlayer view={view} />;
    case 'event':
      return <EventPlayer view={view} onChanged={reload} />;
    case 'external':
      return <ExternalPlayer view={view} />;
  }
}

/** Any module the learner opens, in the player of its kind. */
export function PlayerPage() {
  const { t } = useTranslation();
  const moduleId = useParams().moduleId ?? '';
  const { data, error, loading, reload } = useCall('learning.open', { moduleId });
  // completeStep answers with the whole updated view; it stands until the next read.
  const [updated, setUpdated] = useState<{ for: PlayerView; view: PlayerView } | null>(null);
  const view = updated && updated.for === data ? updated.view : data;

  if (error) return <NotOpenable message={error.message} onRetry={reload} />;
  if (!view || (loading && view.moduleId !== moduleId)) return <LoadingPage height={320} />;

  return (
    <Page title={view.title}>
      <Group gap="xs" justify="space-between">
        <BackLink to="/training" label={t('learningScreens.player.back')} />
        <Group gap="xs">
          <Text span size="sm" c="dimmed">
            {view.code}
          </Text>
          <KindBadge kind={view.kind} />
          <StateBadge state={view.state} />
        </Group>
      </Group>
      {view.description && (
        <Paper withBorder radius="md" p="md">
          <Text size="sm" maw={820} style={{ whiteSpace: 'pre-line' }}>
            {view.description}
          </Text>
        </Paper>
      )}
      {view.state === 'completed' && <Completed view={view} />}
      <Body view={view} onView={(v) => data && setUpdated({ for: data, view: v })} reload={reload} />
    </Page>
  );
}
