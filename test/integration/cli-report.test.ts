import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/app/create-app.js';
import { openDatabase } from '../../src-main/db/open.js';
import { cli, initDatabase } from '../helpers/cli.js';
import { assign, complete } from '../helpers/compliance.js';
import type { TestApp } from '../helpers/app.js';
import { useTmpDir } from '../helpers/tmp.js';

/** A database with one Site, two people and two required modules; Ann completed one of them. */
async function reportDb(file: string) {
  await initDatabase(file);
  const app = createApp({ db: openDatabase(file) }) as unknown as TestApp;
  const now = '2026-01-01T00:00:00.000Z';
  const org = app.db.prepare(`SELECT id FROM unit WHERE parent_id IS NULL`).pluck().get() as string;
  app.db
    .prepare(
      `INSERT INTO unit (id, parent_id, kind, name, code, created_at) VALUES ('site', ?, 'site', 'Kiruna', 'S-KIR', ?)`,
    )
    .run(org, now);
  const person = app.db.prepare(
    `INSERT INTO person (id, email, username, first_name, last_name, unit_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'site', ?, ?)`,
  );
  person.run('ann', 'ann@example.com', 'ann', 'Ann', 'Berg', now, now);
  person.run('bo', 'bo@example.com', 'bo', '=Bo', 'Dahl', now, now);
  const mod = app.db.prepare(
    `INSERT INTO module (id, code, kind, title, owner_unit_id, default_validity_months, status, draft, created_at, updated_at)
     VALUES (?, ?, 'course', ?, ?, 12, 'published', '{}', ?, ?)`,
  );
  mod.run('fire', 'FIRE', 'Fire Safety, basic', org, now, now);
  mod.run('gas', 'GAS', 'Gas', org, now, now);
  assign(app, {
    target: { type: 'unit', id: 'site' },
    ownerUnitId: 'site',
    items: [{ moduleId: 'fire' }, { moduleId: 'gas', due: { kind: 'fixed', date: '2025-06-01' } }],
    people: [
      { personId: 'ann', assignedOn: '2025-01-01' },
      { personId: 'bo', assignedOn: '2025-01-01' },
    ],
  });
  complete(app, 'ann', 'fire', '2025-02-01');
  app.close();
}

describe('fieldbook report compliance', () => {
  const tmp = useTmpDir();

  it('writes one CSV row per person and required module, as of a date', async () => {
    const db = join(tmp(), 'r.db');
    await reportDb(db);
    const out = join(tmp(), 'report.csv');
    const r = await cli([
      '--db',
      db,
      'report',
      'compliance',
      '--as-of',
      '2026-01-15',
      '--unit',
      'S-KIR',
      '--out',
      out,
    ]);
    expect(r.stderr).toContain('Wrote 4 rows');
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFEmail,First Name,Last Name,Unit,Module Code,Module Title,Status,Last Completion,Expiry Date,Due Date',
    );
    expect(lines.slice(1, 5)).toEqual([
      'ann@example.com,Ann,Berg,Norrland Mining / Kiruna,FIRE,"Fire Safety, basic",expiring,2025-02-01,2026-02-01,',
      'ann@example.com,Ann,Berg,Norrland Mining / Kiruna,GAS,Gas,overdue,,,2025-06-01',
      'bo@example.com,\'=Bo,Dahl,Norrland Mining / Kiruna,FIRE,"Fire Safety, basic",missing,,,',
      "bo@example.com,'=Bo,Dahl,Norrland Mining / Kiruna,GAS,Gas,overdue,,,2025-06-01",
    ]);
  });

  it('writes JSON with camelCase fields and null dates', async () => {
    const db = join(tmp(), 'r.db');
    await reportDb(db);
    const r = await cli(['--db', db, 'report', 'compliance', '--as-of', '2026-02-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      email: 'ann@example.com',
      firstName: 'Ann',
      lastName: 'Berg',
      unit: 'Norrland Mining / Kiruna',
      moduleCode: 'FIRE',
      moduleTitle: 'Fire Safety, basic',
      status: 'expired',
      lastCompletion: '2025-02-01',
      expiryDate: '2026-02-01',
      dueDate: null,
    });
  });

  it('refuses a bad date or format as a usage error', async () => {
    const db = join(tmp(), 'r.db');
    await reportDb(db);
    expect((await cli(['--db', db, 'report', 'compliance', '--as-of', '2025-02-30'])).code).toBe(2);
    expect((await cli(['--db', db, 'report', 'compliance', '--format', 'xml'])).code).toBe(2);
  });
});
