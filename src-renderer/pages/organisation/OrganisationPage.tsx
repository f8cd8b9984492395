import { Tabs } from '@mantine/core';
import { IconBriefcase, IconBuildingWarehouse, IconSitemap } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { LookupsView } from './LookupsView';
import { UnitsView } from './UnitsView';

const TABS = ['units', 'departments', 'jobTitles'] as const;
type Tab = (typeof TABS)[number];
const isTab = (s: string | null): s is Tab => TABS.includes(s as Tab);

/** The unit tree, and the departments and job titles lists, as tabs (the tab is in the address). */
export function OrganisationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = isTab(raw) ? raw : 'units';

  return (
    <Page title={t('organisation.title')} description={t('organisation.description')}>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'units' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('organisation.tabs.label')} mb="md">
          <Tabs.Tab value="units" leftSection={<IconSitemap size={16} aria-hidden />}>
            {t('organisation.tabs.units')}
          </Tabs.Tab>
          <Tabs.Tab value="departments" leftSection={<IconBuildingWarehouse size={16} aria-hidden />}>
            {t('organisation.tabs.departments')}
          </Tabs.Tab>
          <Tabs.Tab value="jobTitles" leftSection={<IconBriefcase size={16} aria-hidden />}>
            {t('organisation.tabs.jobTitles')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="units">
          <UnitsView />
        </Tabs.Panel>
        <Tabs.Panel value="departments">
          <LookupsView list="department" />
        </Tabs.Panel>
        <Tabs.Panel value="jobTitles">
          <LookupsView list="job_title" />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
