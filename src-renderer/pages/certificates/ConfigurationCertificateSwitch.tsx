import { useState } from 'react';
import { Alert, Group, Loader, Paper, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * "Certificate of completion" on a training configuration: turning it on issues at once to everyone
 * already compliant, and says how many.
 */
export function ConfigurationCertificateSwitch({
  configurationId,
  enabled: initial,
  canManage,
}: {
  configurationId: string;
  enabled: boolean;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ enabled: boolean; issued: number } | null>(null);

  async function toggle(next: boolean) {
    // Shown switched at once; put back if the server refuses.
    setEnabled(next);
    setBusy(true);
    setError(null);
    setOutcome(null);
    const res = await client.invoke('certificates.configuration', { configurationId, enabled: next });
    setBusy(false);
    if (!res.ok) {
      setEnabled(!next);
      return setError(res.error.message);
    }
    setEnabled(res.value.enabled);
    setOutcome(res.value);
  }

  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="sm" wrap="nowrap">
        <Switch
          label={t('configurationCertificates.label')}
          description={t('configurationCertificates.hint')}
          checked={enabled}
          disabled={!canManage || busy}
          onChange={(e) => void toggle(e.currentTarget.checked)}
          size="md"
        />
        {busy && <Loader size="xs" aria-label={t('common.loading')} />}
      </Group>
      {outcome && (
        <Alert color={outcome.enabled ? 'teal' : 'gray'} mt="sm" role="status">
          <Text size="sm">
            {outcome.enabled
              ? t('configurationCertificates.issued', { count: outcome.issued })
              : t('configurationCertificates.off')}
          </Text>
        </Alert>
      )}
      <ErrorAlert message={error} title={t('configurationCertificates.failed')} mt="sm" />
    </Paper>
  );
}
