import { useMemo, useState } from 'react';
import { Alert, Button, Group, Loader, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import type { CompetenceNode } from '../../../shared/api/schemas/competences';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * The modules that give a competence. Every change of the selection asks the server what saving would
 * do, so the backfill ("gives it to 37 people who already passed") is known before it happens.
 */
export function MappingPanel({
  node,
  readOnly,
  onSaved,
}: {
  node: CompetenceNode;
  readOnly: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const saved = useMemo(() => node.modules.map((m) => m.moduleId), [node.modules]);
  const [value, setValue] = useState<string[]>(saved);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [debouncedValue] = useDebouncedValue(value, 250);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Labels of every module seen (mapped ones, and search results), so chosen chips keep their names.
  const [known, setKnown] = useState(
    () => new Map(node.modules.map((m) => [m.moduleId, `${m.title} (${m.code})`])),
  );

  const options = useCall('modules.options', {
    limit: 50,
    ...(debouncedSearch ? { search: debouncedSearch } : {}),
  });
  const data = useMemo(() => {
    const rows = options.data?.rows ?? [];
    const labels = new Map(known);
    for (const r of rows) labels.set(r.id, `${r.title} (${r.code})`);
    const shown = new Set([...rows.map((r) => r.id), ...value]);
    return [...shown].map((id) => ({ value: id, label: labels.get(id) ?? id }));
  }, [options.data, known, value]);

  const changed = !sameSet(value, saved);
  const previewChanged = !sameSet(debouncedValue, saved);
  const preview = useCall('competences.mappingPreview', {
    competenceId: node.id,
    // Nothing to preview while unchanged: ask for the saved set, which the server answers with no change.
    moduleIds: previewChanged ? debouncedValue : saved,
  });
  const current = preview.data && previewChanged && sameSet(debouncedValue, value) ? preview.data : null;

  const onChange = (ids: string[]) => {
    setKnown((prev) => {
      const next = new Map(prev);
      for (const d of data) if (ids.includes(d.value)) next.set(d.value, d.label);
      return next;
    });
    setValue(ids);
  };

  async function save() {
    setBusy(true);
    setError(null);
    const res = await client.invoke('competences.saveMappings', { competenceId: node.id, moduleIds: value });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    notifyDone(
      t('competences.mapping.saved', { count: res.value.people, formatted: formatNumber(res.value.people) }),
    );
    onSaved();
  }

  const disabled = readOnly || node.archived;
  return (
    <Panel title={t('competences.mapping.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('competences.mapping.intro')}
        </Text>
        {node.archived && (
          <Alert color="gray" icon={<IconInfoCircle />}>
            {t('competences.mapping.archivedNote')}
          </Alert>
        )}
        <MultiSelect
          label={t('competences.mapping.modules')}
          placeholder={t('competences.mapping.modulesPlaceholder')}
          data={data}
          value={value}
          onChange={onChange}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: o }) => o}
          nothingFoundMessage={options.loading ? t('common.loading') : t('competences.mapping.nothing')}
          readOnly={disabled}
          hidePickedOptions
          maxDropdownHeight={300}
          clearable={!disabled}
        />
        <div aria-live="polite">
          {changed && <PreviewText preview={current} loading={!current && !preview.error} />}
          {changed && preview.error && (
            <ErrorAlert title={t('competences.mapping.previewFailed')} message={preview.error.message} />
          )}
        </div>
        <ErrorAlert message={error} title={t('common.errorTitle')} />
        {!disabled && (
          <Group justify="flex-end">
            <Button onClick={() => void save()} loading={busy} disabled={!changed}>
              {t('competences.mapping.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Panel>
  );
}

type Preview = CallOutput<'competences.mappingPreview'>;

function PreviewText({ preview, loading }: { preview: Preview | null; loading: boolean }) {
  const { t } = useTranslation();
  if (loading || !preview)
    return (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{t('competences.mapping.previewing')}</Text>
      </Group>
    );
  const modules = preview.added
    .filter((m) => m.people > 0)
    .map((m) => t('competences.mapping.moduleCount', { title: m.title, people: formatNumber(m.people) }))
    .join(', ');
  return (
    <Stack gap={4}>
      {preview.added.length > 0 && (
        <Text size="sm" fw={500}>
          {preview.people > 0
            ? t('competences.mapping.backfill', {
                count: preview.people,
                formatted: formatNumber(preview.people),
                modules,
              })
            : t('competences.mapping.backfillNone')}
        </Text>
      )}
      {preview.removed.length > 0 && (
        <Text size="sm">
          {t('competences.mapping.removed', {
            modules: preview.removed.map((m) => `${m.title} (${m.code})`).join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}
