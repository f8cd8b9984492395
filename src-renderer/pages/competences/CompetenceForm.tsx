import { useState, type FormEvent } from 'react';
import { Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompetenceNode } from '../../../shared/api/schemas/competences';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { detailFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { parentOptions, type CompetenceIndex } from './tree-data';

const FIELDS = ['code', 'name', 'description', 'defaultDays', 'parentId'] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  index: CompetenceIndex;
  /** Absent: a new competence under `parentId`. */
  node: CompetenceNode | null;
  parentId: string | null;
  readOnly: boolean;
  onSaved: (node: CompetenceNode) => void;
  onCancel?: () => void;
}

/** A competence's code, name, description, default validity and place in the tree. */
export function CompetenceForm({ index, node, parentId, readOnly, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    code: node?.code ?? '',
    name: node?.name ?? '',
    description: node?.description ?? '',
    defaultDays: node?.defaultDays == null ? '' : String(node.defaultDays),
    parentId: node ? node.parentId : parentId,
  });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof values>(k: K, v: (typeof values)[K]) => {
    setValues((prev) => ({ ...prev, [k]: v }));
    setErrors((prev) => ({ ...prev, [k]: undefined }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const days = values.defaultDays.trim();
    if (days !== '' && !/^\d+$/.test(days)) {
      setErrors({ defaultDays: t('competences.form.wholeDays') });
      return;
    }
    setBusy(true);
    setFormError(null);
    const res = await client.invoke('competences.save', {
      ...(node ? { id: node.id } : {}),
      code: values.code,
      name: values.name,
      description: values.description.trim() || null,
      parentId: values.parentId,
      defaultDays: days === '' ? null : Number(days),
    });
    setBusy(false);
    if (!res.ok) {
      const mapped = detailFieldErrors(res.error.details, FIELDS);
      setErrors(mapped.fields);
      setFormError(mapped.rest.length || !Object.keys(mapped.fields).length ? res.error.message : null);
      return;
    }
    notifyDone(t(node ? 'competences.form.saved' : 'competences.form.created', { name: res.value.name }));
    onSaved(res.value);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <ErrorAlert message={formError} title={t('common.errorTitle')} />
        <Group grow align="flex-start">
          <TextInput
            label={t('competences.form.code')}
            description={t('competences.form.codeHint')}
            value={values.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={errors.code}
            readOnly={readOnly}
            required
            data-autofocus
          />
          <TextInput
            label={t('competences.form.defaultDays')}
            description={t('competences.form.defaultDaysHint')}
            placeholder={t('competences.form.defaultDaysPlaceholder')}
            value={values.defaultDays}
            onChange={(e) => set('defaultDays', e.currentTarget.value)}
            error={errors.defaultDays}
            readOnly={readOnly}
            inputMode="numeric"
          />
        </Group>
        <TextInput
          label={t('competences.form.name')}
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          readOnly={readOnly}
          required
        />
        <Textarea
          label={t('competences.form.description')}
          value={values.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
          readOnly={readOnly}
          autosize
          minRows={2}
          maxRows={6}
        />
        <Select
          label={t('competences.form.parent')}
          placeholder={t('competences.form.parentNone')}
          data={parentOptions(index, node?.id)}
          value={values.parentId}
          onChange={(v) => set('parentId', v)}
          error={errors.parentId}
          readOnly={readOnly}
          clearable
          searchable
          maxDropdownHeight={300}
        />
        {!readOnly && (
          <Group justify="flex-end" gap="sm">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('competences.form.cancel')}
              </Button>
            )}
            <Button type="submit" loading={busy}>
              {t('competences.form.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
