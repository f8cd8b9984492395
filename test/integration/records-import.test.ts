import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api/contract.js';
import type { RecordsImportSummary } from '../../shared/api/schemas/records-import.js';
import { builtinRole } from '../../shared/permissions/roles.js';
import { decodeBytes } from '../../src-main/csv/decode.js';
import { addPerson } from '../helpers/app.js';
import { assign } from '../helpers/compliance.js';
import { publishedModule, unwrapOk } from '../helpers/events.js';
import { orgFixture } from '../helpers/org-fixture.js';

const HEADER =
  'Record Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,Other Information,Qualification Code,Delete?';

/**
 * Åsa Öberg (the administrator, organisation-wide) imports training records for
 * herself and Jörgen Ämtöft (Umeå) against two published modules: FIRE-101, a
 * course valid 12 months, and FORK-Q, a quiz. The clock stands at 2026-03-01.
 */
async function world() {
  const f = await orgFixture();
  const { app, adminId, u } = f;
  const jorgen = addPerson(app, {
    email: 'jorgen.amtoft@example.com',
    firstName: 'Jörgen',
    lastName: 'Ämtöft',
    unitId: u('ume'),
  });
  const fire = await publishedModule(app, adminId, {
    code: 'FIRE-101',
    title: 'Fire safety',
    kind: 'course',
    ownerUnitId: u('org'),
    defaultValidityMonths: 12,
    content: {
      kind: 'course',
      steps: [{ id: 's1', title: 'Exits', type: 'text', html: '<p>Read this.</p>', required: true }],
    },
  });
  const forkq = await publishedModule(
    app,
    adminId,
    {
      code: 'FORK-Q',
      title: 'Forklift quiz',
      kind: 'quiz',
      ownerUnitId: u('org'),
    },
    // A draft is enough: an import may name any module.
    { publish: false },
  );
  const as = (actorId: string) => ({ actorId });
  const open = async (
    content: string | Uint8Array,
    extra: Partial<CallInput<'records.import.open'>> = {},
    actorId = adminId,
  ) =>
    unwrapOk(
      await app.invoke(
        'records.import.open',
        {
          fileName: 'records.csv',
          content: Buffer.from(typeof content === 'string' ? content : content).toString('base64'),
          ...extra,
        },
        as(actorId),
      ),
    );
  /** Opens and validates in slices until done: the dry run's summary. */
  const dryRun = async (
    content: string | Uint8Array,
    extra: Partial<CallInput<'records.import.open'>> = {},
    maxRows = 20_000,
    actorId = adminId,
  ) => {
    const { token } = await open(content, extra, actorId);
    for (;;) {
      const p = unwrapOk(await app.invoke('records.import.validate', { token, maxRows }, as(actorId)));
      if (p.done && p.summary) return { token, summary: p.summary, progress: p };
    }
  };
  const commit = async (
    content: string | Uint8Array,
    opts: { validOnly?: boolean; dateOrder?: CallInput<'records.import.open'>['dateOrder'] } = {},
    actorId = adminId,
  ): Promise<RecordsImportSummary> => {
    const { token } = await open(content, opts.dateOrder ? { dateOrder: opts.dateOrder } : {}, actorId);
    return unwrapOk(
      await app.invoke('records.import.commit', { token, validOnly: opts.validOnly ?? false }, as(actorId)),
    );
  };
  const records = () =>
    app.db
      .prepare(
        `SELECT r.*, p.email FROM training_record r JOIN person p ON p.id = r.person_id
         ORDER BY r.completion_date, r.title`,
      )
      .all() as Record<string, unknown>[];
  const count = (table: string) =>
    (app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...f, jorgen, fire, forkq, open, dryRun, commit, records, count };
}

