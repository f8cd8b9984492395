import { useState } from 'react';
import { Alert, Button, Code, EmptyState, Group, Paper, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconListSearch, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { callNames, contract, type CallInput } from '../../shared/api/contract';
import type { AuditRow, AuditVerification } from '../../shared/api/schemas/audit';
import { client } from '../api/client';
import { LoadError } from '../components/LoadError';
import { Page } from '../components/Page';
import { PagedTable } from '../components/PagedTable';
import { formatDateTime, formatNumber } from '../lib/format';
import { useCall } from '../lib/use-call';
import classes from './tables.module.css';

const PAGE_SIZE = 50;
const COLUMNS = ['seq', 'at', 'who', 'call', 'summary'] as const;
/** Only writes are audited, so only they are worth filtering by. */
const AUDITED_CALLS = callNames.filter((c) => contract[c].write);

function AuditTableRow({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td className={classes.numeric} c="dimmed">
        {row.seq}
      </Table.Td>
      <Table.Td className={classes.nowrap}>
        <time dateTime={row.at}>{formatDateTime(row.at)}</time>
      </Table.Td>
      <Table.Td className={classes.nowrap}>{row.actorName ?? t('common.unknownPerson')}</Table.Td>
      <Table.Td>
        <Code>{row.call}</Code>
      </Table.Td>
      <Table.Td>{row.summary}</Table.Td>
    </Table.Tr>
  );
}

function VerificationResult({ result, onClose }: { result: AuditVerification; onClose: () => void }) {
  const { t } = useTranslation();
  const common = { withCloseButton: true, onClose, closeButtonLabel: t('audit.dismiss'), role: 'status' };
  if (result.intact) {
    return (
      <Alert
        {...common}
        color="teal"
        icon={<IconShieldCheck />}
        title={t('audit.intact', { count: result.checked, formatted: formatNumber(result.checked) })}
      >
        {t('audit.intactBody')}
      </Alert>
    );
  }
  return (
    <Alert
      {...common}
      role="alert"
      color="red"
      icon={<IconShieldX />}
      title={t('audit.broken', { seq: result.brokenAt ?? '?' })}
    >
      {t('audit.brokenBody')}
    </Alert>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [call, setCall] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);

  const input: CallInput<'audit.list'> = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  if (call) input.call = call;
  const { data, error, loading, reload } = useCall('audit.list', input);

  async function verify() {
    setVerifying(true);
    setVerification(null);
    const res = await client.invoke('audit.verify', {});
    setVerifying(false);
    if (res.ok) setVerification(res.value);
    else if (res.error.code !== 'unauthenticated') {
      notifications.show({ color: 'red', title: t('audit.verifyFailed'), message: res.error.message });
    }
  }

  const showSkeleton = loading && !data;
  const rows = data?.rows ?? [];

  return (
    <Page
      title={t('audit.title')}
      description={t('audit.description')}
      actions={
        <Button
          variant="default"
          leftSection={<IconShieldCheck size={16} aria-hidden />}
          loading={verifying}
          onClick={() => void verify()}
        >
          {t('audit.verify')}
        </Button>
      }
    >
      {verification && <VerificationResult result={verification} onClose={() => setVerification(null)} />}
      <Paper withBorder radius="md">
        <Group p="md" className={classes.toolbar}>
          <Select
            label={t('audit.callFilter')}
            placeholder={t('audit.callFilterAll')}
            data={AUDITED_CALLS}
            value={call}
            onChange={(v) => {
              setCall(v);
              setPage(1);
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('audit.clearFilter') }}
            w={{ base: '100%', xs: 280 }}
          />
        </Group>
        {error ? (
          <LoadError title={t('audit.loadFailed')} message={error.message} onRetry={reload} />
        ) : !showSkeleton && rows.length === 0 ? (
          <EmptyState
            icon={<IconListSearch size={28} stroke={1.5} />}
            withIndicatorBackground
            title={call ? t('audit.emptyFiltered') : t('audit.empty')}
            py={48}
            role="status"
          />
        ) : (
          <PagedTable
            headers={COLUMNS.map((c) => t(`audit.columns.${c}`))}
            caption={t('audit.tableCaption')}
            minWidth={820}
            horizontalSpacing="md"
            rows={rows}
            renderRow={(r) => <AuditTableRow key={r.seq} row={r} />}
            loading={loading}
            firstLoad={showSkeleton}
            paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
          />
        )}
      </Paper>
      <Text size="xs" c="dimmed">
        {t('audit.footnote')}
      </Text>
    </Page>
  );
}
