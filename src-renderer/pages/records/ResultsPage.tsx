import { useState } from 'react';
import { Button, EmptyState, Group, Paper, Select } from '@mantine/core';
import { IconClipboardCheck, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallInput } from '../../../shared/api/contract';
import type { ModuleSummary } from '../../../shared/api/schemas/catalog';
import { ResultStatus } from '../../../shared/api/schemas/results';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import tableClasses from '../tables.module.css';
import { ModuleSelect } from './ModuleSelect';
import { ResultsTable } from './ResultsTable';

const PAGE_SIZE = 50;

/** Results of the people in the viewer's scope, live and recorded by hand, with filters. */
export function ResultsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const canRecord = hasPrivilege(user, 'results.record');
  const [status, setStatus] = useState<ResultStatus | null>(null);
  const [module, setModule] = useState<ModuleSummary | null>(null);
  const [page, setPage] = useState(1);
  const input: CallInput<'results.list'> = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  if (status) input.status = status;
  if (module) input.moduleId = module.id;
  const { data, error, loading, reload } = useCall('results.list', input);
  const filtered = Boolean(status || module);
  const recordButton = canRecord && (
    <Button component={Link} to="/results/record" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('recordsScreens.results.record')}
    </Button>
  );

  return (
    <Page
      title={t('recordsScreens.results.title')}
      description={t('recordsScreens.results.description')}
      actions={recordButton}
    >
      <Paper withBorder radius="md">
        <Group p="md" gap="md" align="flex-end" className={tableClasses.toolbar}>
          <ModuleSelect
            label={t('recordsScreens.results.filterModule')}
            placeholder={t('recordsScreens.results.allModules')}
            value={module}
            onChange={(m) => {
              setModule(m);
              setPage(1);
            }}
            publishedOnly={false}
            clearable
            clearButtonProps={{ 'aria-label': t('recordsScreens.results.clearModule') }}
            w={340}
          />
          <Select
            label={t('recordsScreens.results.filterStatus')}
            placeholder={t('recordsScreens.results.allStatuses')}
            data={ResultStatus.options.map((s) => ({
              value: s,
              label: t(`recordsScreens.resultStatus.${s}`),
            }))}
            value={status}
            onChange={(v) => {
              setStatus(v as ResultStatus | null);
              setPage(1);
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('recordsScreens.results.clearStatus') }}
            w={200}
          />
        </Group>
        {error ? (
          <LoadError
            title={t('recordsScreens.results.loadFailed')}
            message={error.message}
            onRetry={reload}
          />
        ) : data && data.rows.length === 0 ? (
          <EmptyState
            icon={<IconClipboardCheck size={28} stroke={1.5} />}
            withIndicatorBackground
            title={filtered ? t('recordsScreens.results.emptyFiltered') : t('recordsScreens.results.empty')}
            description={filtered ? undefined : t('recordsScreens.results.emptyHint')}
            py={48}
            role="status"
          >
            {!filtered && recordButton && <EmptyState.Actions>{recordButton}</EmptyState.Actions>}
          </EmptyState>
        ) : (
          <ResultsTable
            rows={data?.rows ?? []}
            withPerson
            caption={t('recordsScreens.results.caption')}
            loading={loading}
            firstLoad={loading && !data}
            paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
          />
        )}
      </Paper>
    </Page>
  );
}
