import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Input,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import type { Explanation } from '../../../shared/api/schemas/permissions';
import type { PersonProfile } from '../../../shared/api/schemas/people';
import { PRIVILEGE_GROUPS, PRIVILEGE_INFO, PRIVILEGES } from '../../../shared/permissions/privileges';
import type { z } from '../../../shared/zod';
import { client } from '../../api/client';
import { LoadError } from '../../components/LoadError';
import { Panel } from '../../components/Panel';
import { useCall } from '../../lib/use-call';
import tables from '../tables.module.css';
import { fullName } from './person-name';
import { PersonPicker, UnitSelect, type PersonOption } from './pickers';
import classes from './PersonPermissionsTab.module.css';

type Implied = 'home-unit' | 'ancestor' | null;

function ImpliedBadge({ implied }: { implied: Implied }) {
  const { t } = useTranslation();
  if (!implied) return null;
  return (
    <Badge
      variant="outline"
      color="gray"
      size="sm"
      radius="sm"
      tt="none"
      fw={500}
      className={classes.implied}
    >
      {t(`person.implied.${implied}`)}
    </Badge>
  );
}

type Group = (typeof PRIVILEGE_GROUPS)[number];
const SCOPES = ['self', 'unit', 'subtree', 'organisation', 'organisation_and_clients'] as const;
type Scope = (typeof SCOPES)[number];
const isGroup = (g: string): g is Group => (PRIVILEGE_GROUPS as readonly string[]).includes(g);
const isScope = (s: string): s is Scope => (SCOPES as readonly string[]).includes(s);

/** Privilege groups and scopes in words; a name this version does not know is shown as it is. */
function useLabels() {
  const { t } = useTranslation();
  return {
    group: (g: string): string => (isGroup(g) ? t(`common.privilegeGroup.${g}`) : g),
    scope: (s: string): string => (isScope(s) ? t('person.reaches', { scope: t(`person.scopes.${s}`) }) : s),
  };
}

