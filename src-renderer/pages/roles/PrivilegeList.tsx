import { Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RoleRow } from '../../../shared/api/schemas/roles';
import classes from './roles.module.css';
import { grouped, groupLabel, type Catalog } from './privilege-groups';
import { ReachBadge } from './ReachBadge';

/** A role's privileges as a checklist that cannot be edited: what is in and what is not. */
export function PrivilegeList({ role, catalog }: { role: RoleRow; catalog: Catalog }) {
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
