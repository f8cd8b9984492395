import { useState, type FormEvent } from 'react';
import { Button, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  QualificationCreate,
  QualificationUpdate,
  type QualificationRow,
} from '../../../shared/api/schemas/records';
import { client } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { focusFirstError, showServerErrors, zodFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { withoutError } from '../../lib/without-error';

const FORM_ID = 'qualification';
const FIELDS = ['code', 'name', 'description', 'defaultValidityMonths'] as const;
type Field = (typeof FIELDS)[number];

/** Add a qualification code or change one (records keep pointing at it). */
export function QualificationDialog({
  dialog,
  onClose,
  onDone,
}: {
  dialog: { kind: 'add' } | { kind: 'edit'; row: QualificationRow } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog
      opened={dialog !== null}
      onClose={onClose}
      title={
        dialog?.kind === 'edit'
          ? t('recordsScreens.qualifications.editTitle', { code: dialog.row.code })
          : t('recordsScreens.qualifications.addTitle')
      }
    >
      {dialog && (
        <QualificationForm
          row={dialog.kind === 'edit' ? dialog.row : null}
          onClose={onClose}
          onDone={onDone}
        />
      )}
    </FormDialog>
  );
}

function QualificationForm({
  row,
  onClose,
  onDone,
}: {
  row: QualificationRow | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(row?.code ?? '');
  const [name, setName] = useState(row?.name ?? '');
  const [description, setDescription] = useState(row?.description ?? '');
  const [months, setMonths] = useState<number | string>(row?.defaultValidityMonths ?? '');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const show = (next: FieldErrors<Field>) => {
    setErrors(next);
    focusFirstError(next, FIELDS, FORM_ID);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const values = {
      code,
      name,
      description: description.trim() || null,
      defaultValidityMonths: months === '' ? null : Number(months),
    };
    let res;
    if (row) {
      const parsed = QualificationUpdate.safeParse({ id: row.id, ...values });
      if (!parsed.success) return show(zodFieldErrors(parsed.error, FIELDS));
      setBusy(true);
      res = await client.invoke('qualifications.update', parsed.data);
    } else {
      const parsed = QualificationCreate.safeParse(values);
      if (!parsed.success) return show(zodFieldErrors(parsed.error, FIELDS));
      setBusy(true);
      res = await client.invoke('qualifications.create', parsed.data);
    }
    setBusy(false);
    if (!res.ok) {
      showServerErrors(res.error, FIELDS, show, setFormError);
      return;
    }
    notifyDone(
      row
        ? t('recordsScreens.qualifications.saved', { code: res.value.code })
        : t('recordsScreens.qualifications.added', { code: res.value.code }),
    );
    onDone();
  }

  const bind = (field: Field, set: (v: string) => void) => ({
    id: `${FORM_ID}-${field}`,
    error: errors[field],
    onChange: (e: { currentTarget: { value: string } }) => {
      set(e.currentTarget.value);
      setErrors((x) => withoutError(x, field));
    },
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <ErrorAlert message={formError} />
        <TextInput
          label={t('recordsScreens.qualifications.code')}
          description={t('recordsScreens.qualifications.codeHint')}
          required
          withAsterisk
          data-autofocus
          value={code}
          {...bind('code', setCode)}
        />
        <TextInput
          label={t('recordsScreens.qualifications.name')}
          required
          withAsterisk
          value={name}
          {...bind('name', setName)}
        />
        <Textarea
          label={t('recordsScreens.qualifications.descriptionLabel')}
          autosize
          minRows={2}
          value={description}
          {...bind('description', setDescription)}
        />
        <NumberInput
          id={`${FORM_ID}-defaultValidityMonths`}
          label={t('recordsScreens.qualifications.validity')}
          description={t('recordsScreens.qualifications.validityHint')}
          min={1}
          max={600}
          allowDecimal={false}
          clampBehavior="none"
          value={months}
          onChange={(v) => {
            setMonths(v);
            setErrors((x) => withoutError(x, 'defaultValidityMonths'));
          }}
          error={errors.defaultValidityMonths}
          w={220}
        />
        <DialogActions onCancel={onClose}>
          <Button type="submit" loading={busy}>
            {row ? t('recordsScreens.qualifications.save') : t('recordsScreens.qualifications.add')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}
