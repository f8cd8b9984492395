import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api/contract.js';
import { addPerson, type TestApp } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { importRecords } from '../helpers/records-import-flow.js';

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

/** Administrator Åsa Öberg, Ulla (Umeå) and Lars (Luleå) with one certificate each, and Acme's own admin. */
async function world() {
  const f = await orgFixture();
  const { app, adminId, people, u } = f;
  const acmeAdmin = addPerson(app, {
    email: 'acme-admin@example.com',
    unitId: u('acmeSite'),
    roleId: 'organisation-admin',
    firstName: 'Ada',
    lastName: 'Acme',
  });
  const add = async (
    personId: string,
    title: string,
    extra: Partial<CallInput<'records.addExternal'>> = {},
  ) => {
    const res = await app.invoke(
      'records.addExternal',
      {
        personId,
        recordType: 'certificate',
        title,
        provider: 'Röda Korset',
        completionDate: '2025-06-01',
        ...extra,
      },
      { actorId: adminId },
    );
    if (!res.ok) throw new Error(res.error.message);
    return res.value.id;
  };
  const rec = {
    ulla: await add(people.umeColleague, 'Första hjälpen'),
    lars: await add(people.luleaPerson, 'Fire safety'),
    alex: await add(people.clientPerson, 'Forklift'),
  };
  return { ...f, acmeAdmin, rec, add };
}

/** Every training_record row, as undo must restore them: all columns. */
const snapshot = (app: TestApp) =>
  app.db.prepare('SELECT * FROM training_record ORDER BY id').all() as Record<string, unknown>[];

/** A later moment: edits after an import must be told apart from it by their timestamps. */
const later = (app: TestApp, minutes = 5) => app.clock.advance(minutes * 60_000);

/**
 * The history rows exactly as the import's commit writes them (brief, "Import history rows"): records it
 * creates carry import_id with created_at = updated_at = the import's time; updated and deleted ones leave
 * their whole row before the import in record_import_change. Used to test undo on its own (odd column
 * sets, before-images older than a migration) independently of how the importer decides what to write.
 */
