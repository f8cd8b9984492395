import { useEffect, useRef } from 'react';
import { AppShell, Burger, Divider, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Logo } from '../components/Logo';
import { useUser } from '../state/user-context';
import { Navbar } from './Navbar';
import { NotificationsMenu } from './NotificationsMenu';
import { UserMenu } from './UserMenu';
import classes from './ShellLayout.module.css';

const MAIN_ID = 'main-content';

export function ShellLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const [navOpened, nav] = useDisclosure(false);
  const closeNav = nav.close;
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);

  // After navigating, start keyboard and screen-reader users at the new page's content.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    closeNav();
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname, closeNav]);

  return (
    <>
      <a
        className={classes.skipLink}
        href={`#${MAIN_ID}`}
        onClick={(e) => {
          // The hash is the router's; move focus without navigating.
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? t('shell.closeNavigation') : t('shell.openNavigation')}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              <Logo />
              <Text fw={700} fz="lg">
                {t('app.name')}
              </Text>
              {user.organisationName && (
                <>
                  <Divider orientation="vertical" h={20} style={{ alignSelf: 'center' }} visibleFrom="xs" />
                  <Text c="dimmed" size="sm" truncate visibleFrom="xs">
                    {user.organisationName}
                  </Text>
                </>
              )}
            </Group>
            <Group gap="xs" wrap="nowrap">
              <NotificationsMenu />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar id="main-navigation" aria-label={t('shell.mainNavigation')}>
          <Navbar />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} ref={mainRef} tabIndex={-1} className={classes.main}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
