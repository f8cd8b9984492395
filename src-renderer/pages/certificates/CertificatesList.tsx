import { useState } from 'react';
import { Anchor, Button, EmptyState, Group, Paper, Table, Text } from '@mantine/core';
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
import type { CertificateDetail, CertificateRow } from '../../../shared/api/schemas/certificates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError } from '../../components/LoadError';
import { PagedTable } from '../../components/PagedTable';
import { RowMenu } from '../../components/RowMenu';
import { useCall } from '../../lib/use-call';
import { formatIsoDate, todayIso } from '../records/record-format';
import classes from '../tables.module.css';
import { CertificateStatusBadge, downloadCertificate, shownStatus } from './certificate-format';
import { CertificateDrawer } from './CertificateDrawer';
import { CertificateFilters, NO_FILTERS, queryOf } from './CertificateFilters';
import { ExportDialog } from './ExportDialog';
import { IssueDialog } from './IssueDialog';
import { RevokeDialog } from './RevokeDialog';

const PAGE_SIZE = 50;
const COLUMNS = ['person', 'title', 'number', 'issued', 'expires', 'status', 'actions'] as const;

/** The managers' table of certificates in scope: filters, row actions, Issue and Export. */
export function CertificatesList() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(NO_FILTERS);
  const [debounced] = useDebouncedValue(filters.search.trim(), 250);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<{ id: string; view: boolean } | null>(null);
  const [revoking, setRevoking] = useState<Pick<
    CertificateDetail,
    'id' | 'number' | 'title' | 'personName'
  > | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const query = queryOf(filters, debounced);
  const filtered = Object.keys(query).length > 0;
  const { data, error, loading, reload } = useCall('certificates.list', {
    ...query,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const rows = data?.rows ?? [];
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
        <CertificateFilters
          value={filters}
          onChange={(next) => {
            // Any filter change starts again from the first page; paging keeps the filters.
            setFilters(next);
            setPage(1);
          }}
          busy={loading && !!data}
        />
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
