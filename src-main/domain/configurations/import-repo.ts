import type { DueRule, Requirement, TargetType } from '../../../shared/api/schemas/configurations.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { UNIT_PATHS_CTE, findUnitByCodeOrPath } from '../org/unit-lookup-repo.js';
import { reachSql } from '../permissions/reach-sql.js';

/** A person, group or unit an assignments file names, with the name a configuration for it gets. */
export interface ImportTarget {
  type: TargetType;
  id: string;
  name: string;
  archived: boolean;
}

export interface CurrentItem {
  moduleId: string;
  requirement: Requirement;
  validityMonths: number | null;
  due: DueRule;
}

export interface ExistingConfiguration {
  id: string;
  name: string;
  items: CurrentItem[];
}

interface ItemDbRow {
  module_id: string;
  requirement: Requirement;
  validity_months: number | null;
  due_kind: 'fixed' | 'after_joining' | null;
  due_date: string | null;
  due_days: number | null;
}

export const dueOf = (r: Pick<ItemDbRow, 'due_kind' | 'due_date' | 'due_days'>): DueRule =>
  r.due_kind === 'fixed' && r.due_date
    ? { kind: 'fixed', date: r.due_date }
    : r.due_kind === 'after_joining' && r.due_days !== null
      ? { kind: 'after_joining', days: r.due_days }
      : { kind: 'none' };

export interface ExportDbRow {
  configuration_id: string;
  target_type: TargetType;
  target_text: string;
  code: string;
  requirement: Requirement;
  validity_months: number | null;
  due_kind: 'fixed' | 'after_joining' | null;
  due_date: string | null;
  due_days: number | null;
}

/** The SQL of assignments import and export; configurations themselves change only through their service. */
export function assignmentsImportRepo(db: Db) {
  return {
    target(type: TargetType, text: string): ImportTarget | undefined {
      if (type === 'person') {
        const p = db
          .prepare<[string], { id: string; name: string; status: string }>(
            `SELECT id, first_name || ' ' || last_name AS name, status FROM person WHERE email = ? COLLATE NOCASE`,
          )
          .get(text);
        return p && { type, id: p.id, name: p.name, archived: p.status !== 'active' };
      }
      if (type === 'group') {
        const g = db
          .prepare<[string], { id: string; name: string }>(
            'SELECT id, name FROM group_ WHERE name = ? COLLATE NOCASE',
          )
          .get(text);
        return g && { type, id: g.id, name: g.name, archived: false };
      }
      const found = findUnitByCodeOrPath(db, text);
      if (!found) return undefined;
      const u = db
        .prepare<[string], { name: string; archived_at: string | null }>(
          'SELECT name, archived_at FROM unit WHERE id = ?',
        )
        .get(found.id);
      return u && { type, id: found.id, name: u.name, archived: u.archived_at !== null };
    },

    moduleByCode(code: string): { id: string; code: string } | undefined {
      return db
        .prepare<[string], { id: string; code: string }>(
          'SELECT id, code FROM module WHERE code = ? COLLATE NOCASE',
        )
        .get(code);
    },

    /** The target's configurations still in force, oldest first, with their current items. */
    configurationsFor(type: TargetType, id: string): ExistingConfiguration[] {
      const configs = db
        .prepare<[string, string], { id: string; name: string }>(
          `SELECT id, name FROM training_configuration
           WHERE target_type = ? AND target_id = ? AND archived_at IS NULL ORDER BY created_at, id`,
        )
        .all(type, id);
      const items = db.prepare<[string], ItemDbRow>(
        `SELECT module_id, requirement, validity_months, due_kind, due_date, due_days
         FROM configuration_item WHERE configuration_id = ? AND valid_to IS NULL ORDER BY valid_from, id`,
      );
      return configs.map((c) => ({
        ...c,
        items: items.all(c.id).map((i) => ({
          moduleId: i.module_id,
          requirement: i.requirement,
          validityMonths: i.validity_months,
          due: dueOf(i),
        })),
      }));
    },

    /**
     * Current items of configurations in force whose owner unit the reach covers,
     * targets written as an import names them (email, group name, unit code or path).
     */
    exportRows(reach: Reach, selfId: string): ExportDbRow[] {
      const scope = reachSql(reach, selfId, { unitColumn: 'c.owner_unit_id' });
      return db
        .prepare<Record<string, unknown>, ExportDbRow>(
          `WITH RECURSIVE ${UNIT_PATHS_CTE}
           SELECT c.id AS configuration_id, c.target_type,
             CASE c.target_type
               WHEN 'person' THEN (SELECT email FROM person WHERE id = c.target_id)
               WHEN 'group' THEN (SELECT name FROM group_ WHERE id = c.target_id)
               ELSE (SELECT coalesce(u.code, up.path) FROM unit u JOIN unit_path up ON up.id = u.id
                     WHERE u.id = c.target_id)
             END AS target_text,
             m.code, i.requirement, i.validity_months, i.due_kind, i.due_date, i.due_days
           FROM training_configuration c
           JOIN configuration_item i ON i.configuration_id = c.id AND i.valid_to IS NULL
           JOIN module m ON m.id = i.module_id
           WHERE c.archived_at IS NULL AND ${scope.sql}
           ORDER BY c.target_type, target_text COLLATE NOCASE, c.created_at, c.id, m.code COLLATE NOCASE`,
        )
        .all(scope.params);
    },
  };
}
