import { useState, type FormEvent } from 'react';
import { Button, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LookupName, type LookupList, type LookupRow } from '../../../shared/api/schemas/lookups';
import { client } from '../../api/client';
import { notifyDone } from '../../lib/notify';
import { DialogActions } from '../../components/DialogActions';
import { FormDialog } from '../../components/FormDialog';

/** Add or rename: one name field. */
export function LookupNameDialog({
  list,
  dialog,
  onClose,
  onDone,
}: {
  list: LookupList;
  dialog: { kind: 'add' } | { kind: 'rename'; row: LookupRow } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const title = !dialog
    ? ''
    : dialog.kind === 'add'
      ? t('lookups.addTitle', { singular: t(`lookups.${list}.singular`) })
      : t('lookups.renameTitle', { name: dialog.row.name });
  return (
    <FormDialog opened={!!dialog} onClose={onClose} title={title}>
      {dialog && <NameForm list={list} dialog={dialog} onClose={onClose} onDone={onDone} />}
    </FormDialog>
  );
}

function NameForm({
  list,
  dialog,
  onClose,
  onDone,
}: {
  list: LookupList;
  dialog: { kind: 'add' } | { kind: 'rename'; row: LookupRow };
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(dialog.kind === 'rename' ? dialog.row.name : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = LookupName.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? t('lookups.nameRequired'));
      return;
    }
    setBusy(true);
    const res =
      dialog.kind === 'add'
        ? await client.invoke('lookups.create', { list, name: parsed.data })
        : await client.invoke('lookups.rename', { list, id: dialog.row.id, name: parsed.data });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    notifyDone(
      dialog.kind === 'add'
        ? t('lookups.added', { name: res.value.name })
        : t('lookups.renamed', { name: res.value.name }),
    );
    onDone();
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('lookups.name')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          required
          data-autofocus
        />
        <DialogActions onCancel={onClose}>
          <Button type="submit" loading={busy}>
            {dialog.kind === 'add' ? t('lookups.add') : t('lookups.save')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}
