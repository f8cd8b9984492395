import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SettingsUpdate, type Settings } from '../../../shared/api/schemas/settings';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { KeysPanel } from '../certificates/KeysPanel';
import { zodFieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import { useFormFields } from '../../lib/use-form-fields';

const FIELDS = ['expiringDays'] as const;

/** The expiring window: how early a requirement turns amber before its expiry date. */
function ComplianceSettings({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const f = useFormFields<(typeof FIELDS)[number]>('settings-compliance', {
    expiringDays: String(settings.expiringDays),
  });
  const [busy, setBusy] = useState(false);
  const { setValue } = f;
  useEffect(() => setValue('expiringDays', String(settings.expiringDays)), [settings.expiringDays, setValue]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    f.setFormError(null);
    const raw = f.values.expiringDays.trim();
    // A blank or non-number box fails the schema's "whole number of days" message.
    const parsed = SettingsUpdate.safeParse({ expiringDays: raw === '' ? Number.NaN : Number(raw) });
    if (!parsed.success) return f.setErrors(zodFieldErrors(parsed.error, FIELDS), FIELDS);
    setBusy(true);
    const res = await client.invoke('settings.update', parsed.data);
    setBusy(false);
    if (!res.ok) return f.showServerError(res.error, FIELDS);
    notifyDone(t('settings.compliance.saved', { count: res.value.expiringDays }));
    onSaved(res.value);
  }

  return (
    <Panel title={t('settings.compliance.title')}>
      <form id="settings-compliance" onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm" maw={520}>
          <ErrorAlert message={f.formError} />
          <Text size="sm">{t('settings.compliance.intro')}</Text>
          <TextInput
            label={t('settings.compliance.expiringDays')}
            description={t('settings.compliance.expiringDaysHint')}
            inputMode="numeric"
            readOnly={!settings.canEdit}
            rightSection={<Text size="sm">{t('settings.compliance.days')}</Text>}
            rightSectionWidth={48}
            maw={220}
            {...f.bind('expiringDays')}
          />
          {settings.canEdit ? (
            <Group>
              <Button type="submit" loading={busy}>
                {t('settings.save')}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('settings.readOnly')}
            </Text>
          )}
        </Stack>
      </form>
    </Panel>
  );
}

/** Organisation-wide settings (more sections join as the product grows: certificates, signing keys). */
export function SettingsPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('settings.get', {});
  const [saved, setSaved] = useState<Settings | null>(null);
  const settings = saved ?? data;
  return (
    <Page title={t('settings.title')} description={t('settings.description')}>
      {error && !settings ? (
        <LoadError title={t('settings.loadFailed')} message={error.message} onRetry={reload} />
      ) : !settings ? (
        <Skeleton h={160} />
      ) : (
        <Stack gap="lg">
          <ComplianceSettings settings={settings} onSaved={setSaved} />
          {/* The installation's signing key (printable) and the sites it trusts: the same panel as on Verify. */}
          <KeysPanel />
        </Stack>
      )}
    </Page>
  );
}
