import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import type { UnitKind } from '../org/repo.js';
import { reachSql } from '../permissions/reach-sql.js';

export interface UnitRow {
  id: string;
  parent_id: string | null;
  kind: UnitKind;
  name: string;
  code: string | null;
  level: string | null;
  archived_at: string | null;
}

/** What refers to a unit: the reasons it cannot be archived or deleted. */
export interface UnitUsage {
  activePeople: number;
  people: number;
  children: number;
  openChildren: number;
  grants: number;
  ownedGroups: number;
  ruleGroups: number;
}

const COLUMNS = 'u.id, u.parent_id, u.kind, u.name, u.code, u.level, u.archived_at';

export function unitsRepo(db: Db) {
  return {
    byId(id: string): UnitRow | undefined {
      return db.prepare<[string], UnitRow>(`SELECT ${COLUMNS} FROM unit u WHERE u.id = ?`).get(id);
    },

    /** Codes are unique without regard to case (the column collates NOCASE). */
    byCode(code: string): UnitRow | undefined {
      return db.prepare<[string], UnitRow>(`SELECT ${COLUMNS} FROM unit u WHERE u.code = ?`).get(code);
    },

    /** The licensee organisation: the root of the tree. */
    root(): UnitRow | undefined {
      return db
        .prepare<[], UnitRow>(
          `SELECT ${COLUMNS} FROM unit u WHERE u.parent_id IS NULL AND u.kind = 'organisation' LIMIT 1`,
        )
        .get();
    },

    /** The whole tree without people: an import plans against it, and trees are small. */
    all(): UnitRow[] {
      return db.prepare<[], UnitRow>(`SELECT ${COLUMNS} FROM unit u`).all();
    },

    /** A child of `parentId` with this name (case-insensitive), other than `exceptId`. */
    siblingNamed(parentId: string, name: string, exceptId = ''): UnitRow | undefined {
      return db
        .prepare<[string, string, string], UnitRow>(
          `SELECT ${COLUMNS} FROM unit u WHERE u.parent_id = ? AND u.name = ? COLLATE NOCASE AND u.id <> ?`,
        )
        .get(parentId, name, exceptId);
    },

    /** Whether `unitId` is `ancestorId` or lies below it. */
    isWithin(unitId: string, ancestorId: string): boolean {
      return !!db
        .prepare<[string, string], { hit: number }>(
          `WITH RECURSIVE up(id, parent_id) AS (
             SELECT id, parent_id FROM unit WHERE id = ?
             UNION SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id
           ) SELECT 1 AS hit FROM up WHERE id = ?`,
        )
        .get(unitId, ancestorId);
    },

    insert(u: {
      id: string;
      parentId: string;
      kind: UnitKind;
      name: string;
      code: string | null;
      level: string | null;
      now: string;
    }): void {
      db.prepare(
        'INSERT INTO unit (id, parent_id, kind, name, code, level, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(u.id, u.parentId, u.kind, u.name, u.code, u.level, u.now);
    },

    update(id: string, f: { name: string; code: string | null; level: string | null; kind: UnitKind }): void {
      db.prepare('UPDATE unit SET name = ?, code = ?, level = ?, kind = ? WHERE id = ?').run(
        f.name,
        f.code,
        f.level,
        f.kind,
        id,
      );
    },

    setParent(id: string, parentId: string): void {
      db.prepare('UPDATE unit SET parent_id = ? WHERE id = ?').run(parentId, id);
    },

    setArchived(id: string, at: string | null): void {
      db.prepare('UPDATE unit SET archived_at = ? WHERE id = ?').run(at, id);
    },

    delete(id: string): void {
      db.prepare('DELETE FROM unit WHERE id = ?').run(id);
    },

    usage(id: string): UnitUsage {
      const one = (sql: string) => db.prepare<[string], number>(sql).pluck().get(id) ?? 0;
      return {
        activePeople: one("SELECT count(*) FROM person WHERE unit_id = ? AND status = 'active'"),
        people: one('SELECT count(*) FROM person WHERE unit_id = ?'),
        children: one('SELECT count(*) FROM unit WHERE parent_id = ?'),
        openChildren: one('SELECT count(*) FROM unit WHERE parent_id = ? AND archived_at IS NULL'),
        grants: one('SELECT count(*) FROM grant_ WHERE unit_id = ?'),
        ownedGroups: one('SELECT count(*) FROM group_ WHERE owner_unit_id = ?'),
        ruleGroups: one(
          "SELECT count(*) FROM group_ g WHERE g.kind = 'rule' AND ? IN (SELECT value FROM json_each(g.rule, '$.unitIds'))",
        ),
      };
    },

    /**
     * The units a reach covers, plus every unit above them (flagged) so that a
     * tree can be drawn from the root, with active people counted per unit.
     */
    inReach(reach: Reach, selfId: string, includeArchived: boolean) {
      const scope = reachSql(reach, selfId, { unitColumn: 'u.id' });
      const open = includeArchived ? '' : 'AND u.archived_at IS NULL';
      return db
        .prepare<Record<string, unknown>, UnitRow & { in_scope: number; people_count: number }>(
          `WITH RECURSIVE visible(id) AS (SELECT u.id FROM unit u WHERE ${scope.sql} ${open}),
           up(id) AS (
             SELECT id FROM visible
             UNION SELECT u.parent_id FROM unit u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL
           )
           SELECT ${COLUMNS}, u.id IN (SELECT id FROM visible) AS in_scope,
             (SELECT count(*) FROM person p WHERE p.unit_id = u.id AND p.status = 'active') AS people_count
           FROM unit u WHERE u.id IN (SELECT id FROM up)`,
        )
        .all(scope.params);
    },

    /** Level names in use, once each whatever their case. */
    levels(): string[] {
      return db
        .prepare<[], string>(
          'SELECT min(level) FROM unit WHERE level IS NOT NULL GROUP BY level COLLATE NOCASE ORDER BY 1 COLLATE NOCASE',
        )
        .pluck()
        .all();
    },
  };
}

export type UnitsRepo = ReturnType<typeof unitsRepo>;
