import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, type Icon } from '@tabler/icons-react';

export interface RowMenuItem {
  label: string;
  icon: Icon;
  onClick: () => void;
}

/** A table row's "…" menu. `label` names the row ("Actions for X"); items left out are passed as false. */
export function RowMenu({ label, items }: { label: string; items: readonly (RowMenuItem | false)[] }) {
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={label}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {items
          .filter((i): i is RowMenuItem => i !== false)
          .map(({ label: text, icon: ItemIcon, onClick }) => (
            <Menu.Item key={text} leftSection={<ItemIcon size={16} aria-hidden />} onClick={onClick}>
              {text}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
