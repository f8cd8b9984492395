import { useEffect } from 'react';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from './components/AuthLayout';
import { SetupScreen } from './screens/SetupScreen';
import { SignInScreen } from './screens/SignInScreen';
import { SignedInApp } from './shell/SignedInApp';
import { useSessionStore } from './state/session-store';

/** Picks the screen for the session: first-run setup, sign-in, or the app itself. */
export function SessionGate() {
  const { t } = useTranslation();
  const status = useSessionStore((s) => s.status);
  const user = useSessionStore((s) => s.user);
  const bootError = useSessionStore((s) => s.bootError);
  const boot = useSessionStore((s) => s.boot);

  useEffect(() => {
    void boot();
  }, [boot]);

  switch (status) {
    case 'loading':
      return (
        <Center h="100vh">
          <Stack align="center" gap="sm" role="status">
            <Loader />
            <Text c="dimmed" size="sm">
              {t('app.loading')}
            </Text>
          </Stack>
        </Center>
      );
    case 'unavailable':
      return (
        <AuthLayout title={t('boot.unavailableTitle')}>
          <Stack>
            <Alert color="red" icon={<IconPlugConnectedX />} role="alert">
              {bootError ?? t('boot.unavailableBody')}
            </Alert>
            <Button onClick={() => void boot()}>{t('common.retry')}</Button>
          </Stack>
        </AuthLayout>
      );
    case 'needs-setup':
      return <SetupScreen />;
    case 'signed-out':
      return <SignInScreen />;
    case 'signed-in':
      return user ? <SignedInApp user={user} /> : null;
  }
}
