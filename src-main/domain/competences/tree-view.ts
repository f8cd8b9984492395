import type { CompetenceNode } from '../../../shared/api/schemas/competences.js';
import type { CompetenceRow } from './competence-repo.js';
import type { MappedModuleRow } from './mapping-repo.js';

/** Rows in tree order: each parent before its children, siblings in the order given (by name). */
export function treeOrder<T extends { id: string; parent_id: string | null }>(rows: readonly T[]): T[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, T[]>();
  for (const r of rows) {
    // A node whose parent is not in the list (filtered out) stands at the top.
    const key = r.parent_id !== null && ids.has(r.parent_id) ? r.parent_id : null;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  const out: T[] = [];
  const visit = (key: string | null) => {
    for (const r of children.get(key) ?? []) {
      out.push(r);
      visit(r.id);
    }
  };
  visit(null);
  return out;
}

/** The names of each competence's ancestors, from the root. */
export function ancestorNames(rows: readonly CompetenceRow[]): Map<string, string[]> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const paths = new Map<string, string[]>();
  const pathOf = (id: string, seen: Set<string>): string[] => {
    const known = paths.get(id);
    if (known) return known;
    const parentId = byId.get(id)?.parent_id;
    const parent = parentId ? byId.get(parentId) : undefined;
    // The schema refuses cycles; `seen` only keeps a corrupted database from looping forever.
    const path = parent && !seen.has(parent.id) ? [...pathOf(parent.id, seen.add(id)), parent.name] : [];
    paths.set(id, path);
    return path;
  };
  for (const r of rows) pathOf(r.id, new Set());
  return paths;
}

export function nodeOf(row: CompetenceRow, modules: readonly MappedModuleRow[]): CompetenceNode {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    parentId: row.parent_id,
    defaultDays: row.default_days,
    archived: row.archived_at !== null,
    modules: modules.map((m) => ({ moduleId: m.module_id, code: m.code, title: m.title, kind: m.kind })),
  };
}

/** How to name a competence in a message. */
export const labelOf = (c: { code: string; name: string }): string => `${c.name} (${c.code})`;
