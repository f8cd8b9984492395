import { Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import type { EditorProps, PathContent } from './content-types';
import { moved, removed, replaced } from './list-ops';
import { KindBadge } from './module-badges';
import { ModuleSelect, useModuleOptions } from './ModuleSelect';
import { ItemHeader } from './MoveButtons';

const KINDS = ['course' as const, 'quiz' as const, 'event' as const, 'external' as const];

/** A learning path's ordered items: published modules other than paths (so a path never contains itself). */
export function PathEditor({ moduleId, content, onChange, readOnly }: EditorProps<PathContent>) {
  const { t } = useTranslation();
  const items = content.items;
  const setItems = (next: PathContent['items']) => onChange({ ...content, items: next });
  const exclude = new Set([moduleId, ...items.map((i) => i.moduleId)]);
  const { byId } = useModuleOptions({ kinds: KINDS, publishedOnly: true });
  return (
    <Panel title={t('catalogScreens.path.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('catalogScreens.path.hint')}
        </Text>
        {items.length === 0 ? (
          <Text size="sm" role="status" id="content-items" tabIndex={-1}>
            {t('catalogScreens.path.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item, i) => {
              const m = byId.get(item.moduleId);
              const name = m ? `${m.title} (${m.code})` : t('catalogScreens.path.unknown');
              const base = `content-items-${i}`;
              return (
                <Paper key={item.moduleId} withBorder radius="md" p="sm" component="li" aria-label={name}>
                  <ItemHeader
                    readOnly={readOnly}
                    gap="md"
                    itemId={item.moduleId}
                    listId="items"
                    name={name}
                    index={i}
                    count={items.length}
                    onMove={(to) => setItems(moved(items, i, to))}
                    onRemove={() => setItems(removed(items, i))}
                  >
                    <Stack gap={6} id={`${base}-moduleId`} tabIndex={-1}>
                      <Group gap="xs">
                        <Text fw={600} size="sm">
                          {i + 1}. {name}
                        </Text>
                        {m && <KindBadge kind={m.kind} />}
                      </Group>
                      <Group gap="lg">
                        <Checkbox
                          id={`${base}-required`}
                          label={t('catalogScreens.path.required')}
                          checked={item.required}
                          onChange={(e) =>
                            setItems(replaced(items, i, { ...item, required: e.currentTarget.checked }))
                          }
                          disabled={readOnly}
                        />
                        <Checkbox
                          id={`${base}-requiresPrevious`}
                          label={t('catalogScreens.path.requiresPrevious')}
                          checked={item.requiresPrevious}
                          onChange={(e) =>
                            setItems(
                              replaced(items, i, { ...item, requiresPrevious: e.currentTarget.checked }),
                            )
                          }
                          disabled={readOnly || i === 0}
                        />
                      </Group>
                    </Stack>
                  </ItemHeader>
                </Paper>
              );
            })}
          </Stack>
        )}
        {!readOnly && (
          <ModuleSelect
            label={t('catalogScreens.path.add')}
            placeholder={t('catalogScreens.path.addPlaceholder')}
            nothingFoundMessage={t('catalogScreens.path.nothing')}
            source={{ kinds: KINDS, publishedOnly: true, exclude }}
            data-add-to="items"
            value={null}
            onChange={(id) =>
              id && setItems([...items, { moduleId: id, required: true, requiresPrevious: false }])
            }
            maw={480}
          />
        )}
      </Stack>
    </Panel>
  );
}
