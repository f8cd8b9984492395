import type { TreeNodeData } from '@mantine/core';
import type { CompetenceNode } from '../../../shared/api/schemas/competences';

/** The tree's shape: children per parent in the server's order (siblings by name). */
export interface CompetenceIndex {
  byId: Map<string, CompetenceNode>;
  children: Map<string | null, CompetenceNode[]>;
}

export function indexCompetences(nodes: readonly CompetenceNode[]): CompetenceIndex {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string | null, CompetenceNode[]>();
  for (const n of nodes) {
    // A parent hidden by the archive filter leaves its shown children at the top.
    const parent = n.parentId !== null && byId.has(n.parentId) ? n.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  return { byId, children };
}

/** The node and everything below it, as ids. */
export function subtreeIds(index: CompetenceIndex, id: string): Set<string> {
  const out = new Set<string>();
  const walk = (n: string) => {
    out.add(n);
    for (const c of index.children.get(n) ?? []) walk(c.id);
  };
  walk(id);
  return out;
}

/** Names from the root down to the node's parent. */
export function ancestorIds(index: CompetenceIndex, id: string): string[] {
  const out: string[] = [];
  let n = index.byId.get(id);
  while (n?.parentId && index.byId.has(n.parentId)) {
    out.unshift(n.parentId);
    n = index.byId.get(n.parentId);
  }
  return out;
}

const matches = (n: CompetenceNode, q: string) =>
  n.code.toLowerCase().includes(q) || n.name.toLowerCase().includes(q);

/**
 * Mantine Tree data: every node, or with a search only the matches and the
 * categories above them (so a match is never shown out of its place).
 */
export function treeData(index: CompetenceIndex, search: string): TreeNodeData[] {
  const q = search.trim().toLowerCase();
  const build = (parent: string | null): TreeNodeData[] =>
    (index.children.get(parent) ?? []).flatMap((n) => {
      const children = build(n.id);
      if (q && !matches(n, q) && children.length === 0) return [];
      return [{ value: n.id, label: n.name, ...(children.length ? { children } : {}) }];
    });
  return build(null);
}

/** Parent choices for a node: anything except itself and what lies below it (that would make a cycle). */
export function parentOptions(index: CompetenceIndex, nodeId: string | undefined) {
  const excluded = nodeId ? subtreeIds(index, nodeId) : new Set<string>();
  const out: { value: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of index.children.get(parent) ?? []) {
      if (excluded.has(n.id)) continue;
      out.push({ value: n.id, label: `${'\u2003'.repeat(depth)}${n.name} (${n.code})` });
      walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
