import { useState } from 'react';
import {
  Anchor,
  Button,
  DataList,
  Grid,
  Group,
  List,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconKey, IconMail, IconSitemap, IconPencil, IconPlayerPlay, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PersonProfile } from '../../../shared/api/schemas/people';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { formatDateTime } from '../../lib/format';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import { PersonForm } from './PersonForm';
import { PersonPermissionsTab } from './PersonPermissionsTab';
import { PersonRolesTab } from './PersonRolesTab';
import { PinDialog, ResetPasswordDialog, saved } from './person-dialogs';
import { fullName } from './person-name';
import { StatusBadge } from './StatusBadge';
import { BackLink } from './BackLink';
import { PersonTrainingTab } from '../records/PersonTrainingTab';
import { FactItem } from '../../components/FactItem';
import { PersonComplianceTab } from '../compliance/PersonComplianceTab';
import { PersonCompetencesTab } from '../competences/PersonCompetencesTab';

const TABS = ['profile', 'training', 'compliance', 'competences', 'roles', 'groups', 'permissions'] as const;
type Tab = (typeof TABS)[number];

function ProfileFacts({ person }: { person: PersonProfile }) {
  const { t } = useTranslation();
  return (
    <DataList withDivider labelWidth={150}>
      <FactItem emptyLabel={t('person.none')} label={t('person.fields.firstName')}>
        {person.firstName}
      </FactItem>
      <FactItem emptyLabel={t('person.none')} label={t('person.fields.lastName')}>
        {person.lastName}
      </FactItem>
      <FactItem emptyLabel={t('person.none')} label={t('person.fields.email')}>
        {person.email}
      </FactItem>
      <FactItem emptyLabel={t('person.none')} label={t('person.fields.username')}>
        {person.username}
      </FactItem>
      <FactItem emptyLabel={t('person.none')} label={t('person.fields.employeeNo')}>
        {person.employeeNo}
      </FactItem>
      <FactItem emptyLabel={t('person.none')} label={t('person.fields.unitId')}>
        {person.unitPath}
      </FactItem>
      <FactItem emptyLabel={t('person.none')} label={t('person.fields.departmentId')}>
        {person.department}
      </FactItem>
      <FactItem emptyLabel={t('person.none')} label={t('person.fields.jobTitleId')}>
        {person.jobTitle}
      </FactItem>
      <FactItem emptyLabel={t('person.none')} label={t('person.fields.managerId')}>
        {person.managerId && (
          <Anchor component={Link} to={`/people/${person.managerId}`} size="sm">
            {person.managerName ?? person.managerEmail}
          </Anchor>
        )}
      </FactItem>
    </DataList>
  );
}

type Dialog = 'deactivate' | 'reactivate' | 'reset' | 'pin' | 'clearPin' | null;

function AccountPanel({ person, onChanged }: { person: PersonProfile; onChanged: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const canManage = hasPrivilege(user, 'people.manage');
  const [dialog, setDialog] = useState<Dialog>(null);
  const name = fullName(person);
  const close = () => setDialog(null);
  const act = async (call: 'people.deactivate' | 'people.reactivate', done: string) => {
    const res = await client.invoke(call, { id: person.id });
    if (!res.ok) return res.error.message;
    saved(done);
    onChanged();
    return null;
  };
  const clearPin = async () => {
    const res = await client.invoke('people.setPin', { id: person.id, pin: null });
    if (!res.ok) return res.error.message;
    saved(t('person.pinCleared'));
    onChanged();
    return null;
  };

  return (
    <Panel title={t('person.accountTitle')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('person.accountIntro')}
        </Text>
        <DataList withDivider labelWidth={120}>
          <FactItem emptyLabel={t('person.none')} label={t('people.status')}>
            <StatusBadge status={person.status} />
          </FactItem>
          <FactItem emptyLabel={t('person.none')} label={t('person.hasPassword')}>
            {person.hasPassword ? t('person.passwordSet') : t('person.passwordNotSet')}
          </FactItem>
          <FactItem emptyLabel={t('person.none')} label={t('person.pin')}>
            {person.hasPin ? t('person.pinSet') : t('person.pinNotSet')}
          </FactItem>
          {person.lockedUntil && (
            <FactItem emptyLabel={t('person.none')} label={t('person.locked')}>
              {t('person.lockedUntil', { time: formatDateTime(person.lockedUntil) })}
            </FactItem>
          )}
        </DataList>
        {canManage && (
          <Group gap="xs">
            {person.status === 'active' ? (
              <Button
                size="compact-sm"
                variant="light"
                color="red"
                leftSection={<IconUserOff size={16} aria-hidden />}
                onClick={() => setDialog('deactivate')}
              >
                {t('person.deactivate')}
              </Button>
            ) : (
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconPlayerPlay size={16} aria-hidden />}
                onClick={() => setDialog('reactivate')}
              >
                {t('person.reactivate')}
              </Button>
            )}
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconKey size={16} aria-hidden />}
              onClick={() => setDialog('reset')}
            >
              {t('person.resetPassword')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setDialog('pin')}>
              {person.hasPin ? t('person.changePin') : t('person.setPin')}
            </Button>
            {person.hasPin && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDialog('clearPin')}>
                {t('person.clearPin')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        opened={dialog === 'deactivate'}
        onClose={close}
        title={t('person.deactivateTitle', { name })}
        confirmLabel={t('person.deactivate')}
        danger
        onConfirm={() => act('people.deactivate', t('person.deactivated', { name }))}
      >
        {t('person.deactivateBody', { name })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'reactivate'}
        onClose={close}
        title={t('person.reactivateTitle', { name })}
        confirmLabel={t('person.reactivate')}
        onConfirm={() => act('people.reactivate', t('person.reactivated', { name }))}
      >
        {t('person.reactivateBody', { name })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'clearPin'}
        onClose={close}
        title={t('person.clearPinTitle', { name })}
        confirmLabel={t('person.clearPin')}
        danger
        onConfirm={clearPin}
      >
        {t('person.clearPinBody', { name })}
      </ConfirmDialog>
      <ResetPasswordDialog
        opened={dialog === 'reset'}
        onClose={close}
        personId={person.id}
        name={name}
        onDone={onChanged}
      />
      <PinDialog
        opened={dialog === 'pin'}
        onClose={close}
        personId={person.id}
        name={name}
        onDone={onChanged}
      />
    </Panel>
  );
}

function ProfileTab({ person, onChanged }: { person: PersonProfile; onChanged: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const [editing, setEditing] = useState(false);
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Panel>
          <Group justify="space-between" mb="md">
            <Title order={2} fz="lg">
              {t('person.profileTitle')}
            </Title>
            {!editing && hasPrivilege(user, 'people.manage') && (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t('person.edit')}
              </Button>
            )}
          </Group>
          {editing ? (
            <PersonForm
              person={person}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                saved(t('person.saved'), t('person.savedTitle'));
                setEditing(false);
                onChanged();
              }}
            />
          ) : (
            <ProfileFacts person={person} />
          )}
        </Panel>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <AccountPanel person={person} onChanged={onChanged} />
      </Grid.Col>
    </Grid>
  );
}

