import { Badge, type BadgeProps } from '@mantine/core';
import classes from './TagBadge.module.css';

/** A small light badge for a status or a kind, in text dark enough to read on its tint. */
export function TagBadge(props: Omit<BadgeProps, 'variant' | 'radius' | 'tt' | 'fw' | 'classNames'>) {
  return (
    <Badge
      variant="light"
      radius="sm"
      tt="none"
      fw={600}
      classNames={{ label: classes.badgeLabel }}
      {...props}
    />
  );
}
