import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import {
  IconBuilding,
  IconBuildingCommunity,
  IconBuildingSkyscraper,
  IconChevronRight,
  IconLock,
  IconMapPin,
  IconSitemap,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitNode } from '../../../shared/api/schemas/units';
import { formatNumber } from '../../lib/format';
import classes from './UnitTree.module.css';

export const KIND_ICON = {
  organisation: IconBuildingSkyscraper,
  client: IconBuildingCommunity,
  region: IconMapPin,
  site: IconBuilding,
  other: IconSitemap,
} as const;

/** The tree's shape: children per parent, in the server's order (siblings by name). */
export interface TreeIndex {
  byId: Map<string, UnitNode>;
  children: Map<string | null, UnitNode[]>;
  roots: UnitNode[];
}

export function indexTree(units: readonly UnitNode[]): TreeIndex {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string | null, UnitNode[]>();
  const roots: UnitNode[] = [];
  for (const u of units) {
    if (u.parentId === null || !byId.has(u.parentId)) roots.push(u);
    else children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  }
  return { byId, children, roots };
}

/** The unit and everything below it, as ids. */
export function subtreeIds(index: TreeIndex, id: string): Set<string> {
  const out = new Set<string>();
  const walk = (u: string) => {
    out.add(u);
    for (const c of index.children.get(u) ?? []) walk(c.id);
  };
  walk(id);
  return out;
}

/** The ids of a unit's ancestors, nearest first. */
export function ancestorIds(index: TreeIndex, id: string): string[] {
  const out: string[] = [];
  let u = index.byId.get(id);
  while (u?.parentId && index.byId.has(u.parentId)) {
    out.push(u.parentId);
    u = index.byId.get(u.parentId);
  }
  return out;
}

interface Row {
  unit: UnitNode;
  level: number;
  setSize: number;
  posInSet: number;
  hasChildren: boolean;
}

function visibleRows(index: TreeIndex, expanded: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  const walk = (list: UnitNode[], level: number) => {
    list.forEach((unit, i) => {
      const kids = index.children.get(unit.id) ?? [];
      rows.push({ unit, level, setSize: list.length, posInSet: i + 1, hasChildren: kids.length > 0 });
      if (kids.length && expanded.has(unit.id)) walk(kids, level + 1);
    });
  };
  walk(index.roots, 1);
  return rows;
}

interface Props {
  index: TreeIndex;
  label: string;
  /** An id to use as the prefix of each item's element id (two trees can share a page). */
  idPrefix: string;
  expanded: ReadonlySet<string>;
  onExpandedChange: (next: Set<string>) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Units that can be focused but not chosen (e.g. a unit cannot move under itself), with why. */
  disabledReason?: (unit: UnitNode) => string | null;
  /** Extra words after the name (e.g. "current parent"). */
  note?: (unit: UnitNode) => ReactNode;
  /** Show people counts (the main tree) or not (a compact picker). */
  withCounts?: boolean;
}

/**
 * A unit tree following the WAI-ARIA tree view pattern: one tab stop; Up/Down
 * move, Right opens or enters, Left closes or goes to the parent, Home/End,
 * typing a letter jumps to the next unit starting with it. Selection follows focus.
 */
