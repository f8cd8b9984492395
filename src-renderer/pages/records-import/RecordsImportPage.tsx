import { Tabs } from '@mantine/core';
import { IconFileExport, IconFileImport, IconHistory } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { ExportTab } from './ExportTab';
import { HistoryTab } from './HistoryTab';
import { ImportTab } from './ImportTab';
import type { Tab } from './records-import';

const TABS: readonly Tab[] = ['import', 'history', 'export'];
const isTab = (s: string | null): s is Tab => TABS.includes(s as Tab);

/** Training records in and out as CSV: import (check, then commit), the import history with undo, export. */
export function RecordsImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = isTab(raw) ? raw : 'import';

  return (
    <Page title={t('recordsImport.title')} description={t('recordsImport.description')}>
      {/* The import stays mounted behind the other tabs, so a checked file is not lost by looking at the history. */}
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'import' ? { tab: v } : {}, { replace: true })}>
        <Tabs.List aria-label={t('recordsImport.tabs.label')} mb="md">
          <Tabs.Tab value="import" leftSection={<IconFileImport size={16} aria-hidden />}>
            {t('recordsImport.tabs.import')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('recordsImport.tabs.history')}
          </Tabs.Tab>
          <Tabs.Tab value="export" leftSection={<IconFileExport size={16} aria-hidden />}>
            {t('recordsImport.tabs.export')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="import">
          <ImportTab />
        </Tabs.Panel>
        <Tabs.Panel value="history">{tab === 'history' && <HistoryTab />}</Tabs.Panel>
        <Tabs.Panel value="export">{tab === 'export' && <ExportTab />}</Tabs.Panel>
      </Tabs>
    </Page>
  );
}
