import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, Grid, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { GroupCreate, GroupUpdate, type GroupMember } from '../../../shared/api/schemas/groups';
import type { z } from '../../../shared/zod';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { UnsavedChangesPrompt } from '../../components/UnsavedChangesPrompt';
import { zodFieldErrors, type FieldErrors, showServerErrors, focusFirstError } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import { withoutError } from '../../lib/without-error';
import classes from './groups.module.css';
import { draftFrom, FIELDS, sameDraft, type Detail, type Draft, type Field } from './group-draft';
import { unitOptions, type RuleDraft } from './group-rule';
import { GroupDetailsPanel } from './GroupDetailsPanel';
import { GroupSaveBar } from './GroupSaveBar';
import { RuleEditor } from './RuleEditor';
import { RulePreview } from './RulePreview';
import { StaticMembersPanel } from './StaticMembersPanel';
import { ErrorAlert } from '../../components/ErrorAlert';

export function GroupEditor({
  detail,
  members,
  canManage,
  onSaved,
}: {
  detail: Detail | null;
  members: GroupMember[];
  canManage: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tree = useCall('units.tree', {});
  const departments = useCall('lookups.list', { list: 'department' });
  const jobTitles = useCall('lookups.list', { list: 'job_title' });
  const units = useMemo(() => unitOptions(tree.data?.units ?? []), [tree.data]);
  const defaultOwner = units[0]?.value ?? null;

  const [draftState, setDraft] = useState<Draft | null>(null);
  const initial = draftFrom(detail, members, defaultOwner);
  const draft = draftState ?? initial;
  const dirty = draftState !== null && !sameDraft(draftState, initial);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const leaving = useRef(false);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...(d ?? initial), [key]: value }));
    const field = key === 'members' ? 'memberIds' : key;
    setErrors((e) => withoutError(e, field as Field));
  };
  const setRule = (key: keyof RuleDraft, ids: string[]) => set('rule', { ...draft.rule, [key]: ids });

  const ownerName = units.find((u) => u.value === draft.ownerUnitId)?.label ?? detail?.ownerUnitName ?? null;
  const deptRows = (departments.data?.rows ?? []).map((r) => ({ id: r.id, name: r.name }));
  const jobRows = (jobTitles.data?.rows ?? []).map((r) => ({ id: r.id, name: r.name }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const common = {
      name: draft.name,
      description: draft.description.trim() || null,
      ownerUnitId: draft.ownerUnitId ?? '',
    };
    const body =
      draft.kind === 'static'
        ? { ...common, memberIds: draft.members.map((m) => m.id) }
        : { ...common, rule: draft.rule };
    const invalid = (error: z.ZodError) => {
      const errs = zodFieldErrors(error, FIELDS);
      setErrors(errs);
      focusFirstError(errs, FIELDS, 'group');
    };
    let res;
    if (detail) {
      const parsed = GroupUpdate.safeParse({ id: detail.id, ...body });
      if (!parsed.success) return invalid(parsed.error);
      setBusy(true);
      res = await client.invoke('groups.update', parsed.data);
    } else {
      const parsed = GroupCreate.safeParse({ kind: draft.kind, ...body });
      if (!parsed.success) return invalid(parsed.error);
      setBusy(true);
      res = await client.invoke('groups.create', parsed.data);
    }
    setBusy(false);
    if (res.ok) {
      if (detail) {
        notifyDone(t('groups.editor.saved'));
        setDraft(null);
        onSaved();
      } else {
        notifyDone(t('groups.editor.created', { name: res.value.name }));
        leaving.current = true;
        void navigate(`/groups/${encodeURIComponent(res.value.id)}`, { replace: true });
      }
      return;
    }
    showServerErrors(res.error, FIELDS, setErrors, setFormError);
  }

  const readOnly = !canManage;

  const details = (
    <GroupDetailsPanel
      detail={detail}
      draft={draft}
      readOnly={readOnly}
      errors={errors}
      units={units}
      set={set}
    />
  );
  const staticMembers = (
    <StaticMembersPanel
      members={draft.members}
      readOnly={readOnly}
      error={errors.memberIds}
      onChange={(next) => set('members', next)}
    />
  );
  const ruleEditor = !readOnly && (
    <RuleEditor
      rule={draft.rule}
      units={units}
      deptRows={deptRows}
      jobRows={jobRows}
      ownerName={ownerName}
      error={errors.rule}
      setRule={setRule}
    />
  );
  const saveBar = !readOnly && (
    <GroupSaveBar
      isNew={!detail}
      dirty={dirty}
      busy={busy}
      onDelete={() => setDeleting(true)}
      onDiscard={() => {
        setDraft(null);
        setErrors({});
        setFormError(null);
      }}
    />
  );

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <UnsavedChangesPrompt when={dirty || (!detail && draftState !== null)} bypass={leaving} />
      <Stack gap="lg">
        <ErrorAlert message={formError} title={t('common.errorTitle')} />
        {readOnly && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
            {t('groups.editor.readOnly')}
          </Alert>
        )}
        {draft.kind === 'rule' ? (
          <Grid gap="lg" align="flex-start">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="lg">
                {details}
                {ruleEditor}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }} className={classes.sticky}>
              <RulePreview rule={draft.rule} ownerUnitId={draft.ownerUnitId} />
            </Grid.Col>
          </Grid>
        ) : (
          <Grid gap="lg" align="flex-start">
            <Grid.Col span={{ base: 12, lg: 5 }}>{details}</Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>{staticMembers}</Grid.Col>
          </Grid>
        )}
        {saveBar}
      </Stack>
      {detail && (
        <ConfirmDialog
          opened={deleting}
          onClose={() => setDeleting(false)}
          title={t('groups.editor.deleteTitle', { name: detail.name })}
          confirmLabel={t('groups.editor.delete')}
          danger
          onConfirm={async () => {
            const res = await client.invoke('groups.delete', { id: detail.id });
            if (!res.ok) return res.error.message;
            notifyDone(t('groups.editor.deleted', { name: detail.name }));
            leaving.current = true;
            void navigate('/groups');
            return null;
          }}
        >
          {t('groups.editor.deleteBody')}
        </ConfirmDialog>
      )}
    </form>
  );
}
