import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  CloseButton,
  DataList,
  EmptyState,
  Grid,
  Group,
  Loader,
  MultiSelect,
  Radio,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArrowLeft,
  IconInfoCircle,
  IconSearch,
  IconTrash,
  IconUserMinus,
  IconUsers,
} from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import {
  GroupCreate,
  GroupPreviewInput,
  GroupUpdate,
  type GroupMember,
} from '../../../shared/api/schemas/groups';
import type { ApiErrorBody } from '../../../shared/api/errors';
import type { z } from '../../../shared/zod';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { Panel } from '../../components/Panel';
import { UnsavedChangesPrompt } from '../../components/UnsavedChangesPrompt';
import { formatNumber } from '../../lib/format';
import { detailFieldErrors, hasErrors, zodFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import { withoutError } from '../../lib/without-error';
import { hasPrivilege, useUser } from '../../state/user-context';
import tableClasses from '../tables.module.css';
import classes from './groups.module.css';
import { GroupKindBadge } from './GroupsPage';
import { emptyRule, orList, ruleIsEmpty, unitOptions, type RuleDraft, type UnitOption } from './group-rule';

type Detail = CallOutput<'groups.get'>;
type Kind = Detail['kind'];

const FIELDS = ['name', 'description', 'ownerUnitId', 'kind', 'memberIds', 'rule'] as const;
type Field = (typeof FIELDS)[number];

const MEMBER_PAGE = 25;
/** The most members groups.get answers at once; a static group's members are all loaded to edit them. */
const FETCH_PAGE = 500;

interface Loaded {
  key: string;
  detail: Detail | null;
  members: GroupMember[];
  error: ApiErrorBody | null;
}

/** A group with all its members the actor can see (a static group is edited as a whole list). */
function useGroup(id: string | null) {
  const [attempt, setAttempt] = useState(0);
  const key = `${id}#${attempt}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    void (async () => {
      const first = await client.invoke('groups.get', { id, offset: 0, limit: FETCH_PAGE });
      if (!first.ok) {
        if (!cancelled) setLoaded({ key, detail: null, members: [], error: first.error });
        return;
      }
      let members = first.value.members.rows;
      while (first.value.kind === 'static' && members.length < first.value.members.total) {
        const next = await client.invoke('groups.get', { id, offset: members.length, limit: FETCH_PAGE });
        if (!next.ok || next.value.members.rows.length === 0) break;
        members = members.concat(next.value.members.rows);
      }
      if (!cancelled) setLoaded({ key, detail: first.value, members, error: null });
    })();
    return () => {
      cancelled = true;
    };
  }, [id, key]);
  const current = loaded?.key === key ? loaded : null;
  return { loaded: current, reload: () => setAttempt((n) => n + 1) };
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/groups" size="sm" className={classes.back}>
      <IconArrowLeft size={14} aria-hidden />
      {t('groups.backToList')}
    </Anchor>
  );
}

/** Anyone in the list of people found by a server search, to add to a static group. */
function AddPeople({ exclude, onAdd }: { exclude: ReadonlySet<string>; onAdd: (m: GroupMember) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const query = debounced.length >= 2 ? debounced : '';
  const [found, setFound] = useState<{ query: string; rows: GroupMember[] }>({ query: '', rows: [] });
  useEffect(() => {
    if (!query) return;
    let superseded = false;
    void client.invoke('people.list', { search: query, limit: 20, status: 'active' }).then((res) => {
      if (superseded || !res.ok) return;
      setFound({
        query,
        rows: res.value.rows.map((p) => ({
          id: p.id,
          name: `${p.firstName} ${p.lastName}`,
          email: p.email,
          unitName: p.unitName,
        })),
      });
    });
    return () => {
      superseded = true;
    };
  }, [query]);
  const searching = query !== '' && found.query !== query;
  const rows = found.query === query ? found.rows.filter((r) => !exclude.has(r.id)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));

  return (
    <Select
      label={t('groups.static.addPeople')}
      description={t('groups.static.addPeopleHint')}
      placeholder={t('groups.static.addPlaceholder')}
      data={rows.map((r) => ({ value: r.id, label: `${r.name} (${r.email})` }))}
      value={null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(id) => {
        const m = id ? byId.get(id) : undefined;
        if (m) {
          onAdd(m);
          setSearch('');
        }
      }}
      nothingFoundMessage={
        query === ''
          ? t('groups.static.addPlaceholder')
          : searching
            ? t('groups.static.searching')
            : t('groups.static.noMatches')
      }
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={searching ? <Loader size={14} aria-label={t('groups.static.searching')} /> : null}
      renderOption={({ option }) => {
        const m = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{m?.name}</Text>
            <Text size="xs" c="dimmed">
              {m?.email} · {m?.unitName}
            </Text>
          </Stack>
        );
      }}
      maw={480}
    />
  );
}

/** A static group's members: searchable, paged in the page, each removable when editing. */
function MembersTable({
  members,
  onRemove,
}: {
  members: readonly GroupMember[];
  onRemove?: ((id: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const q = search.trim().toLocaleLowerCase();
  const filtered = q
    ? members.filter((m) => `${m.name} ${m.email} ${m.unitName}`.toLocaleLowerCase().includes(q))
    : members;
  const pages = Math.max(1, Math.ceil(filtered.length / MEMBER_PAGE));
  const shown = filtered.slice(
    (Math.min(page, pages) - 1) * MEMBER_PAGE,
    Math.min(page, pages) * MEMBER_PAGE,
  );

  if (members.length === 0) {
    return (
      <EmptyState
        icon={<IconUsers size={28} stroke={1.5} />}
        withIndicatorBackground
        title={t('groups.static.empty')}
        description={onRemove ? t('groups.static.emptyHint') : undefined}
        py={32}
        role="status"
      />
    );
  }
  return (
    <Stack gap={0}>
      {members.length > MEMBER_PAGE && (
        <TextInput
          label={t('groups.static.searchMembers')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            search ? (
              <CloseButton size="sm" aria-label={t('groups.clearSearch')} onClick={() => setSearch('')} />
            ) : null
          }
          w={300}
          mb="sm"
        />
      )}
      <PagedTable
        headers={[
          t('groups.member.name'),
          t('groups.member.email'),
          t('groups.member.unit'),
          ...(onRemove ? [t('groups.member.actions')] : []),
        ]}
        caption={t('groups.static.tableCaption')}
        minWidth={560}
        horizontalSpacing="sm"
        rows={shown}
        loading={false}
        firstLoad={false}
        paging={{
          page: Math.min(page, pages),
          pageSize: MEMBER_PAGE,
          total: filtered.length,
          onPage: setPage,
        }}
        renderRow={(m) => (
          <Table.Tr key={m.id}>
            <Table.Td fw={500} className={tableClasses.nowrap}>
              {m.name}
            </Table.Td>
            <Table.Td className={tableClasses.nowrap}>{m.email}</Table.Td>
            <Table.Td className={tableClasses.nowrap}>{m.unitName}</Table.Td>
            {onRemove && (
              <Table.Td w={60}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('groups.static.remove', { name: m.name })}
                  onClick={() => onRemove(m.id)}
                >
                  <IconUserMinus size={18} aria-hidden />
                </ActionIcon>
              </Table.Td>
            )}
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

/** "People in Umeå or Luleå, in the Maintenance department, working as Electrician." */
function useRuleSentence(
  rule: RuleDraft,
  units: readonly UnitOption[],
  departments: readonly { id: string; name: string }[],
  jobTitles: readonly { id: string; name: string }[],
  ownerName: string | null,
): string | null {
  const { t, i18n } = useTranslation();
  if (ruleIsEmpty(rule)) return null;
  const names = (ids: readonly string[], list: readonly { id: string; name: string }[]) =>
    ids.map((id) => list.find((x) => x.id === id)?.name ?? '…');
  const unitNames = rule.unitIds.map((id) => units.find((u) => u.value === id)?.label ?? '…');
  const parts: string[] = [];
  if (unitNames.length) parts.push(t('groups.rule.summaryIn', { list: orList(unitNames, i18n.language) }));
  else if (ownerName) parts.push(t('groups.rule.summaryIn', { list: ownerName }));
  if (rule.departmentIds.length)
    parts.push(
      t('groups.rule.summaryInDepartment', {
        count: rule.departmentIds.length,
        list: orList(names(rule.departmentIds, departments), i18n.language),
      }),
    );
  if (rule.jobTitleIds.length)
    parts.push(
      t('groups.rule.summaryWho', { list: orList(names(rule.jobTitleIds, jobTitles), i18n.language) }),
    );
  return t('groups.rule.sentence', { parts: parts.join(', ') });
}

/** Who the rule holds right now: a count and the first 20, asked again as the rule changes. */
function RulePreview({ rule, ownerUnitId }: { rule: RuleDraft; ownerUnitId: string | null }) {
  const { t } = useTranslation();
  const parsed = GroupPreviewInput.safeParse({ rule, ...(ownerUnitId ? { ownerUnitId } : {}) });
  const input = parsed.success ? parsed.data : null;
  const [debounced] = useDebouncedValue(input, 300);
  return (
    <Panel title={t('groups.rule.previewTitle')}>
      {debounced ? (
        <PreviewResult input={debounced} pending={JSON.stringify(debounced) !== JSON.stringify(input)} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('groups.rule.previewEmpty')}
        </Text>
      )}
    </Panel>
  );
}

function PreviewResult({
  input,
  pending,
}: {
  input: NonNullable<ReturnType<typeof GroupPreviewInput.safeParse>['data']>;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useCall('groups.preview', input);
  if (error)
    return <LoadError title={t('groups.rule.previewFailed')} message={error.message} onRetry={reload} />;
  if (!data) return <Skeleton height={120} />;
  const busy = loading || pending;
  return (
    <Stack gap="sm" aria-busy={busy}>
      <Group gap="xs" justify="space-between">
        <Text fw={650} fz="lg" aria-live="polite">
          {t('groups.rule.previewCount', { count: data.count, formatted: formatNumber(data.count) })}
        </Text>
        {busy && <Loader size={14} aria-label={t('groups.rule.previewUpdating')} />}
      </Group>
      {data.count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('groups.rule.previewNone')}
        </Text>
      ) : (
        <>
          {data.count > data.sample.length && (
            <Text size="xs" c="dimmed">
              {t('groups.rule.previewSample', { count: data.sample.length })}
            </Text>
          )}
          <Stack gap={4} component="ul" className={classes.sample} style={{ opacity: busy ? 0.6 : 1 }}>
            {data.sample.map((m) => (
              <li key={m.id}>
                <Text size="sm" fw={500} component="span">
                  {m.name}
                </Text>
                <Text size="xs" c="dimmed" component="span">
                  {' · '}
                  {m.unitName}
                </Text>
              </li>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

interface Draft {
  name: string;
  description: string;
  ownerUnitId: string | null;
  kind: Kind;
  members: GroupMember[];
  rule: RuleDraft;
}

const draftFrom = (detail: Detail | null, members: GroupMember[], defaultOwner: string | null): Draft => ({
  name: detail?.name ?? '',
  description: detail?.description ?? '',
  ownerUnitId: detail?.ownerUnitId ?? defaultOwner,
  kind: detail?.kind ?? 'static',
  members,
  rule: detail?.rule ? { ...detail.rule } : emptyRule(),
});

const sameDraft = (a: Draft, b: Draft) =>
  a.name === b.name &&
  a.description === b.description &&
  a.ownerUnitId === b.ownerUnitId &&
  a.kind === b.kind &&
  JSON.stringify(a.members.map((m) => m.id).sort()) === JSON.stringify(b.members.map((m) => m.id).sort()) &&
  JSON.stringify(a.rule) === JSON.stringify(b.rule);

function GroupEditor({
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
  const sentence = useRuleSentence(draft.rule, units, deptRows, jobRows, ownerName);
  const memberIds = useMemo(() => new Set(draft.members.map((m) => m.id)), [draft.members]);

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
      const first = FIELDS.find((f) => errs[f]);
      if (first) document.getElementById(`group-${first}`)?.focus();
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
    const mapped = detailFieldErrors(res.error.details, FIELDS);
    setErrors(mapped.fields);
    if (mapped.rest.length || !hasErrors(mapped.fields)) setFormError(res.error.message);
  }

  const readOnly = !canManage;
  const unitSelectData = units.map((u) => ({ value: u.value, label: u.label }));
  const unitFilter = ({ options, search }: { options: unknown[]; search: string }) => {
    const q = search.trim().toLocaleLowerCase();
    if (!q) return options as never;
    return (options as { value: string }[]).filter((o) =>
      units
        .find((u) => u.value === o.value)
        ?.path.toLocaleLowerCase()
        .includes(q),
    ) as never;
  };
  const renderUnit = ({ option }: { option: { value: string; label: string } }) => {
    const u = units.find((x) => x.value === option.value);
    return (
      <Box pl={Math.max(0, (u?.depth ?? 0) - 1) * 12}>
        <Text size="sm">{option.label}</Text>
      </Box>
    );
  };

  const details = readOnly ? (
    <Panel title={t('groups.editor.detailsTitle')}>
      <DataList withDivider labelWidth={140}>
        <DataList.Item>
          <DataList.ItemLabel>{t('groups.editor.type')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <GroupKindBadge kind={draft.kind} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('groups.editor.owner')}</DataList.ItemLabel>
          <DataList.ItemValue>{detail?.ownerUnitName}</DataList.ItemValue>
        </DataList.Item>
        {detail?.description && (
          <DataList.Item>
            <DataList.ItemLabel>{t('groups.editor.description')}</DataList.ItemLabel>
            <DataList.ItemValue>{detail.description}</DataList.ItemValue>
          </DataList.Item>
        )}
        {detail?.ruleText && (
          <DataList.Item>
            <DataList.ItemLabel>{t('groups.rule.title')}</DataList.ItemLabel>
            <DataList.ItemValue>{detail.ruleText}</DataList.ItemValue>
          </DataList.Item>
        )}
      </DataList>
    </Panel>
  ) : (
    <Panel title={t('groups.editor.detailsTitle')}>
      <Stack gap="md">
        <TextInput
          id="group-name"
          label={t('groups.editor.name')}
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          required
          data-autofocus
        />
        <Textarea
          id="group-description"
          label={t('groups.editor.description')}
          description={t('groups.editor.descriptionHint')}
          value={draft.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
        />
        <Select
          id="group-ownerUnitId"
          label={t('groups.editor.owner')}
          description={t('groups.editor.ownerHint')}
          data={unitSelectData}
          value={draft.ownerUnitId}
          onChange={(v) => set('ownerUnitId', v)}
          error={errors.ownerUnitId}
          searchable
          allowDeselect={false}
          filter={unitFilter}
          renderOption={renderUnit}
          maxDropdownHeight={320}
          maw={420}
          required
          withAsterisk={false}
        />
        <Radio.Group
          id="group-kind"
          label={t('groups.editor.type')}
          description={detail ? t('groups.editor.typeLocked') : undefined}
          value={draft.kind}
          onChange={(v) => set('kind', v as Kind)}
        >
          <Group gap="sm" mt="xs" grow maw={640} align="stretch">
            {(['static', 'rule'] as const).map((k) => (
              <Radio.Card
                key={k}
                value={k}
                disabled={!!detail && detail.kind !== k}
                className={classes.kindCard}
                p="sm"
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator />
                  <Stack gap={2}>
                    <Text fw={600} size="sm">
                      {t(`groups.kind.${k}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`groups.kindHint.${k}`)}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </Group>
        </Radio.Group>
      </Stack>
    </Panel>
  );

  const staticMembers = (
    <Panel title={`${t('groups.static.membersTitle')} (${formatNumber(draft.members.length)})`}>
      <Stack gap="md">
        {!readOnly && (
          <AddPeople
            exclude={memberIds}
            onAdd={(m) =>
              set(
                'members',
                [...draft.members, m].sort((a, b) => a.name.localeCompare(b.name)),
              )
            }
          />
        )}
        {errors.memberIds && (
          <Alert color="red" role="alert">
            {errors.memberIds}
          </Alert>
        )}
        <MembersTable
          members={draft.members}
          onRemove={
            readOnly
              ? undefined
              : (id) =>
                  set(
                    'members',
                    draft.members.filter((m) => m.id !== id),
                  )
          }
        />
      </Stack>
    </Panel>
  );

  const ruleEditor = !readOnly && (
    <Panel title={t('groups.rule.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('groups.rule.intro')}
        </Text>
        <MultiSelect
          id="group-rule"
          label={t('groups.rule.units')}
          description={t('groups.rule.unitsHint')}
          placeholder={draft.rule.unitIds.length ? undefined : t('groups.rule.anyUnit')}
          data={unitSelectData}
          value={draft.rule.unitIds}
          onChange={(v) => setRule('unitIds', v)}
          searchable
          filter={unitFilter}
          renderOption={renderUnit}
          maxDropdownHeight={320}
          hidePickedOptions
        />
        <MultiSelect
          label={t('groups.rule.departments')}
          placeholder={draft.rule.departmentIds.length ? undefined : t('groups.rule.anyDepartment')}
          data={deptRows.map((r) => ({ value: r.id, label: r.name }))}
          value={draft.rule.departmentIds}
          onChange={(v) => setRule('departmentIds', v)}
          searchable
          hidePickedOptions
        />
        <MultiSelect
          label={t('groups.rule.jobTitles')}
          placeholder={draft.rule.jobTitleIds.length ? undefined : t('groups.rule.anyJobTitle')}
          data={jobRows.map((r) => ({ value: r.id, label: r.name }))}
          value={draft.rule.jobTitleIds}
          onChange={(v) => setRule('jobTitleIds', v)}
          searchable
          hidePickedOptions
        />
        <Box className={classes.sentence} role="status" aria-live="polite">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts={0.4}>
            {t('groups.rule.summaryLabel')}
          </Text>
          <Text size="sm" fw={500}>
            {sentence ?? t('groups.rule.chooseSomething')}
          </Text>
        </Box>
        {errors.rule && (
          <Alert color="red" role="alert">
            {errors.rule}
          </Alert>
        )}
      </Stack>
    </Panel>
  );

  const saveBar = !readOnly && (
    <Group className={classes.saveBar} gap="sm">
      {detail && (
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setDeleting(true)}
        >
          {t('groups.editor.delete')}
        </Button>
      )}
      <Group gap="sm" ml="auto">
        {dirty && (
          <Text size="sm" c="dimmed" role="status">
            {t('groups.editor.unsaved')}
          </Text>
        )}
        {detail ? (
          <Button
            variant="default"
            disabled={!dirty || busy}
            onClick={() => {
              setDraft(null);
              setErrors({});
              setFormError(null);
            }}
          >
            {t('groups.editor.discard')}
          </Button>
        ) : (
          <Button variant="default" component={Link} to="/groups">
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" loading={busy} disabled={!!detail && !dirty}>
          {detail ? t('groups.editor.save') : t('groups.editor.create')}
        </Button>
      </Group>
    </Group>
  );

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <UnsavedChangesPrompt when={dirty || (!detail && draftState !== null)} bypass={leaving} />
      <Stack gap="lg">
        {formError && (
          <Alert color="red" role="alert" title={t('common.errorTitle')}>
            {formError}
          </Alert>
        )}
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

/** One group (or `new`); a fresh page per group, so nothing carries over from the one before. */
export function GroupPage() {
  const { groupId = '' } = useParams();
  return <GroupView key={groupId} groupId={groupId} />;
}

function GroupView({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const isNew = groupId === 'new';
  const canManage = hasPrivilege(user, 'groups.manage');
  const { loaded, reload } = useGroup(isNew ? null : groupId);

  if (isNew) {
    if (!canManage) {
      return (
        <Page title={t('groups.editor.newTitle')}>
          <BackLink />
          <Alert color="gray" icon={<IconInfoCircle />}>
            {t('groups.editor.readOnly')}
          </Alert>
        </Page>
      );
    }
    return (
      <Page title={t('groups.editor.newTitle')}>
        <BackLink />
        <GroupEditor detail={null} members={[]} canManage onSaved={reload} />
      </Page>
    );
  }
  if (!loaded) {
    return (
      <Page title={t('common.loading')}>
        <Skeleton height={360} radius="md" />
      </Page>
    );
  }
  if (loaded.error || !loaded.detail) {
    return (
      <Page title={t('groups.title')}>
        <BackLink />
        <LoadError
          title={t('groups.editor.loadFailed')}
          message={loaded.error?.message ?? ''}
          onRetry={reload}
        />
      </Page>
    );
  }
  const { detail } = loaded;
  return (
    <Page
      title={detail.name}
      description={t('groups.editor.subtitle', {
        kind: t(`groups.kind.${detail.kind}`),
        members: t('groups.editor.memberCount', {
          count: detail.memberCount,
          formatted: formatNumber(detail.memberCount),
        }),
      })}
    >
      <BackLink />
      <GroupEditor
        key={loaded.key}
        detail={detail}
        members={loaded.members}
        canManage={canManage}
        onSaved={reload}
      />
    </Page>
  );
}
