import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { value } from '../helpers/catalog.js';
import { certificateWorld } from '../helpers/certificates.js';

/** Ulla (Umeå) holds a certificate; Maja (Malmö) holds one issued by hand. */
async function withCertificates() {
  const w = await certificateWorld();
  const { app, admin, passed, fire, ladder, people, mine } = w;
  await passed(fire, '2026-02-25');
  await passed(ladder, '2026-02-25');
  const ullaCert = (await mine())[0];
  const majaCert = value(
    await app.invoke(
      'certificates.issue',
      {
        personId: people.malmoPerson,
        title: 'Confined space entry',
        completedOn: '2026-02-14',
        expiresOn: null,
        reason: 'Outside provider',
      },
      admin,
    ),
  );
  // A Manager at Umeå: certificates.manage over Umeå only.
  const manager = addPerson(app, {
    email: 'mgr@example.com',
    unitId: w.u('ume'),
    roleId: 'manager',
    firstName: 'Mona',
    lastName: 'Manager',
  });
  return { ...w, ullaCert: ullaCert ?? null, majaCert, manager: { actorId: manager } };
}

describe('who sees and changes certificates', () => {
  it('a Manager lists only the people in their scope and cannot revoke outside it', async () => {
    const { app, manager, admin, ullaCert, majaCert } = await withCertificates();
    const listed = value(await app.invoke('certificates.list', {}, manager));
    expect(listed.rows.map((r) => r.personName)).toEqual(['Ulla Umeå']);
    expect(listed.total).toBe(1);
    const all = value(await app.invoke('certificates.list', {}, admin));
    expect(all.total).toBe(2);
    const outside = await app.invoke('certificates.revoke', { id: majaCert.id, reason: 'no' }, manager);
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.error.code).toBe('forbidden');
    const cannotSee = await app.invoke('certificates.get', { id: majaCert.id }, manager);
    expect(cannotSee.ok).toBe(false);
    const inside = value(
      await app.invoke('certificates.revoke', { id: ullaCert?.id ?? '', reason: 'Wrong person' }, manager),
    );
    expect(inside.status).toBe('revoked');
    const manual = await app.invoke(
      'certificates.issue',
      {
        personId: app.db
          .prepare("SELECT id FROM person WHERE email = 'malmo@example.com'")
          .pluck()
          .get() as string,
        title: 'X',
        completedOn: '2026-02-01',
        expiresOn: null,
        reason: 'r',
      },
      manager,
    );
    expect(manual.ok).toBe(false);
  });

  it('filters the list by status, unit and search', async () => {
    const { app, admin, u } = await withCertificates();
    const byStatus = value(await app.invoke('certificates.list', { status: 'valid' }, admin));
    expect(byStatus.total).toBe(2);
    const byUnit = value(await app.invoke('certificates.list', { unitId: u('syd') }, admin));
    expect(byUnit.rows.map((r) => r.personName)).toEqual(['Maja Malmö']);
    const bySearch = value(await app.invoke('certificates.list', { search: 'umea' }, admin));
    expect(bySearch.rows.map((r) => r.personName)).toEqual(['Ulla Umeå']);
  });

  it('a learner sees only their own certificates', async () => {
    const { app, ulla, ullaCert, majaCert } = await withCertificates();
    const me = { actorId: ulla };
    expect(value(await app.invoke('certificates.mine', {}, me)).rows.map((r) => r.id)).toEqual([
      ullaCert?.id,
    ]);
    const own = value(await app.invoke('certificates.get', { id: ullaCert?.id ?? '' }, me));
    expect(own.canRevoke).toBe(false);
    expect(own.history.map((h) => h.status)).toEqual(['valid']);
    const other = await app.invoke('certificates.get', { id: majaCert.id }, me);
    expect(other.ok).toBe(false);
    const list = await app.invoke('certificates.list', {}, me);
    expect(list.ok).toBe(false);
    const pdf = await app.invoke('certificates.pdf', { id: majaCert.id }, me);
    expect(pdf.ok).toBe(false);
  });

  it('downloads the PDF of their own certificate, named predictably, and a revoked one verifies as revoked', async () => {
    const { app, admin, ulla, ullaCert } = await withCertificates();
    const pdf = value(await app.invoke('certificates.pdf', { id: ullaCert?.id ?? '' }, { actorId: ulla }));
    expect(pdf.fileName).toBe(`Umeå Ulla - Umeå site training - ${ullaCert?.number}.pdf`);
    const bytes = Buffer.from(pdf.content, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const detail = value(await app.invoke('certificates.get', { id: ullaCert?.id ?? '' }, admin));
    expect(value(await app.invoke('certificates.verify', { code: detail.shortCode }, admin)).verdict).toBe(
      'valid',
    );
    value(await app.invoke('certificates.revoke', { id: detail.id, reason: 'Cheated' }, admin));
    expect(value(await app.invoke('certificates.verify', { code: detail.shortCode }, admin)).verdict).toBe(
      'revoked',
    );
  });

  it('only assignments.manage over the owner unit switches a configuration; catalog.manage a module', async () => {
    const { app, config, first, people } = await withCertificates();
    const learner = { actorId: people.luleaPerson };
    const r = await app.invoke(
      'certificates.configuration',
      { configurationId: config.id, enabled: false },
      learner,
    );
    expect(r.ok).toBe(false);
    const m = await app.invoke('certificates.module', { moduleId: first, enabled: true }, learner);
    expect(m.ok).toBe(false);
  });
});
