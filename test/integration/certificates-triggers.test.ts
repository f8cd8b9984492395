import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { certificateWorld } from '../helpers/certificates.js';
import { importRecords } from '../helpers/records-import-flow.js';

const HEADER =
  'Record Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,Other Information,Qualification Code,Delete?';

/** Writes that change who holds a certificate re-check it at once, not only at the daily run. */
describe('certificates follow the writes that change them', () => {
  it('invalidates a certificate when the import that earned it is undone', async () => {
    const { app, adminId, mine } = await certificateWorld();
    const imp = await importRecords(
      app,
      adminId,
      `${HEADER}\r\n,ume@example.com,Course,FIRE,,,2026-02-20,,,\r\n,ume@example.com,Course,LADDER,,,2026-02-21,,,\r\n`,
      { commit: true },
    );
    expect(imp.committed).toBe(true);
    expect((await mine())[0]?.status).toBe('valid');
    const undone = await app.invoke('records.imports.undo', { id: imp.importId ?? '' }, { actorId: adminId });
    expect(undone.ok).toBe(true);
    expect((await mine())[0]).toMatchObject({
      status: 'invalid',
      statusReason: expect.stringMatching(/No longer/),
    });
  });

  it('invalidates a certificate when its holder moves out of the configuration’s unit', async () => {
    const { app, adminId, u, ulla, passed, fire, ladder, mine } = await certificateWorld();
    await passed(fire, '2026-02-20');
    await passed(ladder, '2026-02-21');
    expect((await mine())[0]?.status).toBe('valid');
    const moved = await app.invoke('people.update', { id: ulla, unitId: u('malmo') }, { actorId: adminId });
    expect(moved.ok).toBe(true);
    expect((await mine())[0]?.status).toBe('invalid');
  });

  it('keeps certificate templates to those who may change organisation settings', async () => {
    const { app, u } = await certificateWorld();
    const manager = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const res = await app.invoke(
      'certificates.saveTemplate',
      { name: 'Umeå', title: 'Hacked', body: '{person} completed {what}.' },
      { actorId: manager },
    );
    expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
  });
});
