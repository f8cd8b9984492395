import { Group, type GroupProps } from '@mantine/core';
import classes from './detail-page.module.css';

/** A form's Save, Discard and friends, kept in reach at the bottom of a long form. */
export function SaveBar(props: Omit<GroupProps, 'className'>) {
  return <Group className={classes.saveBar} gap="sm" {...props} />;
}
