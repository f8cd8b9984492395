import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/app/create-app.js';
import { openDatabase } from '../../src-main/db/open.js';
import { hashPassword, TEST_COST } from '../../src-main/domain/auth/password.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { peopleRepo } from '../../src-main/domain/people/repo.js';
import { cli, initDatabase } from '../helpers/cli.js';
import { publishedModule } from '../helpers/events.js';
import { useTmpDir } from '../helpers/tmp.js';

describe('fieldbook results record', () => {
  const tmp = useTmpDir();

  /**
   * Fire Safety is published; Ulla, Lars and Mia work at Umeå, Maja at Malmö; Mats manages Umeå.
   * Malmö owns Malmö Yard Rules, outside Mats's catalog.
   */
  async function database() {
    const db = join(tmp(), 'results.db');
    await initDatabase(db);
    const app = createApp({ db: openDatabase(db) });
    try {
      const root = orgRepo(app.db).organisation()?.id ?? '';
      const now = new Date().toISOString();
      for (const [id, name, code] of [
        ['u-ume', 'Umeå', 'S-UME'],
        ['u-mma', 'Malmö', 'S-MMA'],
      ] as const)
        orgRepo(app.db).insertUnit({ id, parentId: root, kind: 'site', name, code, now });
      const person = (id: string, email: string, firstName: string, unitId = 'u-ume') =>
        peopleRepo(app.db).insert({
          id,
          email,
          firstName,
          lastName: 'Test',
          unitId,
          passwordHash: hashPassword('a long passphrase', TEST_COST),
          now,
        });
      person('p-ulla', 'ulla@example.com', 'Ulla');
      person('p-lars', 'lars@example.com', 'Lars');
      person('p-mia', 'mia@example.com', 'Mia');
      person('p-maja', 'maja@example.com', 'Maja', 'u-mma');
      person('p-mats', 'mats@example.com', 'Mats');
      orgRepo(app.db).grant({ id: 'g-mats', personId: 'p-mats', roleId: 'manager', unitId: 'u-ume' });
      const admin = orgRepo(app.db).firstAdministratorId() ?? '';
      await publishedModule(app, admin, {
        code: 'FIRE',
        title: 'Fire Safety',
        kind: 'course',
        ownerUnitId: root,
        content: {
          kind: 'course',
          steps: [{ id: 's1', type: 'text', title: 'Exits', required: true, html: '<p>Know the exits.</p>' }],
        },
      });
      await publishedModule(app, admin, {
        code: 'YARD',
        title: 'Malmö Yard Rules',
        kind: 'course',
        ownerUnitId: 'u-mma',
        content: {
          kind: 'course',
          steps: [{ id: 's1', type: 'text', title: 'Yard', required: true, html: '<p>Mind the trucks.</p>' }],
        },
      });
    } finally {
      app.close();
    }
    return db;
  }

  const resultCount = (db: string) => {
    const app = createApp({ db: openDatabase(db) });
    try {
      return (app.db.prepare('SELECT count(*) AS n FROM result').get() as { n: number }).n;
    } finally {
      app.close();
    }
  };

  const args = (db: string, ...rest: string[]) => [
    '--db',
    db,
    ...rest,
    'results',
    'record',
    '--module',
    'fire',
    '--date',
    '2026-03-01',
    '--status',
    'passed',
    '--score',
    '88',
  ];

  it('records one result for many people in one go', async () => {
    const db = await database();
    const r = await cli([...args(db), 'ulla@example.com', 'LARS@example.com', 'mia@example.com']);
    expect(r).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'Recorded passed for 3 people in “Fire Safety” on 2026-03-01.\n',
    });
    expect(resultCount(db)).toBe(3);
    const records = await cli(['--db', db, '--json', 'records', 'list']);
    expect((JSON.parse(records.stdout) as { title: string }[]).map((x) => x.title)).toEqual([
      'Fire Safety',
      'Fire Safety',
      'Fire Safety',
    ]);
  });

  it('names unknown emails and people out of scope, and writes nothing', async () => {
    const db = await database();
    const unknown = await cli([...args(db), 'ulla@example.com', 'nobody@example.com', 'ghost@example.com']);
    expect(unknown).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'fieldbook: No person with the email or username "nobody@example.com", "ghost@example.com". Nothing was recorded.\n',
    });
    const outOfScope = await cli([
      ...args(db, '--as', 'mats@example.com'),
      'ulla@example.com',
      'maja@example.com',
    ]);
    expect(outOfScope.code).toBe(1);
    expect(outOfScope.stderr).toBe(
      'fieldbook: You cannot record results for Maja Test (outside your scope). Nothing was recorded.\n',
    );
    expect(resultCount(db)).toBe(0);
    const usage = await cli([
      '--db',
      db,
      'results',
      'record',
      '--module',
      'FIRE',
      '--date',
      '2026-03-01',
      '--status',
      'done',
      'ulla@example.com',
    ]);
    expect(usage.code).toBe(2);
  });

  it('does not reveal modules outside the actor’s catalog, and refuses the actor’s own result', async () => {
    const db = await database();
    const asMats = (module: string, ...emails: string[]) =>
      cli([
        '--db',
        db,
        '--as',
        'mats@example.com',
        'results',
        'record',
        '--module',
        module,
        '--date',
        '2026-03-01',
        '--status',
        'completed',
        ...emails,
      ]);
    // Malmö's module answers exactly as a code that does not exist.
    for (const module of ['yard', 'nope'])
      expect(await asMats(module, 'ulla@example.com')).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `fieldbook: No module with the code "${module}" that you can see.\n`,
      });
    const self = await asMats('FIRE', 'ulla@example.com', 'mats@example.com');
    expect(self.code).toBe(1);
    expect(self.stderr).toBe('fieldbook: You cannot record your own results; ask another manager.\n');
    expect(resultCount(db)).toBe(0);
  });
});
