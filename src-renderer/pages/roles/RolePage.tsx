import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  DataList,
  Grid,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconCheck,
  IconCopy,
  IconInfoCircle,
  IconLock,
  IconMinus,
  IconTrash,
} from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CallOutput } from '../../../shared/api/contract';
import { RoleUpdateInput, type RoleRow } from '../../../shared/api/schemas/roles';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { en, type Resources } from '../../i18n/en';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { detailFieldErrors, hasErrors, zodFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { withoutError } from '../../lib/without-error';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import classes from './roles.module.css';
import { CopyRoleDialog } from './CopyRoleDialog';
import { RoleTypeBadge } from './RolesPage';
import { actorLimits, canCopy, SCOPES, type ActorLimits, type Scope } from './role-utils';

type Catalog = CallOutput<'roles.privileges'>;
type PrivilegeEntry = Catalog['privileges'][number];

const FIELDS = ['name', 'description', 'scope', 'privileges'] as const;
type Field = (typeof FIELDS)[number];

const REACH_COLOR = { own: 'gray', subordinate: 'grape', scoped: 'indigo' } as const;

function ReachBadge({ reach }: { reach: PrivilegeEntry['reach'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={REACH_COLOR[reach]}
      radius="sm"
      size="sm"
      tt="none"
      fw={600}
      title={t(`roles.reachHint.${reach}`)}
      className={classes.reach}
      classNames={{ label: classes.badgeLabel }}
    >
      {t(`roles.reach.${reach}`)}
    </Badge>
  );
}

function RoleFacts({ role, roles }: { role: RoleRow; roles: readonly RoleRow[] }) {
  const { t } = useTranslation();
  const basedOn = role.basedOn ? roles.find((r) => r.id === role.basedOn) : undefined;
  return (
    <Panel title={t('roles.page.facts')}>
      <DataList withDivider labelWidth={96}>
        <DataList.Item>
          <DataList.ItemLabel>{t('roles.page.type')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Stack gap={4} align="flex-start">
              <RoleTypeBadge role={role} />
              {basedOn && (
                <Anchor component={Link} to={`/roles/${encodeURIComponent(basedOn.id)}`} size="sm">
                  {t('roles.basedOn', { name: basedOn.name })}
                </Anchor>
              )}
            </Stack>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('roles.page.rank')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text fw={600}>{role.rank}</Text>
            <Text size="xs" c="dimmed">
              {t('roles.page.rankHint')}
            </Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('roles.page.scope')}</DataList.ItemLabel>
          <DataList.ItemValue>{t(`roles.scope.${role.scope}`)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('roles.page.grants')}</DataList.ItemLabel>
          <DataList.ItemValue>{formatNumber(role.grantCount)}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Panel>
  );
}

/** The catalog's groups in order, each with its privileges; groups without any are left out. */
function grouped(catalog: Catalog): { group: string; privileges: PrivilegeEntry[] }[] {
  return catalog.groups
    .map((group) => ({ group, privileges: catalog.privileges.filter((p) => p.group === group) }))
    .filter((g) => g.privileges.length > 0);
}

type GroupKey = keyof Resources['roles']['group'];
const groupLabel = (t: TFunction, group: string): string =>
  Object.hasOwn(en.roles.group, group) ? t(`roles.group.${group as GroupKey}`) : group;

/** A role's privileges as a checklist that cannot be edited: what is in and what is not. */
function PrivilegeList({ role, catalog }: { role: RoleRow; catalog: Catalog }) {
  const { t } = useTranslation();
  const has = new Set(role.privileges);
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="xl" verticalSpacing="lg">
      {grouped(catalog).map(({ group, privileges }) => {
        const count = privileges.filter((p) => has.has(p.name)).length;
        return (
          <section key={group} aria-labelledby={`privgroup-${group}`}>
            <Group justify="space-between" mb={6}>
              <Title order={3} fz="sm" id={`privgroup-${group}`}>
                {groupLabel(t, group)}
              </Title>
              <Text size="xs" c="dimmed">
                {t('roles.page.selectedCount', { selected: count, total: privileges.length })}
              </Text>
            </Group>
            <Stack gap={6} component="ul" className={classes.plainList}>
              {privileges.map((p) => {
                const on = has.has(p.name);
                return (
                  <Group key={p.name} component="li" gap="xs" wrap="nowrap" align="flex-start">
                    {on ? (
                      <IconCheck size={16} className={classes.on} aria-hidden />
                    ) : (
                      <IconMinus size={16} className={classes.off} aria-hidden />
                    )}
                    <VisuallyHidden>
                      {on ? t('roles.page.included') : t('roles.page.notIncluded')}
                    </VisuallyHidden>
                    <Text size="sm" flex={1} {...(on ? {} : { c: 'dimmed' })}>
                      {p.label}
                    </Text>
                    <ReachBadge reach={p.reach} />
                  </Group>
                );
              })}
            </Stack>
          </section>
        );
      })}
    </SimpleGrid>
  );
}

/** The privilege checkboxes of a custom role, grouped as in the catalog. */
function PrivilegeChecklist({
  catalog,
  selected,
  onChange,
  limits,
}: {
  catalog: Catalog;
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  limits: ActorLimits;
}) {
  const { t } = useTranslation();
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="xl" verticalSpacing="lg">
      {grouped(catalog).map(({ group, privileges }) => {
        const count = privileges.filter((p) => selected.has(p.name)).length;
        return (
          <Checkbox.Group
            key={group}
            label={
              <Group justify="space-between" component="span" w="100%">
                <span>{groupLabel(t, group)}</span>
                <Text component="span" size="xs" c="dimmed" fw={400}>
                  {t('roles.page.selectedCount', { selected: count, total: privileges.length })}
                </Text>
              </Group>
            }
            value={privileges.filter((p) => selected.has(p.name)).map((p) => p.name)}
            classNames={{ label: classes.groupLabel }}
          >
            <Stack gap="xs" mt={6}>
              {privileges.map((p) => {
                const held = limits.privileges.has(p.name);
                // Something already in the role can always be taken out; only adding needs the privilege.
                const disabled = !held && !selected.has(p.name);
                return (
                  <Group key={p.name} gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                    <Checkbox
                      className={classes.checkbox}
                      value={p.name}
                      label={p.label}
                      description={disabled ? t('roles.page.notHeld') : undefined}
                      disabled={disabled}
                      checked={selected.has(p.name)}
                      onChange={(e) => toggle(p.name, e.currentTarget.checked)}
                      classNames={{ description: classes.checkboxDescription }}
                    />
                    <ReachBadge reach={p.reach} />
                  </Group>
                );
              })}
            </Stack>
          </Checkbox.Group>
        );
      })}
    </SimpleGrid>
  );
}

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

