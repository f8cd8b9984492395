import type { ModuleContent, ModuleKind, ModuleStatus } from '../../../shared/api/schemas/catalog.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { searchParam, searchSql } from '../../db/text-search.js';
import { reachSql } from '../permissions/reach-sql.js';
import { visibleModuleSql } from './visibility-repo.js';

export interface ModuleDbRow {
  id: string;
  code: string;
  kind: ModuleKind;
  title: string;
  description: string | null;
  owner_unit_id: string;
  owner_name: string;
  /** JSON array of strings. */
  tags: string;
  default_validity_months: number | null;
  training_record: number;
  self_enrol: number;
  provider: string | null;
  status: ModuleStatus;
  /** Canonical JSON of the draft content. */
  draft: string;
  current_version: number | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  /** 1 when the draft (or title) differs from the current version, or nothing is published yet. */
  unpublished: number;
  certificate_enabled: number;
  certificate_template_id: string | null;
}

export interface ModuleSummaryRow {
  id: string;
  code: string;
  title: string;
  kind: ModuleKind;
  status: ModuleStatus;
}

export interface ModuleWrite {
  code: string;
  kind: ModuleKind;
  title: string;
  description: string | null;
  ownerUnitId: string;
  tags: string[];
  defaultValidityMonths: number | null;
  trainingRecord: boolean;
  selfEnrol: boolean;
  provider: string | null;
  /** Canonical JSON (see canonicalJson). */
  draft: string;
}

/** JSON with object keys sorted, so equal content always gives equal text (drafts compare to versions). */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return JSON.stringify(sort(value));
}

/**
 * Stored content was parsed by the contract's schema (defaults filled in) before it
 * was written, and versions are copies of drafts: reading it back trusts that
 * rather than re-validating on every read (learners' players read it constantly).
 */
export const parseContent = (json: string): ModuleContent => JSON.parse(json) as ModuleContent;

const SELECT_MODULE = `SELECT m.id, m.code, m.kind, m.title, m.description, m.owner_unit_id, u.name AS owner_name,
    m.tags, m.default_validity_months, m.training_record, m.self_enrol, m.provider, m.status, m.draft,
    m.current_version, m.created_at, m.updated_at, m.created_by, m.certificate_enabled, m.certificate_template_id,
    (v.module_id IS NULL OR v.content <> m.draft OR v.title <> m.title) AS unpublished
  FROM module m JOIN unit u ON u.id = m.owner_unit_id
  LEFT JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version`;

const SORTS = {
  title: 'm.title COLLATE NOCASE',
  code: 'm.code COLLATE NOCASE',
  kind: 'm.kind',
  status: 'm.status',
  updated: 'm.updated_at',
} as const;

export interface ModulePageQuery {
  reach: Reach;
  selfId: string;
  search?: string | undefined;
  kind?: ModuleKind | undefined;
  kinds?: readonly ModuleKind[] | undefined;
  status?: ModuleStatus | undefined;
  /** Also modules the actor sees as a learner (owned above them): what they may pick and build on. */
  includeVisible?: boolean;
  sort: keyof typeof SORTS;
  desc: boolean;
  offset: number;
  limit: number;
}

