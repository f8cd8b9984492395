import type { ReactNode } from 'react';
import { ActionIcon, Group, Tooltip, type GroupProps } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Moving an item re-renders it elsewhere (and may disable the pressed button), which drops
 * keyboard focus: put it back on the same item's button, or its other arrow at either end.
 */
function refocus(itemId: string, pressed: 'up' | 'down') {
  requestAnimationFrame(() => {
    const scope = document.querySelector(`[data-move-id="${CSS.escape(itemId)}"]`);
    const pick = (dir: string) =>
      scope?.querySelector<HTMLButtonElement>(`[data-move="${dir}"]:not(:disabled)`);
    (pick(pressed) ?? pick(pressed === 'up' ? 'down' : 'up'))?.focus();
  });
}

/** After a removal, the remove button of the item now in its place (or the one before), else the list's add button. */
function refocusAfterRemove(listId: string, index: number) {
  requestAnimationFrame(() => {
    const groups = document.querySelectorAll(`[data-move-list="${CSS.escape(listId)}"]`);
    const group = groups[Math.min(index, groups.length - 1)];
    const next =
      group?.querySelector<HTMLButtonElement>('[data-move="remove"]') ??
      document.querySelector<HTMLElement>(`[data-add-to="${CSS.escape(listId)}"]`);
    next?.focus();
  });
}

/** What an editor of one item of an ordered list gets from the list. */
export interface OrderedItemProps<T> {
  index: number;
  count: number;
  onChange: (item: T) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  readOnly: boolean;
}

/** Up, down and remove for one item of an ordered list: buttons, so ordering never needs a mouse drag. */
export function MoveButtons({
  itemId,
  listId,
  name,
  index,
  count,
  onMove,
  onRemove,
  disabled = false,
}: {
  /** Stable id of the item, to keep focus on it after it moves. */
  itemId: string;
  /** The list the item is in; its add button carries `data-add-to={listId}`. */
  listId: string;
  /** How the item is called in the buttons' labels, e.g. "Step 2: Welcome". */
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const up = t('catalogScreens.move.up', { name });
  const down = t('catalogScreens.move.down', { name });
  const remove = t('catalogScreens.move.remove', { name });
  return (
    <Group gap={4} wrap="nowrap" data-move-id={itemId} data-move-list={listId}>
      <Tooltip label={up}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={up}
          disabled={disabled || index === 0}
          data-move="up"
          onClick={() => {
            onMove(index - 1);
            refocus(itemId, 'up');
          }}
        >
          <IconArrowUp size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={down}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={down}
          disabled={disabled || index === count - 1}
          data-move="down"
          onClick={() => {
            onMove(index + 1);
            refocus(itemId, 'down');
          }}
        >
          <IconArrowDown size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={remove}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={remove}
          disabled={disabled}
          data-move="remove"
          onClick={() => {
            onRemove();
            refocusAfterRemove(listId, index);
          }}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** An ordered item's top row: what it is on the left; when editable, its move and remove buttons on the right. */
export function ItemHeader({
  children,
  readOnly,
  align,
  gap,
  ...move
}: Parameters<typeof MoveButtons>[0] & {
  children: ReactNode;
  readOnly: boolean;
  align?: GroupProps['align'];
  gap?: GroupProps['gap'];
}) {
  return (
    <Group justify="space-between" wrap="nowrap" {...(align ? { align } : {})} {...(gap ? { gap } : {})}>
      {children}
      {!readOnly && <MoveButtons {...move} />}
    </Group>
  );
}
