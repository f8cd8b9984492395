import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { publishedModule, unwrapOk } from '../helpers/events.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { importRecords } from '../helpers/records-import-flow.js';

const HEADER =
  'Record Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,Other Information,Qualification Code,Delete?';

/** The cases a review of the importer found: each once wrong, each now pinned. */
async function world() {
  const f = await orgFixture();
  const { app, adminId, u } = f;
  const ylva = addPerson(app, {
    email: 'ylva@example.com',
    firstName: 'Ylva',
    lastName: 'Ek',
    unitId: u('ume'),
  });
  await publishedModule(app, adminId, {
    code: 'FIRE-101',
    title: 'Fire safety',
    kind: 'course',
    ownerUnitId: u('org'),
    defaultValidityMonths: 12,
    content: {
      kind: 'course',
      steps: [{ id: 's1', title: 'Exits', type: 'text', html: '<p>Read.</p>', required: true }],
    },
  });
  const exportText = async (actorId = adminId) =>
    Buffer.from(unwrapOk(await app.invoke('records.export', {}, { actorId })).content, 'base64').toString(
      'utf8',
    );
  return { ...f, ylva, exportText };
}

describe('records import edge cases', async () => {
  const w = await world();
  const { app, adminId, u, ylva } = w;

  it('copies the file’s own cells into the error file unchanged, so a formula-looking title survives the round', async () => {
    await importRecords(
      app,
      adminId,
      `${HEADER}\r\n,ylva@example.com,External Course,,=SUM(A1),Acme,2025-01-10,,,\r\n`,
      {
        commit: true,
      },
    );
    const exported = await w.exportText();
    expect(exported).toContain("'=SUM(A1)");
    const withBadRow = `${exported.replace(/\r\n$/, '')}\r\n,nobody@example.com,Course,,X,Y,2025-01-01,,,\r\n`;
    const opened = unwrapOk(
      await app.invoke(
        'records.import.open',
        { fileName: 'r.csv', content: Buffer.from(withBadRow).toString('base64') },
        { actorId: adminId },
      ),
    );
    while (
      !unwrapOk(await app.invoke('records.import.validate', { token: opened.token }, { actorId: adminId }))
        .done
    );
    const file = unwrapOk(
      await app.invoke('records.import.errorFile', { token: opened.token }, { actorId: adminId }),
    );
    const bytes = Buffer.from(file.content, 'base64');
    // UTF-8 error files always start with a BOM, whatever the original had.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain("'=SUM(A1)");
    expect(text).not.toContain("''=SUM(A1)");
    // The user deletes the bad row and imports the error file: nothing changes.
    const fixed = text.replace(/\r\n,nobody@example\.com[^\r]*/, '');
    const again = await importRecords(app, adminId, Buffer.from(fixed));
    expect(again.counts).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(again.errorCount).toBe(0);
  });

  it('names every change in the dry run: created, updated with from → to, deleted', async () => {
    const exported = await w.exportText();
    const lines = exported
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const first = (lines[1] ?? '').split(',');
    first[6] = '2025-01-11';
    const edited = [
      lines[0],
      first.join(','),
      `,ylva@example.com,Certificate,,Hot work,Acme,2025-02-01,,,`,
    ].join('\r\n');
    const dry = await importRecords(app, adminId, edited);
    expect(dry.changeCount).toBe(2);
    expect(dry.changes).toEqual([
      expect.objectContaining({
        row: 2,
        action: 'update',
        person: 'Ylva Ek',
        fields: [{ column: 'Completion Date', from: '2025-01-10', to: '2025-01-11' }],
      }),
      expect.objectContaining({ row: 3, action: 'create', title: 'Hot work', person: 'Ylva Ek' }),
    ]);
  });

  it('re-imports an export unchanged when a username has since become someone else’s email', async () => {
    const oskar = addPerson(app, {
      email: 'oskar@example.com',
      firstName: 'Oskar',
      lastName: 'Berg',
      unitId: u('ume'),
    });
    const setUsername = (id: string, username: string) =>
      app.db.prepare('UPDATE person SET username = ? WHERE id = ?').run(username, id);
    setUsername(oskar, 'oskar.b');
    const first = await importRecords(
      app,
      adminId,
      `${HEADER}\r\n,oskar.b,External Course,,Ladders,Acme,2025-03-01,,,\r\n`,
      {
        commit: true,
      },
    );
    expect(first.counts.created).toBe(1);
    // Someone else now has Oskar's username as their email.
    const other = addPerson(app, { email: 'other@example.com', unitId: u('ume') });
    app.db.prepare('UPDATE person SET email = ? WHERE id = ?').run('oskar.b', other);
    const exported = await w.exportText();
    expect(exported).toContain('oskar.b,External Course');
    const dry = await importRecords(app, adminId, exported);
    expect(dry.errors).toEqual([]);
    expect(dry.counts).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    // A new row naming the ambiguous login is still refused: nothing says which person is meant.
    const fresh = await importRecords(
      app,
      adminId,
      `${HEADER}\r\n,oskar.b,Certificate,,X,Y,2025-03-02,,,\r\n`,
    );
    expect(fresh.errors[0]?.message).toMatch(/username and .* email/);
  });

  it('reads month-first dates only when month/day is chosen', async () => {
    const dry = await importRecords(
      app,
      adminId,
      `${HEADER}\r\n,ylva@example.com,Certificate,,A,B,13/04/2025,,,\r\n,ylva@example.com,Certificate,,A,B,04/13/2025,,,\r\n`,
    );
    expect(dry.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Completion Date',
        message: expect.stringMatching(/month first/),
      }),
    ]);
  });

  it('refuses to undo an import whose created record a later import deleted, until that one is undone', async () => {
    const a = await importRecords(
      app,
      adminId,
      `${HEADER}\r\n,ylva@example.com,Certificate,,From A,Acme,2025-05-01,,,\r\n`,
      {
        commit: true,
      },
    );
    const list = unwrapOk(
      await app.invoke('records.list', { personId: ylva, limit: 100 }, { actorId: adminId }),
    );
    const fromA = list.rows.find((r) => r.title === 'From A')?.id ?? '';
    const b = await importRecords(app, adminId, `${HEADER}\r\n${fromA},ylva@example.com,,,,,,,,1\r\n`, {
      commit: true,
    });
    expect(b.counts.deleted).toBe(1);
    const refused = await app.invoke('records.imports.undo', { id: a.importId ?? '' }, { actorId: adminId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/From A \(Ylva Ek\).*undo it first/);
    unwrapOk(await app.invoke('records.imports.undo', { id: b.importId ?? '' }, { actorId: adminId }));
    unwrapOk(await app.invoke('records.imports.undo', { id: a.importId ?? '' }, { actorId: adminId }));
    const after = unwrapOk(
      await app.invoke('records.list', { personId: ylva, limit: 100 }, { actorId: adminId }),
    );
    expect(after.rows.map((r) => r.title)).not.toContain('From A');
  });

  it('shows a client organisation’s imports and error files only to those whose import reach covers it', async () => {
    const clientAdmin = addPerson(app, {
      email: 'client-admin@example.com',
      unitId: u('client'),
      roleId: 'organisation-admin',
    });
    const licenseeAdmin = addPerson(app, {
      email: 'org-admin@example.com',
      unitId: u('org'),
      roleId: 'organisation-admin',
    });
    addPerson(app, { email: 'alex@acme.example', unitId: u('acmeSite') });
    const imp = await importRecords(
      app,
      clientAdmin,
      `${HEADER}\r\n,alex@acme.example,Certificate,,Medical,Clinic,2025-01-01,confidential,,\r\n,nobody@x,Course,,A,B,2025-01-01,,,\r\n`,
      { commit: true, validOnly: true },
    );
    const ids = async (actorId: string) =>
      unwrapOk(await app.invoke('records.imports.list', {}, { actorId })).rows.map((r) => r.id);
    expect(await ids(clientAdmin)).toContain(imp.importId);
    expect(await ids(adminId)).toContain(imp.importId); // the Master Admin set up the installation
    expect(await ids(licenseeAdmin)).not.toContain(imp.importId);
    const file = await app.invoke(
      'records.imports.errorFile',
      { id: imp.importId ?? '' },
      { actorId: licenseeAdmin },
    );
    expect(file.ok).toBe(false);
  });
});
