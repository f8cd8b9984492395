import { useState } from 'react';
import {
  Button,
  ColorInput,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../shared/api/schemas/certificates';
import { useCall } from '../../lib/use-call';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyDone } from '../../lib/notify';
import { ImageField } from './ImageField';
import { TemplatePreview } from './TemplatePreview';

const PLACEHOLDERS = [
  'person',
  'what',
  'completed',
  'issued',
  'expires',
  'number',
  'unit',
  'qualification',
] as const;

interface Draft {
  id?: string;
  name: string;
  title: string;
  body: string;
  pageSize: 'A4' | 'Letter';
  orientation: 'landscape' | 'portrait';
  logoFileId: string | null;
  signatureFileId: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  primaryColour: string;
  accentColour: string;
  isDefault: boolean;
}
type Field = Exclude<keyof Draft, 'id'>;

function draftOf(template: Template | null, defaults: { title: string; body: string }): Draft {
  if (!template)
    return {
      name: '',
      title: defaults.title,
      body: defaults.body,
      pageSize: 'A4',
      orientation: 'landscape',
      logoFileId: null,
      signatureFileId: null,
      signatoryName: null,
      signatoryTitle: null,
      primaryColour: '#1f3a68',
      accentColour: '#c9a227',
      isDefault: false,
    };
  const { id, name, title, body, pageSize, orientation, logoFileId, signatureFileId } = template;
  const { signatoryName, signatoryTitle, primaryColour, accentColour, isDefault } = template;
  return {
    id,
    name,
    title,
    body,
    pageSize,
    orientation,
    logoFileId,
    signatureFileId,
    signatoryName,
    signatoryTitle,
    primaryColour,
    accentColour,
    isDefault,
  };
}

