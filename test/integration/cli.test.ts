import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/app/create-app.js';
import { openDatabase } from '../../src-main/db/open.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../../src-main/demo/seed-demo.js';
import { cli, initArgs } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

describe('fieldbook command line', () => {
  const tmp = useTmpDir();

  it('prints help and version with exit 0', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: fieldbook/);
    expect(help.stdout).toMatch(/init.*\n.*serve|serve/s);
    expect((await cli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await cli(['init', '--help'])).stdout).toMatch(/FIELDBOOK_ADMIN_PASSWORD/);
  });

  it('answers a usage error with exit 2 and one sentence', async () => {
    const r = await cli(['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("fieldbook: Unknown option '--frobnicate'.\n");
    const missing = await cli(['--db', join(tmp(), 'x.db'), 'init']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('never takes the password from the command line', async () => {
    const r = await cli(initArgs(join(tmp(), 'x.db')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/standard input or in FIELDBOOK_ADMIN_PASSWORD/);
  });

  it('creates an organisation with the password from stdin, then the administrator can sign in', async () => {
    const db = join(tmp(), 'site.db');
    const r = await cli(initArgs(db), { stdin: 'a long passphrase\n' });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/Created "Norrland Mining"/);
    const app = createApp({ db: openDatabase(db) });
    const s = await app.invoke(
      'auth.signIn',
      { email: 'asa@example.com', password: 'a long passphrase' },
      { sessionKey: 'w' },
    );
    expect(s.ok && s.value.displayName).toBe('Åsa Öberg');
    app.close();
  });

  it('reports invalid input by field with exit 1 and writes nothing', async () => {
    const db = join(tmp(), 'bad.db');
    const r = await cli(initArgs(db), { env: { FIELDBOOK_ADMIN_PASSWORD: 'short' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('fieldbook: password: Use at least 10 characters.\n');
    const check = new Database(db);
    expect(check.prepare('SELECT count(*) FROM unit').pluck().get()).toBe(0);
    check.close();
  });

  it('refuses to init a database that already has an organisation, leaving it unchanged', async () => {
    const db = join(tmp(), 'twice.db');
    await cli(initArgs(db), { env: { FIELDBOOK_ADMIN_PASSWORD: 'a long passphrase' } });
    const before = new Database(db).prepare('SELECT count(*) FROM person').pluck().get();
    const r = await cli(['--db', db, 'init', '--demo']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds the organisation "Norrland Mining"; nothing was changed/);
    expect(new Database(db).prepare('SELECT count(*) FROM person').pluck().get()).toBe(before);
  });

  it('builds a realistic demo organisation with --demo and reports it as JSON', async () => {
    const db = join(tmp(), 'demo.db');
    const r = await cli(['--db', db, '--json', 'init', '--demo']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      demo: true,
      organisation: 'Nordvik Group',
      regions: 2,
      sites: 6,
      administrator: DEMO_ADMIN_EMAIL,
    });
    expect(out.people).toBeGreaterThanOrEqual(290);

    const app = createApp({ db: openDatabase(db) });
    const signIn = await app.invoke(
      'auth.signIn',
      { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD },
      { sessionKey: 'w' },
    );
    expect(signIn.ok).toBe(true);
    const found = await app.invoke('people.list', { search: 'Öberg' }, { sessionKey: 'w' });
    expect(found.ok && found.value.rows.some((p) => p.firstName === 'Åsa' && p.unitName === 'Umeå')).toBe(
      true,
    );
    const jorgen = await app.invoke('people.list', { search: 'Ämtöft' }, { sessionKey: 'w' });
    expect(jorgen.ok && jorgen.value.total).toBeGreaterThanOrEqual(1);
    const left = await app.invoke('people.list', { status: 'left' }, { sessionKey: 'w' });
    expect(left.ok && left.value.total).toBeGreaterThan(0);
    const status = await app.invoke('setup.status', {});
    expect(status.ok && status.value.demo).toBe(true);
    app.close();
  }, 30_000); // the demo writes a catalog and years of history through the real calls

  it('refuses a database from a newer version with exit 1 and one sentence, leaving it untouched', async () => {
    const db = join(tmp(), 'future.db');
    const raw = new Database(db);
    raw.pragma('user_version = 999');
    raw.close();
    const hash = createHash('sha256').update(readFileSync(db)).digest('hex');
    const r = await cli(['--db', db, 'audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/newer version of Fieldbook/);
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(hash);
  });

  it('verifies the audit log, failing with exit 1 once it was tampered with', async () => {
    const db = join(tmp(), 'audit.db');
    await cli(['--db', db, 'init', '--demo']);
    expect(await cli(['--db', db, 'audit', 'verify'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/intact/),
    });
    const raw = new Database(db);
    raw.prepare("UPDATE audit_log SET summary = 'edited' WHERE seq = 1").run();
    raw.close();
    const r = await cli(['--db', db, '--json', 'audit', 'verify']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ intact: false, brokenAt: 1 });
  });

  it('acts as --as with that person’s permissions', async () => {
    const db = join(tmp(), 'as.db');
    await cli(['--db', db, 'init', '--demo']);
    const member = new Database(db)
      .prepare(
        "SELECT p.email FROM person p JOIN grant_ g ON g.person_id = p.id WHERE g.role_id = 'member' AND p.status = 'active' LIMIT 1",
      )
      .pluck()
      .get() as string;
    const r = await cli(['--db', db, '--as', member, 'audit', 'verify']);
    expect(r).toMatchObject({ code: 1, stderr: 'fieldbook: You do not have permission to do that.\n' });
    const nobody = await cli(['--db', db, '--as', 'nobody@example.com', 'audit', 'verify']);
    expect(nobody.stderr).toMatch(/No active person with the email or username "nobody@example.com"/);
  });

  it('runs as the installed bin, straight from the sources', () => {
    const out = execFileSync(process.execPath, ['bin/fieldbook.mjs', '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
