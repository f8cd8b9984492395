import { Box, List, Text } from '@mantine/core';

/** Departments or job titles the import would add, under a heading; nothing when there are none. */
export function ImportNewNames({ title, names }: { title: string; names: readonly string[] }) {
  if (names.length === 0) return null;
  return (
    <Box>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <List size="sm" spacing={2}>
        {names.map((n) => (
          <List.Item key={n}>{n}</List.Item>
        ))}
      </List>
    </Box>
  );
}
