import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoleRow } from '../../../shared/api/schemas/roles';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';

export function DeleteRole({ role }: { role: RoleRow }) {
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
