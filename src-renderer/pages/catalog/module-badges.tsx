import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ModuleKind, ModuleStatus } from '../../../shared/api/schemas/catalog';
import { TagBadge } from '../../components/TagBadge';

const KIND_COLOR: Record<ModuleKind, string> = {
  course: 'blue',
  quiz: 'grape',
  event: 'orange',
  learning_path: 'cyan',
  external: 'gray',
};
const STATUS_COLOR: Record<ModuleStatus, string> = { draft: 'yellow', published: 'teal', archived: 'gray' };

export function KindBadge({ kind }: { kind: ModuleKind }) {
  const { t } = useTranslation();
  return <TagBadge color={KIND_COLOR[kind]}>{t(`catalogScreens.kind.${kind}`)}</TagBadge>;
}

/** Status, plus a note when the draft differs from what learners see. */
export function StatusBadges({
  status,
  hasUnpublishedChanges,
}: {
  status: ModuleStatus;
  hasUnpublishedChanges: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <TagBadge color={STATUS_COLOR[status]}>{t(`catalogScreens.status.${status}`)}</TagBadge>
      {hasUnpublishedChanges && status === 'published' && (
        <TagBadge color="orange">{t('catalogScreens.unpublishedChanges')}</TagBadge>
      )}
    </Group>
  );
}

export function useValidityText() {
  const { t } = useTranslation();
  return (months: number | null) =>
    months === null
      ? t('catalogScreens.neverExpires')
      : t('catalogScreens.validityMonths', { count: months });
}