function writeImport(
  app: TestApp,
  actorId: string,
  plan: {
    fileName?: string;
    create?: { personId: string; title: string }[];
    update?: { id: string; title: string }[];
    remove?: string[];
    errorFile?: Buffer;
  },
): string {
  const id = app.ids.uuid();
  const at = app.clock.now().toISOString();
  const db = app.db;
  db.prepare(
    `INSERT INTO record_import (id, actor_id, at, file_name, file_hash, encoding, delimiter, date_order, valid_only,
       rows_total, created, updated, deleted, unchanged, skipped, error_count, error_file)
     VALUES (?, ?, ?, ?, 'ab12', 'utf-8', ',', 'auto', ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
  ).run(
    id,
    actorId,
    at,
    plan.fileName ?? 'records.csv',
    plan.errorFile ? 1 : 0,
    (plan.create?.length ?? 0) + (plan.update?.length ?? 0) + (plan.remove?.length ?? 0),
    plan.create?.length ?? 0,
    plan.update?.length ?? 0,
    plan.remove?.length ?? 0,
    plan.errorFile ? 1 : 0,
    plan.errorFile ?? null,
  );
  for (const c of plan.create ?? [])
    db.prepare(
      `INSERT INTO training_record (id, person_id, record_type, title, provider, completion_date, source,
         created_at, updated_at, created_by, import_id)
       VALUES (?, ?, 'certificate', ?, 'Imported Ltd', '2025-01-01', 'import', ?, ?, ?, ?)`,
    ).run(app.ids.uuid(), c.personId, c.title, at, at, actorId, id);
  const before = (recordId: string) =>
    JSON.stringify(db.prepare('SELECT * FROM training_record WHERE id = ?').get(recordId));
  const change = db.prepare(
    'INSERT INTO record_import_change (import_id, record_id, action, before, after_updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  for (const u of plan.update ?? []) {
    change.run(id, u.id, 'updated', before(u.id), at);
    db.prepare('UPDATE training_record SET title = ?, updated_at = ? WHERE id = ?').run(u.title, at, u.id);
  }
  for (const r of plan.remove ?? []) {
    change.run(id, r, 'deleted', before(r), null);
    db.prepare('DELETE FROM training_record WHERE id = ?').run(r);
  }
  return id;
}

const HEADER =
  'Record Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,Other Information,Qualification Code,Delete?';

describe('records.imports.undo after a real import', () => {
  /** A file that adds two records, renames Ulla's and deletes Lars's, committed through the import calls. */
  async function imported() {
    const w = await world();
    const before = snapshot(w.app);
    later(w.app);
    const csv = [
      HEADER,
      ',ume@example.com,Certificate,,Heta arbeten,Brandskyddsföreningen,2025-09-01,,,',
      ',LULEA@example.com,External Course,,"Truck, A",Truckskolan,13/09/2025,,,',
      `${w.rec.ulla},ume@example.com,Certificate,,Första hjälpen (ny),Röda Korset,2025-06-01,,,`,
      `${w.rec.lars},lulea@example.com,Certificate,,Fire safety,Röda Korset,2025-06-01,,,1`,
    ].join('\r\n');
    const summary = await importRecords(w.app, w.adminId, csv, { commit: true });
    expect(summary).toMatchObject({
      committed: true,
      errors: [],
      counts: { created: 2, updated: 1, deleted: 1, unchanged: 0 },
    });
    return { ...w, before, importId: summary.importId ?? '' };
  }

  it('restores exactly the state before the import, and the history says who undid it', async () => {
    const { app, adminId, before, importId } = await imported();
    const list = await app.invoke('records.imports.list', {}, { actorId: adminId });
    expect(list.ok && list.value.rows).toMatchObject([
      {
        id: importId,
        actorName: 'Åsa Öberg',
        fileName: 'records.csv',
        counts: { created: 2, updated: 1, deleted: 1 },
        undoneAt: null,
      },
    ]);
    later(app);
    const res = await app.invoke('records.imports.undo', { id: importId }, { actorId: adminId });
    expect(res).toEqual({ ok: true, value: { removed: 2, restored: 1, broughtBack: 1 } });
    expect(snapshot(app)).toEqual(before);
    const after = await app.invoke('records.imports.list', {}, { actorId: adminId });
    expect(after.ok && after.value.rows[0]).toMatchObject({
      undoneByName: 'Åsa Öberg',
      undoneAt: app.clock.now().toISOString(),
    });
  });

  it('refuses with the edited record named when one it touched was edited since', async () => {
    const { app, adminId, rec, importId } = await imported();
    later(app);
    expect(
      code(await app.invoke('records.update', { id: rec.ulla, provider: 'SOS Alarm' }, { actorId: adminId })),
    ).toBe('ok');
    const now = snapshot(app);
    const res = await app.invoke('records.imports.undo', { id: importId }, { actorId: adminId });
    expect(res.ok ? '' : res.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        /^1 record was changed after this import.*Första hjälpen \(ny\) \(Ulla Umeå\)\. If a later import made those changes, undo it first\.$/,
      ),
    });
    expect(snapshot(app)).toEqual(now);
  });
});

describe('records.imports.undo', () => {
  it('removes what an import created, restores what it changed and brings back what it deleted', async () => {
    const { app, adminId, rec, people } = await world();
    const before = snapshot(app);
    later(app);
    const id = writeImport(app, adminId, {
      create: [
        { personId: people.umeColleague, title: 'Heta arbeten' },
        { personId: people.luleaPerson, title: 'Truck A' },
      ],
      update: [{ id: rec.ulla, title: 'First aid (renamed)' }],
      remove: [rec.lars],
    });
    later(app);
    const res = await app.invoke('records.imports.undo', { id }, { actorId: adminId });
    expect(res).toEqual({ ok: true, value: { removed: 2, restored: 1, broughtBack: 1 } });
    expect(snapshot(app)).toEqual(before);

    const note = app.db
      .prepare("SELECT summary, actor_id FROM audit_log WHERE call = 'records.imports.undo'")
      .all() as { summary: string; actor_id: string }[];
    expect(note).toEqual([
      {
        summary: 'Undid the import of records.csv from 2026-03-01: removed 2, restored 1, brought back 1',
        actor_id: adminId,
      },
    ]);
    const list = await app.invoke('records.imports.list', {}, { actorId: adminId });
    expect(list.ok && list.value.rows[0]).toMatchObject({ id, undoneByName: 'Åsa Öberg' });
    // Once is enough: a second undo would remove nothing and restore stale rows.
    const again = await app.invoke('records.imports.undo', { id }, { actorId: adminId });
    expect(again.ok ? '' : again.error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already undone'),
    });
  });

  it('refuses, naming the records, when any was changed after the import, and changes nothing', async () => {
    const { app, adminId, rec, people } = await world();
    later(app);
    const id = writeImport(app, adminId, {
      create: [{ personId: people.umeColleague, title: 'Heta arbeten' }],
      update: [{ id: rec.ulla, title: 'Första hjälpen 2' }],
      remove: [rec.lars],
    });
    const created = app.db
      .prepare('SELECT id FROM training_record WHERE import_id = ?')
      .pluck()
      .get(id) as string;
    later(app);
    const edit = await app.invoke(
      'records.update',
      { id: created, provider: 'Räddningstjänsten' },
      { actorId: adminId },
    );
    expect(code(edit)).toBe('ok');
    const edit2 = await app.invoke(
      'records.update',
      { id: rec.ulla, otherInfo: 'checked' },
      { actorId: adminId },
    );
    expect(code(edit2)).toBe('ok');
    const now = snapshot(app);
    const audits = app.db.prepare('SELECT count(*) FROM audit_log').pluck().get();

    const res = await app.invoke('records.imports.undo', { id }, { actorId: adminId });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('conflict');
    expect(res.error.message).toContain('2 records were changed after this import');
    expect(res.error.message).toContain('Heta arbeten (Ulla Umeå)');
    expect(res.error.message).toContain('Första hjälpen 2 (Ulla Umeå)');
    expect(snapshot(app)).toEqual(now);
    expect(app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audits);
    expect(app.db.prepare('SELECT undone_at FROM record_import WHERE id = ?').pluck().get(id)).toBeNull();
  });

  it('refuses when a deleted record exists again, and names at most ten records', async () => {
    const { app, adminId, people } = await world();
    later(app);
    const id = writeImport(app, adminId, {
      create: Array.from({ length: 13 }, (_, i) => ({
        personId: people.luleaPerson,
        title: `Kurs ${i + 1}`,
      })),
    });
    later(app);
    app.db
      .prepare('UPDATE training_record SET updated_at = ? WHERE import_id = ?')
      .run(app.clock.now().toISOString(), id);
    const res = await app.invoke('records.imports.undo', { id }, { actorId: adminId });
    expect(res.ok ? '' : res.error.message).toMatch(
      /^13 records were changed after this import.*and 3 more\. If a later import/,
    );
    expect(res.ok ? '' : res.error.message.match(/\(Lars Luleå\)/g)).toHaveLength(10);
  });

  it('accepts created records already deleted by hand', async () => {
    const { app, adminId, people } = await world();
    later(app);
    const id = writeImport(app, adminId, { create: [{ personId: people.luleaPerson, title: 'Kurs' }] });
    const created = app.db
      .prepare('SELECT id FROM training_record WHERE import_id = ?')
      .pluck()
      .get(id) as string;
    expect(code(await app.invoke('records.delete', { id: created }, { actorId: adminId }))).toBe('ok');
    const res = await app.invoke('records.imports.undo', { id }, { actorId: adminId });
    expect(res).toEqual({ ok: true, value: { removed: 0, restored: 0, broughtBack: 0 } });
  });

  it('restores every column the table has now, read from the schema', async () => {
    const { app, adminId, rec } = await world();
    // A later migration's column: its value from before the import must come back too.
    app.db.exec("ALTER TABLE training_record ADD COLUMN grade TEXT NOT NULL DEFAULT 'pass'");
    app.db.prepare("UPDATE training_record SET grade = 'distinction' WHERE id = ?").run(rec.lars);
    app.db
      .prepare(
        "UPDATE training_record SET grade = 'merit', expiry_date = '2030-01-01', expiry_fixed = 1 WHERE id = ?",
      )
      .run(rec.ulla);
    const before = snapshot(app);
    later(app);
    const id = writeImport(app, adminId, {
      update: [{ id: rec.ulla, title: 'Ny titel' }],
      remove: [rec.lars],
    });
    app.db
      .prepare("UPDATE training_record SET grade = 'fail', expiry_fixed = 0, expiry_date = NULL WHERE id = ?")
      .run(rec.ulla);
    const res = await app.invoke('records.imports.undo', { id }, { actorId: adminId });
    expect(res.ok).toBe(true);
    expect(snapshot(app)).toEqual(before);
  });

  it('needs edit reach over every person the import touched, and shows imports only to who may see them', async () => {
    const { app, adminId, acmeAdmin, people, u } = await world();
    later(app);
    // Ada administers the client organisation Acme; she imported a record for Alex there.
    const id = writeImport(app, acmeAdmin, {
      create: [{ personId: people.clientPerson, title: 'Acme induction' }],
    });
    const mine = writeImport(app, adminId, { create: [{ personId: people.umeColleague, title: 'Kurs' }] });
    const adas = await app.invoke('records.imports.list', {}, { actorId: acmeAdmin });
    expect(adas.ok && adas.value.rows.map((r) => r.id)).toEqual([id]);
    const all = await app.invoke('records.imports.list', {}, { actorId: adminId });
    expect(all.ok && all.value).toMatchObject({ total: 2 });
    expect(all.ok && all.value.rows.map((r) => r.actorName).sort()).toEqual(['Ada Acme', 'Åsa Öberg']);
    expect(code(await app.invoke('records.imports.undo', { id: mine }, { actorId: acmeAdmin }))).toBe(
      'not_found',
    );

    // Alex has since moved into the main organisation, out of Ada's reach.
    app.db.prepare('UPDATE person SET unit_id = ? WHERE id = ?').run(u('ume'), people.clientPerson);
    const res = await app.invoke('records.imports.undo', { id }, { actorId: acmeAdmin });
    expect(res.ok ? '' : res.error).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('Alex Acme'),
    });
    expect(app.db.prepare('SELECT count(*) FROM training_record WHERE import_id = ?').pluck().get(id)).toBe(
      1,
    );
  });

  it('hands back the stored error file, and not_found when there is none', async () => {
    const { app, adminId } = await world();
    const file = Buffer.from('\uFEFFRecord Id,Name,Error\r\n,nobody,Unknown person\r\n', 'utf8');
    const withErrors = writeImport(app, adminId, { fileName: 'Utbildning.csv', errorFile: file });
    const clean = writeImport(app, adminId, {});
    const res = await app.invoke('records.imports.errorFile', { id: withErrors }, { actorId: adminId });
    expect(res.ok && res.value.fileName).toBe('Utbildning - errors.csv');
    expect(res.ok && Buffer.from(res.value.content, 'base64')).toEqual(file);
    expect(code(await app.invoke('records.imports.errorFile', { id: clean }, { actorId: adminId }))).toBe(
      'not_found',
    );
    const list = await app.invoke('records.imports.list', { limit: 1 }, { actorId: adminId });
    expect(list.ok && list.value).toMatchObject({ total: 2, rows: [{ id: clean, hasErrorFile: false }] });
  });
});
