import {
  Avatar,
  Group,
  Menu,
  Text,
  UnstyledButton,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconChevronDown,
  IconDeviceDesktop,
  IconLogout,
  IconMoon,
  IconSun,
  IconUserCircle,
} from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../state/session-store';
import { useUser } from '../state/user-context';
import classes from './UserMenu.module.css';

const initials = (first: string, last: string) => `${first.charAt(0)}${last.charAt(0)}`.toUpperCase();

const SCHEMES: {
  value: MantineColorScheme;
  labelKey: `shell.userMenu.theme${'Light' | 'Dark' | 'Auto'}`;
  icon: typeof IconSun;
}[] = [
  { value: 'light', labelKey: 'shell.userMenu.themeLight', icon: IconSun },
  { value: 'dark', labelKey: 'shell.userMenu.themeDark', icon: IconMoon },
  { value: 'auto', labelKey: 'shell.userMenu.themeAuto', icon: IconDeviceDesktop },
];

export function UserMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const signOut = useSessionStore((s) => s.signOut);
  const navigate = useNavigate();
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  async function handleSignOut() {
    const error = await signOut();
    if (error) {
      notifications.show({ color: 'red', title: t('shell.userMenu.signOutFailed'), message: error.message });
      return;
    }
    // The next person at this machine starts on the start page, not where the last one left off.
    void navigate('/', { replace: true });
  }

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.trigger} aria-label={user.displayName}>
          <Group gap="xs" wrap="nowrap">
            <Avatar size={30} radius="xl" color="indigo" aria-hidden>
              {initials(user.firstName, user.lastName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="xs" truncate maw={200}>
              {user.displayName}
            </Text>
            <IconChevronDown size={14} stroke={1.6} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.userMenu.signedInAs')}</Menu.Label>
        <Text size="sm" px="sm" pb="xs" truncate title={user.email}>
          {user.email}
        </Text>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t('shell.userMenu.myAccount')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('shell.userMenu.theme')}</Menu.Label>
        {SCHEMES.map((s) => (
          <Menu.Item
            key={s.value}
            // Mantine fixes the role to menuitem; a radio item tells screen readers which one is on.
            renderRoot={(props) => (
              <button type="button" {...props} role="menuitemradio" aria-checked={colorScheme === s.value} />
            )}
            closeMenuOnClick={false}
            leftSection={<s.icon size={16} aria-hidden />}
            rightSection={colorScheme === s.value ? <IconCheck size={14} aria-hidden /> : null}
            onClick={() => setColorScheme(s.value)}
          >
            {t(s.labelKey)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void handleSignOut()}>
          {t('shell.userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