function RoleEditor({
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
    const mapped = detailFieldErrors(res.error.details, FIELDS);
    setErrors(mapped.fields);
    if (mapped.rest.length || !hasErrors(mapped.fields)) setFormError(res.error.message);
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
          {errors.privileges && (
            <Alert color="red" role="alert" mb="md">
              {errors.privileges}
            </Alert>
          )}
          <PrivilegeChecklist
            catalog={catalog}
            selected={draft.privileges}
            onChange={(next) => set('privileges', next)}
            limits={limits}
          />
        </Panel>
        {formError && (
          <Alert color="red" role="alert" title={t('common.errorTitle')}>
            {formError}
          </Alert>
        )}
        <Group className={classes.saveBar} gap="sm" justify="flex-end">
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
        </Group>
      </Stack>
    </form>
  );
}

function DeleteRole({ role }: { role: RoleRow }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const inUse = role.grantCount > 0;
  return (
    <Panel>
      <Stack gap="xs" align="flex-start">
        <Button
          color="red"
          variant="outline"
          leftSection={<IconTrash size={16} aria-hidden />}
          disabled={inUse}
          aria-describedby={inUse ? 'role-delete-in-use' : undefined}
          onClick={() => setConfirming(true)}
        >
          {t('roles.page.delete')}
        </Button>
        {inUse && (
          <Text size="sm" c="dimmed" id="role-delete-in-use">
            {t('roles.page.deleteInUse', {
              count: role.grantCount,
              formatted: formatNumber(role.grantCount),
            })}
          </Text>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('roles.page.deleteTitle', { name: role.name })}
        confirmLabel={t('roles.page.delete')}
        danger
        onConfirm={async () => {
          const res = await client.invoke('roles.delete', { id: role.id });
          if (!res.ok) return res.error.message;
          notifyDone(t('roles.page.deleted', { name: role.name }));
          void navigate('/roles');
          return null;
        }}
      >
        {t('roles.page.deleteBody')}
      </ConfirmDialog>
    </Panel>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/roles" size="sm" className={classes.back}>
      <IconArrowLeft size={14} aria-hidden />
      {t('roles.backToList')}
    </Anchor>
  );
}

/** One role; a fresh page per role, so going from one role to another (or a new copy) loads it anew. */
export function RolePage() {
  const { roleId = '' } = useParams();
  return <RoleView key={roleId} roleId={roleId} />;
}

function RoleView({ roleId }: { roleId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const list = useCall('roles.list', {});
  const catalog = useCall('roles.privileges', {});
  const [copying, setCopying] = useState(false);

  const roles = list.data?.roles ?? [];
  const role = roles.find((r) => r.id === roleId);
  const error = list.error ?? catalog.error;

  if (error) {
    return (
      <Page title={t('roles.title')}>
        <BackLink />
        <LoadError
          title={t('roles.page.loadFailed')}
          message={error.message}
          onRetry={() => {
            list.reload();
            catalog.reload();
          }}
        />
      </Page>
    );
  }
  if (!list.data || !catalog.data) {
    return (
      <Page title={t('common.loading')}>
        <Skeleton height={320} radius="md" />
      </Page>
    );
  }
  if (!role) {
    return (
      <Page title={t('roles.title')}>
        <BackLink />
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('roles.page.notFound')}
        </Alert>
      </Page>
    );
  }

  const limits = actorLimits(user, roles);
  const canManage = hasPrivilege(user, 'roles.manage');
  const held = limits.heldRoleIds.has(role.id);
  const editable = canManage && !role.builtin && !held;
  const note = role.builtin
    ? t('roles.page.builtinNote')
    : held && canManage
      ? t('roles.page.heldNote')
      : !canManage
        ? t('roles.page.readOnlyNote')
        : null;

  return (
    <Page
      title={role.name}
      description={role.description ?? undefined}
      actions={
        canManage &&
        canCopy(role, limits) && (
          <Button
            variant={role.builtin ? 'filled' : 'default'}
            leftSection={<IconCopy size={16} aria-hidden />}
            onClick={() => setCopying(true)}
          >
            {t('roles.page.copy')}
          </Button>
        )
      }
    >
      <BackLink />
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          {editable ? (
            <RoleEditor
              // A saved role comes back from the server: start the form again from what it stored.
              key={JSON.stringify(role)}
              role={role}
              catalog={catalog.data}
              limits={limits}
              onSaved={list.reload}
            />
          ) : (
            <Panel title={t('roles.page.privilegesTitle')}>
              <Text size="sm" c="dimmed" mb="lg" maw={720}>
                {t('roles.page.privilegesIntro')}
              </Text>
              <PrivilegeList role={role} catalog={catalog.data} />
            </Panel>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          <Stack gap="lg">
            {note && (
              <Alert color="gray" variant="light" icon={<IconLock />} role="note">
                {note}
              </Alert>
            )}
            <RoleFacts role={role} roles={roles} />
            {editable && <DeleteRole role={role} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <CopyRoleDialog
        opened={copying}
        onClose={() => setCopying(false)}
        roles={roles}
        limits={limits}
        from={role}
      />
    </Page>
  );
}
