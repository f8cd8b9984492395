import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Logo } from './Logo';
import classes from './AuthLayout.module.css';

interface Props {
  title: string;
  subtitle?: ReactNode;
  width?: number;
  children: ReactNode;
}

/** The centred card that first-run setup and sign-in share. */
export function AuthLayout({ title, subtitle, width = 420, children }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <Box className={classes.page}>
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={width} gap="lg">
          <Group gap="xs" justify="center">
            <Logo size={32} />
            <Text fw={700} fz="xl">
              {t('app.name')}
            </Text>
          </Group>
          <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', xs: 'xl' }}>
            <Stack gap={4} mb="lg">
              <Title order={1} fz="h2">
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
