import { Button, Center, Code, Paper, Spoiler, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What anyone sees when a screen crashes: calm words and a way back. */
export function CrashNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <Paper withBorder radius="lg" p="xl" maw={520} w="100%" role="alert">
        <Stack gap="md">
          <ThemeIcon color="orange" variant="light" size={44} radius="xl" aria-hidden>
            <IconAlertTriangle size={24} />
          </ThemeIcon>
          <Title order={1} fz="h3">
            {t('errorBoundary.title')}
          </Title>
          <Text c="dimmed">{t('errorBoundary.body')}</Text>
          <Spoiler
            maxHeight={0}
            showLabel={t('errorBoundary.details')}
            hideLabel={t('errorBoundary.details')}
          >
            <Code block>{errorText(error)}</Code>
          </Spoiler>
          <Button
            leftSection={<IconRefresh size={16} />}
            onClick={() => window.location.reload()}
            w="fit-content"
          >
            {t('errorBoundary.reload')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}

export function ErrorFallback({ error }: FallbackProps) {
  return <CrashNotice error={error} />;
}
