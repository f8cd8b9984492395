import { Button, EmptyState, Group, Skeleton, Stack } from '@mantine/core';
import { IconSchool, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { useCall } from '../../lib/use-call';
import { visibleItems, type NavItemId } from '../../shell/nav-items';
import { useUser } from '../../state/user-context';
import { DashboardItemCard } from './DashboardItemCard';
import { SessionsTable } from './SessionsTable';
import classes from './learning.module.css';

/** The learner's other pages, as the navigation defines them (path, icon, privilege, label). */
const SHORTCUTS: readonly NavItemId[] = ['browse', 'myRecord', 'myCertificates'];

function Shortcuts() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Group gap="xs">
      {visibleItems(user)
        .filter((item) => SHORTCUTS.includes(item.id))
        .map((item) => (
          <Button
            key={item.id}
            component={Link}
            to={item.path}
            variant="default"
            leftSection={<item.icon size={16} aria-hidden />}
          >
            {t(item.labelKey)}
          </Button>
        ))}
    </Group>
  );
}

/** The learner's dashboard: what they are on, most urgent first, and their upcoming sessions. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('learning.dashboard', {});

  return (
    <Page
      title={t('learningScreens.dashboard.title')}
      description={t('learningScreens.dashboard.description')}
      actions={<Shortcuts />}
    >
      {error ? (
        <LoadError
          title={t('learningScreens.dashboard.loadFailed')}
          message={error.message}
          onRetry={reload}
        />
      ) : !data ? (
        <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')}>
          <Skeleton height={110} radius="md" />
          <Skeleton height={110} radius="md" />
        </Stack>
      ) : (
        <>
          <Panel title={t('learningScreens.dashboard.itemsTitle')}>
            {data.items.length === 0 ? (
              <EmptyState
                icon={<IconSchool size={28} stroke={1.5} />}
                withIndicatorBackground
                title={t('learningScreens.dashboard.empty')}
                description={t('learningScreens.dashboard.emptyHint')}
                py={32}
                role="status"
              >
                <EmptyState.Actions>
                  <Button component={Link} to="/browse" leftSection={<IconSearch size={16} aria-hidden />}>
                    {t('learningScreens.dashboard.browse')}
                  </Button>
                </EmptyState.Actions>
              </EmptyState>
            ) : (
              <ul className={classes.list} aria-label={t('learningScreens.dashboard.listLabel')}>
                {data.items.map((item) => (
                  <DashboardItemCard
                    key={item.moduleId}
                    item={item}
                    booked={data.upcomingSessions.find((s) => s.moduleId === item.moduleId && s.myStatus)}
                    onRemoved={reload}
                  />
                ))}
              </ul>
            )}
          </Panel>
          <Panel title={t('learningScreens.sessions.title')}>
            <SessionsTable sessions={data.upcomingSessions} showModule onChanged={reload} />
          </Panel>
        </>
      )}
    </Page>
  );
}
