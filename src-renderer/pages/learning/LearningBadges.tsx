import { Anchor, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconClockHour4,
  IconLock,
  IconPlayerPlay,
  IconX,
} from '@tabler/icons-react';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ModuleKind, ModuleSummary } from '../../../shared/api/schemas/catalog';
import type { LearnerState } from '../../../shared/api/schemas/learning';
import { TagBadge } from '../../components/TagBadge';
import { moduleLink } from './learning-format';

/** What the learner should notice first: the expiry and due date outrank the plain state. */
export type ShownState = LearnerState | 'expiring' | 'overdue';

export function shownState(item: {
  state: LearnerState;
  expiryStatus?: 'valid' | 'expiring' | 'expired' | 'no_expiry' | null;
  dueDate?: string | null;
}): ShownState {
  if (item.state === 'expired' || item.expiryStatus === 'expired') return 'expired';
  if (item.expiryStatus === 'expiring') return 'expiring';
  const today = new Date().toISOString().slice(0, 10);
  if (item.state !== 'completed' && item.dueDate && item.dueDate < today) return 'overdue';
  return item.state;
}

const LOOK: Record<ShownState, { color: string; icon: typeof IconX }> = {
  expired: { color: 'red', icon: IconX },
  overdue: { color: 'red', icon: IconAlertTriangle },
  failed: { color: 'red', icon: IconX },
  expiring: { color: 'orange', icon: IconClockHour4 },
  in_progress: { color: 'blue', icon: IconPlayerPlay },
  not_started: { color: 'gray', icon: IconCircleDashed },
  completed: { color: 'teal', icon: IconCircleCheck },
};

/** A state as a badge with an icon and a word, so it never depends on colour alone. */
export function StateBadge({ state }: { state: ShownState }) {
  const { t } = useTranslation();
  const look = LOOK[state];
  return (
    <TagBadge color={look.color} leftSection={<look.icon size={12} aria-hidden />}>
      {t(`learningScreens.state.${state}`)}
    </TagBadge>
  );
}

export function KindBadge({ kind }: { kind: ModuleKind }) {
  const { t } = useTranslation();
  return <TagBadge color="gray">{t(`learningScreens.kind.${kind}`)}</TagBadge>;
}

/** "Blocked: complete A, B first", each prerequisite a link to its player. */
export function BlockedLine({ blockedBy }: { blockedBy: readonly ModuleSummary[] }) {
  const { t } = useTranslation();
  if (blockedBy.length === 0) return null;
  const [before, after] = t('learningScreens.blocked', { list: '\u0000' }).split('\u0000');
  return (
    <Text size="sm" fw={600}>
      <IconLock
        size={14}
        aria-hidden
        color="var(--mantine-color-orange-8)"
        style={{ verticalAlign: '-2px', marginRight: 4 }}
      />
      {before}
      {blockedBy.map((m, i) => (
        <Fragment key={m.id}>
          {i > 0 && ', '}
          <Anchor component={Link} to={moduleLink(m.id)} size="sm" fw={600}>
            {m.title}
          </Anchor>
        </Fragment>
      ))}
      {after}
    </Text>
  );
}
