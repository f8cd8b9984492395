import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/app/create-app.js';
import { openDatabase } from '../../src-main/db/open.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { hashPassword, TEST_COST } from '../../src-main/domain/auth/password.js';
import { peopleRepo } from '../../src-main/domain/people/repo.js';
import { cli, initDatabase } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

describe('fieldbook records list', () => {
  const tmp = useTmpDir();

  /** asa@example.com administers; Ulla and Lars are Members at Umeå, each with one certificate. */
  async function database() {
    const db = join(tmp(), 'records.db');
    await initDatabase(db);
    const app = createApp({ db: openDatabase(db) });
    try {
      const root = orgRepo(app.db).organisation()?.id ?? '';
      const now = new Date().toISOString();
      orgRepo(app.db).insertUnit({
        id: 'u-ume',
        parentId: root,
        kind: 'site',
        name: 'Umeå',
        code: 'S-UME',
        now,
      });
      const person = (id: string, email: string, firstName: string) =>
        peopleRepo(app.db).insert({
          id,
          email,
          firstName,
          lastName: 'Umeå',
          unitId: 'u-ume',
          passwordHash: hashPassword('a long passphrase', TEST_COST),
          now,
        });
      person('p-ulla', 'ulla@example.com', 'Ulla');
      person('p-lars', 'lars@example.com', 'Lars');
      const admin = orgRepo(app.db).firstAdministratorId() ?? '';
      for (const [personId, title] of [
        ['p-ulla', 'First aid'],
        ['p-lars', 'Forklift licence'],
      ] as const) {
        const res = await app.invoke(
          'records.addExternal',
          { personId, recordType: 'certificate', title, provider: 'Red Cross', completionDate: '2025-01-31' },
          { actorId: admin },
        );
        if (!res.ok) throw new Error(res.error.message);
      }
    } finally {
      app.close();
    }
    return db;
  }

  it('lists what the acting person may see, one record per line', async () => {
    const db = await database();
    const all = await cli(['--db', db, 'records', 'list']);
    expect(all).toMatchObject({ code: 0, stderr: '' });
    expect(all.stdout.trim().split('\n').sort()).toEqual([
      'lars@example.com\t2025-01-31\tcertificate\tForklift licence\tRed Cross\t-\tno expiry\t-',
      'ulla@example.com\t2025-01-31\tcertificate\tFirst aid\tRed Cross\t-\tno expiry\t-',
    ]);
    const own = await cli(['--db', db, '--as', 'ulla@example.com', '--json', 'records', 'list']);
    expect(own.code).toBe(0);
    expect((JSON.parse(own.stdout) as { title: string }[]).map((r) => r.title)).toEqual(['First aid']);
    const one = await cli(['--db', db, 'records', 'list', '--person', 'LARS@example.com']);
    expect(one.stdout).toContain('Forklift licence');
    expect(one.stdout).not.toContain('First aid');
  });

  it('refuses someone out of reach with one sentence and exit 1, and bad usage with 2', async () => {
    const db = await database();
    const refused = await cli([
      '--db',
      db,
      '--as',
      'ulla@example.com',
      'records',
      'list',
      '--person',
      'lars@example.com',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^fieldbook: You cannot view Lars Umeå’s training records\. .+\.\n$/);
    const unknown = await cli(['--db', db, 'records', 'list', '--person', 'nobody@example.com']);
    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'fieldbook: No person with the email or username "nobody@example.com".\n',
    });
    expect((await cli(['--db', db, 'records', 'list', '--bogus'])).code).toBe(2);
  });
});
