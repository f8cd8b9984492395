import { useState } from 'react';
import { Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateDetail } from '../../../shared/api/schemas/certificates';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyDone } from '../../lib/notify';

type Revocable = Pick<CertificateDetail, 'id' | 'number' | 'title' | 'personName'>;

/** Revoke with a required reason; the server's refusal stays in the dialog. */
export function RevokeDialog({
  certificate,
  onClose,
  onRevoked,
}: {
  certificate: Revocable | null;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => {
    setReason('');
    setMissing(false);
    onClose();
  };

  async function revoke(): Promise<string | null> {
    if (!certificate) return null;
    if (!reason.trim()) {
      setMissing(true);
      return t('certificates.revokeDialog.reasonMissing');
    }
    const res = await client.invoke('certificates.revoke', { id: certificate.id, reason: reason.trim() });
    if (!res.ok) return res.error.details?.[0]?.message ?? res.error.message;
    notifyDone(t('certificates.revokeDialog.done', { number: certificate.number }));
    setReason('');
    setMissing(false);
    onRevoked();
    return null;
  }

  return (
    <ConfirmDialog
      opened={certificate !== null}
      onClose={close}
      title={t('certificates.revokeDialog.title', { number: certificate?.number ?? '' })}
      confirmLabel={t('certificates.revokeDialog.confirm')}
      danger
      onConfirm={revoke}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('certificates.revokeDialog.body', {
            person: certificate?.personName ?? '',
            title: certificate?.title ?? '',
          })}
        </Text>
        <Textarea
          label={t('certificates.revokeDialog.reason')}
          description={t('certificates.revokeDialog.reasonHint')}
          required
          data-autofocus
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t('certificates.revokeDialog.reasonMissing') : undefined}
        />
      </Stack>
    </ConfirmDialog>
  );
}
