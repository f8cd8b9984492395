import { useState } from 'react';
import { Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { ScopeUnitSelect } from '../compliance/filter-options';
import { downloadCsv } from './records-import';

/** Export the records one may see (optionally one unit), the CSV template, and how the round trip works. */
export function ExportTab() {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [busy, setBusy] = useState<'export' | 'template' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(kind: 'export' | 'template') {
    setBusy(kind);
    setError(null);
    const res =
      kind === 'export'
        ? await client.invoke('records.export', unitId ? { unitId } : {})
        : await client.invoke('records.template', {});
    setBusy(null);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    downloadCsv(res.value);
    if (kind === 'export') {
      notifyDone(
        t('recordsImport.export.done', { count: res.value.rows, formatted: formatNumber(res.value.rows) }),
      );
    }
  }

  return (
    <Stack gap="lg">
      <ErrorAlert message={error} title={t('recordsImport.export.failed')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Panel title={t('recordsImport.export.title')}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('recordsImport.export.intro')}
            </Text>
            <ScopeUnitSelect
              label={t('recordsImport.export.unit')}
              description={t('recordsImport.export.unitHint')}
              placeholder={t('recordsImport.export.unitAll')}
              value={unitId}
              onChange={setUnitId}
              clearable
              clearButtonProps={{ 'aria-label': t('recordsImport.export.clearUnit') }}
            />
            <Group>
              <Button
                leftSection={<IconDownload size={16} aria-hidden />}
                loading={busy === 'export'}
                disabled={busy !== null}
                onClick={() => void run('export')}
              >
                {t('recordsImport.export.button')}
              </Button>
            </Group>
          </Stack>
        </Panel>
        <Panel title={t('recordsImport.template.title')}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('recordsImport.template.intro')}
            </Text>
            <Group>
              <Button
                variant="default"
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                loading={busy === 'template'}
                disabled={busy !== null}
                onClick={() => void run('template')}
              >
                {t('recordsImport.template.button')}
              </Button>
            </Group>
          </Stack>
        </Panel>
      </SimpleGrid>
      <Panel title={t('recordsImport.roundTrip.title')}>
        <List type="ordered" size="sm" spacing="xs">
          <List.Item>{t('recordsImport.roundTrip.export')}</List.Item>
          <List.Item>{t('recordsImport.roundTrip.edit')}</List.Item>
          <List.Item>{t('recordsImport.roundTrip.extra')}</List.Item>
          <List.Item>{t('recordsImport.roundTrip.delete')}</List.Item>
          <List.Item>{t('recordsImport.roundTrip.import')}</List.Item>
        </List>
      </Panel>
    </Stack>
  );
}
