import { Button, EmptyState } from '@mantine/core';
import { IconCertificate, IconNotebook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';

/** Certificates arrive with a later change; until then this says so plainly and points at the record. */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('recordsScreens.certificates.title')}
      description={t('recordsScreens.certificates.description')}
    >
      <Panel>
        <EmptyState
          icon={<IconCertificate size={32} stroke={1.5} />}
          withIndicatorBackground
          title={t('recordsScreens.certificates.empty')}
          description={t('recordsScreens.certificates.emptyHint')}
          py={56}
          role="status"
        >
          <EmptyState.Actions>
            <Button
              component={Link}
              to="/my-record"
              variant="light"
              leftSection={<IconNotebook size={16} aria-hidden />}
            >
              {t('recordsScreens.certificates.toRecord')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Panel>
    </Page>
  );
}
