import { useState } from 'react';
import { Alert, Group, Loader, Paper, Select, Switch, Text, type PaperProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCall } from '../../lib/use-call';

/** The template picker's value for "the organisation's default" (a Select value cannot be null). */
const DEFAULT = '';

type Outcome = { kind: 'switched'; enabled: boolean; issued: number } | { kind: 'template' };

/** What issues the certificates: a training configuration (all its Required training) or one module. */
export interface CertificateTarget {
  kind: 'configuration' | 'module';
  id: string;
}

/** `templateId` undefined keeps the template the target has. */
function send(target: CertificateTarget, enabled: boolean, templateId?: string | null) {
  const template = templateId === undefined ? {} : { templateId };
  return target.kind === 'configuration'
    ? client.invoke('certificates.configuration', { configurationId: target.id, enabled, ...template })
    : client.invoke('certificates.module', { moduleId: target.id, enabled, ...template });
}

/**
 * The certificate switch of a training configuration ("Certificate of completion") or of a module
 * ("Certificate on completion"): turning it on issues at once to everyone who already qualifies, and
 * says how many. While on, the template its certificates are printed with can be chosen; certificates
 * issued before keep theirs.
 */
export function CertificateSwitch({
  target,
  enabled: initial,
  templateId: initialTemplate,
  canManage,
  ...paper
}: {
  target: CertificateTarget;
  enabled: boolean;
  templateId: string | null;
  canManage: boolean;
} & PaperProps) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(initial);
  const [templateId, setTemplateId] = useState(initialTemplate ?? DEFAULT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Templates need certificates.manage; without it the target keeps whichever it has.
  const templates = useCall('certificates.templates', {});
  // Only the switch's own words differ; what it reports is the same for both targets.
  const own = target.kind === 'configuration' ? 'configurationCertificates' : 'moduleCertificates';

  async function save(
    next: boolean,
    template: string | null | undefined,
    undo: () => void,
    kind: Outcome['kind'],
  ) {
    setBusy(true);
    setError(null);
    setOutcome(null);
    const res = await send(target, next, template);
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
    void save(next, undefined, () => setEnabled(!next), 'switched');
  }

  function choose(next: string) {
    const before = templateId;
    setTemplateId(next);
    void save(true, next === DEFAULT ? null : next, () => setTemplateId(before), 'template');
  }

  const rows = templates.data?.rows ?? [];
  const options = [
    { value: DEFAULT, label: t('configurationCertificates.defaultTemplate') },
    ...rows.map((r) => ({ value: r.id, label: r.name })),
  ];
  return (
    <Paper withBorder radius="md" p="md" {...paper}>
      <Group gap="lg" align="flex-start" justify="space-between">
        <Group gap="sm" wrap="nowrap">
          <Switch
            label={t(`${own}.label`)}
            description={t(`${own}.hint`)}
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
