import { useState, type FormEvent } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NewPassword } from '../../../shared/api/common';
import { z } from '../../../shared/zod';
import { client } from '../../api/client';
import { PasswordField } from '../../components/PasswordField';
import { useFormFields } from '../../lib/use-form-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DialogActions } from '../../components/DialogActions';
import { FormDialog } from '../../components/FormDialog';

interface DialogProps {
  opened: boolean;
  onClose: () => void;
  personId: string;
  name: string;
  onDone: () => void;
}

export function saved(message: string, title?: string) {
  notifications.show({ color: 'teal', icon: <IconCheck size={18} />, title, message });
}

const RESET_FIELDS = ['newPassword', 'confirmPassword'] as const;
const ResetForm = z.object({ newPassword: NewPassword });

function ResetPasswordForm({ personId, name, onClose, onDone }: Omit<DialogProps, 'opened'>) {
  const { t } = useTranslation();
  const form = useFormFields<(typeof RESET_FIELDS)[number]>('reset-password', {
    newPassword: '',
    confirmPassword: '',
  });
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.setFormError(null);
    const checked = form.validate(ResetForm, RESET_FIELDS, {
      field: 'confirmPassword',
      mustEqual: 'newPassword',
      message: t('person.passwordsDiffer'),
    });
    if (!checked) return;
    setBusy(true);
    const res = await client.invoke('people.resetPassword', {
      id: personId,
      newPassword: checked.newPassword,
    });
    setBusy(false);
    if (res.ok) {
      saved(t('person.resetDone', { name }));
      onDone();
      onClose();
      return;
    }
    form.showServerError(res.error, RESET_FIELDS);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('person.resetIntro', { name })}</Text>
        <ErrorAlert message={form.formError} title={t('person.actionFailed')} />
        <PasswordField
          label={t('person.newPassword')}
          description={t('person.newPasswordHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required
          autoComplete="new-password"
          data-autofocus
          {...form.bind('newPassword')}
        />
        <PasswordField
          label={t('person.confirmPassword')}
          required
          autoComplete="new-password"
          {...form.bind('confirmPassword')}
        />
        <DialogActions onCancel={onClose} cancelLabel={t('person.cancel')}>
          <Button type="submit" loading={busy}>
            {t('person.resetPassword')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}

/** A new password chosen by an administrator, typed twice. */
export function ResetPasswordDialog({ opened, ...rest }: DialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={rest.onClose} title={t('person.resetTitle', { name: rest.name })}>
      <ResetPasswordForm {...rest} />
    </FormDialog>
  );
}

const PIN = /^\d{4,8}$/;

function PinForm({ personId, name, onClose, onDone }: Omit<DialogProps, 'opened'>) {
  const { t } = useTranslation();
  const form = useFormFields<'pin'>('kiosk-pin', { pin: '' });
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.setFormError(null);
    if (!PIN.test(form.values.pin)) {
      form.setErrors({ pin: t('person.pinInvalid') }, ['pin']);
      return;
    }
    setBusy(true);
    const res = await client.invoke('people.setPin', { id: personId, pin: form.values.pin });
    setBusy(false);
    if (res.ok) {
      saved(t('person.pinSaved'));
      onDone();
      onClose();
      return;
    }
    form.showServerError(res.error, ['pin']);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('person.pinIntro', { name })}</Text>
        <ErrorAlert message={form.formError} title={t('person.actionFailed')} />
        <PasswordField
          label={t('person.pinLabel')}
          description={t('person.pinHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          w={200}
          data-autofocus
          {...form.bind('pin')}
        />
        <DialogActions onCancel={onClose} cancelLabel={t('person.cancel')}>
          <Button type="submit" loading={busy}>
            {t('person.setPin')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}

/** The kiosk PIN: digits only, stored hashed by the main process. */
export function PinDialog({ opened, ...rest }: DialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={rest.onClose} title={t('person.pinTitle', { name: rest.name })}>
      <PinForm {...rest} />
    </FormDialog>
  );
}
