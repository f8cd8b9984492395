import { useState } from 'react';
import { Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ResetAttempts } from '../../../shared/api/schemas/results';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyDone } from '../../lib/notify';

/** Resetting a person's attempts at a quiz: audited, with a reason; the attempts stay in the history. */
export function ResetAttemptsDialog({
  target,
  personId,
  personName,
  onClose,
  onDone,
}: {
  target: { moduleId: string; title: string } | null;
  personId: string;
  personName: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const close = () => {
    setReason('');
    setReasonError(null);
    onClose();
  };
  return (
    <ConfirmDialog
      opened={target !== null}
      onClose={close}
      title={t('recordsScreens.attempts.resetTitle', { title: target?.title ?? '', name: personName })}
      confirmLabel={t('recordsScreens.attempts.reset')}
      danger
      onConfirm={async () => {
        if (!target) return null;
        const parsed = ResetAttempts.safeParse({ personId, moduleId: target.moduleId, reason });
        if (!parsed.success) {
          // Returned, the message keeps the dialog open; on the field, it says where.
          const message = parsed.error.issues[0]?.message ?? t('recordsScreens.attempts.reasonHint');
          setReasonError(message);
          document.getElementById('reset-reason')?.focus();
          return message;
        }
        const res = await client.invoke('results.resetAttempts', parsed.data);
        if (!res.ok) return res.error.message;
        notifyDone(t('recordsScreens.attempts.resetDone', { count: res.value.reset, name: personName }));
        setReason('');
        onDone();
        return null;
      }}
    >
      <Text size="sm">{t('recordsScreens.attempts.resetBody', { name: personName })}</Text>
      <Textarea
        id="reset-reason"
        label={t('recordsScreens.attempts.reason')}
        description={t('recordsScreens.attempts.reasonHint')}
        required
        autosize
        minRows={2}
        value={reason}
        error={reasonError}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setReasonError(null);
        }}
      />
    </ConfirmDialog>
  );
}
