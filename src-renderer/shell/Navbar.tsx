import { useId } from 'react';
import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useMatch } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '../state/user-context';
import { navSections, type NavArea, type NavItem } from './nav-items';
import classes from './Navbar.module.css';

function NavItemLink({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  const active = useMatch({ path: item.path, end: !item.subpages }) !== null;
  return (
    <NavLink
      component={Link}
      to={item.path}
      label={t(item.labelKey)}
      leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="light"
      fw={500}
      className={classes.link}
    />
  );
}

function Section({ area, items }: { area: NavArea; items: NavItem[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId}>
      <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={6} lts={0.4}>
        {t(`nav.areas.${area}`)}
      </Text>
      <Stack gap={2}>
        {items.map((item) => (
          <NavItemLink key={item.id} item={item} />
        ))}
      </Stack>
    </div>
  );
}

export function Navbar() {
  const user = useUser();
  return (
    <ScrollArea p="sm">
      <Stack gap="lg" pt="xs">
        {navSections(user).map((s) => (
          <Section key={s.area} area={s.area} items={s.items} />
        ))}
      </Stack>
    </ScrollArea>
  );
}
