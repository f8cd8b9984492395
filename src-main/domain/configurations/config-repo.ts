import type { ModuleKind } from '../../../shared/api/schemas/catalog.js';
import type { Requirement, TargetType } from '../../../shared/api/schemas/configurations.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { searchParam, searchSql } from '../../db/text-search.js';
import { groupMemberSql } from '../groups/membership-repo.js';
import { reachSql } from '../permissions/reach-sql.js';

export interface ConfigDbRow {
  id: string;
  name: string;
  description: string | null;
  target_type: TargetType;
  target_id: string;
  owner_unit_id: string;
  owner_name: string;
  archived_at: string | null;
  certificate_enabled: 0 | 1;
  certificate_template_id: string | null;
  updated_at: string;
  /** Person's name, group's name or unit's name; null when the target is gone. */
  target_name: string | null;
  required_count: number;
  optional_count: number;
  hidden_count: number;
  people_count: number;
}

export interface ItemDbRow {
  id: string;
  module_id: string;
  requirement: Requirement;
  validity_months: number | null;
  due_kind: 'fixed' | 'after_joining' | null;
  due_date: string | null;
  due_days: number | null;
  valid_from: string;
  valid_to: string | null;
  code: string;
  title: string;
  kind: ModuleKind;
  default_validity_months: number | null;
}

/** An item's stored values, as written. */
export interface ItemValues {
  moduleId: string;
  requirement: Requirement;
  validityMonths: number | null;
  dueKind: 'fixed' | 'after_joining' | null;
  dueDate: string | null;
  dueDays: number | null;
}

const count = (req: Requirement) =>
  `(SELECT count(*) FROM configuration_item i
    WHERE i.configuration_id = c.id AND i.valid_to IS NULL AND i.requirement = '${req}')`;

const SELECT = `SELECT c.id, c.name, c.description, c.target_type, c.target_id, c.owner_unit_id,
    ou.name AS owner_name, c.archived_at, c.certificate_enabled, c.certificate_template_id, c.updated_at,
    CASE c.target_type
      WHEN 'person' THEN (SELECT first_name || ' ' || last_name FROM person WHERE id = c.target_id)
      WHEN 'group' THEN (SELECT name FROM group_ WHERE id = c.target_id)
      ELSE (SELECT name FROM unit WHERE id = c.target_id) END AS target_name,
    ${count('required')} AS required_count, ${count('optional')} AS optional_count,
    ${count('hidden')} AS hidden_count,
    (SELECT count(*) FROM fulfilment f WHERE f.configuration_id = c.id AND f.removed_on IS NULL) AS people_count
  FROM training_configuration c JOIN unit ou ON ou.id = c.owner_unit_id`;

