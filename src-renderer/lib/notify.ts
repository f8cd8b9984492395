import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n';
import classes from './notify.module.css';

/** A short confirmation that something was saved; errors stay where they happened, in the form or dialog. */
export function notifyDone(message: string): void {
  notifications.show({
    color: 'teal',
    message,
    autoClose: 4000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
    classNames: { description: classes.description },
  });
}
