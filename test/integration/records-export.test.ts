import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RECORD_IMPORT_COLUMNS } from '../../shared/api/schemas/records-import.js';
import { addPerson, setUpApp, type TestApp } from '../helpers/app.js';
import { publishModule } from '../helpers/catalog.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { importRecords } from '../helpers/records-import-flow.js';

const HEADER = [...RECORD_IMPORT_COLUMNS, 'Email', 'First Name', 'Last Name'];

type Out =
  | { ok: true; value: { fileName: string; content: string; rows: number } }
  | { ok: false; error: { code: string; message: string } };

const text = (res: Out): string => {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return Buffer.from(res.value.content, 'base64').toString('utf8');
};
const cellsOf = (csv: string): string[][] =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

/** A record written straight to the table (any type, any module), as completions and older data leave them. */
function insertRecord(
  app: TestApp,
  r: {
    personId: string;
    title: string;
    provider?: string;
    date?: string;
    type?: string;
    objectId?: string | null;
    other?: string | null;
    qualificationId?: string | null;
  },
): string {
  const id = app.ids.uuid();
  const now = app.clock.now().toISOString();
  app.db
    .prepare(
      `INSERT INTO training_record (id, person_id, record_type, object_id, title, provider, completion_date, other_info,
         qualification_id, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?)`,
    )
    .run(
      id,
      r.personId,
      r.type ?? 'certificate',
      r.objectId ?? null,
      r.title,
      r.provider ?? 'Röda Korset',
      r.date ?? '2025-06-01',
      r.other ?? null,
      r.qualificationId ?? null,
      now,
      now,
    );
  return id;
}

/** Tricky data: Swedish names, quotes, separators, newlines, formula-looking cells, a module and a qualification. */
async function trickyWorld() {
  const f = await orgFixture();
  const { app, adminId, u, people } = f;
  const module = await publishModule(app, adminId, {
    code: 'HLR-1',
    title: 'Hjärt-lungräddning',
    ownerUnitId: u('org'),
    content: {
      kind: 'course',
      steps: [{ id: 's1', title: 'HLR', type: 'text', html: '<p>Tryck hårt.</p>' }],
    },
  });
  const q = await app.invoke(
    'qualifications.create',
    { code: 'TRUCK-A', name: 'Truckkort A' },
    { actorId: adminId },
  );
  if (!q.ok) throw new Error(q.error.message);
  const ostlund = addPerson(app, {
    email: 'orjan@example.com',
    unitId: u('malmo'),
    firstName: 'Örjan',
    lastName: 'Östlund',
  });
  const recs = [
    insertRecord(app, { personId: people.umeColleague, title: '=SUM(1)', provider: '@x' }),
    insertRecord(app, { personId: people.umeColleague, title: '-12', provider: '+1', date: '2024-02-29' }),
    insertRecord(app, {
      personId: people.luleaPerson,
      title: 'Säkerhet, "grund"; del 1',
      other: 'Rad ett\r\nRad två\nRad "tre"',
    }),
    insertRecord(app, {
      personId: ostlund,
      title: 'Heta arbeten',
      type: 'external_course',
      qualificationId: q.value.id,
      other: "'=not a formula",
    }),
    insertRecord(app, {
      personId: people.malmoPerson,
      title: 'Hjärt-lungräddning',
      type: 'course',
      objectId: module,
      provider: 'Norrland Mining',
    }),
  ];
  return { ...f, ostlund, module, recs };
}

