import { useState } from 'react';
import { Alert, Button, Grid, Stack, Text } from '@mantine/core';
import { IconCopy, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink';
import { LoadError } from '../../components/LoadError';
import { LoadingPage } from '../../components/LoadingPage';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import { CopyRoleDialog } from './CopyRoleDialog';
import { DeleteRole } from './DeleteRole';
import { PrivilegeList } from './PrivilegeList';
import { RoleEditor } from './RoleEditor';
import { RoleFacts } from './RoleFacts';
import { actorLimits, canCopy } from './role-utils';

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
        <BackLink to="/roles" label={t('roles.backToList')} />
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
    return <LoadingPage height={320} />;
  }
  if (!role) {
    return (
      <Page title={t('roles.title')}>
        <BackLink to="/roles" label={t('roles.backToList')} />
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
      <BackLink to="/roles" label={t('roles.backToList')} />
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
