import { useCallback, useRef, useState } from 'react';
import { Alert, Group, Tabs, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../shared/api/errors';
import type { ModuleDetail } from '../../../shared/api/schemas/catalog';
import { BackLink } from '../../components/BackLink';
import { LoadError } from '../../components/LoadError';
import { LoadingPage } from '../../components/LoadingPage';
import { Page } from '../../components/Page';
import { UnsavedChangesPrompt } from '../../components/UnsavedChangesPrompt';
import { formatDateTime } from '../../lib/format';
import { CertificateSwitch } from '../certificates/CertificateSwitch';
import { ContentTab } from './ContentTab';
import { DetailsTab } from './DetailsTab';
import { UsageTab, VersionsTab } from './HistoryTabs';
import { KindBadge, StatusBadges, useValidityText } from './module-badges';
import { ModuleActions } from './ModuleActions';
import { PrerequisitesTab } from './PrerequisitesTab';
import { focusPath, PublishProblems, tabFor, type EditorTab } from './PublishProblems';
import { useModule } from './use-module';

/** One module's editor; a fresh page per module, so nothing carries over from the one before. */
export function ModulePage() {
  const { moduleId = '' } = useParams();
  return <ModuleView key={moduleId} moduleId={moduleId} />;
}

const TABS: readonly EditorTab[] = ['details', 'content', 'prerequisites', 'versions', 'usage'];

function ModuleView({ moduleId }: { moduleId: string }) {
  const { t } = useTranslation();
  const { loaded, reload, replace } = useModule(moduleId);
  const [tab, setTab] = useState<EditorTab>('content');
  const [problems, setProblems] = useState<ApiErrorBody | null>(null);
  const [dirtyTabs, setDirtyTabs] = useState<ReadonlySet<EditorTab>>(new Set());
  const leaving = useRef(false);
  const validity = useValidityText();
  const dirtyOf = useCallback(
    (which: EditorTab) => (dirty: boolean) =>
      setDirtyTabs((s) => {
        if (s.has(which) === dirty) return s;
        const next = new Set(s);
        if (dirty) next.add(which);
        else next.delete(which);
        return next;
      }),
    [],
  );
  // Stable per tab, so the tabs' effects do not loop.
  const [onDirty] = useState(() => ({
    details: dirtyOf('details'),
    content: dirtyOf('content'),
    prerequisites: dirtyOf('prerequisites'),
  }));

  const go = (path: string) => {
    setTab(tabFor(path));
    // The tab's panel is shown on the next frame; focus the field then.
    requestAnimationFrame(() => requestAnimationFrame(() => focusPath(path)));
  };
  const saved = (m: ModuleDetail) => {
    replace(m);
    setProblems(null);
  };

  if (!loaded) return <LoadingPage height={360} />;
  const m = loaded.detail;
  if (!m) {
    return (
      <Page title={t('catalogScreens.title')}>
        <BackLink to="/catalog" label={t('catalogScreens.backToList')} />
        <LoadError
          title={t('catalogScreens.editor.loadFailed')}
          message={loaded.error?.message ?? ''}
          onRetry={reload}
        />
      </Page>
    );
  }
  // An archived module is history: restore it to change it.
  const readOnly = !m.canManage || !m.editable || m.status === 'archived';
  const common = { m, readOnly, onSaved: saved };

  return (
    <Page
      title={m.title}
      description={[
        m.ownerUnitName,
        validity(m.defaultValidityMonths),
        m.currentVersion !== null ? t('catalogScreens.version', { version: m.currentVersion }) : null,
        t('catalogScreens.editor.updated', { when: formatDateTime(m.updatedAt) }),
      ]
        .filter(Boolean)
        .join(' · ')}
      actions={
        <ModuleActions
          m={m}
          dirty={dirtyTabs.size > 0}
          onChanged={saved}
          onPublishFailed={setProblems}
          leavingRef={leaving}
        />
      }
    >
      <UnsavedChangesPrompt when={dirtyTabs.size > 0} bypass={leaving} />
      <Group justify="space-between" gap="sm">
        <BackLink to="/catalog" label={t('catalogScreens.backToList')} />
        <Group gap="xs">
          <Text fw={600} size="sm">
            {m.code}
          </Text>
          <KindBadge kind={m.kind} />
          <StatusBadges status={m.status} hasUnpublishedChanges={m.hasUnpublishedChanges} />
        </Group>
      </Group>
      <PublishProblems error={problems} onGo={go} onClose={() => setProblems(null)} />
      {!m.editable ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
          {t('catalogScreens.editor.externalReadOnly')}
        </Alert>
      ) : (
        (!m.canManage || m.status === 'archived') && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
            {m.canManage ? t('catalogScreens.editor.archivedReadOnly') : t('catalogScreens.editor.readOnly')}
          </Alert>
        )
      )}
      <Tabs value={tab} onChange={(v) => v && setTab(v as EditorTab)}>
        <Tabs.List mb="lg">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`catalogScreens.editor.tabs.${k}`)}
              {dirtyTabs.has(k) && ' •'}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="details">
          {/* Issue 8: switched on its own, outside the Save below. Only a completion that becomes a
              training record can earn one; shown while on anyway, so it can be turned off. */}
          {(m.trainingRecord || m.certificateEnabled) && (
            <CertificateSwitch
              target={{ kind: 'module', id: m.id }}
              enabled={m.certificateEnabled}
              templateId={m.certificateTemplateId}
              canManage={m.canManage && m.status !== 'archived'}
              mb="lg"
            />
          )}
          <DetailsTab {...common} onDirty={onDirty.details} />
        </Tabs.Panel>
        <Tabs.Panel value="content">
          <ContentTab {...common} onDirty={onDirty.content} onGo={go} />
        </Tabs.Panel>
        <Tabs.Panel value="prerequisites">
          <PrerequisitesTab {...common} onDirty={onDirty.prerequisites} />
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <VersionsTab m={m} />
        </Tabs.Panel>
        <Tabs.Panel value="usage">
          <UsageTab m={m} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
