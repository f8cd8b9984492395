import { useEffect, useState, type ReactNode } from 'react';
import {
  Button,
  CopyButton,
  DataList,
  Drawer,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconBan, IconCopy, IconDownload, IconEye, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CertificateDetail } from '../../../shared/api/schemas/certificates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FactItem } from '../../components/FactItem';
import { LoadError } from '../../components/LoadError';
import { PdfViewer } from '../../components/PdfViewer';
import { formatDateTime } from '../../lib/format';
import { useCall } from '../../lib/use-call';
import { formatIsoDate, todayIso } from '../records/record-format';
import {
  CertificateStatusBadge,
  downloadCertificate,
  fetchCertificatePdf,
  shownStatus,
} from './certificate-format';

/** One certificate: its facts, short code, history, the PDF on demand, and Revoke when the viewer may. */
export function CertificateDrawer({
  certificateId,
  onClose,
  onRevoke,
  startWithView = false,
}: {
  certificateId: string | null;
  onClose: () => void;
  /** Offered when the certificate may be revoked by the viewer (managers' list). */
  onRevoke?: (detail: CertificateDetail) => void;
  startWithView?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={certificateId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('certificates.detail.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {certificateId && (
        <CertificateView
          key={certificateId}
          id={certificateId}
          startWithView={startWithView}
          {...(onRevoke ? { onRevoke } : {})}
        />
      )}
    </Drawer>
  );
}

function CertificateView({
  id,
  onRevoke,
  startWithView,
}: {
  id: string;
  onRevoke?: (detail: CertificateDetail) => void;
  startWithView: boolean;
}) {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('certificates.get', { id });
  const [busy, setBusy] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [viewing, setViewing] = useState(startWithView);

  if (error)
    return <LoadError title={t('certificates.detail.loadFailed')} message={error.message} onRetry={reload} />;
  if (!data) return <Skeleton height={360} aria-label={t('common.loading')} />;

  const download = async () => {
    setBusy(true);
    setDownloadError(await downloadCertificate(data.id));
    setBusy(false);
  };
  const downloadButton = (
    <Button
      variant="light"
      leftSection={<IconDownload size={16} aria-hidden />}
      loading={busy}
      onClick={() => void download()}
    >
      {t('certificates.download')}
    </Button>
  );
  const none = t('certificates.none');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text fw={600} size="lg">
          {data.title}
        </Text>
        <CertificateStatusBadge status={shownStatus(data, todayIso())} />
      </Group>
      <Group gap="sm">
        {downloadButton}
        <Button
          variant="default"
          leftSection={viewing ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
          onClick={() => setViewing((v) => !v)}
          aria-expanded={viewing}
        >
          {viewing ? t('certificates.detail.hideView') : t('certificates.view')}
        </Button>
        {onRevoke && data.canRevoke && data.status !== 'revoked' && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconBan size={16} aria-hidden />}
            onClick={() => onRevoke(data)}
          >
            {t('certificates.revoke')}
          </Button>
        )}
      </Group>
      <ErrorAlert message={downloadError} title={t('certificates.downloadFailed')} />
      {viewing && <CertificatePdf id={data.id} download={downloadButton} />}
      <DataList withDivider labelWidth={150}>
        <FactItem emptyLabel={none} label={t('certificates.detail.number')}>
          {data.number}
        </FactItem>
        <FactItem emptyLabel={none} label={t('certificates.detail.shortCode')}>
          <Group gap="xs">
            <Text ff="monospace" size="sm" fw={600}>
              {data.shortCode}
            </Text>
            <CopyButton value={data.shortCode}>
              {({ copied, copy }) => (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconCopy size={12} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? t('certificates.detail.copied') : t('certificates.detail.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            {t('certificates.detail.shortCodeHint')}
          </Text>
        </FactItem>
        <FactItem emptyLabel={none} label={t('certificates.detail.person')}>
          {`${data.personName} (${data.unitName})`}
        </FactItem>
        <FactItem emptyLabel={none} label={t('certificates.detail.kind')}>
          {t(`certificates.kind.${data.kind}`)}
        </FactItem>
        <FactItem emptyLabel={none} label={t('certificates.detail.completed')}>
          {formatIsoDate(data.completedOn)}
        </FactItem>
        <FactItem emptyLabel={none} label={t('certificates.detail.issued')}>
          {formatIsoDate(data.issuedOn)}
        </FactItem>
        <FactItem emptyLabel={none} label={t('certificates.detail.expires')}>
          {data.expiresOn ? formatIsoDate(data.expiresOn) : t('certificates.never')}
        </FactItem>
        {/* Only a certificate that is not (or no longer) valid has a reason to give. */}
        {(data.statusReason || data.supersededBy) && (
          <FactItem emptyLabel={none} label={t('certificates.detail.reason')}>
            {data.statusReason}
            {data.supersededBy && (
              <Text size="sm" c="dimmed">
                {t('certificates.detail.supersededBy')}
              </Text>
            )}
          </FactItem>
        )}
      </DataList>
      <History history={data.history} />
    </Stack>
  );
}

function History({ history }: { history: CertificateDetail['history'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="certificate-history">
      <Title order={3} fz="md" mb="xs" id="certificate-history">
        {t('certificates.detail.history')}
      </Title>
      <Table aria-label={t('certificates.detail.historyCaption')} verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('certificates.detail.historyDate')}</Table.Th>
            <Table.Th scope="col">{t('certificates.detail.historyStatus')}</Table.Th>
            <Table.Th scope="col">{t('certificates.detail.historyReason')}</Table.Th>
            <Table.Th scope="col">{t('certificates.detail.historyBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((e, i) => (
            <Table.Tr key={`${e.at}-${i}`}>
              <Table.Td title={formatDateTime(e.at)}>{formatIsoDate(e.effectiveOn)}</Table.Td>
              <Table.Td>
                <CertificateStatusBadge status={e.status} />
              </Table.Td>
              <Table.Td>{e.reason}</Table.Td>
              <Table.Td>{e.actorName ?? t('certificates.detail.automatic')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

/** The PDF as the download has it, drawn with pdf.js. */
function CertificatePdf({ id, download }: { id: string; download: ReactNode }) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<
    { key: string; bytes: Uint8Array; name: string } | { key: string; error: string } | null
  >(null);
  const key = `${id}#${attempt}`;
  useEffect(() => {
    let gone = false;
    void fetchCertificatePdf(id).then((r) => {
      if (!gone) setState(r.ok ? { key, bytes: r.bytes, name: r.fileName } : { key, error: r.message });
    });
    return () => {
      gone = true;
    };
  }, [id, key]);
  if (!state || state.key !== key)
    return <Skeleton height={320} aria-label={t('certificates.detail.viewLoading')} />;
  if ('error' in state)
    return (
      <LoadError
        title={t('certificates.downloadFailed')}
        message={state.error}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    );
  return <PdfViewer data={state.bytes} name={state.name} download={download} />;
}
