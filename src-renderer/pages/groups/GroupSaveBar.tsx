import { Button, Group, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SaveBar } from '../../components/SaveBar';

/** Delete, the unsaved-changes note, Discard (or Cancel for a new group) and Save. */
export function GroupSaveBar({
  isNew,
  dirty,
  busy,
  onDelete,
  onDiscard,
}: {
  isNew: boolean;
  dirty: boolean;
  busy: boolean;
  onDelete: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <SaveBar>
      {!isNew && (
        <Button
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={onDelete}
        >
          {t('groups.editor.delete')}
        </Button>
      )}
      <Group gap="sm" ml="auto">
        {dirty && (
          <Text size="sm" c="dimmed" role="status">
            {t('groups.editor.unsaved')}
          </Text>
        )}
        {isNew ? (
          <Button variant="default" component={Link} to="/groups">
            {t('common.cancel')}
          </Button>
        ) : (
          <Button variant="default" disabled={!dirty || busy} onClick={onDiscard}>
            {t('groups.editor.discard')}
          </Button>
        )}
        <Button type="submit" loading={busy} disabled={!isNew && !dirty}>
          {isNew ? t('groups.editor.create') : t('groups.editor.save')}
        </Button>
      </Group>
    </SaveBar>
  );
}
