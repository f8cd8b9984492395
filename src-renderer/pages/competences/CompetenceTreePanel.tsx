import { useMemo, useState, type KeyboardEvent } from 'react';
import { Badge, Group, Paper, Stack, Switch, Text, Tree, getTreeExpandedState, useTree } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../components/SearchInput';
import classes from './competences.module.css';
import { treeData, type CompetenceIndex } from './tree-data';

interface Props {
  index: CompetenceIndex;
  selectedId: string | null;
  onSelect: (id: string) => void;
  includeArchived: boolean;
  onIncludeArchived: (value: boolean) => void;
  /** Ids whose subtree is open (the page opens a new node's parents). */
  expanded: Record<string, boolean>;
  onExpanded: (state: Record<string, boolean>) => void;
  canManage: boolean;
}

/**
 * The tree (Mantine Tree: arrow keys move and open, Space opens, Enter or a click picks),
 * with a search by code or name that shows matches under their categories.
 */
export function CompetenceTreePanel(p: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const data = useMemo(() => treeData(p.index, search), [p.index, search]);
  const searching = search.trim() !== '';
  const tree = useTree({
    expandedState: searching ? getTreeExpandedState(data, '*') : p.expanded,
    onExpandedStateChange: (s) => {
      if (!searching) p.onExpanded(s);
    },
    selectedState: p.selectedId ? [p.selectedId] : [],
    onSelectedStateChange: (s) => {
      if (s[0]) p.onSelect(s[0]);
    },
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'Enter') return;
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
    const id = item?.dataset.value;
    if (!id) return;
    e.preventDefault();
    p.onSelect(id);
  };

  const empty = p.index.byId.size === 0;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <SearchInput
          label={t('competences.search')}
          placeholder={t('competences.searchPlaceholder')}
          clearLabel={t('competences.clearSearch')}
          value={search}
          onChange={setSearch}
          busy={false}
          w="100%"
        />
        <Switch
          label={t('competences.showArchived')}
          checked={p.includeArchived}
          onChange={(e) => p.onIncludeArchived(e.currentTarget.checked)}
        />
        {empty ? (
          <Text size="sm" role="status" py="md">
            {p.canManage ? t('competences.empty') : t('competences.emptyReadOnly')}
          </Text>
        ) : data.length === 0 ? (
          <Text size="sm" role="status" py="md">
            {t('competences.emptySearch', { search: search.trim() })}
          </Text>
        ) : (
          <Tree
            data={data}
            tree={tree}
            selectOnClick
            levelOffset="lg"
            aria-label={t('competences.treeLabel')}
            className={classes.tree}
            onKeyDown={onKeyDown}
            renderNode={({ node, expanded, hasChildren, elementProps }) => {
              const n = p.index.byId.get(node.value);
              if (!n) return null;
              return (
                <Group gap={6} wrap="nowrap" {...elementProps}>
                  <IconChevronRight
                    size={14}
                    aria-hidden
                    className={classes.chevron}
                    data-open={expanded || undefined}
                    style={{ visibility: hasChildren ? 'visible' : 'hidden' }}
                  />
                  <Text size="sm" className={classes.nodeName}>
                    {n.name}{' '}
                    <Text span size="xs" c="dimmed">
                      {n.code}
                    </Text>
                  </Text>
                  {n.archived && (
                    <Badge size="xs" variant="default">
                      {t('competences.archived')}
                    </Badge>
                  )}
                  {n.modules.length > 0 && (
                    <Text span size="xs" c="dimmed" className={classes.nowrap}>
                      {t('competences.modules', { count: n.modules.length })}
                    </Text>
                  )}
                </Group>
              );
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
