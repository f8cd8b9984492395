import { describe, expect, it } from 'vitest';
import { ADMIN, setUpApp } from '../helpers/app.js';

describe('audit log', () => {
  async function appWithHistory() {
    const s = await setUpApp();
    for (let i = 0; i < 3; i++) {
      await s.app.invoke(
        'auth.signIn',
        { email: ADMIN.email, password: ADMIN.password },
        { sessionKey: `w${i}` },
      );
    }
    return s;
  }

  it('records who did what, newest first, and the chain verifies', async () => {
    const { app, adminId } = await appWithHistory();
    const list = await app.invoke('audit.list', {}, { actorId: adminId });
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.total).toBe(4);
    expect(list.value.rows.map((r) => r.call)).toEqual([
      'auth.signIn',
      'auth.signIn',
      'auth.signIn',
      'setup.create',
    ]);
    expect(list.value.rows[3]).toMatchObject({
      actorName: 'Åsa Öberg',
      summary: expect.stringContaining('Norrland Mining'),
    });
    const v = await app.invoke('audit.verify', {}, { actorId: adminId });
    expect(v).toEqual({ ok: true, value: { intact: true, checked: 4, brokenAt: null } });
  });

  it('does not store passwords anywhere in the log', async () => {
    const { app } = await appWithHistory();
    const dump = JSON.stringify(app.db.prepare('SELECT * FROM audit_log').all());
    expect(dump).not.toContain(ADMIN.password);
  });

  it('detects an edited row', async () => {
    const { app, adminId } = await appWithHistory();
    app.db.prepare("UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 2").run();
    const v = await app.invoke('audit.verify', {}, { actorId: adminId });
    expect(v).toEqual({ ok: true, value: { intact: false, checked: 2, brokenAt: 2 } });
  });

  it('detects a deleted row, even when the hashes of the rest are recomputed by hand', async () => {
    const { app, adminId } = await appWithHistory();
    app.db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const v = await app.invoke('audit.verify', {}, { actorId: adminId });
    expect(v.ok && v.value.brokenAt).toBe(4);
  });

  it('filters by call and pages', async () => {
    const { app, adminId } = await appWithHistory();
    const page = await app.invoke(
      'audit.list',
      { call: 'auth.signIn', limit: 2, offset: 1 },
      { actorId: adminId },
    );
    expect(page.ok && page.value.total).toBe(3);
    expect(page.ok && page.value.rows.map((r) => r.seq)).toEqual([3, 2]);
  });
});
