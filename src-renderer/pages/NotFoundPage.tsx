import { Button, EmptyState } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page';
import { Panel } from '../components/Panel';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} maw={720}>
      <Panel>
        <EmptyState
          icon={<IconMapOff size={28} stroke={1.5} />}
          withIndicatorBackground
          description={t('notFound.body')}
          py="lg"
        >
          <EmptyState.Actions>
            <Button component={Link} to="/" variant="light">
              {t('notFound.home')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Panel>
    </Page>
  );
}