function Effective({ person }: { person: PersonProfile }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { data, error, reload } = useCall('permissions.effective', { personId: person.id });
  if (error) return <LoadError title={t('person.loadFailed')} message={error.message} onRetry={reload} />;
  if (!data || data.personId !== person.id) return <Skeleton height={280} radius="md" />;

  const groups = [...new Set([...PRIVILEGE_GROUPS, ...data.privileges.map((p) => p.group)])]
    .map((g) => ({ group: g, privileges: data.privileges.filter((p) => p.group === g) }))
    .filter((g) => g.privileges.length > 0);

  return (
    <Stack gap="lg">
      <div>
        <Title order={3} fz="md" mb="xs">
          {t('person.grantsHeld')}
        </Title>
        <Stack gap={6}>
          {data.grants.map((g) => (
            <Group key={`${g.roleId}@${g.unitName}@${g.implied ?? ''}`} gap="xs">
              <Text size="sm" fw={500}>
                {t('home.roleAt', { role: g.roleName, unit: g.unitName })}
              </Text>
              <Text size="sm" c="dimmed">
                {labels.scope(g.scope)}
              </Text>
              <ImpliedBadge implied={g.implied} />
            </Group>
          ))}
        </Stack>
      </div>
      {groups.length === 0 ? (
        <Text>{t('person.noPrivileges')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs" aria-label={t('person.effectiveTitle')} className={classes.table}>
            <Table.Thead className={tables.thead}>
              <Table.Tr>
                <Table.Th scope="col" w="45%">
                  {t('person.columns.privilege')}
                </Table.Th>
                <Table.Th scope="col">{t('person.columns.sources')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {groups.map(({ group, privileges }) => (
              <Table.Tbody key={group}>
                <Table.Tr className={classes.groupRow}>
                  <Table.Th scope="colgroup" colSpan={2}>
                    {labels.group(group)}{' '}
                    <Text span size="xs" c="dimmed" fw={500}>
                      {t('person.privilegeCount', { count: privileges.length })}
                    </Text>
                  </Table.Th>
                </Table.Tr>
                {privileges.map((p) => (
                  <Table.Tr key={p.privilege}>
                    <Table.Th scope="row" fw={500} className={classes.privilege}>
                      {p.label}
                    </Table.Th>
                    <Table.Td>
                      <Stack gap={4}>
                        {p.sources.map((s, i) => (
                          // The description already says when a source is implied.
                          <Text key={i} size="sm">
                            {s.description}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            ))}
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

type TargetKind = 'person' | 'unit' | 'none';

function Explain({ person }: { person: PersonProfile }) {
  const { t } = useTranslation();
  const [privilege, setPrivilege] = useState<string | null>(null);
  const [kind, setKind] = useState<TargetKind>('person');
  const [target, setTarget] = useState<PersonOption | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [answer, setAnswer] = useState<z.infer<typeof Explanation> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = useLabels();

  const data = PRIVILEGE_GROUPS.map((g) => ({
    group: labels.group(g),
    items: PRIVILEGES.filter((p) => PRIVILEGE_INFO[p].group === g).map((p) => ({
      value: p,
      label: PRIVILEGE_INFO[p].label,
    })),
  })).filter((g) => g.items.length > 0);

  const ready =
    privilege !== null && (kind === 'none' || (kind === 'person' ? target !== null : unitId !== null));

  async function ask(e: FormEvent) {
    e.preventDefault();
    if (!privilege) return;
    const input: CallInput<'permissions.explain'> = { personId: person.id, privilege };
    if (kind === 'person' && target) input.targetPersonId = target.id;
    if (kind === 'unit' && unitId) input.targetUnitId = unitId;
    setBusy(true);
    setError(null);
    const res = await client.invoke('permissions.explain', input);
    setBusy(false);
    if (res.ok) setAnswer(res.value);
    else {
      setAnswer(null);
      setError(res.error.message);
    }
  }

  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setAnswer(null);
      setError(null);
    };

  return (
    <form onSubmit={(e) => void ask(e)} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('person.explainIntro')}
        </Text>
        <Select
          label={t('person.explainPrivilege')}
          placeholder={t('person.explainPrivilegePick')}
          data={data}
          value={privilege}
          onChange={changed(setPrivilege)}
          searchable
          maxDropdownHeight={320}
          comboboxProps={{ width: 360, position: 'bottom-start' }}
        />
        <Stack gap={5}>
          <Input.Label labelElement="div" id="explain-target-label">
            {t('person.explainTargetKind')}
          </Input.Label>
          <SegmentedControl
            aria-labelledby="explain-target-label"
            value={kind}
            onChange={(v) => changed(setKind)(v as TargetKind)}
            data={[
              { value: 'person', label: t('person.explainTargetPerson') },
              { value: 'unit', label: t('person.explainTargetUnit') },
              { value: 'none', label: t('person.explainTargetNone') },
            ]}
            fullWidth
          />
        </Stack>
        {kind === 'person' && (
          <PersonPicker
            label={t('person.explainPerson')}
            value={target?.id ?? null}
            selected={target}
            onChange={(_, option) => changed(setTarget)(option)}
          />
        )}
        {kind === 'unit' && (
          <UnitSelect
            label={t('person.explainUnit')}
            placeholder={t('person.unitSearch')}
            value={unitId}
            onChange={changed(setUnitId)}
          />
        )}
        <Group>
          <Button type="submit" variant="default" disabled={!ready} loading={busy}>
            {t('person.explainAsk')}
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {answer && (
            <Alert
              color={answer.allowed ? 'teal' : 'orange'}
              icon={answer.allowed ? <IconCircleCheck /> : <IconCircleX />}
              title={answer.allowed ? t('person.explainAllowed') : t('person.explainDenied')}
            >
              {answer.sentence}
            </Alert>
          )}
          {error && (
            <Alert color="red" title={t('person.actionFailed')}>
              {error}
            </Alert>
          )}
        </div>
      </Stack>
    </form>
  );
}

/** What a person may do, where it comes from, and why a given action is or is not allowed. */
export function PersonPermissionsTab({ person }: { person: PersonProfile }) {
  const { t } = useTranslation();
  const name = fullName(person);
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Panel title={t('person.effectiveTitle')}>
          <Text size="sm" c="dimmed" mb="md">
            {t('person.effectiveIntro', { name })}
          </Text>
          <Effective person={person} />
        </Panel>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Panel>
          <Title order={2} fz="lg" mb="sm">
            {t('person.explainTitle', { name: person.firstName })}
          </Title>
          <Explain person={person} />
        </Panel>
      </Grid.Col>
    </Grid>
  );
}
