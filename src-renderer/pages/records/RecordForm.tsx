import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { expiryFrom, isIsoDate } from '../../../shared/dates';
import type { FileInfo } from '../../../shared/api/schemas/files';
import { AddExternalRecord, UpdateRecord, type RecordDetail } from '../../../shared/api/schemas/records';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DialogActions } from '../../components/DialogActions';
import type { z } from '../../../shared/zod';
import { zodFieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { useFormFields } from '../../lib/use-form-fields';
import { EvidenceInput } from './EvidenceInput';
import { QualificationSelect, useQualifications } from './QualificationSelect';
import { formatIsoDate } from './record-format';

const FIELDS = [
  'title',
  'provider',
  'completionDate',
  'expiryDate',
  'qualificationId',
  'otherInfo',
  'evidenceFileId',
] as const;
type Field = (typeof FIELDS)[number];

export type RecordFormMode =
  | { kind: 'add'; personId: string; recordType: 'external_course' | 'certificate' }
  | { kind: 'edit'; record: RecordDetail };

const blank = (s: string) => (s.trim() === '' ? null : s.trim());

/** Add an external course or certificate, or edit a record: the fields of `000_*`, with an evidence file. */
export function RecordForm({
  mode,
  onCancel,
  onSaved,
}: {
  mode: RecordFormMode;
  onCancel: () => void;
  onSaved: (record: RecordDetail) => void;
}) {
  const { t } = useTranslation();
  const formId = 'record-form';
  const r = mode.kind === 'edit' ? mode.record : null;
  const f = useFormFields<Field>(formId, {
    title: r?.title ?? '',
    provider: r?.provider ?? '',
    completionDate: r?.completionDate ?? '',
    expiryDate: r?.expiryDate ?? '',
    qualificationId: r?.qualificationId ?? '',
    otherInfo: r?.otherInfo ?? '',
    evidenceFileId: '',
  });
  const [evidence, setEvidence] = useState<FileInfo | null>(null);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const qualifications = useQualifications();
  const qualification = qualifications.find((q) => q.id === f.values.qualificationId) ?? null;
  const defaultExpiry =
    qualification?.defaultValidityMonths && isIsoDate(f.values.completionDate)
      ? expiryFrom(f.values.completionDate, qualification.defaultValidityMonths)
      : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = f.values;
    const common = {
      title: v.title,
      provider: v.provider,
      completionDate: v.completionDate,
      otherInfo: blank(v.otherInfo),
      qualificationId: blank(v.qualificationId),
      ...(evidence ? { evidenceFileId: evidence.id } : {}),
    };
    const invalid = (error: z.ZodError) => {
      f.setErrors(zodFieldErrors(error, FIELDS), FIELDS);
      return null;
    };
    f.setFormError(null);
    let res;
    if (mode.kind === 'add') {
      // Blank expiry on a new record = the server works it out from the qualification (or never).
      const parsed = AddExternalRecord.safeParse({
        ...common,
        personId: mode.personId,
        recordType: mode.recordType,
        ...(blank(v.expiryDate) ? { expiryDate: v.expiryDate } : {}),
      });
      if (!parsed.success) return invalid(parsed.error);
      setBusy(true);
      res = await client.invoke('records.addExternal', parsed.data);
    } else {
      const parsed = UpdateRecord.safeParse({
        ...common,
        id: mode.record.id,
        expiryDate: blank(v.expiryDate),
      });
      if (!parsed.success) return invalid(parsed.error);
      setBusy(true);
      res = await client.invoke('records.update', parsed.data);
    }
    setBusy(false);
    if (!res.ok) {
      f.showServerError(res.error, FIELDS);
      return;
    }
    notifyDone(
      mode.kind === 'add'
        ? t('recordsScreens.form.added', { title: res.value.title })
        : t('recordsScreens.form.saved', { title: res.value.title }),
    );
    onSaved(res.value);
  }

  return (
    <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <ErrorAlert message={f.formError} />
        <TextInput
          label={t('recordsScreens.form.title')}
          required
          withAsterisk
          data-autofocus
          {...f.bind('title')}
        />
        <TextInput
          label={t('recordsScreens.form.provider')}
          description={t('recordsScreens.form.providerHint')}
          required
          withAsterisk
          {...f.bind('provider')}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('recordsScreens.form.completionDate')}
            required
            withAsterisk
            {...f.bind('completionDate')}
          />
          <TextInput
            type="date"
            label={t('recordsScreens.form.expiryDate')}
            description={
              defaultExpiry
                ? t('recordsScreens.form.expiryFromQualification', { date: formatIsoDate(defaultExpiry) })
                : t('recordsScreens.form.expiryHint')
            }
            {...f.bind('expiryDate')}
          />
        </Group>
        <QualificationSelect
          id={`${formId}-qualificationId`}
          value={f.values.qualificationId || null}
          onChange={(v) => f.setValue('qualificationId', v ?? '')}
          error={f.errors.qualificationId}
          keep={r?.qualificationId ?? null}
        />
        <Textarea
          label={t('recordsScreens.form.otherInfo')}
          autosize
          minRows={2}
          maxRows={5}
          {...f.bind('otherInfo')}
          onChange={(e) => f.setValue('otherInfo', e.currentTarget.value)}
        />
        <EvidenceInput
          id={`${formId}-evidenceFileId`}
          value={evidence}
          onChange={setEvidence}
          onBusy={setUploading}
          error={f.errors.evidenceFileId}
          current={r?.evidenceFile ?? null}
        />
        <DialogActions onCancel={onCancel}>
          <Button type="submit" loading={busy} disabled={uploading}>
            {mode.kind === 'add' ? t('recordsScreens.form.add') : t('recordsScreens.form.save')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}