export function configRepo(db: Db) {
  return {
    byId(id: string): ConfigDbRow | undefined {
      return db.prepare<[string], ConfigDbRow>(`${SELECT} WHERE c.id = ?`).get(id);
    },

    /** Configurations whose owner unit lies within `reach`, by name. */
    page(q: {
      reach: Reach;
      selfId: string;
      search?: string | undefined;
      targetType?: TargetType | undefined;
      includeArchived: boolean;
      offset: number;
      limit: number;
    }) {
      const scope = reachSql(q.reach, q.selfId, { unitColumn: 'c.owner_unit_id' });
      const conds = [scope.sql];
      const params: Record<string, unknown> = { ...scope.params, limit: q.limit, offset: q.offset };
      if (!q.includeArchived) conds.push('c.archived_at IS NULL');
      if (q.targetType) {
        conds.push('c.target_type = @targetType');
        params.targetType = q.targetType;
      }
      if (q.search) {
        conds.push(searchSql(['c.name', 'c.description']));
        params.search = searchParam(q.search);
      }
      const where = conds.join(' AND ');
      const rows = db
        .prepare<Record<string, unknown>, ConfigDbRow>(
          `${SELECT} WHERE ${where} ORDER BY c.name COLLATE NOCASE, c.id LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      const total = db
        .prepare<Record<string, unknown>, number>(
          `SELECT count(*) FROM training_configuration c WHERE ${where}`,
        )
        .pluck()
        .get(params);
      return { rows, total: total ?? 0 };
    },

    /** The items in force now (open rows), by module title. */
    currentItems(configurationId: string): ItemDbRow[] {
      return db
        .prepare<[string], ItemDbRow>(
          `SELECT i.id, i.module_id, i.requirement, i.validity_months, i.due_kind, i.due_date, i.due_days,
             i.valid_from, i.valid_to, m.code, m.title, m.kind, m.default_validity_months
           FROM configuration_item i JOIN module m ON m.id = i.module_id
           WHERE i.configuration_id = ? AND i.valid_to IS NULL
           ORDER BY m.title COLLATE NOCASE, m.code`,
        )
        .all(configurationId);
    },

    /** Modules by id with what item checks need (unknown ids are absent). */
    modules(ids: readonly string[]) {
      return db
        .prepare<[string], { id: string; title: string; status: string; training_record: number }>(
          'SELECT id, title, status, training_record FROM module WHERE id IN (SELECT value FROM json_each(?))',
        )
        .all(JSON.stringify(ids));
    },

    unitArchived(unitId: string): boolean {
      return (
        db
          .prepare<[string], number>('SELECT archived_at IS NOT NULL FROM unit WHERE id = ?')
          .pluck()
          .get(unitId) === 1
      );
    },

    /** Live configurations aimed at a target (a group about to be deleted). */
    liveForTarget(type: TargetType, id: string): string[] {
      return db
        .prepare<[string, string], string>(
          `SELECT name FROM training_configuration
           WHERE target_type = ? AND target_id = ? AND archived_at IS NULL ORDER BY name`,
        )
        .pluck()
        .all(type, id);
    },

    /** The group's active members today (static picks or its rule), for scope checks. */
    groupMemberIds(groupId: string): string[] {
      const m = groupMemberSql(groupId);
      return db
        .prepare<Record<string, unknown>, string>(
          `SELECT p.id FROM person p WHERE p.status = 'active' AND ${m.sql}`,
        )
        .pluck()
        .all({ ...m.params, groupId });
    },

    group(id: string): { id: string; name: string; owner_unit_id: string } | undefined {
      return db
        .prepare<[string], { id: string; name: string; owner_unit_id: string }>(
          'SELECT id, name, owner_unit_id FROM group_ WHERE id = ?',
        )
        .get(id);
    },

    insert(c: {
      id: string;
      name: string;
      description: string | null;
      targetType: TargetType;
      targetId: string;
      ownerUnitId: string;
      now: string;
      createdBy: string;
    }): void {
      db.prepare(
        `INSERT INTO training_configuration
           (id, name, description, target_type, target_id, owner_unit_id, created_at, updated_at, created_by)
         VALUES (@id, @name, @description, @targetType, @targetId, @ownerUnitId, @now, @now, @createdBy)`,
      ).run(c);
    },

    update(id: string, c: { name: string; description: string | null; now: string }): void {
      db.prepare(
        'UPDATE training_configuration SET name = ?, description = ?, updated_at = ? WHERE id = ?',
      ).run(c.name, c.description, c.now, id);
    },

    touch(id: string, now: string): void {
      db.prepare('UPDATE training_configuration SET updated_at = ? WHERE id = ?').run(now, id);
    },

    archive(id: string, now: string, today: string): void {
      db.prepare('UPDATE training_configuration SET archived_at = ?, updated_at = ? WHERE id = ?').run(
        now,
        now,
        id,
      );
      db.prepare(
        'UPDATE configuration_item SET valid_to = ? WHERE configuration_id = ? AND valid_to IS NULL',
      ).run(today, id);
      db.prepare(
        'UPDATE fulfilment SET removed_on = ? WHERE configuration_id = ? AND removed_on IS NULL',
      ).run(today, id);
    },

    insertItem(id: string, configurationId: string, v: ItemValues, today: string): void {
      db.prepare(
        `INSERT INTO configuration_item (id, configuration_id, module_id, requirement, validity_months,
           due_kind, due_date, due_days, valid_from)
         VALUES (@id, @configurationId, @moduleId, @requirement, @validityMonths, @dueKind, @dueDate, @dueDays,
           @today)`,
      ).run({ id, configurationId, today, ...v });
    },

    /** Only for a row opened today: changing it again the same day leaves no zero-length version. */
    rewriteItem(id: string, v: ItemValues): void {
      db.prepare(
        `UPDATE configuration_item SET requirement = @requirement, validity_months = @validityMonths,
           due_kind = @dueKind, due_date = @dueDate, due_days = @dueDays WHERE id = @id`,
      ).run({ id, ...v });
    },

    closeItem(id: string, today: string): void {
      db.prepare('UPDATE configuration_item SET valid_to = ? WHERE id = ?').run(today, id);
    },

    /** Only for a row opened today and removed the same day: it never applied to a whole day. */
    deleteItem(id: string): void {
      db.prepare('DELETE FROM configuration_item WHERE id = ?').run(id);
    },
  };
}
