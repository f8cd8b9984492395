import type { Db } from '../../db/open.js';

export type UnitKind = 'organisation' | 'client' | 'region' | 'site' | 'other';

export interface UnitDbRow {
  id: string;
  parent_id: string | null;
  kind: UnitKind;
  name: string;
  code: string | null;
}

const defaultLevel: Record<UnitKind, string | null> = {
  organisation: 'Organisation',
  client: 'Client',
  region: 'Region',
  site: 'Site',
  other: null,
};

export function orgRepo(db: Db) {
  return {
    organisation(): UnitDbRow | undefined {
      return db
        .prepare<[], UnitDbRow>(
          "SELECT id, parent_id, kind, name, code FROM unit WHERE kind = 'organisation' AND parent_id IS NULL LIMIT 1",
        )
        .get();
    },

    insertUnit(u: {
      id: string;
      parentId: string | null;
      kind: UnitKind;
      name: string;
      code?: string | null;
      level?: string | null;
      now: string;
    }): void {
      db.prepare(
        'INSERT INTO unit (id, parent_id, kind, name, code, level, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(u.id, u.parentId, u.kind, u.name, u.code ?? null, u.level ?? defaultLevel[u.kind], u.now);
    },

    insertNamed(table: 'department' | 'job_title', id: string, name: string): void {
      db.prepare(`INSERT INTO ${table} (id, name) VALUES (?, ?)`).run(id, name);
    },

    grant(g: { id: string; personId: string; roleId: string; unitId: string }): void {
      db.prepare('INSERT INTO grant_ (id, person_id, role_id, unit_id) VALUES (?, ?, ?, ?)').run(
        g.id,
        g.personId,
        g.roleId,
        g.unitId,
      );
    },

    setting(key: string): string | undefined {
      return db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?').get(key)
        ?.value;
    },

    setSetting(key: string, value: string): void {
      db.prepare(
        'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(key, value);
    },

    /** The first active person holding the highest administrative role at the organisation root: the CLI's default actor. */
    firstAdministratorId(): string | undefined {
      return db
        .prepare<[], { id: string }>(
          `SELECT p.id FROM grant_ g JOIN person p ON p.id = g.person_id JOIN role r ON r.id = g.role_id
           JOIN unit u ON u.id = g.unit_id
           WHERE u.parent_id IS NULL AND u.kind = 'organisation' AND p.status = 'active'
             AND r.id IN ('master-admin', 'organisation-admin')
           ORDER BY r.rank DESC, p.created_at, p.rowid LIMIT 1`,
        )
        .get()?.id;
    },
  };
}
