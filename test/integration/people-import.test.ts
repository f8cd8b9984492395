import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { countOf, importPeople, peopleCsv, peopleFixture, personByEmail } from '../helpers/people.js';

/** A custom role with people.import over a region: the scope an import must respect. */
function regionalHr(
  app: Awaited<ReturnType<typeof orgFixture>>['app'],
  unitId: string,
  email = 'hr@example.com',
) {
  app.db
    .prepare(
      `INSERT OR IGNORE INTO role (id, name, rank, scope, builtin, privileges)
       VALUES ('regional-hr', 'Regional HR', 30, 'subtree', 0, '["people.view","people.manage","people.import"]')`,
    )
    .run();
  return addPerson(app, { email, unitId, roleId: 'regional-hr', firstName: 'Hanna', lastName: 'HR' });
}

const rowErrors = (s: { errors: { row: number; column: string; message: string }[] }) => s.errors;

describe('people import: files as spreadsheets write them', () => {
  it('reads a BOM + `;` file with its own header spelling, units by code or path, and creates new departments and job titles', async () => {
    const { app, adminId } = await orgFixture();
    const file = peopleFixture('spreadsheet-bom-semicolon.csv');
    const before = {
      people: countOf(app, 'person'),
      audit: countOf(app, 'audit_log'),
      depts: countOf(app, 'department'),
    };

    const dry = await importPeople(app, adminId, file);
    expect(dry).toMatchObject({
      committed: false,
      counts: { created: 4, updated: 0, unchanged: 0, deactivated: 0, deleted: 0 },
      errors: [],
      newDepartments: ['Mining', 'Safety'],
      newJobTitles: ['Site Manager', 'Driller', 'Safety Officer'],
      encoding: 'utf-8',
      delimiter: ';',
      errorCsv: null,
    });
    // The dry run wrote nothing at all, not even to the audit log.
    expect({
      people: countOf(app, 'person'),
      audit: countOf(app, 'audit_log'),
      depts: countOf(app, 'department'),
    }).toEqual(before);

    const done = await importPeople(app, adminId, file, { commit: true });
    expect(done).toMatchObject({ committed: true, counts: { created: 4 }, errors: [] });
    expect(countOf(app, 'person')).toBe(before.people + 4);
    expect(personByEmail(app, 'nils.berg@example.com')).toMatchObject({
      unit_code: 'S-UME',
      department: 'Mining',
      job_title: 'Driller',
      manager_email: 'karin.lund@example.com',
      employee_no: 'E-101',
      status: 'active',
    });
    expect(personByEmail(app, 'eva.strom@example.com')).toMatchObject({
      last_name: 'Ström',
      unit_code: 'S-LLA',
    });
    // A manager named on a later row than the person who reports to them.
    expect(personByEmail(app, 'olle.sjo@example.com')).toMatchObject({
      status: 'left',
      manager_email: 'eva.strom@example.com',
    });

    const again = await importPeople(app, adminId, file, { commit: true });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 4, deactivated: 0, deleted: 0 });
    expect(again.newDepartments).toEqual([]);
  });

  it('reads Windows-1252 with Swedish names', async () => {
    const { app, adminId } = await orgFixture();
    const res = await importPeople(app, adminId, peopleFixture('windows-1252-swedish.csv'), { commit: true });
    expect(res).toMatchObject({ committed: true, encoding: 'windows-1252', newDepartments: ['Underhåll'] });
    expect(personByEmail(app, 'asa.lind@example.com')).toMatchObject({
      first_name: 'Åsa',
      department: 'Underhåll',
    });
    expect(personByEmail(app, 'jorgen.amtoft@example.com')).toMatchObject({
      first_name: 'Jörgen',
      last_name: 'Ämtöft',
      manager_email: 'asa.lind@example.com',
    });
    expect(personByEmail(app, 'andre.ost@example.com')?.first_name).toBe('André');
  });

  it('says where UTF-8 breaks when the user forces it on a Windows-1252 file', async () => {
    const { app, adminId } = await orgFixture();
    const res = await importPeople(app, adminId, peopleFixture('windows-1252-swedish.csv'), {
      encoding: 'utf-8',
    });
    expect(res.errors).toEqual([{ row: 2, column: '', message: expect.stringMatching(/not valid UTF-8/) }]);
  });
});