/** The catalog's SQL: modules, their versions and prerequisites. */
export function moduleRepo(db: Db) {
  return {
    byId(id: string): ModuleDbRow | undefined {
      return db.prepare<[string], ModuleDbRow>(`${SELECT_MODULE} WHERE m.id = ?`).get(id);
    },

    /** Codes are unique without regard to case. */
    byCode(code: string): ModuleDbRow | undefined {
      return db.prepare<[string], ModuleDbRow>(`${SELECT_MODULE} WHERE m.code = ? COLLATE NOCASE`).get(code);
    },

    /** The latest published version number, null before the first publish (undefined: no such module). */
    currentVersion(moduleId: string): number | null | undefined {
      const row = db
        .prepare<[string], { v: number | null }>('SELECT current_version AS v FROM module WHERE id = ?')
        .get(moduleId);
      return row ? row.v : undefined;
    },

    /** The frozen content of one published version, parsed. */
    versionContent(moduleId: string, version: number): ModuleContent | undefined {
      const json = db
        .prepare<[string, number], string>(
          'SELECT content FROM module_version WHERE module_id = ? AND version = ?',
        )
        .pluck()
        .get(moduleId, version);
      return json === undefined ? undefined : parseContent(json);
    },

    versions(moduleId: string) {
      return db
        .prepare<
          [string],
          { version: number; title: string; published_at: string; published_by_name: string | null }
        >(
          `SELECT v.version, v.title, v.published_at, p.first_name || ' ' || p.last_name AS published_by_name
           FROM module_version v LEFT JOIN person p ON p.id = v.published_by
           WHERE v.module_id = ? ORDER BY v.version DESC`,
        )
        .all(moduleId);
    },

    /** Modules whose owner unit lies within the reach, filtered, sorted and paged. */
    page(q: ModulePageQuery): { rows: ModuleDbRow[]; total: number } {
      const scope = q.includeVisible
        ? visibleModuleSql(q.selfId, q.reach)
        : reachSql(q.reach, q.selfId, { unitColumn: 'm.owner_unit_id' });
      const conds = [scope.sql];
      const params: Record<string, unknown> = { ...scope.params, limit: q.limit, offset: q.offset };
      if (q.search) {
        conds.push(searchSql(['m.code', 'm.title', 'm.tags']));
        params.search = searchParam(q.search);
      }
      if (q.kind) {
        conds.push('m.kind = @kind');
        params.kind = q.kind;
      }
      if (q.kinds) {
        conds.push('m.kind IN (SELECT value FROM json_each(@kinds))');
        params.kinds = JSON.stringify(q.kinds);
      }
      if (q.status) {
        conds.push('m.status = @status');
        params.status = q.status;
      }
      const where = conds.join(' AND ');
      const dir = q.desc ? 'DESC' : 'ASC';
      const rows = db
        .prepare<Record<string, unknown>, ModuleDbRow>(
          `${SELECT_MODULE} WHERE ${where}
           ORDER BY ${SORTS[q.sort]} ${dir}, m.title COLLATE NOCASE ${dir}, m.id LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      const total = db
        .prepare<Record<string, unknown>, number>(`SELECT count(*) FROM module m WHERE ${where}`)
        .pluck()
        .get(params);
      return { rows, total: total ?? 0 };
    },

    summaries(ids: readonly string[]): ModuleSummaryRow[] {
      return db
        .prepare<[string], ModuleSummaryRow>(
          `SELECT id, code, title, kind, status FROM module
           WHERE id IN (SELECT value FROM json_each(?)) ORDER BY title COLLATE NOCASE`,
        )
        .all(JSON.stringify(ids));
    },

    insert(id: string, m: ModuleWrite, now: string, createdBy: string): void {
      db.prepare(
        `INSERT INTO module (id, code, kind, title, description, owner_unit_id, tags, default_validity_months,
           training_record, self_enrol, provider, status, draft, current_version, created_at, updated_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, NULL, ?, ?, ?)`,
      ).run(
        id,
        m.code,
        m.kind,
        m.title,
        m.description,
        m.ownerUnitId,
        JSON.stringify(m.tags),
        m.defaultValidityMonths,
        m.trainingRecord ? 1 : 0,
        m.selfEnrol ? 1 : 0,
        m.provider,
        m.draft,
        now,
        now,
        createdBy,
      );
    },

    update(id: string, m: Omit<ModuleWrite, 'kind'>, now: string): void {
      db.prepare(
        `UPDATE module SET code = ?, title = ?, description = ?, owner_unit_id = ?, tags = ?,
           default_validity_months = ?, training_record = ?, self_enrol = ?, provider = ?, draft = ?, updated_at = ?
         WHERE id = ?`,
      ).run(
        m.code,
        m.title,
        m.description,
        m.ownerUnitId,
        JSON.stringify(m.tags),
        m.defaultValidityMonths,
        m.trainingRecord ? 1 : 0,
        m.selfEnrol ? 1 : 0,
        m.provider,
        m.draft,
        now,
        id,
      );
    },

    setStatus(id: string, status: ModuleStatus, now: string): void {
      db.prepare('UPDATE module SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
    },

    /** Freezes the draft as the next version and makes it current. */
    publish(m: ModuleDbRow, version: number, now: string, by: string): void {
      db.prepare(
        `INSERT INTO module_version (module_id, version, title, content, published_at, published_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(m.id, version, m.title, m.draft, now, by);
      db.prepare(
        "UPDATE module SET current_version = ?, status = 'published', updated_at = ? WHERE id = ?",
      ).run(version, now, m.id);
    },

    prerequisiteIds(moduleId: string): string[] {
      return db
        .prepare<[string], string>('SELECT requires_module_id FROM module_prerequisite WHERE module_id = ?')
        .pluck()
        .all(moduleId);
    },

    setPrerequisites(moduleId: string, ids: readonly string[]): void {
      db.prepare('DELETE FROM module_prerequisite WHERE module_id = ?').run(moduleId);
      const add = db.prepare('INSERT INTO module_prerequisite (module_id, requires_module_id) VALUES (?, ?)');
      for (const r of new Set(ids)) add.run(moduleId, r);
    },

    /** Every prerequisite edge, for cycle checks (the catalog is small: hundreds of modules). */
    prerequisiteEdges(): { module_id: string; requires_module_id: string }[] {
      return db
        .prepare<[], { module_id: string; requires_module_id: string }>(
          'SELECT module_id, requires_module_id FROM module_prerequisite',
        )
        .all();
    },

    /** Deletes the module with its versions and its own prerequisite rows (the caller checked usage). */
    delete(id: string): void {
      db.prepare('DELETE FROM module_prerequisite WHERE module_id = ?').run(id);
      db.prepare('DELETE FROM module_version WHERE module_id = ?').run(id);
      db.prepare('DELETE FROM module WHERE id = ?').run(id);
    },
  };
}
