import { useEffect, useState, type FormEvent } from 'react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ModuleUpdate, type ModuleDetail } from '../../../shared/api/schemas/catalog';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { focusFirstError, showServerErrors, zodFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { withoutError } from '../../lib/without-error';
import { EditorSaveBar } from './EditorSaveBar';
import { ModuleDetailsFields } from './ModuleDetailsFields';
import {
  DETAIL_FIELDS,
  detailsBody,
  detailsOf,
  FORM_ID,
  sameJson,
  type DetailField,
  type DetailsDraft,
} from './module-form';

/** A module's details, saved on their own. */
export function DetailsTab({
  m,
  readOnly,
  onSaved,
  onDirty,
}: {
  m: ModuleDetail;
  readOnly: boolean;
  onSaved: (m: ModuleDetail) => void;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const initial = detailsOf(m);
  const [draftState, setDraft] = useState<DetailsDraft | null>(null);
  const draft = draftState ?? initial;
  const dirty = draftState !== null && !sameJson(draftState, initial);
  const [errors, setErrors] = useState<FieldErrors<DetailField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const set = <K extends keyof DetailsDraft>(key: K, value: DetailsDraft[K]) => {
    setDraft((d) => ({ ...(d ?? initial), [key]: value }));
    setErrors((e) => withoutError(e, key));
  };
  const showErrors = (errs: FieldErrors<DetailField>) => {
    setErrors(errs);
    focusFirstError(errs, DETAIL_FIELDS, FORM_ID);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = ModuleUpdate.safeParse({ id: m.id, ...detailsBody(draft) });
    if (!parsed.success) return showErrors(zodFieldErrors(parsed.error, DETAIL_FIELDS));
    setBusy(true);
    const res = await client.invoke('modules.update', parsed.data);
    setBusy(false);
    if (!res.ok) return showServerErrors(res.error, DETAIL_FIELDS, showErrors, setFormError);
    setDraft(null);
    onSaved(res.value);
    notifyDone(t('catalogScreens.editor.saved'));
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <Stack gap="lg">
        <ErrorAlert message={formError} title={t('common.errorTitle')} />
        <Panel>
          <ModuleDetailsFields draft={draft} set={set} errors={errors} isNew={false} readOnly={readOnly} />
        </Panel>
        {!readOnly && (
          <EditorSaveBar
            dirty={dirty}
            busy={busy}
            onDiscard={() => {
              setDraft(null);
              setErrors({});
              setFormError(null);
            }}
          />
        )}
      </Stack>
    </form>
  );
}
