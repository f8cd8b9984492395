import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconArchive, IconInfoCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConfigurationDetail } from '../../../shared/api/schemas/configurations';
import type { ApiErrorBody } from '../../../shared/api/errors';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { SaveBar } from '../../components/SaveBar';
import { UnsavedChangesPrompt } from '../../components/UnsavedChangesPrompt';
import { focusFirstError, type FieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { withoutError } from '../../lib/without-error';
import {
  draftFrom,
  FIELDS,
  itemsInput,
  sameDraft,
  type Draft,
  type Field,
  type ItemDraft,
} from './config-draft';
import { ItemsPanel } from './ItemsPanel';
import { TargetPanel } from './TargetPanel';

const FORM_ID = 'config';

/** A configuration's name, target and modules: a form for managers, facts for everyone else. */
export function ConfigurationEditor({
  detail,
  canManage,
  onSaved,
}: {
  detail: ConfigurationDetail | null;
  canManage: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const initial = draftFrom(detail);
  const [draftState, setDraft] = useState<Draft | null>(null);
  const draft = draftState ?? initial;
  const dirty = draftState !== null && !sameDraft(draftState, initial);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [itemErrors, setItemErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const leaving = useRef(false);
  const readOnly = !canManage || !!detail?.archived;

  const patch = (p: Partial<Draft>) => {
    setDraft((d) => ({ ...(d ?? initial), ...p }));
    for (const k of Object.keys(p))
      if (k === 'name' || k === 'description') setErrors((e) => withoutError(e, k));
  };
  const setItems = (update: (items: ItemDraft[]) => ItemDraft[]) => {
    setDraft((d) => {
      const base = d ?? initial;
      return { ...base, items: update(base.items) };
    });
    setItemErrors(new Map());
  };

  function showErrors(error: ApiErrorBody) {
    const fields: FieldErrors<Field> = {};
    const byItem = new Map<number, string>();
    for (const d of error.details ?? []) {
      const [head, index] = d.path.split('.');
      if (head === 'items' && index !== undefined && /^\d+$/.test(index)) {
        if (!byItem.has(Number(index))) byItem.set(Number(index), d.message);
      } else if (head === 'targetType') fields.targetId ??= d.message;
      else if (FIELDS.includes(head as Field)) fields[head as Field] ??= d.message;
    }
    setErrors(fields);
    setItemErrors(byItem);
    const mapped = Object.keys(fields).length + byItem.size;
    setFormError(mapped === 0 || byItem.size > 0 ? error.message : null);
    focusFirstError(fields, FIELDS, FORM_ID);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local: FieldErrors<Field> = {};
    if (!draft.name.trim()) local.name = t('configurations.editor.name');
    if (!draft.targetId) local.targetId = t('configurations.editor.pickTarget');
    if (Object.keys(local).length) {
      setErrors(local);
      focusFirstError(local, FIELDS, FORM_ID);
      return;
    }
    setBusy(true);
    const common = {
      name: draft.name,
      description: draft.description.trim() || null,
      items: itemsInput(draft.items),
    };
    const res = detail
      ? await client.invoke('configurations.update', { id: detail.id, ...common })
      : await client.invoke('configurations.create', {
          ...common,
          targetType: draft.targetType,
          targetId: draft.targetId ?? '',
        });
    setBusy(false);
    if (!res.ok) return showErrors(res.error);
    if (detail) {
      notifyDone(t('configurations.editor.saved'));
      setDraft(null);
      onSaved();
    } else {
      notifyDone(t('configurations.editor.created', { name: res.value.name }));
      leaving.current = true;
      void navigate(`/configurations/${encodeURIComponent(res.value.id)}`, { replace: true });
    }
  }

  async function archive() {
    if (!detail) return null;
    const res = await client.invoke('configurations.archive', { id: detail.id });
    if (!res.ok) return res.error.message;
    notifyDone(t('configurations.editor.archived'));
    setDraft(null);
    onSaved();
    return null;
  }

  return (
    <form id={FORM_ID} onSubmit={(e) => void save(e)} noValidate>
      <Stack gap="lg">
        {detail?.archived && (
          <Alert color="gray" icon={<IconInfoCircle />}>
            {t('configurations.editor.archivedNote')}
          </Alert>
        )}
        {!canManage && !detail?.archived && (
          <Alert color="gray" icon={<IconInfoCircle />}>
            {t('configurations.editor.readOnly')}
          </Alert>
        )}
        <ErrorAlert message={formError} title={t('common.errorTitle')} />
        <Panel title={t('configurations.editor.detailsTitle')}>
          {readOnly ? (
            <Text size="sm" {...(detail?.description ? {} : { c: 'dimmed' })}>
              {detail?.description || t('compliance.cell.none')}
            </Text>
          ) : (
            <Stack gap="md">
              <TextInput
                id={`${FORM_ID}-name`}
                label={t('configurations.editor.name')}
                value={draft.name}
                onChange={(e) => patch({ name: e.currentTarget.value })}
                error={errors.name}
                required
                maw={560}
              />
              <Textarea
                id={`${FORM_ID}-description`}
                label={t('configurations.editor.description')}
                description={t('configurations.editor.descriptionHint')}
                value={draft.description}
                onChange={(e) => patch({ description: e.currentTarget.value })}
                error={errors.description}
                autosize
                minRows={2}
                maw={720}
              />
            </Stack>
          )}
        </Panel>
        <TargetPanel
          draft={draft}
          locked={!!detail || readOnly}
          error={errors.targetId}
          onChange={(p) => {
            patch(p);
            setErrors((e) => withoutError(e, 'targetId'));
          }}
        />
        <ItemsPanel
          items={draft.items}
          readOnly={readOnly}
          error={errors.items}
          itemErrors={itemErrors}
          onChange={setItems}
        />
        {!readOnly && (
          <SaveBar>
            {detail && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconArchive size={16} aria-hidden />}
                onClick={() => setArchiving(true)}
              >
                {t('configurations.editor.archive')}
              </Button>
            )}
            <Group gap="sm" ml="auto">
              {dirty && (
                <Text size="sm" c="dimmed" role="status">
                  {t('configurations.editor.unsaved')}
                </Text>
              )}
              {detail ? (
                <Button variant="default" disabled={!dirty || busy} onClick={() => setDraft(null)}>
                  {t('configurations.editor.discard')}
                </Button>
              ) : (
                <Button variant="default" component={Link} to="/configurations">
                  {t('common.cancel')}
                </Button>
              )}
              <Button type="submit" loading={busy} disabled={!!detail && !dirty}>
                {detail ? t('configurations.editor.save') : t('configurations.editor.create')}
              </Button>
            </Group>
          </SaveBar>
        )}
      </Stack>
      <UnsavedChangesPrompt when={dirty} bypass={leaving} />
      {detail && (
        <ConfirmDialog
          opened={archiving}
          onClose={() => setArchiving(false)}
          title={t('configurations.editor.archiveTitle', { name: detail.name })}
          confirmLabel={t('configurations.editor.archive')}
          danger
          onConfirm={archive}
        >
          {t('configurations.editor.archiveBody')}
        </ConfirmDialog>
      )}
    </form>
  );
}
