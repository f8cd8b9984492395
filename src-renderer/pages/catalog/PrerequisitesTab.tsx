import { useEffect, useState, type FormEvent } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ModuleDetail } from '../../../shared/api/schemas/catalog';
import { client } from '../../api/client';
import { Panel } from '../../components/Panel';
import { notifyDone } from '../../lib/notify';
import { EditorSaveBar } from './EditorSaveBar';
import { KindBadge } from './module-badges';
import { sameJson } from './module-form';
import { ModuleMultiSelect } from './ModuleSelect';

/** Modules a learner must complete before starting this one; the server refuses cycles. */
export function PrerequisitesTab({
  m,
  readOnly,
  onSaved,
  onDirty,
}: {
  m: ModuleDetail;
  readOnly: boolean;
  onSaved: (m: ModuleDetail) => void;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const initial = m.prerequisites.map((p) => p.id);
  const [draft, setDraft] = useState<string[] | null>(null);
  const value = draft ?? initial;
  const dirty = draft !== null && !sameJson(draft, initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const p = (k: string) => t(`catalogScreens.prerequisites.${k}` as 'catalogScreens.prerequisites.title');

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const res = await client.invoke('modules.update', { id: m.id, prerequisiteIds: value });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setDraft(null);
    onSaved(res.value);
    notifyDone(t('catalogScreens.editor.saved'));
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <Stack gap="lg">
        <Panel title={p('title')}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {p('hint')}
            </Text>
            {readOnly ? (
              m.prerequisites.length === 0 ? (
                <Text size="sm">{p('none')}</Text>
              ) : (
                <Stack component="ul" gap={4} pl="md">
                  {m.prerequisites.map((x) => (
                    <Text component="li" size="sm" key={x.id}>
                      {x.title} ({x.code}) <KindBadge kind={x.kind} />
                    </Text>
                  ))}
                </Stack>
              )
            ) : (
              <ModuleMultiSelect
                id="module-prerequisiteIds"
                label={p('label')}
                placeholder={p('placeholder')}
                nothingFoundMessage={p('nothing')}
                source={{ exclude: new Set([m.id]) }}
                known={m.prerequisites}
                value={value}
                onChange={(ids) => {
                  setDraft(ids);
                  setError(null);
                }}
                error={error}
                maw={640}
              />
            )}
          </Stack>
        </Panel>
        {!readOnly && <EditorSaveBar dirty={dirty} busy={busy} onDiscard={() => setDraft(null)} />}
      </Stack>
    </form>
  );
}
