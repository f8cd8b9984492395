import { LevelName, UnitCode, UnitName } from '../../../shared/api/schemas/units.js';
import type { UnitFacts, UnitRef } from '../../../shared/permissions/engine.js';
import type { z } from '../../../shared/zod.js';
import type { CsvProblem, TableRow } from '../../csv/read-table.js';
import type { UnitKind } from '../org/repo.js';
import { kindForLevel } from './kinds.js';

/**
 * Planning a units import, without touching the database: which units the file
 * creates, which it changes, and every problem by row and column. Pure, so the
 * property tests can throw random trees at it.
 */

export interface ExistingUnit {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
  level: string | null;
  kind: UnitKind;
  archived: boolean;
}

/** A unit as it will be after the import; `key` is the existing id, or `new:<code>` for a new one. */
export interface PlannedUnit {
  key: string;
  row: number;
  code: string;
  name: string;
  level: string | null;
  kind: UnitKind;
  parentKey: string;
}

export interface UnitImportPlan {
  /** New units, parents before children. */
  creates: PlannedUnit[];
  updates: { unit: PlannedUnit; before: ExistingUnit }[];
  unchanged: number;
  errors: CsvProblem[];
}

export interface PlanOptions {
  /** Whether the importer may manage a unit placed like this (units.manage reach). */
  canManage: (unit: UnitFacts) => boolean;
}

const lower = (s: string) => s.toLowerCase();

function fieldProblem(schema: z.ZodType, value: string): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? 'Not valid');
}

