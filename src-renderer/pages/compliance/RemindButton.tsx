import { useState } from 'react';
import { Button, Textarea } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyDone } from '../../lib/notify';

/** The attention list's bulk "Remind": one in-app notification (and queued email) per picked row. */
export function RemindButton({
  rows,
  onSent,
}: {
  rows: readonly { personId: string; moduleId: string }[];
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconBell size={16} aria-hidden />}
        disabled={rows.length === 0}
        onClick={() => setAsking(true)}
      >
        {t('compliance.attention.remind')}
      </Button>
      <ConfirmDialog
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('compliance.attention.remindTitle', { count: rows.length })}
        confirmLabel={t('compliance.attention.remindSend')}
        onConfirm={async () => {
          const res = await client.invoke('configurations.remind', {
            rows: rows.map((r) => ({ personId: r.personId, moduleId: r.moduleId })),
            note: note.trim() || null,
          });
          if (!res.ok) return res.error.message;
          notifyDone(t('compliance.attention.remindDone', { count: res.value.sent }));
          setNote('');
          onSent();
          return null;
        }}
      >
        {t('compliance.attention.remindBody')}
        <Textarea
          mt="sm"
          label={t('compliance.attention.remindNote')}
          value={note}
          maxLength={1000}
          autosize
          minRows={2}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </ConfirmDialog>
    </>
  );
}
