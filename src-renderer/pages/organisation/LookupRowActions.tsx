import { IconArchive, IconArrowMerge, IconPencil, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LookupRow } from '../../../shared/api/schemas/lookups';
import { RowMenu } from '../../components/RowMenu';

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
    <RowMenu
      label={t('lookups.actionsFor', { name: row.name })}
      items={[
        { label: t('lookups.rename'), icon: IconPencil, onClick: () => onAction({ kind: 'rename', row }) },
        !row.archived && {
          label: t('lookups.merge'),
          icon: IconArrowMerge,
          onClick: () => onAction({ kind: 'merge', row }),
        },
        row.archived
          ? { label: t('lookups.restore'), icon: IconRestore, onClick: onRestore }
          : {
              label: t('lookups.archive'),
              icon: IconArchive,
              onClick: () => onAction({ kind: 'archive', row }),
            },
      ]}
    />
  );
}
