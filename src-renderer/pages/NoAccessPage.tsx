import { Button, EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page';
import { Panel } from '../components/Panel';

export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('noAccess.title')} maw={720}>
      <Panel>
        <EmptyState
          icon={<IconLock size={28} stroke={1.5} />}
          withIndicatorBackground
          description={t('noAccess.body')}
          py="lg"
        >
          <EmptyState.Actions>
            <Button component={Link} to="/" variant="light">
              {t('noAccess.home')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Panel>
    </Page>
  );
}