function GroupsTab({ person }: { person: PersonProfile }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('person.groupsTitle')}>
      <Text size="sm" c="dimmed" mb="md">
        {t('person.groupsIntro')}
      </Text>
      {person.groups.length === 0 ? (
        <Text>{t('person.noGroups')}</Text>
      ) : (
        <List spacing="xs">
          {person.groups.map((g) => (
            <List.Item key={g.id}>
              <Anchor component={Link} to={`/groups/${g.id}`}>
                {g.name}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Panel>
  );
}

/** One person: profile, sign-in and status, roles, groups and what they may do. */
export function PersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : 'profile';
  const { data, error, loading, reload } = useCall('people.get', { id: personId });
  const person = data?.id === personId ? data : null;

  if (error && !person) {
    return (
      <>
        <BackLink />
        <Page title={t('person.loadFailed')}>
          <LoadError
            title={t('person.loadFailed')}
            message={error.code === 'not_found' ? t('person.notFound') : error.message}
            onRetry={reload}
          />
        </Page>
      </>
    );
  }
  if (!person) {
    return (
      <>
        <BackLink />
        <Page title={loading ? t('common.loading') : ''}>
          <Skeleton height={320} radius="md" />
        </Page>
      </>
    );
  }

  return (
    <>
      <BackLink />
      <Page
        title={fullName(person)}
        description={
          <Group gap="md" component="span" wrap="wrap">
            <StatusBadge status={person.status} size="md" />
            <Group gap={6} component="span" wrap="nowrap">
              <IconMail size={16} aria-hidden />
              {person.email}
            </Group>
            <Group gap={6} component="span" wrap="nowrap">
              <IconSitemap size={16} aria-hidden />
              {person.unitPath}
            </Group>
          </Group>
        }
      >
        <Tabs
          value={tab}
          onChange={(v) => setParams(v && v !== 'profile' ? { tab: v } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('person.tabs.label')} mb="lg">
            {TABS.filter((id) => id !== 'compliance' || hasPrivilege(user, 'compliance.view')).map((id) => (
              <Tabs.Tab key={id} value={id}>
                {id === 'training'
                  ? t('recordsScreens.person.tab')
                  : id === 'compliance'
                    ? t('compliance.person.tab')
                    : id === 'competences'
                      ? t('competences.person.tab')
                      : t(`person.tabs.${id}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="profile">
            <ProfileTab person={person} onChanged={reload} />
          </Tabs.Panel>
          <Tabs.Panel value="training">
            <PersonTrainingTab person={person} />
          </Tabs.Panel>
          <Tabs.Panel value="compliance">
            <PersonComplianceTab personId={person.id} personName={fullName(person)} />
          </Tabs.Panel>
          <Tabs.Panel value="competences">
            <PersonCompetencesTab personId={person.id} />
          </Tabs.Panel>
          <Tabs.Panel value="roles">
            <PersonRolesTab person={person} onChanged={reload} />
          </Tabs.Panel>
          <Tabs.Panel value="groups">
            <GroupsTab person={person} />
          </Tabs.Panel>
          <Tabs.Panel value="permissions">
            <PersonPermissionsTab person={person} />
          </Tabs.Panel>
        </Tabs>
      </Page>
    </>
  );
}
