import { useState } from 'react';
import { Button, EmptyState, Group, Paper, Select, Skeleton } from '@mantine/core';
import { IconPlus, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { useCall } from '../../lib/use-call';
import { TemplateEditor } from './TemplateEditor';

/** The certificate templates: pick one (or make a new one) and edit it beside its live preview. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('certificates.templates', {});
  const [chosen, setChosen] = useState<string | null>(null);

  if (error)
    return (
      <LoadError title={t('certificates.templates.loadFailed')} message={error.message} onRetry={reload} />
    );
  if (!data) return <Skeleton height={420} aria-label={t('common.loading')} />;

  const rows = data.rows;
  const current = chosen ?? rows.find((r) => r.isDefault)?.id ?? rows[0]?.id ?? null;
  const template = rows.find((r) => r.id === current) ?? null;
  const newButton = (
    <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setChosen('new')}>
      {t('certificates.templates.new')}
    </Button>
  );

  if (rows.length === 0 && current !== 'new' && chosen !== 'new')
    return (
      <Paper withBorder radius="md">
        <EmptyState
          icon={<IconTemplate size={28} stroke={1.5} />}
          withIndicatorBackground
          title={t('certificates.templates.empty')}
          description={t('certificates.templates.emptyHint')}
          py={48}
          role="status"
        >
          <EmptyState.Actions>{newButton}</EmptyState.Actions>
        </EmptyState>
      </Paper>
    );

  return (
    <Paper withBorder radius="md" p="lg">
      <Group justify="space-between" align="flex-end" mb="md">
        <Select
          label={t('certificates.templates.listLabel')}
          data={rows.map((r) => ({
            value: r.id,
            label: r.isDefault ? `${r.name} (${t('certificates.templates.default')})` : r.name,
          }))}
          value={template?.id ?? null}
          placeholder={t('certificates.templates.newTitle')}
          onChange={(v) => v && setChosen(v)}
          allowDeselect={false}
          w={320}
        />
        {newButton}
      </Group>
      <TemplateEditor
        key={template ? `${template.id}` : 'new'}
        template={template}
        onSaved={(saved) => {
          setChosen(saved.id);
          reload();
        }}
      />
    </Paper>
  );
}