export function planUnitImport(
  rows: readonly TableRow[],
  existing: readonly ExistingUnit[],
  opts: PlanOptions,
): UnitImportPlan {
  const errors: CsvProblem[] = [];
  const fail = (row: number, column: string, message: string) => errors.push({ row, column, message });
  const root = existing.find((u) => u.parentId === null && u.kind === 'organisation');
  if (!root)
    return {
      creates: [],
      updates: [],
      unchanged: 0,
      errors: [{ row: 1, column: '', message: 'There is no organisation yet: run setup first.' }],
    };
  const byId = new Map(existing.map((u) => [u.id, u]));
  const byCode = new Map(existing.filter((u) => u.code).map((u) => [lower(u.code ?? ''), u]));

  // 1. Each row on its own: required cells, lengths, duplicate codes.
  interface Entry {
    row: number;
    code: string;
    name: string;
    parentCode: string;
    level: string | null;
    hasLevel: boolean;
    key: string;
    existing?: ExistingUnit;
  }
  const entries = new Map<string, Entry>();
  for (const r of rows) {
    const v = r.values;
    const code = v.Code ?? '';
    const name = v.Name ?? '';
    const before = errors.length;
    if (!code) fail(r.row, 'Code', 'Enter a code: re-importing the file finds each unit by it.');
    else {
      const p = fieldProblem(UnitCode, code);
      if (p) fail(r.row, 'Code', `${p}.`);
      const dup = entries.get(lower(code));
      if (dup) fail(r.row, 'Code', `The code "${code}" is also on row ${dup.row}.`);
    }
    const np = fieldProblem(UnitName, name);
    if (np) fail(r.row, 'Name', `${np}.`);
    const lp = fieldProblem(LevelName, v.Level ?? '');
    if (lp) fail(r.row, 'Level', `${lp}.`);
    if (errors.length > before || entries.has(lower(code))) continue;
    const found = byCode.get(lower(code));
    entries.set(lower(code), {
      row: r.row,
      code,
      name,
      parentCode: v['Parent Code'] ?? '',
      level: v.Level || null,
      hasLevel: !!v.Level,
      key: found?.id ?? `new:${lower(code)}`,
      ...(found ? { existing: found } : {}),
    });
  }

  // 2. Parents: in the file (before or after the row) or already in Fieldbook; empty = the organisation.
  const parentOf = new Map<string, string | null>(existing.map((u) => [u.id, u.parentId]));
  const resolved = new Map<Entry, string>();
  for (const e of entries.values()) {
    if (e.existing?.id === root.id) {
      if (e.parentCode && lower(e.parentCode) !== lower(e.code))
        fail(e.row, 'Parent Code', `${root.name} is the organisation itself: leave its Parent Code empty.`);
      continue;
    }
    let parentKey: string | undefined;
    if (!e.parentCode) parentKey = root.id;
    else if (lower(e.parentCode) === lower(e.code)) {
      fail(e.row, 'Parent Code', `The unit ${e.code} cannot be its own parent.`);
      continue;
    } else parentKey = entries.get(lower(e.parentCode))?.key ?? byCode.get(lower(e.parentCode))?.id;
    if (!parentKey) {
      fail(e.row, 'Parent Code', `No unit has the code "${e.parentCode}", in this file or in Fieldbook.`);
      continue;
    }
    if (e.existing?.kind === 'client' && parentKey !== root.id) {
      fail(
        e.row,
        'Parent Code',
        `${e.existing.name} is a client organisation: it stays directly under ${root.name}.`,
      );
      continue;
    }
    const parentExisting = byId.get(parentKey);
    if (parentExisting?.archived && parentKey !== e.existing?.parentId) {
      fail(
        e.row,
        'Parent Code',
        `${parentExisting.name} is archived: restore it before putting units under it.`,
      );
      continue;
    }
    resolved.set(e, parentKey);
    parentOf.set(e.key, parentKey);
  }

  // 3. Cycles, in the tree as it would be (rows of the file and units already there).
  const entryByKey = new Map([...entries.values()].map((e) => [e.key, e]));
  const limit = parentOf.size + 1;
  for (const [e] of resolved) {
    const seen = [e.key];
    let at = parentOf.get(e.key) ?? null;
    for (let n = 0; at !== null && n < limit; n++) {
      if (at === e.key) {
        const names = [...seen, e.key].map(
          (k) => entryByKey.get(k)?.code ?? byId.get(k)?.code ?? byId.get(k)?.name ?? k,
        );
        fail(e.row, 'Parent Code', `These units would be inside each other: ${names.join(' → ')}.`);
        resolved.delete(e);
        break;
      }
      seen.push(at);
      at = parentOf.get(at) ?? null;
    }
  }
  if (errors.length) return { creates: [], updates: [], unchanged: 0, errors: sortProblems(errors) };

  // 4. The tree after the import: names per parent must stay unique, and the importer must reach every change.
  const after = new Map<
    string,
    { name: string; kind: UnitKind; parentId: string | null; level: string | null; entry?: Entry }
  >();
  for (const u of existing)
    after.set(u.id, { name: u.name, kind: u.kind, parentId: u.parentId, level: u.level });
  for (const e of entries.values()) {
    const level = e.hasLevel ? e.level : (e.existing?.level ?? null);
    after.set(e.key, {
      name: e.name,
      kind: e.existing ? kindForLevel(level, e.existing.kind) : kindForLevel(level),
      parentId: e.existing?.id === root.id ? null : (resolved.get(e) ?? null),
      level,
      entry: e,
    });
  }
  const factsIn = (
    units: Map<string, { name: string; kind: UnitKind; parentId: string | null }>,
    key: string,
  ): UnitFacts => {
    const self = units.get(key);
    const ancestors: UnitRef[] = [];
    for (let at = self?.parentId ?? null, n = 0; at !== null && n < limit; n++) {
      const u = units.get(at);
      if (!u) break;
      ancestors.push({ id: at, name: u.name, kind: u.kind });
      at = u.parentId;
    }
    return { id: key, name: self?.name ?? key, kind: self?.kind ?? 'other', ancestors };
  };
  const beforeTree = new Map(
    existing.map((u) => [u.id, { name: u.name, kind: u.kind, parentId: u.parentId }]),
  );

  // Two units with one name under one parent would make "Org / Region / Site" paths ambiguous.
  const bySlot = new Map<string, { key: string; entry?: Entry }[]>();
  for (const [key, u] of after) {
    if (u.parentId === null) continue;
    const slot = `${u.parentId}\u0000${lower(u.name)}`;
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), { key, ...(u.entry ? { entry: u.entry } : {}) }]);
  }
  for (const same of bySlot.values()) {
    if (same.length < 2) continue;
    for (const s of same) {
      if (!s.entry) continue;
      const u = after.get(s.key);
      const others = same
        .filter((o) => o !== s)
        .map((o) => (o.entry ? `row ${o.entry.row}` : 'already in Fieldbook'));
      fail(
        s.entry.row,
        'Name',
        `${after.get(u?.parentId ?? '')?.name ?? ''} would have more than one unit named "${u?.name ?? ''}" (also ${others.join(', ')}).`,
      );
    }
  }

  const plan: UnitImportPlan = { creates: [], updates: [], unchanged: 0, errors };
  for (const e of entries.values()) {
    const u = after.get(e.key);
    if (!u) continue;
    const planned: PlannedUnit = {
      key: e.key,
      row: e.row,
      code: e.code,
      name: e.name,
      level: u.level,
      kind: u.kind,
      parentKey: u.parentId ?? '',
    };
    const b = e.existing;
    if (!b) {
      if (!opts.canManage(factsIn(after, e.key)))
        fail(
          e.row,
          'Parent Code',
          `${after.get(u.parentId ?? '')?.name ?? 'That unit'} is outside the units you can manage.`,
        );
      else plan.creates.push(planned);
      continue;
    }
    const changed = b.name !== e.name || b.level !== u.level || (b.parentId ?? '') !== planned.parentKey;
    if (!changed) {
      plan.unchanged++;
      continue;
    }
    if (!opts.canManage(factsIn(beforeTree, e.key)))
      fail(e.row, 'Code', `${b.name} is outside the units you can manage.`);
    else if (!opts.canManage(factsIn(after, e.key)))
      fail(
        e.row,
        'Parent Code',
        `${after.get(u.parentId ?? '')?.name ?? 'That unit'} is outside the units you can manage.`,
      );
    else plan.updates.push({ unit: planned, before: b });
  }
  const depth = (key: string) => factsIn(after, key).ancestors.length;
  plan.creates.sort((a, b) => depth(a.key) - depth(b.key) || a.row - b.row);
  plan.errors = sortProblems(errors);
  return plan;
}

const sortProblems = (list: CsvProblem[]) => [...list].sort((a, b) => a.row - b.row);