export function UnitTree({
  index,
  label,
  idPrefix,
  expanded,
  onExpandedChange,
  selectedId,
  onSelect,
  disabledReason,
  note,
  withCounts = true,
}: Props) {
  const { t } = useTranslation();
  const rows = useMemo(() => visibleRows(index, expanded), [index, expanded]);
  const [focusId, setFocusId] = useState<string | null>(null);

  // The tab stop: the focused item, else the selected one if shown, else the first.
  const tabStop =
    rows.find((r) => r.unit.id === focusId)?.unit.id ??
    rows.find((r) => r.unit.id === selectedId)?.unit.id ??
    rows[0]?.unit.id;

  const itemId = (id: string) => `${idPrefix}-${id}`;

  // A unit selected from outside (just added or moved) is scrolled into view once it is drawn.
  const selectedShown = rows.some((r) => r.unit.id === selectedId);
  useEffect(() => {
    if (selectedId && selectedShown) {
      document.getElementById(`${idPrefix}-${selectedId}`)?.scrollIntoView({ block: 'nearest' });
    }
  }, [idPrefix, selectedId, selectedShown]);

  const focus = (id: string) => {
    setFocusId(id);
    document.getElementById(itemId(id))?.focus();
    const unit = index.byId.get(id);
    if (unit && !disabledReason?.(unit)) onSelect(id);
  };

  const toggle = (id: string, open?: boolean) => {
    const next = new Set(expanded);
    const isOpen = next.has(id);
    if (open ?? !isOpen) next.add(id);
    else next.delete(id);
    onExpandedChange(next);
  };

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const i = rows.findIndex((r) => r.unit.id === tabStop);
    const row = rows[i];
    if (!row) return;
    const go = (target: Row | undefined) => target && focus(target.unit.id);
    switch (e.key) {
      case 'ArrowDown':
        go(rows[i + 1]);
        break;
      case 'ArrowUp':
        go(rows[i - 1]);
        break;
      case 'Home':
        go(rows[0]);
        break;
      case 'End':
        go(rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        if (!row.hasChildren) return;
        if (!expanded.has(row.unit.id)) toggle(row.unit.id, true);
        else go(rows[i + 1]);
        break;
      case 'ArrowLeft':
        if (row.hasChildren && expanded.has(row.unit.id)) toggle(row.unit.id, false);
        else if (row.unit.parentId) {
          const parent = rows.find((r) => r.unit.id === row.unit.parentId);
          go(parent);
        }
        break;
      case 'Enter':
      case ' ':
        if (!disabledReason?.(row.unit)) onSelect(row.unit.id);
        if (e.key === 'Enter' && row.hasChildren) toggle(row.unit.id);
        break;
      case '*': {
        const siblings = rows.filter((r) => r.unit.parentId === row.unit.parentId && r.hasChildren);
        onExpandedChange(new Set([...expanded, ...siblings.map((r) => r.unit.id)]));
        break;
      }
      default: {
        if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
        const ch = e.key.toLocaleLowerCase();
        const after = [...rows.slice(i + 1), ...rows.slice(0, i + 1)];
        go(after.find((r) => r.unit.name.toLocaleLowerCase().startsWith(ch)));
        break;
      }
    }
    e.preventDefault();
  }

  return (
    <div role="tree" aria-label={label} className={classes.tree} onKeyDown={onKeyDown}>
      {rows.map((row) => {
        const { unit } = row;
        const Icon = KIND_ICON[unit.kind];
        const open = expanded.has(unit.id);
        const reason = disabledReason?.(unit) ?? null;
        const extra = note?.(unit);
        return (
          <div
            key={unit.id}
            id={itemId(unit.id)}
            role="treeitem"
            aria-level={row.level}
            aria-setsize={row.setSize}
            aria-posinset={row.posInSet}
            aria-expanded={row.hasChildren ? open : undefined}
            aria-selected={unit.id === selectedId}
            aria-disabled={reason ? true : undefined}
            tabIndex={unit.id === tabStop ? 0 : -1}
            className={classes.item}
            data-selected={unit.id === selectedId || undefined}
            data-archived={unit.archived || undefined}
            data-out-of-scope={unit.outOfScope || undefined}
            data-disabled={reason ? true : undefined}
            style={{ paddingInlineStart: `calc(${row.level - 1} * 20px + 4px)` }}
            onClick={() => {
              setFocusId(unit.id);
              if (!reason) onSelect(unit.id);
            }}
            onFocus={() => setFocusId(unit.id)}
          >
            <span
              className={classes.chevron}
              data-open={open || undefined}
              data-hidden={!row.hasChildren || undefined}
              aria-hidden
              onClick={(e) => {
                e.stopPropagation();
                setFocusId(unit.id);
                toggle(unit.id);
              }}
            >
              <IconChevronRight size={14} stroke={2} />
            </span>
            <Icon size={16} stroke={1.6} className={classes.kindIcon} aria-hidden />
            <Group gap={6} wrap="nowrap" className={classes.label}>
              <Text component="span" size="sm" fw={unit.kind === 'organisation' ? 650 : 500} truncate>
                {unit.name}
              </Text>
              {unit.level && (
                <Text component="span" size="xs" className={classes.level}>
                  {unit.level}
                </Text>
              )}
              {unit.archived && (
                <Badge
                  size="xs"
                  variant="outline"
                  color="gray"
                  radius="sm"
                  tt="none"
                  className={classes.badge}
                >
                  {t('organisation.archived')}
                </Badge>
              )}
              {unit.outOfScope && (
                <IconLock size={13} className={classes.lock} aria-label={t('organisation.outOfScope')} />
              )}
              {extra && (
                <Text component="span" size="xs" className={classes.level}>
                  {extra}
                </Text>
              )}
              {reason && (
                <Text component="span" size="xs" className={classes.level}>
                  ({reason})
                </Text>
              )}
            </Group>
            {withCounts && unit.peopleCount !== null && (
              <Text component="span" size="xs" className={classes.count}>
                {t('organisation.people', {
                  count: unit.peopleCount,
                  formatted: formatNumber(unit.peopleCount),
                })}
              </Text>
            )}
          </div>
        );
      })}
    </div>
  );
}
