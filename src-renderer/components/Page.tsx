import type { ReactNode } from 'react';
import { Box, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Narrow pages (forms, facts) read better than full-width ones; the heading stays put either way. */
  maw?: number;
  children: ReactNode;
}

/** Every page in the shell: one h1, an optional lead, optional actions, then content. */
const PAGE_WIDTH = 1200;

export function Page({ title, description, actions, maw = PAGE_WIDTH, children }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t('app.name')}`);
  return (
    <Box maw={PAGE_WIDTH} mx="auto">
      <Group justify="space-between" align="flex-end" mb="lg" gap="md">
        <Stack gap={4} maw={720}>
          <Title order={1} fz={26}>
            {title}
          </Title>
          {description && <Text c="dimmed">{description}</Text>}
        </Stack>
        {actions}
      </Group>
      <Stack gap="lg" maw={maw}>
        {children}
      </Stack>
    </Box>
  );
}
