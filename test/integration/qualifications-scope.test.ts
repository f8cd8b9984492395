import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';

describe('qualification codes are an organisation-wide list', () => {
  it('refuses a record administrator whose grant covers one site only', async () => {
    const f = await orgFixture();
    f.app.db
      .prepare(
        "INSERT INTO role (id, name, rank, scope, builtin, privileges) VALUES ('site-records', 'Site Records Admin', 20, 'unit', 0, ?)",
      )
      .run(JSON.stringify(['records.admin', 'records.view.own', 'records.edit.own']));
    const siteAdmin = addPerson(f.app, {
      email: 'records@example.com',
      unitId: f.u('ume'),
      roleId: 'site-records',
    });
    const input = { code: 'FA-1', name: 'First Aid', defaultValidityMonths: 36 };
    const refused = await f.app.invoke('qualifications.create', input, { actorId: siteAdmin });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('shared by the whole organisation') },
    });
    expect((await f.app.invoke('qualifications.create', input, { actorId: f.adminId })).ok).toBe(true);
  });
});
