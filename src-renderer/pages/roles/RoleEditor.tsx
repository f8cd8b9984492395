import { useState, type FormEvent } from 'react';
import { Button, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleUpdateInput, type RoleRow } from '../../../shared/api/schemas/roles';
import { client } from '../../api/client';
import { Panel } from '../../components/Panel';
import { SaveBar } from '../../components/SaveBar';
import { zodFieldErrors, type FieldErrors, showServerErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { withoutError } from '../../lib/without-error';
import type { Catalog } from './privilege-groups';
import { PrivilegeChecklist } from './PrivilegeChecklist';
import { SCOPES, type ActorLimits, type Scope } from './role-utils';
import { ErrorAlert } from '../../components/ErrorAlert';

const FIELDS = ['name', 'description', 'scope', 'privileges'] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  name: string;
  description: string;
  scope: Scope;
  privileges: Set<string>;
}

const draftOf = (role: RoleRow): Draft => ({
  name: role.name,
  description: role.description ?? '',
  scope: role.scope,
  privileges: new Set(role.privileges),
});

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every((x) => b.has(x));

export function RoleEditor({
  role,
  catalog,
  limits,
  onSaved,
}: {
  role: RoleRow;
  catalog: Catalog;
  limits: ActorLimits;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(role));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const initial = draftOf(role);
  const dirty =
    draft.name !== initial.name ||
    draft.description !== initial.description ||
    draft.scope !== initial.scope ||
    !sameSet(draft.privileges, initial.privileges);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => withoutError(e, key));
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = RoleUpdateInput.safeParse({
      id: role.id,
      name: draft.name,
      description: draft.description.trim() ? draft.description : null,
      scope: draft.scope,
      privileges: [...draft.privileges].sort(),
    });
    if (!parsed.success) {
      const errs = zodFieldErrors(parsed.error, FIELDS);
      setErrors(errs);
      if (errs.name) document.getElementById('role-name')?.focus();
      return;
    }
    setBusy(true);
    const res = await client.invoke('roles.update', parsed.data);
    setBusy(false);
    if (res.ok) {
      notifyDone(t('roles.page.saved'));
      onSaved();
      return;
    }
    showServerErrors(res.error, FIELDS, setErrors, setFormError);
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <Stack gap="lg">
        <Panel title={t('roles.page.detailsTitle')}>
          <Stack gap="md">
            <TextInput
              id="role-name"
              label={t('roles.page.name')}
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              required
            />
            <Textarea
              label={t('roles.page.description')}
              description={t('roles.page.descriptionHint')}
              value={draft.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={errors.description}
              autosize
              minRows={2}
            />
            <Select
              label={t('roles.page.scopeLabel')}
              description={t('roles.page.scopeHint')}
              data={SCOPES.map((s, i) => ({
                value: s,
                label:
                  i > limits.widestScope
                    ? `${t(`roles.scope.${s}`)} (${t('roles.page.scopeTooWide')})`
                    : t(`roles.scope.${s}`),
                disabled: i > limits.widestScope && s !== role.scope,
              }))}
              value={draft.scope}
              onChange={(v) => v && set('scope', v as Scope)}
              allowDeselect={false}
              error={errors.scope}
            />
          </Stack>
        </Panel>
        <Panel title={t('roles.page.privilegesTitle')}>
          <Text size="sm" c="dimmed" mb="lg" maw={720}>
            {t('roles.page.privilegesIntro')}
          </Text>
          <ErrorAlert message={errors.privileges} mb="md" />
          <PrivilegeChecklist
            catalog={catalog}
            selected={draft.privileges}
            onChange={(next) => set('privileges', next)}
            limits={limits}
          />
        </Panel>
        <ErrorAlert message={formError} title={t('common.errorTitle')} />
        <SaveBar justify="flex-end">
          {dirty && (
            <Text size="sm" c="dimmed" mr="auto" role="status">
              {t('roles.page.unsaved')}
            </Text>
          )}
          <Button
            variant="default"
            disabled={!dirty || busy}
            onClick={() => {
              setDraft(draftOf(role));
              setErrors({});
              setFormError(null);
            }}
          >
            {t('roles.page.discard')}
          </Button>
          <Button type="submit" loading={busy} disabled={!dirty}>
            {t('roles.page.save')}
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}
