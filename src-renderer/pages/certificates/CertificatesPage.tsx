import { Stack, Tabs } from '@mantine/core';
import { IconCertificate, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { CertificatesList } from './CertificatesList';
import { TemplatesTab } from './TemplatesTab';

/** Managers' certificates: the list of those in scope, and the templates they are printed with. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'templates' ? 'templates' : 'list';
  return (
    <Page title={t('certificates.manage.title')} description={t('certificates.manage.description')}>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'templates' ? { tab: 'templates' } : {}, { replace: true })}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="list" leftSection={<IconCertificate size={16} aria-hidden />}>
            {t('certificates.manage.tabList')}
          </Tabs.Tab>
          <Tabs.Tab value="templates" leftSection={<IconTemplate size={16} aria-hidden />}>
            {t('certificates.manage.tabTemplates')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <Stack gap="md">{tab === 'list' && <CertificatesList />}</Stack>
        </Tabs.Panel>
        <Tabs.Panel value="templates">{tab === 'templates' && <TemplatesTab />}</Tabs.Panel>
      </Tabs>
    </Page>
  );
}
