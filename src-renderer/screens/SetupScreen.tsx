import { useState, type FormEvent } from 'react';
import { Alert, Button, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { PasswordField } from '../components/PasswordField';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SetupInput } from '../../shared/api/schemas/auth';
import { client } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { useFormFields } from '../lib/use-form-fields';
import { useSessionStore } from '../state/session-store';
import { ErrorAlert } from '../components/ErrorAlert';

const FIELDS = ['organisationName', 'firstName', 'lastName', 'email', 'password', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];

/** First run: create the organisation and the administrator who will sign in. */
export function SetupScreen() {
  const { t } = useTranslation();
  const setupDone = useSessionStore((s) => s.setupDone);
  const form = useFormFields<Field>('setup', {
    organisationName: '',
    firstName: '',
    lastName: '',
    email: '',
    password: '',
    confirmPassword: '',
  });
  const [submitting, setSubmitting] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.setFormError(null);
    const checked = form.validate(SetupInput, FIELDS, {
      field: 'confirmPassword',
      mustEqual: 'password',
      message: t('setup.passwordsDiffer'),
    });
    if (!checked) return;

    setSubmitting(true);
    const res = await client.invoke('setup.create', checked);
    setSubmitting(false);
    if (res.ok) {
      setupDone(checked.organisationName, res.value.email);
      return;
    }
    if (res.error.code === 'invalid_input') {
      form.showServerError(res.error, FIELDS);
    } else {
      form.setFormError(res.error.message);
    }
  }

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.intro')} width={520}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <ErrorAlert message={form.formError} title={t('common.errorTitle')} />
          <TextInput
            label={t('setup.organisationName')}
            required
            autoComplete="organization"
            autoFocus
            {...form.bind('organisationName')}
          />
          <Alert variant="light" color="indigo" icon={<IconInfoCircle />} p="xs" role="note">
            <Text size="sm">{t('setup.adminNote')}</Text>
          </Alert>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              label={t('setup.firstName')}
              required
              autoComplete="given-name"
              {...form.bind('firstName')}
            />
            <TextInput
              label={t('setup.lastName')}
              required
              autoComplete="family-name"
              {...form.bind('lastName')}
            />
          </SimpleGrid>
          <TextInput
            label={t('setup.email')}
            type="email"
            required
            autoComplete="username"
            {...form.bind('email')}
          />
          <PasswordField
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            required
            autoComplete="new-password"
            {...form.bind('password')}
          />
          <PasswordField
            label={t('setup.confirmPassword')}
            required
            autoComplete="new-password"
            {...form.bind('confirmPassword')}
          />
          <Button type="submit" loading={submitting} fullWidth mt="xs">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
