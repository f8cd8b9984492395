import { useEffect, useState, type FormEvent } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../shared/api/errors';
import type { ModuleContent, ModuleDetail } from '../../../shared/api/schemas/catalog';
import { client } from '../../api/client';
import { Panel } from '../../components/Panel';
import { notifyDone } from '../../lib/notify';
import { hasPrivilege, useUser } from '../../state/user-context';
import { CourseEditor } from './CourseEditor';
import { EditorSaveBar } from './EditorSaveBar';
import { EventEditor } from './EventEditor';
import { sameJson } from './module-form';
import { PathEditor } from './PathEditor';
import { PublishProblems } from './PublishProblems';
import { QuizEditor } from './QuizEditor';
import { SessionsPanel } from './SessionsPanel';

function KindEditor({
  moduleId,
  content,
  files,
  onChange,
  readOnly,
}: {
  moduleId: string;
  content: ModuleContent;
  files: ModuleDetail['files'];
  onChange: (c: ModuleContent) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const common = { moduleId, onChange, readOnly };
  switch (content.kind) {
    case 'course':
      return <CourseEditor {...common} content={content} files={files} />;
    case 'quiz':
      return <QuizEditor {...common} content={content} />;
    case 'event':
      return <EventEditor {...common} content={content} />;
    case 'learning_path':
      return <PathEditor {...common} content={content} />;
    case 'external':
      return (
        <Panel>
          <Text size="sm">{t('catalogScreens.editor.externalReadOnly')}</Text>
          {content.externalId && (
            <Text size="sm" mt="xs">
              {content.externalId}
            </Text>
          )}
          {content.url && (
            <Text size="sm" mt="xs">
              {content.url}
            </Text>
          )}
        </Panel>
      );
  }
}

/** The kind-specific content, edited as a draft and saved with one Save. */
export function ContentTab({
  m,
  readOnly,
  onSaved,
  onDirty,
  onGo,
}: {
  m: ModuleDetail;
  readOnly: boolean;
  onSaved: (m: ModuleDetail) => void;
  onDirty: (dirty: boolean) => void;
  onGo: (path: string) => void;
}) {
  const { t } = useTranslation();
  const canManageEvents = hasPrivilege(useUser(), 'events.manage');
  const [draftState, setDraft] = useState<ModuleContent | null>(null);
  const content = draftState ?? m.content;
  const dirty = draftState !== null && !sameJson(draftState, m.content);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  // Editors are keyed by this, so Discard remounts them (the rich text editor keeps its own state).
  const [generation, setGeneration] = useState(0);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draftState) return;
    setError(null);
    setBusy(true);
    const res = await client.invoke('modules.update', { id: m.id, content: draftState });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setDraft(null);
    onSaved(res.value);
    notifyDone(t('catalogScreens.editor.saved'));
  }

  return (
    <Stack gap="lg">
      <form onSubmit={(e) => void save(e)} noValidate>
        <Stack gap="lg">
          <PublishProblems
            error={error}
            title={t('common.errorTitle')}
            onGo={onGo}
            onClose={() => setError(null)}
          />
          {!readOnly && m.status === 'published' && (
            <Text size="sm" c="dimmed">
              {t('catalogScreens.editor.draftNote')}
            </Text>
          )}
          <KindEditor
            key={generation}
            moduleId={m.id}
            content={content}
            files={m.files}
            onChange={setDraft}
            readOnly={readOnly}
          />
          {!readOnly && (
            <EditorSaveBar
              dirty={dirty}
              busy={busy}
              onDiscard={() => {
                setDraft(null);
                setError(null);
                setGeneration((g) => g + 1);
              }}
            />
          )}
        </Stack>
      </form>
      {m.kind === 'event' && (
        <SessionsPanel moduleId={m.id} canManage={canManageEvents && m.status !== 'archived'} />
      )}
    </Stack>
  );
}
