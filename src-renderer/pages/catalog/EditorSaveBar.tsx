import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SaveBar } from '../../components/SaveBar';

/** Unsaved-changes note, Discard and Save for one tab of the module editor. */
export function EditorSaveBar({
  dirty,
  busy,
  onDiscard,
}: {
  dirty: boolean;
  busy: boolean;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <SaveBar>
      <Group gap="sm" ml="auto">
        {dirty && (
          <Text size="sm" c="dimmed" role="status">
            {t('catalogScreens.editor.unsaved')}
          </Text>
        )}
        <Button variant="default" disabled={!dirty || busy} onClick={onDiscard}>
          {t('catalogScreens.editor.discard')}
        </Button>
        <Button type="submit" loading={busy} disabled={!dirty}>
          {t('catalogScreens.editor.save')}
        </Button>
      </Group>
    </SaveBar>
  );
}