describe('people import: every problem by row and column', () => {
  it('finds duplicate emails (any case) and duplicate employee numbers within the file', async () => {
    const { app, adminId } = await orgFixture();
    const res = await importPeople(app, adminId, peopleFixture('duplicate-emails.csv'));
    expect(rowErrors(res)).toEqual([
      { row: 4, column: 'Email', message: 'anna@example.com is also on row 2: each person once.' },
      { row: 5, column: 'Employee Number', message: 'Employee number E-2 is also on row 3.' },
    ]);
    expect(res.counts.created).toBe(2);
  });

  it('finds manager loops across rows, self-management and unknown managers', async () => {
    const { app, adminId } = await orgFixture();
    const res = await importPeople(app, adminId, peopleFixture('manager-cycle.csv'));
    const loop = 'This makes a reporting loop: Ada Ek → Bo Ek → Cia Ek → Ada Ek.';
    expect(rowErrors(res)).toEqual([
      { row: 2, column: 'Manager Email', message: loop },
      { row: 3, column: 'Manager Email', message: loop },
      { row: 4, column: 'Manager Email', message: loop },
      { row: 5, column: 'Manager Email', message: 'A person cannot be their own manager.' },
      {
        row: 6,
        column: 'Manager Email',
        message: 'No person with the email nobody@example.com, in this file or in Fieldbook.',
      },
    ]);
  });

  it('finds a loop that runs through people already in Fieldbook', async () => {
    const { app, adminId, u } = await orgFixture();
    const boss = addPerson(app, {
      email: 'yvonne@example.com',
      unitId: u('ume'),
      firstName: 'Yvonne',
      lastName: 'Y',
    });
    const x = addPerson(app, {
      email: 'xavier@example.com',
      unitId: u('ume'),
      firstName: 'Xavier',
      lastName: 'X',
    });
    app.db.prepare('UPDATE person SET manager_id = ? WHERE id = ?').run(boss, x);
    const res = await importPeople(
      app,
      adminId,
      peopleCsv('yvonne@example.com,Yvonne,Y,,S-UME,,,xavier@example.com,'),
    );
    expect(rowErrors(res)).toEqual([
      {
        row: 2,
        column: 'Manager Email',
        message: 'This makes a reporting loop: Yvonne Y → Xavier X → Yvonne Y.',
      },
    ]);
  });

  it('names unknown units, a missing unit, a bad email and a bad status', async () => {
    const { app, adminId } = await orgFixture();
    const res = await importPeople(app, adminId, peopleFixture('unknown-unit.csv'));
    expect(rowErrors(res)).toEqual([
      { row: 2, column: 'Unit', message: 'No unit has the code or path "S-NOPE".' },
      { row: 3, column: 'Unit', message: 'No unit has the code or path "Norrland Mining / Norr / Piteå".' },
      { row: 4, column: 'Unit', message: 'The unit is missing.' },
      { row: 5, column: 'Email', message: '"bad-email" is not a valid email address.' },
      { row: 5, column: 'Status', message: 'The status must be "active", "left" or empty, not "maybe".' },
    ]);
    // The error file: the original layout and every row, with an Error column.
    const lines = (res.errorCsv ?? '').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFEmail,First Name,Last Name,Employee Number,Unit,Department,Job Title,Manager Email,Status,Error',
    );
    expect(lines[1]).toBe(
      'x@example.com,Xena,Ek,,S-NOPE,,,,,"Unit: No unit has the code or path ""S-NOPE""."',
    );
    expect(lines[4]).toMatch(/^bad-email,Q,Ek,,S-UME,,,,maybe,"Email: .*Status: /);
  });

  it("keeps to the importer's scope: units, people and ranks outside it are errors", async () => {
    const { app, u } = await orgFixture();
    const hr = regionalHr(app, u('norr'));
    addPerson(app, { email: 'malmo.person@example.com', unitId: u('malmo') });
    addPerson(app, { email: 'boss@example.com', unitId: u('ume'), roleId: 'organisation-admin' });
    const res = await importPeople(app, hr, peopleFixture('out-of-scope.csv'));
    expect(rowErrors(res)).toEqual([
      {
        row: 3,
        column: 'Unit',
        message: 'Norrland Mining / Syd / Malmö is outside your scope: you cannot import people there.',
      },
      {
        row: 4,
        column: 'Email',
        message: 'malmo.person@example.com is outside your scope: you cannot change them.',
      },
      {
        row: 5,
        column: 'Email',
        message: 'boss@example.com holds a higher role than you, so you cannot change them.',
      },
    ]);
    expect(res.counts.created).toBe(1);
  });

  it('refuses a file whose header lacks a required column or has an unknown one, before reading rows', async () => {
    const { app, adminId } = await orgFixture();
    const res = await importPeople(
      app,
      adminId,
      'Email;First Name;Last Name;Site\r\na@example.com;A;B;S-UME\r\n',
    );
    expect(rowErrors(res)).toEqual([
      { row: 1, column: 'Site', message: expect.stringMatching(/^Unknown column "Site"/) },
      { row: 1, column: 'Unit', message: 'The column "Unit" is missing.' },
    ]);
    expect(res.errorCsv).toBeNull();
  });

  it('accepts its own error file once the problems are fixed (the Error column is ignored)', async () => {
    const { app, adminId } = await orgFixture();
    const bad = await importPeople(app, adminId, peopleCsv('x@example.com,Xena,Ek,,S-NOPE,,,,'));
    const fixed = (bad.errorCsv ?? '').replace('S-NOPE', 'S-UME');
    const res = await importPeople(app, adminId, fixed, { commit: true });
    expect(res).toMatchObject({ committed: true, errors: [], counts: { created: 1 } });
  });
});

