import { ThemeIcon } from '@mantine/core';
import { IconNotebook } from '@tabler/icons-react';

/** Fieldbook's mark; decorative, as the name is always written beside it. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <ThemeIcon size={size} radius="md" variant="filled" aria-hidden>
      <IconNotebook size={Math.round(size * 0.62)} stroke={1.8} />
    </ThemeIcon>
  );
}
