import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './roles.module.css';
import type { PrivilegeEntry } from './privilege-groups';

const REACH_COLOR = { own: 'gray', subordinate: 'grape', scoped: 'indigo' } as const;

export function ReachBadge({ reach }: { reach: PrivilegeEntry['reach'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={REACH_COLOR[reach]}
      radius="sm"
      size="sm"
      tt="none"
      fw={600}
      title={t(`roles.reachHint.${reach}`)}
      className={classes.reach}
      classNames={{ label: classes.badgeLabel }}
    >
      {t(`roles.reach.${reach}`)}
    </Badge>
  );
}
