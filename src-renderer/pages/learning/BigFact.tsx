import { Text } from '@mantine/core';

/** A small caption over a large value, as quiz pages show their numbers (pass mark, score, attempts). */
export function BigFact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} fz="lg">
        {value}
      </Text>
    </div>
  );
}
