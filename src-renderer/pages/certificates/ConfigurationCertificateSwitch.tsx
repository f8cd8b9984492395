import { useState } from 'react';
import { Alert, Group, Loader, Paper, Select, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../lib/use-call';

/** The template picker's value for "the organisation's default" (a Select value cannot be null). */
const DEFAULT = '';

type Outcome = { kind: 'switched'; enabled: boolean; issued: number } | { kind: 'template' };

/**
 * "Certificate of completion" on a training configuration: turning it on issues at once to everyone
 * already compliant, and says how many. While on, the template its certificates are printed with can
 * be chosen; certificates issued before keep theirs.
 */
export function ConfigurationCertificateSwitch({
  configurationId,
  enabled: initial,
  templateId: initialTemplate,
  canManage,
}: {
  configurationId: string;
  enabled: boolean;
  templateId: string | null;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(initial);
  const [templateId, setTemplateId] = useState(initialTemplate ?? DEFAULT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Templates need certificates.manage; without it the configuration keeps whichever it has.
  const templates = useCall('certificates.templates', {});

  async function save(
    input: CallInput<'certificates.configuration'>,
    undo: () => void,
    kind: Outcome['kind'],
  ) {
    setBusy(true);
    setError(null);
    setOutcome(null);
    const res = await client.invoke('certificates.configuration', input);
    setBusy(false);
    if (!res.ok) {
      undo();
      return setError(res.error.message);
    }
    setEnabled(res.value.enabled);
    setOutcome(kind === 'template' ? { kind } : { kind, ...res.value });
  }

  // Shown changed at once; put back if the server refuses.
  function toggle(next: boolean) {
    setEnabled(next);
    void save({ configurationId, enabled: next }, () => setEnabled(!next), 'switched');
  }

  function choose(next: string) {
    const before = templateId;
    setTemplateId(next);
    void save(
      { configurationId, enabled: true, templateId: next === DEFAULT ? null : next },
      () => setTemplateId(before),
      'template',
    );
  }

  const rows = templates.data?.rows ?? [];
  const options = [
    { value: DEFAULT, label: t('configurationCertificates.defaultTemplate') },
    ...rows.map((r) => ({ value: r.id, label: r.name })),
  ];
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="lg" align="flex-start" justify="space-between">
        <Group gap="sm" wrap="nowrap">
          <Switch
            label={t('configurationCertificates.label')}
            description={t('configurationCertificates.hint')}
            checked={enabled}
            disabled={!canManage || busy}
            onChange={(e) => toggle(e.currentTarget.checked)}
            size="md"
          />
          {busy && <Loader size="xs" aria-label={t('common.loading')} />}
        </Group>
        {enabled && templates.data && (
          <Select
            label={t('configurationCertificates.template')}
            description={t('configurationCertificates.templateHint')}
            data={options}
            value={templateId}
            onChange={(v) => v !== null && v !== templateId && choose(v)}
            allowDeselect={false}
            searchable={rows.length > 8}
            disabled={!canManage || busy}
            w={380}
          />
        )}
      </Group>
      {outcome && (
        <Alert
          color={outcome.kind === 'switched' && !outcome.enabled ? 'gray' : 'teal'}
          mt="sm"
          role="status"
        >
          <Text size="sm">
            {outcome.kind === 'template'
              ? t('configurationCertificates.templateSaved')
              : outcome.enabled
                ? t('configurationCertificates.issued', { count: outcome.issued })
                : t('configurationCertificates.off')}
          </Text>
        </Alert>
      )}
      <ErrorAlert message={error} title={t('configurationCertificates.failed')} mt="sm" />
    </Paper>
  );
}