describe('people import: writing', () => {
  it('commits nothing when any row has a problem, and says so', async () => {
    const { app, adminId } = await orgFixture();
    const before = {
      people: countOf(app, 'person'),
      depts: countOf(app, 'department'),
      audit: countOf(app, 'audit_log'),
    };
    const res = await importPeople(
      app,
      adminId,
      peopleCsv('good@example.com,Good,Row,,S-UME,New Dept,,,', 'bad@example.com,Bad,Row,,S-NOPE,,,,'),
      { commit: true },
    );
    expect(res.committed).toBe(false);
    expect(res.errors).toHaveLength(1);
    expect({ people: countOf(app, 'person'), depts: countOf(app, 'department') }).toEqual({
      people: before.people,
      depts: before.depts,
    });
    // Only the refusal itself is on record.
    const audit = app.db.prepare('SELECT call, summary FROM audit_log WHERE seq > ?').all(before.audit);
    expect(audit).toEqual([
      {
        call: 'people.import.commit',
        summary: 'Refused to import people from people.csv: 1 problems, nothing imported',
      },
    ]);
  });

  it('is one transaction: a failure on the last write leaves nothing behind', async () => {
    const { app, adminId } = await orgFixture();
    app.db.exec(`CREATE TRIGGER fail_olle BEFORE INSERT ON person WHEN NEW.email = 'olle.sjo@example.com'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const before = {
      people: countOf(app, 'person'),
      depts: countOf(app, 'department'),
      audit: countOf(app, 'audit_log'),
    };
    const res = await app.invoke(
      'people.import.commit',
      { fileName: 'x.csv', content: peopleFixture('spreadsheet-bom-semicolon.csv').toString('base64') },
      { actorId: adminId },
    );
    expect(res.ok ? 'ok' : res.error.code).toBe('internal');
    expect({
      people: countOf(app, 'person'),
      depts: countOf(app, 'department'),
      audit: countOf(app, 'audit_log'),
    }).toEqual(before);
  });

  it('updates only what changed, with an audit entry per person naming the fields', async () => {
    const { app, adminId } = await orgFixture();
    await importPeople(
      app,
      adminId,
      peopleCsv(
        'a@example.com,Ada,Ek,E-1,S-UME,Mining,Driller,,',
        'b@example.com,Bo,Ek,E-2,S-UME,Mining,Driller,,',
      ),
      { commit: true },
    );
    const seq = countOf(app, 'audit_log');
    const res = await importPeople(
      app,
      adminId,
      peopleCsv(
        'A@Example.com,Ada,Ek,E-1,S-UME,Mining,Blaster,b@example.com,',
        'b@example.com,Bo,Ek,E-2,S-UME,Mining,Driller,,',
      ),
      { commit: true },
    );
    expect(res.counts).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(res.newJobTitles).toEqual(['Blaster']);
    const entries = app.db
      .prepare('SELECT summary, before, after FROM audit_log WHERE seq > ? ORDER BY seq')
      .all(seq) as {
      summary: string;
      before: string;
      after: string;
    }[];
    expect(entries).toHaveLength(2);
    expect(entries[0]?.summary).toBe('Updated Ada Ek from people.csv, row 2: job_title_id, manager_id');
    expect(Object.keys(JSON.parse(entries[0]?.after ?? '{}'))).toEqual(['job_title_id', 'manager_id']);
    expect(entries[1]?.summary).toMatch(
      /^Imported people from people.csv: 0 created, 1 updated, 1 unchanged/,
    );
  });

  it('lets employee numbers swap between two people of the same file', async () => {
    const { app, adminId } = await orgFixture();
    await importPeople(
      app,
      adminId,
      peopleCsv('a@example.com,Ada,Ek,E-1,S-UME,,,,', 'b@example.com,Bo,Ek,E-2,S-UME,,,,'),
      {
        commit: true,
      },
    );
    const res = await importPeople(
      app,
      adminId,
      peopleCsv('a@example.com,Ada,Ek,E-2,S-UME,,,,', 'b@example.com,Bo,Ek,E-1,S-UME,,,,'),
      { commit: true },
    );
    expect(res).toMatchObject({ committed: true, counts: { updated: 2 } });
    expect(personByEmail(app, 'a@example.com')?.employee_no).toBe('E-2');
    // Taking a number someone outside the file keeps is still an error.
    const taken = await importPeople(app, adminId, peopleCsv('c@example.com,Cia,Ek,E-1,S-UME,,,,'));
    expect(taken.errors).toEqual([
      { row: 2, column: 'Employee Number', message: 'Employee number E-1 already belongs to someone else.' },
    ]);
  });

  it('leaves out columns a file does not have: existing values stay', async () => {
    const { app, adminId } = await orgFixture();
    await importPeople(app, adminId, peopleCsv('a@example.com,Ada,Ek,E-1,S-UME,Mining,Driller,,left'), {
      commit: true,
    });
    const res = await importPeople(
      app,
      adminId,
      'Email,First Name,Last Name,Unit\r\na@example.com,Ada,Eklund,S-UME\r\n',
      {
        commit: true,
      },
    );
    expect(res.counts).toMatchObject({ updated: 1 });
    expect(personByEmail(app, 'a@example.com')).toMatchObject({
      last_name: 'Eklund',
      employee_no: 'E-1',
      department: 'Mining',
      status: 'left',
    });
  });

  it("deactivates people missing from the file within the importer's scope only", async () => {
    const { app, u, people } = await orgFixture();
    const hr = regionalHr(app, u('norr'));
    const senior = addPerson(app, {
      email: 'senior@example.com',
      unitId: u('ume'),
      roleId: 'organisation-admin',
    });
    const res = await importPeople(app, hr, peopleCsv('ume@example.com,Ulla,Umeå,,S-UME,,,,'), {
      commit: true,
      deactivateMissing: true,
    });
    expect(res.counts).toMatchObject({ unchanged: 1, deactivated: 1 });
    const status = (id: string) => app.db.prepare('SELECT status FROM person WHERE id = ?').pluck().get(id);
    expect(status(people.luleaPerson)).toBe('left'); // in Norr, not in the file
    expect(status(people.malmoPerson)).toBe('active'); // outside the importer's region
    expect(status(hr)).toBe('active'); // never the importer
    expect(status(senior)).toBe('active'); // ranked above the importer
  });
});

describe('people export', () => {
  it('re-imports with no changes at all, even with formula-like cells', async () => {
    const { app, adminId } = await orgFixture();
    await importPeople(app, adminId, peopleFixture('spreadsheet-bom-semicolon.csv'), { commit: true });
    const weird = await importPeople(
      app,
      adminId,
      peopleCsv(
        `eve@example.com,=Eve,-Minus,-7,Norrland Mining / Syd / Malmö,"+Ops, North",@Lead,karin.lund@example.com,left`,
      ),
      { commit: true },
    );
    expect(weird.errors).toEqual([]);
    expect(personByEmail(app, 'eve@example.com')).toMatchObject({
      first_name: '=Eve',
      employee_no: '-7',
      department: '+Ops, North',
    });
    const exported = await app.invoke('people.export', {}, { actorId: adminId });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.fileName).toBe('people-2026-03-01.csv');
    expect(exported.value.csv.startsWith('\uFEFFEmail,First Name,Last Name,Employee Number,Unit,')).toBe(
      true,
    );
    expect(exported.value.csv).toContain("'=Eve,'-Minus,'-7,");
    expect(exported.value.csv.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    const total = countOf(app, 'person');
    const res = await importPeople(app, adminId, exported.value.csv, { commit: true });
    expect(res.errors).toEqual([]);
    expect(res.counts).toEqual({ created: 0, updated: 0, unchanged: total, deactivated: 0, deleted: 0 });
  });

  it('contains only the people within the exporter’s scope', async () => {
    const { app, u } = await orgFixture();
    const manager = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const res = await app.invoke('people.export', {}, { actorId: manager });
    if (!res.ok) throw new Error(res.error.message);
    const emails = res.value.csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(emails.sort()).toEqual(['mgr@example.com', 'ume@example.com']);
  });
});

describe('a large import', () => {
  it('validates and commits 10,000 generated rows with managers', async () => {
    const { app, adminId } = await orgFixture();
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const manager = i === 0 ? '' : `p${Math.floor((i - 1) / 10)}@example.com`;
      return `p${i}@example.com,First${i},Last${i},E${i},${i % 2 ? 'S-UME' : 'S-LLA'},Dept ${i % 7},Title ${i % 13},${manager},`;
    });
    const file = peopleCsv(...rows);
    const dry = await importPeople(app, adminId, file);
    expect(dry.errors).toEqual([]);
    expect(dry.counts.created).toBe(10_000);
    const done = await importPeople(app, adminId, file, { commit: true });
    expect(done.committed).toBe(true);
    expect(personByEmail(app, 'p9999@example.com')?.manager_email).toBe('p999@example.com');
    const again = await importPeople(app, adminId, file);
    expect(again.counts.unchanged).toBe(10_000);
  }, 60_000);
});
