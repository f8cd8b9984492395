import { Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './roles.module.css';
import { grouped, groupLabel, type Catalog } from './privilege-groups';
import { ReachBadge } from './ReachBadge';
import type { ActorLimits } from './role-utils';

/** The privilege checkboxes of a custom role, grouped as in the catalog. */
export function PrivilegeChecklist({
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
