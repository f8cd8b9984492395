import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/app/create-app.js';
import { openDatabase } from '../../src-main/db/open.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { cli, initDatabase } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

describe('fieldbook modules list', () => {
  const tmp = useTmpDir();

  /** Norrland Mining's catalog: a published course, a draft quiz and an external certificate. */
  async function database() {
    const db = join(tmp(), 'modules.db');
    await initDatabase(db);
    const app = createApp({ db: openDatabase(db) });
    try {
      const org = orgRepo(app.db).organisation()?.id ?? '';
      const actorId = orgRepo(app.db).firstAdministratorId() ?? '';
      const create = async (input: Record<string, unknown>) => {
        const res = await app.invoke(
          'modules.create',
          { ownerUnitId: org, kind: 'course', ...input } as never,
          { actorId },
        );
        if (!res.ok) throw new Error(res.error.message);
        return res.value.id;
      };
      const fs = await create({
        code: 'FS-101',
        title: 'Fire Safety',
        defaultValidityMonths: 12,
        kind: 'event',
      });
      await app.invoke('modules.publish', { id: fs }, { actorId });
      await create({ code: 'FH-Q', title: 'Food Hygiene quiz', kind: 'quiz', trainingRecord: false });
      await create({
        code: 'FL-EXT',
        title: 'Forklift licence',
        kind: 'external',
        defaultValidityMonths: 60,
      });
    } finally {
      app.close();
    }
    return db;
  }

  it('prints an aligned table, filters by kind and status, and gives JSON', async () => {
    const db = await database();
    const all = await cli(['--db', db, 'modules', 'list']);
    expect(all).toMatchObject({ code: 0, stderr: '' });
    expect(all.stdout).toBe(
      [
        'Code    Title              Kind      Status     Validity       Training record',
        'FS-101  Fire Safety        event     published  12 months      yes',
        'FH-Q    Food Hygiene quiz  quiz      draft      never expires  no',
        'FL-EXT  Forklift licence   external  draft      60 months      yes',
        '',
      ].join('\n'),
    );
    const drafts = await cli(['--db', db, 'modules', 'list', '--status', 'draft', '--kind', 'quiz']);
    expect(drafts.stdout).toContain('FH-Q');
    expect(drafts.stdout).not.toContain('FS-101');
    const json = await cli(['--db', db, '--json', 'modules', 'list', '--kind', 'event']);
    expect(JSON.parse(json.stdout)).toMatchObject([
      { code: 'FS-101', kind: 'event', status: 'published', defaultValidityMonths: 12, trainingRecord: true },
    ]);
    const none = await cli(['--db', db, 'modules', 'list', '--kind', 'learning_path']);
    expect(none.stdout).toBe('No modules within your scope.\n');
  });

  it('refuses an unknown kind as a usage error', async () => {
    const db = await database();
    const bad = await cli(['--db', db, 'modules', 'list', '--kind', 'webinar']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/webinar/);
  });
});