describe('records.export', () => {
  it('writes the import columns plus Email, First Name, Last Name, UTF-8 with BOM and CRLF, by name', async () => {
    const { app, adminId, recs } = await trickyWorld();
    const res = (await app.invoke('records.export', {}, { actorId: adminId })) as Out;
    const csv = text(res);
    expect(
      csv.startsWith('\uFEFFRecord Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,'),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(true); // only inside the quoted Other Information
    expect(res.ok && res.value).toMatchObject({ rows: 5, fileName: 'training-records-2026-03-01.csv' });
    const [header, ...rows] = cellsOf(csv);
    expect(header).toEqual(HEADER);
    // Luleå, Malmö, Umeå (twice, by date), Östlund: last name, first name, completion date.
    expect(rows.map((r) => r[0])).toEqual([recs[2], recs[4], recs[1], recs[0], recs[3]]);
    expect(rows[3]).toEqual([
      recs[0],
      'ume@example.com',
      'Certificate',
      '',
      "'=SUM(1)",
      "'@x",
      '2025-06-01',
      '',
      '',
      '',
      'ume@example.com',
      'Ulla',
      'Umeå',
    ]);
    expect(rows[2]?.slice(4, 6)).toEqual(["'-12", "'+1"]);
    expect(rows[0]?.[7]).toBe('Rad ett\r\nRad två\nRad "tre"');
    expect(rows[1]?.slice(2, 5)).toEqual(['Course', 'HLR-1', 'Hjärt-lungräddning']);
    expect(rows[4]?.slice(1, 9)).toEqual([
      'orjan@example.com',
      'External Course',
      '',
      'Heta arbeten',
      'Röda Korset',
      '2025-06-01',
      "''=not a formula",
      'TRUCK-A',
    ]);
  });

  it('keeps to the records the actor may view, and filters by unit subtree or person', async () => {
    const { app, adminId, people, u } = await trickyWorld();
    const ulla = (await app.invoke('records.export', {}, { actorId: people.umeColleague })) as Out;
    expect(
      cellsOf(text(ulla))
        .slice(1)
        .map((r) => r[4]),
    ).toEqual(['-12', '=SUM(1)'].map((t) => `'${t}`));
    const norr = (await app.invoke('records.export', { unitId: u('norr') }, { actorId: adminId })) as Out;
    expect(
      cellsOf(text(norr))
        .slice(1)
        .map((r) => r[12]),
    ).toEqual(['Luleå', 'Umeå', 'Umeå']);
    const lars = (await app.invoke(
      'records.export',
      { personId: people.luleaPerson },
      { actorId: adminId },
    )) as Out;
    expect(lars.ok && lars.value.rows).toBe(1);
    const refused = await app.invoke(
      'records.export',
      { personId: people.luleaPerson },
      { actorId: people.umeColleague },
    );
    expect(refused.ok ? '' : refused.error).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('Lars Luleå'),
    });
  });

  it('re-imports with no changes, as exported and with Email, First Name and Last Name removed', async () => {
    const { app, adminId } = await trickyWorld();
    const csv = text((await app.invoke('records.export', {}, { actorId: adminId })) as Out);
    const whole = await importRecords(app, adminId, csv);
    expect(whole.errors).toEqual([]);
    expect(whole.counts).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 5 });
    const cut = Papa.unparse(
      cellsOf(csv).map((r) => r.slice(0, 10)),
      { newline: '\r\n' },
    );
    const trimmed = await importRecords(app, adminId, '\uFEFF' + cut);
    expect(trimmed.errors).toEqual([]);
    expect(trimmed.counts).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: 5 });
  });

  it('round trips random records: export, import, no changes (property)', async () => {
    const { app, adminId, orgId } = await setUpApp();
    const names = ['Åsa', 'Öjvind', 'Zoë', 'Ängel "Ä"', "O'Brien", 'Smith, Jr', 'Ng;Li'];
    const people = names.map((n, i) =>
      addPerson(app, {
        email: `p${i}@example.com`,
        unitId: orgId,
        firstName: n,
        lastName: names[(i + 3) % names.length] ?? '',
      }),
    );
    // Printable text with what breaks naive CSV: separators, quotes, newlines, formula starts, Swedish letters.
    const piece = fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      '\t',
      '"',
      ',',
      ';',
      '\n',
      '\r\n',
      'å',
      'Ö',
      'é',
      ' ',
      'x',
      '1',
      "'",
      'SUM(1)',
    );
    const cell = (min: number) =>
      fc
        .array(piece, { minLength: min, maxLength: 8 })
        .map((a) => a.join('').trim())
        .filter((s) => s.length >= min);
    const date = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2026-02-28'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const record = fc.record({
      person: fc.nat({ max: people.length - 1 }),
      type: fc.constantFrom('certificate', 'external_course'),
      title: cell(1),
      provider: cell(1),
      other: fc.option(cell(1), { nil: null }),
      date,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 12 }), async (list) => {
        app.db.exec('DELETE FROM training_record');
        for (const r of list)
          insertRecord(app, {
            personId: people[r.person] ?? '',
            title: r.title,
            provider: r.provider,
            date: r.date,
            type: r.type,
            other: r.other,
          });
        const csv = text((await app.invoke('records.export', {}, { actorId: adminId })) as Out);
        const summary = await importRecords(app, adminId, csv);
        expect(summary.errors).toEqual([]);
        expect(summary.counts).toEqual({ created: 0, updated: 0, deleted: 0, unchanged: list.length });
      }),
      { numRuns: 40 },
    );
  });
});

describe('records.template', () => {
  it('is the import header and one example row saying to delete it', async () => {
    const { app, adminId } = await setUpApp();
    const res = (await app.invoke('records.template', {}, { actorId: adminId })) as Out;
    const csv = text(res);
    expect(csv.startsWith('\uFEFFRecord Id,Name,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    const [header, example] = cellsOf(csv);
    expect(header).toEqual([...RECORD_IMPORT_COLUMNS]);
    expect(example?.[7]).toBe('Example row: delete it before importing');
    expect(res.ok && res.value).toMatchObject({ fileName: 'training-records-template.csv', rows: 1 });
  });
});
