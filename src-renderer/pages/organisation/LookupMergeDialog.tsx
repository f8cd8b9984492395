import { useState } from 'react';
import { Alert, Button, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LookupList, LookupRow } from '../../../shared/api/schemas/lookups';
import { client } from '../../api/client';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DialogActions } from '../../components/DialogActions';
import { FormDialog } from '../../components/FormDialog';

/** Merge one entry into another: pick the target, read what will happen, confirm. */
export function LookupMergeDialog({
  list,
  row,
  rows,
  onClose,
  onDone,
}: {
  list: LookupList;
  row: LookupRow | null;
  rows: readonly LookupRow[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog
      opened={!!row}
      onClose={onClose}
      title={row ? t('lookups.mergeTitle', { name: row.name, singular: t(`lookups.${list}.singular`) }) : ''}
    >
      {row && <MergeForm list={list} row={row} rows={rows} onClose={onClose} onDone={onDone} />}
    </FormDialog>
  );
}

function MergeForm({
  list,
  row,
  rows,
  onClose,
  onDone,
}: {
  list: LookupList;
  row: LookupRow;
  rows: readonly LookupRow[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [intoId, setIntoId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const into = rows.find((r) => r.id === intoId);

  async function submit() {
    if (!into) {
      setError(t('lookups.mergeNoTarget'));
      return;
    }
    setBusy(true);
    const res = await client.invoke('lookups.merge', { list, fromId: row.id, intoId: into.id });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    notifyDone(t('lookups.merged', { from: row.name, into: res.value.into.name }));
    onDone();
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        {t('lookups.mergeIntro', { name: row.name, singular: t(`lookups.${list}.singular`) })}
      </Text>
      <Select
        label={t('lookups.mergeInto')}
        data={rows.filter((r) => r.id !== row.id && !r.archived).map((r) => ({ value: r.id, label: r.name }))}
        value={intoId}
        onChange={(v) => {
          setIntoId(v);
          setError(null);
        }}
        searchable
        data-autofocus
      />
      {into && (
        <Alert color="orange" variant="light" role="status">
          {t('lookups.mergeConfirm', {
            count: row.peopleCount,
            formatted: formatNumber(row.peopleCount),
            from: row.name,
            into: into.name,
          })}
        </Alert>
      )}
      <ErrorAlert message={error} />
      <DialogActions onCancel={onClose}>
        <Button color="red" onClick={() => void submit()} loading={busy} disabled={!into}>
          {t('lookups.mergeSubmit')}
        </Button>
      </DialogActions>
    </Stack>
  );
}
