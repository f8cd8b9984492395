import type { ReactNode } from 'react';
import { Paper, Title } from '@mantine/core';

/** A bordered section of a page, optionally with an h2. */
export function Panel({
  title,
  children,
  p = 'lg',
}: {
  title?: string;
  children: ReactNode;
  p?: string | number;
}) {
  return (
    <Paper withBorder radius="md" p={p}>
      {title && (
        <Title order={2} fz="lg" mb="md">
          {title}
        </Title>
      )}
      {children}
    </Paper>
  );
}
