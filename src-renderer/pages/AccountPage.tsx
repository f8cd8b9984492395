import { useState, type FormEvent } from 'react';
import { Button, DataList, Grid, Group, Stack, Text } from '@mantine/core';
import { PasswordField } from '../components/PasswordField';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordInput } from '../../shared/api/schemas/auth';
import { client } from '../api/client';
import { Page } from '../components/Page';
import { Panel } from '../components/Panel';
import { useFormFields } from '../lib/use-form-fields';
import { useUser } from '../state/user-context';
import { ErrorAlert } from '../components/ErrorAlert';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];

function Profile() {
  const { t } = useTranslation();
  const user = useUser();
  const roles = user.roles.map((r) => t('home.roleAt', { role: r.roleName, unit: r.unitName }));
  return (
    <Panel title={t('account.profileTitle')}>
      <DataList withDivider labelWidth={120}>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.name')}</DataList.ItemLabel>
          <DataList.ItemValue>{user.displayName}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.email')}</DataList.ItemLabel>
          <DataList.ItemValue>{user.email}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.organisation')}</DataList.ItemLabel>
          <DataList.ItemValue>{user.organisationName}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('account.roles')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {roles.length ? (
              <Stack gap={2}>
                {roles.map((r) => (
                  <span key={r}>{r}</span>
                ))}
              </Stack>
            ) : (
              t('account.noRoles')
            )}
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Panel>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const user = useUser();
  const form = useFormFields<Field>('change-password', {
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [submitting, setSubmitting] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.setFormError(null);
    const checked = form.validate(ChangePasswordInput, FIELDS, {
      field: 'confirmPassword',
      mustEqual: 'newPassword',
      message: t('account.passwordsDiffer'),
    });
    if (!checked) return;
    setSubmitting(true);
    const res = await client.invoke('auth.changePassword', checked);
    setSubmitting(false);
    if (res.ok) {
      form.reset();
      notifications.show({
        color: 'teal',
        icon: <IconCheck size={18} />,
        title: t('account.changedTitle'),
        message: t('account.changed'),
      });
      return;
    }
    if (res.error.code === 'unauthenticated') return; // the session store takes over
    form.showServerError(res.error, FIELDS);
  }

  return (
    <Panel title={t('account.passwordTitle')}>
      <Text size="sm" c="dimmed" mb="md">
        {t('account.passwordIntro')}
      </Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <Stack gap="md">
          <ErrorAlert message={form.formError} title={t('common.errorTitle')} />
          <PasswordField
            label={t('account.currentPassword')}
            required
            autoComplete="current-password"
            {...form.bind('currentPassword')}
          />
          <PasswordField
            label={t('account.newPassword')}
            description={t('account.newPasswordHint')}
            required
            autoComplete="new-password"
            {...form.bind('newPassword')}
          />
          <PasswordField
            label={t('account.confirmPassword')}
            required
            autoComplete="new-password"
            {...form.bind('confirmPassword')}
          />
          <Group>
            <Button type="submit" loading={submitting}>
              {t('account.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('account.title')} maw={1040}>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Profile />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ChangePasswordForm />
        </Grid.Col>
      </Grid>
    </Page>
  );
}
