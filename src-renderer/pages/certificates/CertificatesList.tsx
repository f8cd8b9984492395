import { useState } from 'react';
import { Anchor, Button, EmptyState, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconAdjustmentsHorizontal,
  IconBan,
  IconCertificate,
  IconDownload,
  IconEye,
  IconFileExport,
  IconPlus,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import type {
  CertificateDetail,
  CertificateRow,
  CertificateStatus,
} from '../../../shared/api/schemas/certificates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError } from '../../components/LoadError';
import { PagedTable } from '../../components/PagedTable';
import { RowMenu } from '../../components/RowMenu';
import { SearchInput } from '../../components/SearchInput';
import { useCall } from '../../lib/use-call';
import { ScopeUnitSelect } from '../compliance/filter-options';
import { formatIsoDate, todayIso } from '../records/record-format';
import classes from '../tables.module.css';
import { CertificateStatusBadge, downloadCertificate, shownStatus } from './certificate-format';
import { CertificateDrawer } from './CertificateDrawer';
import { ExportDialog } from './ExportDialog';
import { IssueDialog } from './IssueDialog';
import { RevokeDialog } from './RevokeDialog';

const PAGE_SIZE = 50;
const COLUMNS = ['person', 'title', 'number', 'issued', 'expires', 'status', 'actions'] as const;
const STATUSES: readonly CertificateStatus[] = ['valid', 'invalid', 'revoked', 'superseded'];

type Query = Omit<CallInput<'certificates.list'>, 'offset' | 'limit'>;

/** The managers' table of certificates in scope: filters, row actions, Issue and Export. */
export function CertificatesList() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [status, setStatus] = useState<CertificateStatus | null>(null);
  const [issuedFrom, setIssuedFrom] = useState('');
  const [issuedTo, setIssuedTo] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<{ id: string; view: boolean } | null>(null);
  const [revoking, setRevoking] = useState<Pick<
    CertificateDetail,
    'id' | 'number' | 'title' | 'personName'
  > | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const query: Query = {};
  if (debounced) query.search = debounced;
  if (unitId) query.unitId = unitId;
  if (status) query.status = status;
  if (/^\d{4}-\d{2}-\d{2}$/.test(issuedFrom)) query.issuedFrom = issuedFrom;
  if (/^\d{4}-\d{2}-\d{2}$/.test(issuedTo)) query.issuedTo = issuedTo;
  const filtered = Object.keys(query).length > 0;
  const { data, error, loading, reload } = useCall('certificates.list', {
    ...query,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const rows = data?.rows ?? [];
  // Any filter change starts again from the first page.
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const today = todayIso();

  return (
    <>
      <Group justify="flex-end" gap="sm">
        <Button
          variant="default"
          leftSection={<IconFileExport size={16} aria-hidden />}
          onClick={() => setExporting(true)}
          disabled={!data || data.total === 0}
        >
          {t('certificates.export.button')}
        </Button>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setIssuing(true)}>
          {t('certificates.manage.issue')}
        </Button>
      </Group>
      <ErrorAlert
        message={actionError}
        title={t('certificates.downloadFailed')}
        withCloseButton
        onClose={() => setActionError(null)}
      />
      <Paper withBorder radius="md">
        <Group p="md" className={classes.toolbar} align="flex-end" gap="sm">
          <SearchInput
            label={t('certificates.manage.search')}
            placeholder={t('certificates.manage.searchPlaceholder')}
            clearLabel={t('certificates.manage.clearSearch')}
            value={search}
            onChange={filter(setSearch)}
            busy={loading && !!data}
            w={230}
          />
          <ScopeUnitSelect
            label={t('certificates.manage.unit')}
            placeholder={t('certificates.manage.unitPlaceholder')}
            value={unitId}
            onChange={filter(setUnitId)}
            clearable
            w={210}
          />
          <Select
            label={t('certificates.manage.statusFilter')}
            placeholder={t('certificates.manage.statusAll')}
            data={STATUSES.map((s) => ({ value: s, label: t(`certificates.status.${s}`) }))}
            value={status}
            onChange={(v) => filter(setStatus)(v as CertificateStatus | null)}
            clearable
            w={150}
          />
          <TextInput
            type="date"
            label={t('certificates.manage.issuedFrom')}
            value={issuedFrom}
            onChange={(e) => filter(setIssuedFrom)(e.currentTarget.value)}
            w={150}
          />
          <TextInput
            type="date"
            label={t('certificates.manage.issuedTo')}
            value={issuedTo}
            onChange={(e) => filter(setIssuedTo)(e.currentTarget.value)}
            w={150}
          />
        </Group>
        {error ? (
          <LoadError title={t('certificates.manage.loadFailed')} message={error.message} onRetry={reload} />
        ) : data && rows.length === 0 ? (
          <EmptyState
            icon={<IconCertificate size={28} stroke={1.5} />}
            withIndicatorBackground
            title={filtered ? t('certificates.manage.emptyFiltered') : t('certificates.manage.empty')}
            description={filtered ? undefined : t('certificates.manage.emptyHint')}
            py={48}
            role="status"
          >
            {!filtered && (
              <EmptyState.Actions>
                <Button
                  component={Link}
                  to="/configurations"
                  variant="light"
                  leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
                >
                  {t('certificates.manage.toConfigurations')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        ) : (
          <PagedTable
            headers={COLUMNS.map((c) => t(`certificates.columns.${c}`))}
            caption={t('certificates.manage.tableCaption')}
            minWidth={1000}
            rows={rows}
            renderRow={(row: CertificateRow) => (
              <Table.Tr key={row.id}>
                <Table.Td className={classes.nowrap}>
                  <Anchor
                    component={Link}
                    to={`/people/${encodeURIComponent(row.personId)}`}
                    size="sm"
                    fw={600}
                  >
                    {row.personName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {row.unitName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => setOpen({ id: row.id, view: false })}
                  >
                    {row.title}
                  </Anchor>
                </Table.Td>
                <Table.Td className={classes.nowrap}>
                  <Text ff="monospace" size="sm">
                    {row.number}
                  </Text>
                </Table.Td>
                <Table.Td className={classes.nowrap}>{formatIsoDate(row.issuedOn)}</Table.Td>
                <Table.Td className={classes.nowrap}>
                  {row.expiresOn ? formatIsoDate(row.expiresOn) : t('certificates.never')}
                </Table.Td>
                <Table.Td>
                  <CertificateStatusBadge status={shownStatus(row, today)} />
                </Table.Td>
                <Table.Td>
                  <RowMenu
                    label={t('certificates.actionsFor', { title: row.title, person: row.personName })}
                    items={[
                      {
                        label: t('certificates.download'),
                        icon: IconDownload,
                        onClick: () => void downloadCertificate(row.id).then(setActionError),
                      },
                      {
                        label: t('certificates.view'),
                        icon: IconEye,
                        onClick: () => setOpen({ id: row.id, view: true }),
                      },
                      row.status !== 'revoked' && {
                        label: t('certificates.revoke'),
                        icon: IconBan,
                        onClick: () => setRevoking(row),
                      },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            )}
            loading={loading}
            firstLoad={loading && !data}
            paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
          />
        )}
      </Paper>
      <CertificateDrawer
        certificateId={open?.id ?? null}
        startWithView={open?.view ?? false}
        onClose={() => setOpen(null)}
        onRevoke={(d) => setRevoking(d)}
      />
      <RevokeDialog
        certificate={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={() => {
          setOpen(null);
          reload();
        }}
      />
      <IssueDialog opened={issuing} onClose={() => setIssuing(false)} onIssued={reload} />
      <ExportDialog
        opened={exporting}
        onClose={() => setExporting(false)}
        query={query}
        total={data?.total ?? 0}
      />
    </>
  );
}
