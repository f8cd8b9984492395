import { Anchor, DataList, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoleRow } from '../../../shared/api/schemas/roles';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { RoleTypeBadge } from './RolesPage';

export function RoleFacts({ role, roles }: { role: RoleRow; roles: readonly RoleRow[] }) {
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
