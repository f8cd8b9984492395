import { ActionIcon, Menu } from '@mantine/core';
import { IconArchive, IconArrowMerge, IconDots, IconPencil, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LookupRow } from '../../../shared/api/schemas/lookups';

/** The dialog a lookups row action opens. */
export type LookupDialog =
  | { kind: 'add' }
  | { kind: 'rename'; row: LookupRow }
  | { kind: 'merge'; row: LookupRow }
  | { kind: 'archive'; row: LookupRow };

/** A row's menu: rename, merge, archive or restore. */
export function LookupRowActions({
  row,
  onAction,
  onRestore,
}: {
  row: LookupRow;
  onAction: (d: LookupDialog) => void;
  onRestore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('lookups.actionsFor', { name: row.name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => onAction({ kind: 'rename', row })}
        >
          {t('lookups.rename')}
        </Menu.Item>
        {!row.archived && (
          <Menu.Item
            leftSection={<IconArrowMerge size={16} aria-hidden />}
            onClick={() => onAction({ kind: 'merge', row })}
          >
            {t('lookups.merge')}
          </Menu.Item>
        )}
        {row.archived ? (
          <Menu.Item leftSection={<IconRestore size={16} aria-hidden />} onClick={onRestore}>
            {t('lookups.restore')}
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconArchive size={16} aria-hidden />}
            onClick={() => onAction({ kind: 'archive', row })}
          >
            {t('lookups.archive')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