const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/records/${name}`, import.meta.url)));

describe('records import: reading what spreadsheets produce', () => {
  it.each([
    'records-utf8.csv',
    'records-utf8-bom.csv',
    'records-utf16le.csv',
    'records-utf16be.csv',
    'records-1252-semicolon.csv',
    'records-tab.tsv',
  ])('%s imports its four rows with every letter intact', async (name) => {
    const w = await world();
    const s = await w.commit(fixture(name));
    expect(s).toMatchObject({ errors: [], committed: true, rows: 4, counts: { created: 4 } });
    const rows = w
      .records()
      .map((r) => [r.email, r.record_type, r.title, r.provider, r.completion_date, r.other_info]);
    expect(rows).toEqual([
      [
        'jorgen.amtoft@example.com',
        'certificate',
        'Heta arbeten',
        'Brandskyddsföreningen',
        '2024-11-05',
        'Zoë signed it',
      ],
      [
        'asa.oberg@example.com',
        'external_course',
        'Första hjälpen',
        'Röda Korset',
        '2025-01-20',
        'Kostnad 1 200 € – it’s paid',
      ],
      ['asa.oberg@example.com', 'course', 'Fire safety', 'Norrland Mining', '2025-04-03', null],
      ['jorgen.amtoft@example.com', 'quiz', 'Forklift quiz', 'Lager Öst', '2025-05-12', 'Passed first time'],
    ]);
    for (const r of w.records()) expect(r).toMatchObject({ source: 'import', import_id: s.importId });
    // Åsa Öberg herself, as the records list names her.
    const list = unwrapOk(
      await w.app.invoke('records.list', { personId: w.adminId }, { actorId: w.adminId }),
    );
    expect(list.rows.map((r) => r.personName)).toContain('Åsa Öberg');
  });

  it('reads quoted separators, quotes and newlines, and Excel’s trailing empty columns and rows', async () => {
    const w2 = await world();
    const s = await w2.commit(fixture('records-crlf-quoted.csv'));
    expect(s).toMatchObject({ errors: [], rows: 2, counts: { created: 2 } });
    const fire = w2.records().find((r) => r.title === 'Fire safety, part 1');
    expect(fire?.provider).toBe('Brand & Co, Umeå');
    expect(fire?.other_info).toBe('Said "well done"\nSecond line, with a comma');
    const course = w2.records().find((r) => r.title === 'Fire safety');
    expect(course?.other_info).toBe('Line one\n\nLine three after a blank line');
  });

  it('opens a file with its facts, a preview and the date order its dates prove', async () => {
    const w = await world();
    const opened = await w.open(fixture('records-1252-semicolon.csv'));
    expect(opened).toMatchObject({ encoding: 'windows-1252', delimiter: ';', fileErrors: [] });
    expect(opened.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(opened.preview.length).toBeGreaterThan(0);
    expect(opened.preview[0]?.row).toBe(2);
    const dates = await w.open(fixture('records-dates.csv'));
    expect(dates.detectedDateOrder).toEqual({ order: 'dmy', row: 4, value: '13/04/2025' });
    const none = await w.open(csv(',asa.oberg@example.com,Certificate,,A,B,2025-01-01,,,'));
    expect(none.detectedDateOrder).toBeNull();
    const both = await w.open(
      csv(
        ',asa.oberg@example.com,Certificate,,A,B,13/04/2025,,,',
        ',asa.oberg@example.com,Certificate,,A,B,04/13/2025,,,',
      ),
    );
    expect(both.detectedDateOrder).toBeNull();
  });

  it('names a missing or unknown column and reads no row', async () => {
    const w = await world();
    const opened = await w.open('Record Id,Name,Colour\r\n,asa.oberg@example.com,red\r\n');
    expect(opened.fileErrors.map((e) => e.column)).toEqual(expect.arrayContaining(['Colour', 'Record Type']));
    const s = await w.commit('Record Id,Name,Colour\r\n,asa.oberg@example.com,red\r\n');
    expect(s.committed).toBe(false);
    expect(s.errors.length).toBeGreaterThan(0);
    expect(w.count('record_import')).toBe(0);
  });

  it('reads the date forms, and ambiguous dates only with a date order', async () => {
    const w = await world();
    // 13/04/2025 can only be day first, and 05/05/2025 reads the same either way.
    const auto = (await w.dryRun(fixture('records-dates.csv'))).summary;
    expect(auto.errors).toEqual([]);
    const ambiguous = (await w.dryRun(csv(',asa.oberg@example.com,Certificate,,A,B,03/04/2025,,,'))).summary;
    expect(ambiguous.errors[0]?.message).toMatch(/could be 3 April.* or 4 March/);
    const s = await w.commit(fixture('records-dates.csv'), { dateOrder: 'dmy' });
    expect(s.errors).toEqual([]);
    // Each row's title is the date it must become.
    for (const r of w.records()) expect(`Date ${String(r.completion_date)}`).toBe(r.title);
  });
});

describe('records import: bad rows', () => {
  it('names the row, column and reason of each bad row', async () => {
    const w = await world();
    const { summary: s } = await w.dryRun(fixture('records-bad-rows.csv'));
    const at = (row: number) => s.errors.filter((e) => e.row === row);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([
      { row: 3, column: 'Name', message: expect.stringContaining('nobody@example.com') },
    ]);
    expect(at(4)).toEqual([{ row: 4, column: 'Record Type', message: expect.stringContaining('Seminar') }]);
    expect(at(5)).toEqual([{ row: 5, column: 'Object Id', message: expect.stringContaining('NOPE-999') }]);
    expect(at(6)).toEqual([
      { row: 6, column: 'Object Id', message: expect.stringMatching(/FIRE-101 is a course, not a quiz/) },
    ]);
    expect(at(7)).toEqual([
      { row: 7, column: 'Completion Date', message: expect.stringMatching(/could be 3 April.* or 4 March/) },
    ]);
    expect(at(8)).toEqual([{ row: 8, column: 'Completion Date', message: expect.any(String) }]);
    expect(at(9)).toEqual([
      { row: 9, column: 'Completion Date', message: expect.stringContaining('in the future') },
    ]);
    expect(at(10)).toEqual([
      { row: 10, column: 'Delete?', message: 'Delete? must be 1 (delete), 0 or empty.' },
    ]);
    expect(at(11)).toEqual([
      { row: 11, column: 'Record Id', message: expect.stringContaining('no training record') },
    ]);
    expect(at(12)).toEqual([
      {
        row: 12,
        column: 'Object Id',
        message:
          'Excel turned this value into a number (1.23E+05): format the column as Text and type the value again.',
      },
    ]);
    expect(at(13)).toEqual([{ row: 13, column: 'Title', message: 'Enter the title.' }]);
    expect(s).toMatchObject({ rows: 12, errorCount: 11, rowsWithErrors: 11, committed: false });
    expect(s.counts.created).toBe(1);
  });

  it('refuses the same Record Id twice, a person who is ambiguous, and moving a record', async () => {
    const w = await world();
    await w.commit(csv(',asa.oberg@example.com,Certificate,,First aid,Red Cross,2025-01-01,,,'));
    const id = String(w.records()[0]?.id);
    // Ulla's username is Jörgen's email: the login names two people.
    w.app.db.prepare("UPDATE person SET username = 'jorgen' WHERE id = ?").run(w.jorgen);
    w.app.db
      .prepare("UPDATE person SET username = 'jorgen.amtoft@example.com' WHERE id = ?")
      .run(w.people.umeColleague);
    const { summary: s } = await w.dryRun(
      csv(
        `${id},asa.oberg@example.com,Certificate,,First aid,Red Cross,2025-01-02,,,`,
        `${id},asa.oberg@example.com,Certificate,,First aid,Red Cross,2025-01-03,,,`,
        ',jorgen.amtoft@example.com,Certificate,,First aid,Red Cross,2025-01-01,,,',
      ),
    );
    expect(s.errors).toEqual([
      { row: 3, column: 'Record Id', message: expect.stringContaining('also on row 2') },
      {
        row: 4,
        column: 'Name',
        message: expect.stringMatching(/Ulla Umeå's username and Jörgen Ämtöft's email/),
      },
    ]);
    const moved = (await w.dryRun(csv(`${id},jorgen,Certificate,,First aid,Red Cross,2025-01-01,,,`)))
      .summary;
    expect(moved.errors[0]).toMatchObject({
      row: 2,
      column: 'Name',
      message: expect.stringMatching(/cannot move/),
    });
  });

  it('refuses rows for people outside the importer’s record edit reach, by name', async () => {
    const w = await world();
    // A Manager at Umeå who may also bulk import: Umeå's records only.
    const role = unwrapOk(
      await w.app.invoke(
        'roles.copy',
        { fromId: 'manager', name: 'Importing manager' },
        { actorId: w.adminId },
      ),
    );
    const privileges = builtinRole('manager')?.privileges ?? [];
    unwrapOk(
      await w.app.invoke(
        'roles.update',
        { id: role.id, privileges: [...privileges, 'records.import'] },
        { actorId: w.adminId },
      ),
    );
    const mats = addPerson(w.app, {
      email: 'mats@example.com',
      firstName: 'Mats',
      lastName: 'Test',
      unitId: w.u('ume'),
      roleId: role.id,
    });
    const s = await w.commit(
      csv(
        ',jorgen.amtoft@example.com,Certificate,,First aid,Red Cross,2025-01-01,,,',
        ',malmo@example.com,Certificate,,First aid,Red Cross,2025-01-01,,,',
      ),
      {},
      mats,
    );
    expect(s.committed).toBe(false);
    expect(s.errors).toEqual([
      { row: 3, column: 'Name', message: "You may not change Maja Malmö's training records." },
    ]);
    expect(w.count('training_record')).toBe(0);
    // Deleting or changing a record of someone out of reach is refused the same way.
    await w.commit(csv(',malmo@example.com,Certificate,,First aid,Red Cross,2025-01-01,,,'));
    const maja = String(w.records()[0]?.id);
    const again = await w.commit(
      csv(`${maja},,,,,,,,,1`, `,jorgen.amtoft@example.com,Certificate,,First aid,Red Cross,2025-01-01,,,`),
      {},
      mats,
    );
    expect(again.errors).toEqual([
      { row: 2, column: 'Name', message: "You may not change Maja Malmö's training records." },
    ]);
    const mine = await w.commit(
      csv(',jorgen.amtoft@example.com,Certificate,,First aid,Red Cross,2025-01-01,,,'),
      {},
      mats,
    );
    expect(mine).toMatchObject({ committed: true, counts: { created: 1 } });
  });
});

describe('records import: dry run and commit', () => {
  it('a dry run writes nothing, and slices add up to the same summary', async () => {
    const w = await world();
    const before = w.count('audit_log');
    const one = (await w.dryRun(fixture('records-bad-rows.csv'))).summary;
    const sliced = await w.dryRun(fixture('records-bad-rows.csv'), {}, 2);
    expect(sliced.summary).toEqual(one);
    expect(sliced.progress.rowsRead).toBe(12);
    expect(sliced.progress.bytesRead).toBe(sliced.progress.totalBytes);
    expect(w.count('training_record')).toBe(0);
    expect(w.count('record_import')).toBe(0);
    expect(w.count('audit_log')).toBe(before);
  });

  it('a commit with errors writes nothing and returns every error', async () => {
    const w = await world();
    const s = await w.commit(fixture('records-bad-rows.csv'));
    expect(s).toMatchObject({ committed: false, importId: null, errorCount: 11, skipped: 0 });
    expect(s.errors).toHaveLength(11);
    expect(w.count('training_record')).toBe(0);
    expect(w.count('record_import')).toBe(0);
    expect(w.count('record_import_change')).toBe(0);
    const notes = w.app.db.prepare("SELECT summary FROM audit_log WHERE summary LIKE 'Imported%'").all();
    expect(notes).toEqual([]);
  });

  it('valid rows only imports exactly the good rows, keeps the error file and says so', async () => {
    const w = await world();
    const s = await w.commit(fixture('records-bad-rows.csv'), { validOnly: true });
    expect(s).toMatchObject({ committed: true, validOnly: true, skipped: 11, counts: { created: 1 } });
    const rows = w.records();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      other_info: 'A good row',
      title: 'Fire safety',
      provider: 'Norrland Mining',
    });
    const history = w.app.db.prepare('SELECT * FROM record_import').get() as Record<string, unknown>;
    expect(history).toMatchObject({
      id: s.importId,
      actor_id: w.adminId,
      file_name: 'records.csv',
      valid_only: 1,
      rows_total: 12,
      created: 1,
      skipped: 11,
      error_count: 11,
    });
    const stored = new Uint8Array(history.error_file as Buffer);
    expect([...stored.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const errorFile = decodeBytes(stored).text;
    expect(errorFile.split('\r\n')[0]).toBe(`${HEADER},Error`);
    expect(errorFile).toContain('nobody@example.com');
    const audit = w.app.db
      .prepare("SELECT summary, after FROM audit_log WHERE call = 'records.import.commit'")
      .all() as { summary: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.summary).toBe(
      'Imported 1 training records from records.csv: 1 created, 0 updated, 0 deleted, 0 unchanged; 11 rows with errors left out',
    );
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({
      importId: s.importId,
      validOnly: true,
      skipped: 11,
    });
  });

  it('the error file has every row plus an Error column, in the file’s own encoding and separator', async () => {
    const w = await world();
    const bad = fixture('records-1252-semicolon.csv');
    const text = decodeBytes(bad).text.replace('2025-', '2031-');
    const { token } = await w.dryRun(new Uint8Array(Buffer.from(text, 'latin1')));
    const file = unwrapOk(await w.app.invoke('records.import.errorFile', { token }, { actorId: w.adminId }));
    expect(file.fileName).toBe('records - errors.csv');
    const bytes = new Uint8Array(Buffer.from(file.content, 'base64'));
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    const lines = decoded.text.split('\r\n');
    expect(lines[0]).toMatch(/;Error$/);
    expect(decoded.text).toContain('Första hjälpen');
    expect(decoded.text).toContain('in the future');
    expect(file.rows).toBe(lines.filter((l) => l).length - 1);
  });

  it('an error file imports again with its Error column refreshed, not doubled', async () => {
    const w = await world();
    const { token, summary } = await w.dryRun(fixture('records-bad-rows.csv'));
    const first = unwrapOk(await w.app.invoke('records.import.errorFile', { token }, { actorId: w.adminId }));
    const again = await w.dryRun(new Uint8Array(Buffer.from(first.content, 'base64')));
    expect(again.summary.errors).toEqual(summary.errors);
    const second = unwrapOk(
      await w.app.invoke('records.import.errorFile', { token: again.token }, { actorId: w.adminId }),
    );
    expect(second.content).toBe(first.content);
    expect(first.rows).toBe(12);
    const lines = decodeBytes(new Uint8Array(Buffer.from(first.content, 'base64'))).text.split('\r\n');
    expect(lines[0]).toBe(`${HEADER},Error`);
    expect(lines[2]).toBe(
      ',nobody@example.com,Course,FIRE-101,,,2025-04-03,Unknown person,,,Name: No one has the username or email nobody@example.com.',
    );
  });

  it('updates changed records only, counts unchanged ones and deletes with Delete? = 1', async () => {
    const w = await world();
    await w.commit(
      csv(
        ',asa.oberg@example.com,Course,FIRE-101,,,2025-04-03,,,',
        ',jorgen.amtoft@example.com,Certificate,,First aid,Red Cross,2025-01-01,,,',
        ',jorgen.amtoft@example.com,Certificate,,Hot work,Fire brigade,2025-02-01,,,',
      ),
    );
    const byTitle = (t: string) => w.records().find((r) => r.title === t);
    const [fire, aid, hot] = [byTitle('Fire safety'), byTitle('First aid'), byTitle('Hot work')];
    expect(fire).toMatchObject({ title: 'Fire safety', expiry_date: '2026-04-03', expiry_fixed: 0 });
    w.app.clock.advance(60_000);
    const s = await w.commit(
      csv(
        `${String(fire?.id)},asa.oberg@example.com,Course,FIRE-101,Fire safety,Norrland Mining,2025-05-03,,,`,
        `${String(aid?.id)},JORGEN.AMTOFT@example.com,certificate,,First aid,Red Cross,2025-01-01,,,0`,
        `${String(hot?.id)},,,,,,,,,1`,
      ),
    );
    expect(s).toMatchObject({
      committed: true,
      counts: { created: 0, updated: 1, unchanged: 1, deleted: 1 },
    });
    const after = w.records();
    expect(after).toHaveLength(2);
    const fire2 = after.find((r) => r.id === fire?.id);
    // The completion moved a month, and the derived expiry with it.
    expect(fire2).toMatchObject({ completion_date: '2025-05-03', expiry_date: '2026-05-03' });
    expect(fire2?.updated_at).not.toBe(fire?.updated_at);
    expect(after.find((r) => r.id === aid?.id)?.updated_at).toBe(aid?.updated_at);
    const changes = w.app.db
      .prepare(
        'SELECT record_id, action, before, after_updated_at FROM record_import_change WHERE import_id = ?',
      )
      .all(s.importId) as {
      record_id: string;
      action: string;
      before: string;
      after_updated_at: string | null;
    }[];
    expect(changes.map((c) => [c.record_id, c.action]).sort()).toEqual(
      [
        [String(fire?.id), 'updated'],
        [String(hot?.id), 'deleted'],
      ].sort(),
    );
    const fireChange = changes.find((c) => c.action === 'updated');
    const { email: _email, ...fireColumns } = fire ?? {};
    expect(JSON.parse(fireChange?.before ?? '{}')).toEqual(fireColumns);
    expect(fireChange?.after_updated_at).toBe(fire2?.updated_at);
    expect(changes.find((c) => c.action === 'deleted')?.after_updated_at).toBeNull();
  });

  it('keeps an expiry set by hand when the completion date changes', async () => {
    const w = await world();
    await w.commit(csv(',asa.oberg@example.com,Course,FIRE-101,,,2025-04-03,,,'));
    const rec = w.records()[0];
    w.app.db.prepare("UPDATE training_record SET expiry_date = '2027-01-01', expiry_fixed = 1").run();
    await w.commit(csv(`${String(rec?.id)},asa.oberg@example.com,Course,FIRE-101,,,2025-04-10,,,`));
    expect(w.records()[0]).toMatchObject({ completion_date: '2025-04-10', expiry_date: '2027-01-01' });
  });

  it('an Object Id links the record so compliance counts it', async () => {
    const w = await world();
    assign(w.app, {
      target: { type: 'person', id: w.jorgen },
      ownerUnitId: w.u('org'),
      items: [{ moduleId: w.fire }],
      people: [{ personId: w.jorgen, assignedOn: '2025-01-01' }],
    });
    const status = async () =>
      unwrapOk(
        await w.app.invoke('compliance.person', { personId: w.jorgen }, { actorId: w.adminId }),
      ).rows.find((r) => r.moduleId === w.fire);
    expect((await status())?.status).not.toBe('compliant');
    await w.commit(csv(',jorgen.amtoft@example.com,Course,fire-101,,,2025-09-01,,,'));
    expect(w.records()[0]).toMatchObject({ object_id: w.fire, expiry_date: '2026-09-01' });
    expect((await status())?.status).toBe('compliant');
  });

  it('a qualification code must exist and gives its validity', async () => {
    const w = await world();
    unwrapOk(
      await w.app.invoke(
        'qualifications.create',
        { code: 'HLR', name: 'Hjärt-lungräddning', defaultValidityMonths: 24 },
        { actorId: w.adminId },
      ),
    );
    const s = await w.commit(
      csv(
        ',asa.oberg@example.com,Certificate,,CPR,Red Cross,2025-01-01,,hlr,',
        ',asa.oberg@example.com,Certificate,,CPR,Red Cross,2025-01-01,,NOPE,',
      ),
      { validOnly: true },
    );
    expect(s.errors).toEqual([
      { row: 3, column: 'Qualification Code', message: 'There is no qualification code NOPE.' },
    ]);
    expect(w.records()[0]).toMatchObject({ expiry_date: '2027-01-01' });
  });

  it('forgets an opened file on discard and after a commit', async () => {
    const w = await world();
    const { token } = await w.open(fixture('records-utf8.csv'));
    unwrapOk(await w.app.invoke('records.import.discard', { token }, { actorId: w.adminId }));
    const gone = await w.app.invoke('records.import.validate', { token }, { actorId: w.adminId });
    expect(gone.ok ? 'ok' : gone.error.code).toBe('not_found');
    const { token: t2 } = await w.open(fixture('records-utf8.csv'));
    unwrapOk(await w.app.invoke('records.import.commit', { token: t2 }, { actorId: w.adminId }));
    const again = await w.app.invoke('records.import.commit', { token: t2 }, { actorId: w.adminId });
    expect(again.ok ? 'ok' : again.error.code).toBe('not_found');
    expect(w.count('training_record')).toBe(4);
  });

  it('reopens a file with another date order', async () => {
    const w = await world();
    const { token } = await w.open(csv(',asa.oberg@example.com,Certificate,,A,B,03/04/2025,,,'));
    const reopened = unwrapOk(
      await w.app.invoke(
        'records.import.reopen',
        { token, dateOrder: 'mdy', encoding: 'auto' },
        { actorId: w.adminId },
      ),
    );
    expect(reopened).toMatchObject({ token, dateOrder: 'mdy' });
    unwrapOk(await w.app.invoke('records.import.commit', { token }, { actorId: w.adminId }));
    expect(w.records()[0]?.completion_date).toBe('2025-03-04');
  });
});

describe('records import: kill safety', () => {
  it('a commit that fails midway leaves the database unchanged and sound', async () => {
    const w = await world();
    await w.commit(csv(',asa.oberg@example.com,Certificate,,Kept,Red Cross,2025-01-01,,,'));
    const kept = w.records();
    const imports = w.count('record_import');
    const audits = w.count('audit_log');
    w.app.db.exec(`CREATE TRIGGER boom BEFORE INSERT ON training_record
      WHEN (SELECT count(*) FROM training_record) >= 50 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const rows = Array.from(
      { length: 200 },
      (_, i) => `,jorgen.amtoft@example.com,Certificate,,Course ${i},Red Cross,2025-01-01,,,`,
    );
    const { token } = await w.open(csv(...rows));
    const res = await w.app.invoke('records.import.commit', { token }, { actorId: w.adminId });
    expect(res.ok ? 'ok' : res.error.code).toBe('internal');
    expect(w.records()).toEqual(kept);
    expect(w.count('record_import')).toBe(imports);
    expect(w.count('record_import_change')).toBe(0);
    expect(w.count('audit_log')).toBe(audits);
    expect(w.app.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
