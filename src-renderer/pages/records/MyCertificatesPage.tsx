import { useState } from 'react';
import { Button, EmptyState, Group, Paper, Table, Text } from '@mantine/core';
import { IconCertificate, IconDownload, IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CertificateRow } from '../../../shared/api/schemas/certificates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { useCall } from '../../lib/use-call';
import classes from '../tables.module.css';
import { CertificateDrawer } from '../certificates/CertificateDrawer';
import { CertificateStatusBadge, downloadCertificate, shownStatus } from '../certificates/certificate-format';
import { formatIsoDate, todayIso } from './record-format';

const COLUMNS = ['title', 'number', 'issued', 'expires', 'status', 'actions'] as const;

/** The learner's own certificates: status in words, PDF download, and the details with the short code. */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useCall('certificates.mine', {});
  const [open, setOpen] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const rows = data?.rows ?? [];

  return (
    <Page title={t('certificates.mine.title')} description={t('certificates.mine.description')}>
      <ErrorAlert
        message={downloadError}
        title={t('certificates.downloadFailed')}
        withCloseButton
        onClose={() => setDownloadError(null)}
      />
      <Paper withBorder radius="md">
        {error ? (
          <LoadError title={t('certificates.mine.loadFailed')} message={error.message} onRetry={reload} />
        ) : data && rows.length === 0 ? (
          <EmptyState
            icon={<IconCertificate size={32} stroke={1.5} />}
            withIndicatorBackground
            title={t('certificates.mine.empty')}
            description={t('certificates.mine.emptyHint')}
            py={56}
            role="status"
          >
            <EmptyState.Actions>
              <Button
                component={Link}
                to="/training"
                variant="light"
                leftSection={<IconSchool size={16} aria-hidden />}
              >
                {t('certificates.mine.toTraining')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <PagedTable
            headers={COLUMNS.map((c) => t(`certificates.columns.${c}`))}
            caption={t('certificates.mine.tableCaption')}
            minWidth={820}
            rows={rows}
            renderRow={(row) => (
              <MyCertificateRow
                key={row.id}
                row={row}
                onOpen={() => setOpen(row.id)}
                onError={setDownloadError}
              />
            )}
            loading={loading}
            firstLoad={loading && !data}
          />
        )}
      </Paper>
      <CertificateDrawer certificateId={open} onClose={() => setOpen(null)} />
    </Page>
  );
}

function MyCertificateRow({
  row,
  onOpen,
  onError,
}: {
  row: CertificateRow;
  onOpen: () => void;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    onError(await downloadCertificate(row.id));
    setBusy(false);
  };
  return (
    <Table.Tr>
      <Table.Td>
        <Button variant="subtle" size="compact-sm" onClick={onOpen} px={4}>
          <Text fw={600} size="sm">
            {row.title}
          </Text>
        </Button>
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
        <CertificateStatusBadge status={shownStatus(row, todayIso())} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconDownload size={14} aria-hidden />}
            loading={busy}
            onClick={() => void download()}
            aria-label={t('certificates.downloadOne', { title: row.title })}
          >
            {t('certificates.download')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={onOpen}>
            {t('certificates.details')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