/** One template's fields beside its live preview; Save stores it. */
export function TemplateEditor({
  template,
  onSaved,
}: {
  template: Template | null;
  onSaved: (t: Template) => void;
}) {
  const { t } = useTranslation();
  const mayEdit = useCall('certificates.keys', {}).data?.canManage ?? false;
  const [draft, setDraft] = useState<Draft>(() =>
    draftOf(template, {
      title: t('certificates.templates.defaultTitle'),
      body: t('certificates.templates.defaultBody'),
    }),
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [uploads, setUploads] = useState(0);
  const set =
    <K extends Field>(field: K) =>
    (value: Draft[K]) => {
      setDraft((d) => ({ ...d, [field]: value }));
      setErrors((e) => ({ ...e, [field]: undefined }));
    };
  const text = (field: 'name' | 'title') => ({
    value: draft[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(field)(e.currentTarget.value),
    error: errors[field],
  });
  const optional = (field: 'signatoryName' | 'signatoryTitle') => ({
    value: draft[field] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(field)(e.currentTarget.value || null),
    error: errors[field],
  });
  const busy = (b: boolean) => setUploads((n) => n + (b ? 1 : -1));

  async function save() {
    setSaving(true);
    setMessage(null);
    const res = await client.invoke('certificates.saveTemplate', draft);
    setSaving(false);
    if (!res.ok) {
      const byField: Partial<Record<Field, string>> = {};
      for (const d of res.error.details ?? []) byField[d.path as Field] ??= d.message;
      setErrors(byField);
      setMessage(res.error.message);
      return;
    }
    notifyDone(t('certificates.templates.saved', { name: res.value.name }));
    onSaved(res.value);
  }

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
        aria-labelledby="template-editor-title"
      >
        <Stack gap="sm">
          <Title order={2} fz="lg" id="template-editor-title">
            {template ? template.name : t('certificates.templates.newTitle')}
          </Title>
          <TextInput
            label={t('certificates.templates.name')}
            description={t('certificates.templates.nameHint')}
            required
            withAsterisk
            maxLength={200}
            {...text('name')}
          />
          <TextInput
            label={t('certificates.templates.title')}
            description={t('certificates.templates.titleHint')}
            required
            withAsterisk
            maxLength={120}
            {...text('title')}
          />
          <Textarea
            label={t('certificates.templates.body')}
            required
            autosize
            minRows={3}
            maxRows={8}
            maxLength={2000}
            value={draft.body}
            onChange={(e) => set('body')(e.currentTarget.value)}
            error={errors.body}
            description={<PlaceholderHelp />}
          />
          <Group grow align="flex-start">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="template-page-size">
                {t('certificates.templates.pageSize')}
              </Text>
              <SegmentedControl
                aria-labelledby="template-page-size"
                data={['A4', 'Letter']}
                value={draft.pageSize}
                onChange={(v) => set('pageSize')(v as Draft['pageSize'])}
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="template-orientation">
                {t('certificates.templates.orientation')}
              </Text>
              <SegmentedControl
                aria-labelledby="template-orientation"
                data={[
                  { value: 'landscape', label: t('certificates.templates.landscape') },
                  { value: 'portrait', label: t('certificates.templates.portrait') },
                ]}
                value={draft.orientation}
                onChange={(v) => set('orientation')(v as Draft['orientation'])}
              />
            </Stack>
          </Group>
          <Group grow align="flex-start">
            <ColorInput
              label={t('certificates.templates.primaryColour')}
              format="hex"
              value={draft.primaryColour}
              onChange={set('primaryColour')}
              eyeDropperButtonProps={{ 'aria-label': t('certificates.templates.eyeDropper') }}
              error={errors.primaryColour}
            />
            <ColorInput
              label={t('certificates.templates.accentColour')}
              format="hex"
              value={draft.accentColour}
              onChange={set('accentColour')}
              eyeDropperButtonProps={{ 'aria-label': t('certificates.templates.eyeDropper') }}
              error={errors.accentColour}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('certificates.templates.signatoryName')}
              maxLength={200}
              {...optional('signatoryName')}
            />
            <TextInput
              label={t('certificates.templates.signatoryTitle')}
              maxLength={200}
              {...optional('signatoryTitle')}
            />
          </Group>
          <Group grow align="flex-start">
            <ImageField
              label={t('certificates.templates.logo')}
              value={draft.logoFileId}
              onChange={set('logoFileId')}
              onBusy={busy}
              error={errors.logoFileId}
            />
            <ImageField
              label={t('certificates.templates.signature')}
              value={draft.signatureFileId}
              onChange={set('signatureFileId')}
              onBusy={busy}
              error={errors.signatureFileId}
            />
          </Group>
          <Switch
            label={t('certificates.templates.isDefault')}
            description={t('certificates.templates.isDefaultHint')}
            checked={draft.isDefault}
            onChange={(e) => set('isDefault')(e.currentTarget.checked)}
          />
          <ErrorAlert message={message} title={t('common.errorTitle')} />
          {mayEdit ? (
            <Group justify="flex-end">
              <Button type="submit" loading={saving} disabled={uploads > 0}>
                {t('certificates.templates.save')}
              </Button>
            </Group>
          ) : (
            // Templates serve every site: only organisation-wide settings editors save them; others may preview.
            <Text size="sm" c="dimmed">
              {t('certificates.templates.readOnly')}
            </Text>
          )}
        </Stack>
      </form>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="template-preview-title">
        <Title order={2} fz="lg" mb="xs" id="template-preview-title">
          {t('certificates.templates.preview')}
        </Title>
        <TemplatePreview draft={draft} />
      </Paper>
    </SimpleGrid>
  );
}

function PlaceholderHelp() {
  const { t } = useTranslation();
  return (
    <>
      {t('certificates.templates.placeholders')}{' '}
      {PLACEHOLDERS.map((p, i) => (
        <span key={p}>
          <code>{`{${p}}`}</code> {t(`certificates.templates.placeholderHelp.${p}`)}
          {i < PLACEHOLDERS.length - 1 ? '; ' : '.'}
        </span>
      ))}
    </>
  );
}
