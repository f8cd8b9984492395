import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NewPassword } from '../../../shared/api/common';
import { z } from '../../../shared/zod';
import { client } from '../../api/client';
import { PasswordField } from '../../components/PasswordField';
import { detailFieldErrors, hasErrors, validateForm } from '../../lib/form-errors';
import { useFormFields } from '../../lib/use-form-fields';

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
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const checked = validateForm(ResetForm, form.values, RESET_FIELDS, {
      field: 'confirmPassword',
      mustEqual: 'newPassword',
      message: t('person.passwordsDiffer'),
    });
    if (!checked.ok) {
      form.setErrors(checked.errors, RESET_FIELDS);
      return;
    }
    setBusy(true);
    const res = await client.invoke('people.resetPassword', {
      id: personId,
      newPassword: checked.data.newPassword,
    });
    setBusy(false);
    if (res.ok) {
      saved(t('person.resetDone', { name }));
      onDone();
      onClose();
      return;
    }
    const mapped = detailFieldErrors(res.error.details, RESET_FIELDS);
    form.setErrors(mapped.fields, RESET_FIELDS);
    if (mapped.rest.length || !hasErrors(mapped.fields)) setError(res.error.message);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('person.resetIntro', { name })}</Text>
        {error && (
          <Alert color="red" role="alert" title={t('person.actionFailed')}>
            {error}
          </Alert>
        )}
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
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('person.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('person.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new password chosen by an administrator, typed twice. */
export function ResetPasswordDialog({ opened, ...rest }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={rest.onClose}
      title={t('person.resetTitle', { name: rest.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Mounted only while open, so a reopened dialog starts empty. */}
      {opened && <ResetPasswordForm {...rest} />}
    </Modal>
  );
}

const PIN = /^\d{4,8}$/;

function PinForm({ personId, name, onClose, onDone }: Omit<DialogProps, 'opened'>) {
  const { t } = useTranslation();
  const form = useFormFields<'pin'>('kiosk-pin', { pin: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
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
    const mapped = detailFieldErrors(res.error.details, ['pin'] as const);
    form.setErrors(mapped.fields, ['pin']);
    if (mapped.rest.length || !hasErrors(mapped.fields)) setError(res.error.message);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('person.pinIntro', { name })}</Text>
        {error && (
          <Alert color="red" role="alert" title={t('person.actionFailed')}>
            {error}
          </Alert>
        )}
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
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('person.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('person.setPin')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The kiosk PIN: digits only, stored hashed by the main process. */
export function PinDialog({ opened, ...rest }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={rest.onClose}
      title={t('person.pinTitle', { name: rest.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <PinForm {...rest} />}
    </Modal>
  );
}
