import { Anchor, Box, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "← People" above a page that is opened from the people list. */
export function BackLink() {
  const { t } = useTranslation();
  return (
    <Box maw={1200} mx="auto" mb="xs">
      <Anchor component={Link} to="/people" size="sm" fw={500}>
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('person.back')}
        </Group>
      </Anchor>
    </Box>
  );
}
