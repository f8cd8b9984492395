import { useState, type FormEvent } from 'react';
import { Alert, Button, Code, Stack, Text, TextInput } from '@mantine/core';
import { PasswordField } from '../components/PasswordField';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { SignInInput } from '../../shared/api/schemas/auth';
import type { ApiErrorBody } from '../../shared/api/errors';
import { AuthLayout } from '../components/AuthLayout';
import { zodFieldErrors } from '../lib/form-errors';
import { useFormFields } from '../lib/use-form-fields';
import { useSessionStore, type SignInNotice } from '../state/session-store';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

const DEMO_EMAIL = 'admin@demo.fieldbook';
const DEMO_PASSWORD = 'fieldbook-demo';

const noticeIcon = { success: <IconCircleCheck />, info: <IconInfoCircle />, warning: <IconAlertCircle /> };
const noticeColor = { success: 'teal', info: 'indigo', warning: 'orange' };

function Notice({ notice }: { notice: SignInNotice }) {
  return (
    <Alert
      color={noticeColor[notice.tone]}
      icon={noticeIcon[notice.tone]}
      title={notice.title}
      role={notice.tone === 'warning' ? 'alert' : 'status'}
    >
      {notice.message}
    </Alert>
  );
}

export function SignInScreen() {
  const { t } = useTranslation();
  const organisationName = useSessionStore((s) => s.organisationName);
  const demo = useSessionStore((s) => s.demo);
  const notice = useSessionStore((s) => s.notice);
  const lastEmail = useSessionStore((s) => s.lastEmail);
  const signIn = useSessionStore((s) => s.signIn);
  const clearNotice = useSessionStore((s) => s.clearNotice);
  const form = useFormFields<Field>('sign-in', { email: lastEmail, password: '' });
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<ApiErrorBody | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = SignInInput.safeParse(form.values);
    if (!parsed.success) {
      form.setErrors(zodFieldErrors(parsed.error, FIELDS), FIELDS);
      return;
    }
    setSubmitting(true);
    setFailure(null);
    const error = await signIn(parsed.data.email, parsed.data.password);
    // On success this screen is already gone.
    if (error) {
      setSubmitting(false);
      clearNotice();
      setFailure(error);
      form.setValue('password', '');
      document.getElementById('sign-in-password')?.focus();
    }
  }

  const locked = failure?.code === 'locked';
  return (
    <AuthLayout
      title={t('signIn.title')}
      subtitle={
        organisationName
          ? t('signIn.subtitle', { organisation: organisationName })
          : t('signIn.subtitleNoOrg')
      }
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {notice && !failure && <Notice notice={notice} />}
          {failure && (
            <Alert
              color={locked ? 'orange' : 'red'}
              icon={locked ? <IconLock /> : <IconAlertCircle />}
              title={locked ? t('signIn.lockedTitle') : t('signIn.failedTitle')}
              role="alert"
            >
              {failure.message}
            </Alert>
          )}
          <TextInput
            label={t('signIn.email')}
            type="email"
            required
            autoComplete="username"
            autoFocus={!lastEmail}
            {...form.bind('email')}
          />
          <PasswordField
            label={t('signIn.password')}
            required
            autoComplete="current-password"
            autoFocus={!!lastEmail}
            {...form.bind('password')}
          />
          <Button type="submit" loading={submitting} fullWidth mt="xs">
            {t('signIn.submit')}
          </Button>
          {demo && (
            <Alert
              variant="light"
              color="gray"
              icon={<IconInfoCircle />}
              title={t('signIn.demoTitle')}
              role="note"
            >
              <Text size="sm">
                <Trans
                  i18nKey="signIn.demoBody"
                  values={{ email: DEMO_EMAIL, password: DEMO_PASSWORD }}
                  components={{ code: <Code /> }}
                />
              </Text>
            </Alert>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}
