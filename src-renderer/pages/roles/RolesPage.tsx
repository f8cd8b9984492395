import { useState } from 'react';
import { Anchor, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoleRow } from '../../../shared/api/schemas/roles';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { formatNumber } from '../../lib/format';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import classes from '../tables.module.css';
import roleClasses from './roles.module.css';
import { CopyRoleDialog } from './CopyRoleDialog';
import { actorLimits } from './role-utils';
import { TagBadge } from '../../components/TagBadge';

const COLUMNS = ['name', 'type', 'rank', 'scope', 'privileges', 'grants'] as const;

export function RoleTypeBadge({ role }: { role: RoleRow }) {
  const { t } = useTranslation();
  return (
    <TagBadge color={role.builtin ? 'gray' : 'indigo'}>
      {role.builtin ? t('roles.builtin') : t('roles.custom')}
    </TagBadge>
  );
}

function RoleTableRow({ role, roles }: { role: RoleRow; roles: readonly RoleRow[] }) {
  const { t } = useTranslation();
  const basedOn = role.basedOn ? roles.find((r) => r.id === role.basedOn) : undefined;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/roles/${encodeURIComponent(role.id)}`}
          fw={600}
          className={roleClasses.rowLink}
        >
          {role.name}
        </Anchor>
        {role.description && (
          <Text size="sm" c="dimmed" lineClamp={1}>
            {role.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td className={classes.nowrap}>
        <Stack gap={2} align="flex-start">
          <RoleTypeBadge role={role} />
          {basedOn && (
            <Text size="xs" c="dimmed">
              {t('roles.basedOn', { name: basedOn.name })}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td className={classes.numeric}>{role.rank}</Table.Td>
      <Table.Td>{t(`roles.scope.${role.scope}`)}</Table.Td>
      <Table.Td className={classes.numeric}>{formatNumber(role.privileges.length)}</Table.Td>
      <Table.Td className={classes.numeric}>{formatNumber(role.grantCount)}</Table.Td>
    </Table.Tr>
  );
}

export function RolesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { data, error, loading, reload } = useCall('roles.list', {});
  const [copying, setCopying] = useState(false);
  const canManage = hasPrivilege(user, 'roles.manage');
  // Highest rank first: the order in which people think about who may do what.
  const roles = [...(data?.roles ?? [])].sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name));

  return (
    <Page
      title={t('roles.title')}
      description={t('roles.description')}
      actions={
        canManage && (
          <Button
            leftSection={<IconCopy size={16} aria-hidden />}
            onClick={() => setCopying(true)}
            disabled={!data}
          >
            {t('roles.new')}
          </Button>
        )
      }
    >
      <Paper withBorder radius="md">
        {error ? (
          <LoadError title={t('roles.loadFailed')} message={error.message} onRetry={reload} />
        ) : (
          <PagedTable
            headers={COLUMNS.map((c) => t(`roles.columns.${c}`))}
            caption={t('roles.tableCaption')}
            minWidth={860}
            rows={roles}
            renderRow={(r) => <RoleTableRow key={r.id} role={r} roles={roles} />}
            loading={loading}
            firstLoad={loading && !data}
          />
        )}
      </Paper>
      {data && (
        <CopyRoleDialog
          opened={copying}
          onClose={() => setCopying(false)}
          roles={roles}
          limits={actorLimits(user, roles)}
        />
      )}
    </Page>
  );
}
