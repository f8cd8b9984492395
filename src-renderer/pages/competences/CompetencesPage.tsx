import { useMemo, useState } from 'react';
import { Button, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconPlus, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import { CompetenceActions } from './CompetenceActions';
import { CompetenceForm } from './CompetenceForm';
import { CompetenceTreePanel } from './CompetenceTreePanel';
import { ImportTreeDialog } from './ImportTreeDialog';
import { MappingPanel } from './MappingPanel';
import { ancestorIds, indexCompetences } from './tree-data';

type Selection = { kind: 'node'; id: string } | { kind: 'new'; parentId: string | null } | null;

/** The competence tree on the left; the picked competence's details and mappings on the right. */
export function CompetencesPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [includeArchived, setIncludeArchived] = useState(false);
  const { data, error, reload } = useCall('competences.tree', { includeArchived });
  const canManage = (data?.canManage ?? false) && hasPrivilege(user, 'competences.manage');
  const index = useMemo(() => indexCompetences(data?.nodes ?? []), [data]);
  const [selection, setSelection] = useState<Selection>(null);
  const [expanded, setExpanded] = useState<Record<string, boolean> | null>(null);
  const [importing, setImporting] = useState(false);
  // Top-level categories start open; after that the person decides.
  const expandedState =
    expanded ?? Object.fromEntries((index.children.get(null) ?? []).map((n) => [n.id, true]));

  const selected = selection?.kind === 'node' ? (index.byId.get(selection.id) ?? null) : null;
  const select = (id: string) => {
    setExpanded({ ...expandedState, ...Object.fromEntries(ancestorIds(index, id).map((a) => [a, true])) });
    setSelection({ kind: 'node', id });
  };

  return (
    <Page
      title={t('competences.title')}
      description={t('competences.description')}
      actions={
        <Group gap="sm">
          <Button
            component={Link}
            to="/competences/matrix"
            variant="default"
            leftSection={<IconTable size={16} aria-hidden />}
          >
            {t('competences.matrixLink')}
          </Button>
          {canManage && (
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => setImporting(true)}
            >
              {t('competences.import')}
            </Button>
          )}
          {canManage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setSelection({ kind: 'new', parentId: selected?.id ?? null })}
            >
              {selected ? t('competences.addUnder', { name: selected.name }) : t('competences.add')}
            </Button>
          )}
        </Group>
      }
    >
      {!canManage && data && (
        <Text size="sm" c="dimmed">
          {t('competences.readOnly')}
        </Text>
      )}
      {error && !data ? (
        <LoadError title={t('competences.loadFailed')} message={error.message} onRetry={reload} />
      ) : !data ? (
        <Skeleton height={320} radius="md" />
      ) : (
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <CompetenceTreePanel
              index={index}
              selectedId={selected?.id ?? null}
              onSelect={select}
              includeArchived={includeArchived}
              onIncludeArchived={setIncludeArchived}
              expanded={expandedState}
              onExpanded={setExpanded}
              canManage={canManage}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {selection?.kind === 'new' ? (
              <Panel title={t('competences.form.newTitle')}>
                {canManage && selection.parentId === null && index.byId.size > 0 && (
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('competences.addTop')}
                  </Text>
                )}
                <CompetenceForm
                  key={`new-${selection.parentId ?? ''}`}
                  index={index}
                  node={null}
                  parentId={selection.parentId}
                  readOnly={false}
                  onCancel={() => setSelection(null)}
                  onSaved={(n) => {
                    reload();
                    select(n.id);
                  }}
                />
              </Panel>
            ) : selected ? (
              <Stack gap="lg">
                <Panel>
                  <Group justify="space-between" mb="md" align="flex-start">
                    <Title order={2} fz="lg">
                      {selected.name}
                    </Title>
                    {canManage && (
                      <CompetenceActions
                        node={selected}
                        onArchived={reload}
                        onDeleted={() => {
                          setSelection(null);
                          reload();
                        }}
                      />
                    )}
                  </Group>
                  <CompetenceForm
                    key={`${selected.id}-${JSON.stringify(selected)}`}
                    index={index}
                    node={selected}
                    parentId={selected.parentId}
                    readOnly={!canManage}
                    onSaved={reload}
                  />
                </Panel>
                <MappingPanel
                  key={`${selected.id}-${selected.modules.map((m) => m.moduleId).join()}-${selected.archived}`}
                  node={selected}
                  readOnly={!canManage}
                  onSaved={reload}
                />
              </Stack>
            ) : (
              <Panel>
                <Text size="sm" c="dimmed" role="status">
                  {index.byId.size === 0 && canManage ? t('competences.empty') : t('competences.pickOne')}
                </Text>
              </Panel>
            )}
          </Grid.Col>
        </Grid>
      )}
      <ImportTreeDialog opened={importing} onClose={() => setImporting(false)} onImported={reload} />
    </Page>
  );
}
