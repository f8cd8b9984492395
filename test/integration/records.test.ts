import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api/contract.js';
import { addPerson, type TestApp } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

async function recordsWorld() {
  const f = await orgFixture();
  const { app, u, people, adminId } = f;
  // Ulla (Umeå) reports to Mia, a Member at Umeå with no administrative role.
  const member = addPerson(app, {
    email: 'member@example.com',
    unitId: u('ume'),
    firstName: 'Mia',
    lastName: 'Member',
  });
  app.db.prepare('UPDATE person SET manager_id = ? WHERE id = ?').run(member, people.umeColleague);
  const manager = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
  const reportsOnly = addPerson(app, {
    email: 'ro@example.com',
    unitId: u('ume'),
    roleId: 'manager-reports',
  });
  const recordAdmin = addPerson(app, {
    email: 'ra@example.com',
    unitId: u('org'),
    roleId: 'organisation-admin',
  });
  // Lars at Luleå reports to the Umeå manager: subordinate reach crosses units.
  app.db.prepare('UPDATE person SET manager_id = ? WHERE id = ?').run(manager, people.luleaPerson);

  const add = async (
    personId: string,
    title: string,
    extra: Partial<CallInput<'records.addExternal'>> = {},
  ) => {
    const res = await app.invoke(
      'records.addExternal',
      {
        personId,
        recordType: 'certificate',
        title,
        provider: 'Red Cross',
        completionDate: '2025-06-01',
        ...extra,
      },
      { actorId: adminId },
    );
    if (!res.ok) throw new Error(res.error.message);
    return res.value.id;
  };
  const rec = {
    ulla: await add(people.umeColleague, 'Ulla first aid'),
    lars: await add(people.luleaPerson, 'Lars first aid'),
    maja: await add(people.malmoPerson, 'Maja first aid'),
    alex: await add(people.clientPerson, 'Alex first aid'),
    mia: await add(member, 'Mia first aid'),
    mgr: await add(manager, 'Manager first aid'),
  };
  return { ...f, member, manager, reportsOnly, recordAdmin, rec };
}

const titles = async (app: TestApp, actorId: string, input: CallInput<'records.list'> = {}) => {
  const res = await app.invoke('records.list', { limit: 500, ...input }, { actorId });
  if (!res.ok) throw new Error(res.error.message);
  expect(res.value.total).toBe(res.value.rows.length);
  return res.value.rows.map((r) => r.title).sort();
};

describe('training record privileges (000_*)', async () => {
  const w = await recordsWorld();
  const { app, people, rec } = w;

  it("a Member sees their own records and their reports', and edits only their own", async () => {
    expect(await titles(app, w.member)).toEqual(['Mia first aid', 'Ulla first aid']);
    const own = await app.invoke(
      'records.update',
      { id: rec.mia, otherInfo: 'Renewed card' },
      { actorId: w.member },
    );
    expect(code(own)).toBe('ok');
    const report = await app.invoke('records.update', { id: rec.ulla, title: 'X' }, { actorId: w.member });
    expect(report.ok).toBe(false);
    if (!report.ok) {
      expect(report.error.code).toBe('forbidden');
      expect(report.error.message).toMatch(/^You cannot change Ulla Umeå’s training records\. You hold/);
    }
    const get = await app.invoke('records.get', { id: rec.ulla }, { actorId: w.member });
    expect(get.ok && get.value.canEdit).toBe(false);
    const mine = await app.invoke('records.get', { id: rec.mia }, { actorId: w.member });
    expect(mine.ok && mine.value.canEdit).toBe(true);
  });

  it('a Member without reports sees only their own', async () => {
    expect(await titles(app, people.umeColleague)).toEqual(['Ulla first aid']);
  });

  it('a Manager sees and edits their unit and their reports elsewhere, nobody else', async () => {
    expect(await titles(app, w.manager)).toEqual([
      'Lars first aid',
      'Manager first aid',
      'Mia first aid',
      'Ulla first aid',
    ]);
    expect(
      code(await app.invoke('records.update', { id: rec.ulla, provider: 'St John' }, { actorId: w.manager })),
    ).toBe('ok');
    expect(
      code(await app.invoke('records.update', { id: rec.lars, provider: 'St John' }, { actorId: w.manager })),
    ).toBe('ok');
    const out = await app.invoke('records.get', { id: rec.maja }, { actorId: w.manager });
    expect(code(out)).toBe('forbidden');
    expect(!out.ok && out.error.message).toMatch(/Maja Malmö is outside the scope of Manager at Umeå/);
  });

  it('a Manager (Reports Only) views their unit but changes nothing but their own', async () => {
    expect(await titles(app, w.reportsOnly)).toEqual([
      'Manager first aid',
      'Mia first aid',
      'Ulla first aid',
    ]);
    const res = await app.invoke('records.update', { id: rec.ulla, title: 'X' }, { actorId: w.reportsOnly });
    expect(code(res)).toBe('forbidden');
    const add = await app.invoke(
      'records.addExternal',
      {
        personId: people.umeColleague,
        recordType: 'external_course',
        title: 'T',
        provider: 'P',
        completionDate: '2025-01-01',
      },
      { actorId: w.reportsOnly },
    );
    expect(code(add)).toBe('forbidden');
  });

  it('a record administrator does everything within their scope, and not beyond it', async () => {
    const seen = await titles(app, w.recordAdmin);
    expect(seen).toContain('Maja first aid');
    expect(seen).not.toContain('Alex first aid');
    expect(
      code(
        await app.invoke('records.update', { id: rec.maja, title: 'Maja CPR' }, { actorId: w.recordAdmin }),
      ),
    ).toBe('ok');
    expect(
      code(await app.invoke('records.update', { id: rec.alex, title: 'X' }, { actorId: w.recordAdmin })),
    ).toBe('forbidden');
    // The Master Admin's scope includes the client organisation.
    expect(await titles(app, w.adminId)).toContain('Alex first aid');
  });

  it('refuses a person out of scope with a sentence, also when listing one person', async () => {
    const res = await app.invoke('records.list', { personId: people.malmoPerson }, { actorId: w.member });
    expect(code(res)).toBe('forbidden');
    expect(!res.ok && res.error.message).toMatch(/^You cannot view Maja Malmö’s training records\. .+\.$/);
  });

  it('list filtering in SQL agrees with the single-record checks for every actor', async () => {
    const actors = [
      w.member,
      people.umeColleague,
      w.manager,
      w.reportsOnly,
      w.recordAdmin,
      w.adminId,
      people.clientPerson,
    ];
    for (const actorId of actors) {
      const listed = await app.invoke('records.list', { limit: 500 }, { actorId });
      if (!listed.ok) throw new Error(listed.error.message);
      const ids = new Set(listed.value.rows.map((r) => r.id));
      for (const id of Object.values(rec)) {
        const one = await app.invoke('records.get', { id }, { actorId });
        expect(one.ok, `${actorId} ${id}`).toBe(ids.has(id));
      }
    }
  });
});

describe('records: fields, expiry, qualification codes and audit', async () => {
  const w = await recordsWorld();
  const { app, adminId, member, people } = w;
  const as = { actorId: adminId };

  it('manages qualification codes: unique whatever the case, rename keeps references, archive', async () => {
    const q = await app.invoke(
      'qualifications.create',
      { code: 'FA-1', name: 'First aid', defaultValidityMonths: 1 },
      as,
    );
    if (!q.ok) throw new Error(q.error.message);
    const dup = await app.invoke('qualifications.create', { code: 'fa-1', name: 'Again' }, as);
    expect(code(dup)).toBe('conflict');
    expect(!dup.ok && dup.error.message).toContain('"FA-1"');
    expect(
      code(await app.invoke('qualifications.create', { code: 'X', name: 'X' }, { actorId: w.manager })),
    ).toBe('forbidden');

    const r = await app.invoke(
      'records.addExternal',
      {
        personId: member,
        recordType: 'certificate',
        title: 'First aid',
        provider: 'Red Cross',
        completionDate: '2025-01-31',
        qualificationId: q.value.id,
      },
      as,
    );
    if (!r.ok) throw new Error(r.error.message);
    // Expiry from the qualification's default validity, end-of-month safe.
    expect(r.value).toMatchObject({
      expiryDate: '2025-02-28',
      status: 'expired',
      qualificationCode: 'FA-1',
      source: 'manual',
    });

    expect(code(await app.invoke('qualifications.update', { id: q.value.id, code: 'FA-2' }, as))).toBe('ok');
    const renamed = await app.invoke('records.get', { id: r.value.id }, as);
    expect(renamed.ok && renamed.value.qualificationCode).toBe('FA-2');

    const archived = await app.invoke('qualifications.archive', { id: q.value.id }, as);
    expect(archived.ok && archived.value).toMatchObject({ archived: true, recordCount: 1 });
    const listed = await app.invoke('qualifications.list', {}, { actorId: member });
    expect(listed.ok && listed.value.rows.map((x) => x.code)).not.toContain('FA-2');
    // A record keeps its archived code when other fields change; a new record cannot take it.
    expect(code(await app.invoke('records.update', { id: r.value.id, otherInfo: 'x' }, as))).toBe('ok');
    const refused = await app.invoke(
      'records.addExternal',
      {
        personId: member,
        recordType: 'certificate',
        title: 'T',
        provider: 'P',
        completionDate: '2025-01-31',
        qualificationId: q.value.id,
      },
      as,
    );
    expect(!refused.ok && refused.error.details).toEqual([
      { path: 'qualificationId', message: 'The qualification code FA-2 is archived' },
    ]);
    expect(code(await app.invoke('qualifications.restore', { id: q.value.id }, as))).toBe('ok');
  });

  it('an explicit expiry wins, and no qualification means no expiry', async () => {
    const base = {
      personId: member,
      recordType: 'external_course' as const,
      title: 'Forklift',
      provider: 'Truck AB',
    };
    const a = await app.invoke(
      'records.addExternal',
      { ...base, completionDate: '2026-02-01', expiryDate: '2026-03-15' },
      as,
    );
    expect(a.ok && a.value).toMatchObject({ expiryDate: '2026-03-15', status: 'expiring' });
    const b = await app.invoke('records.addExternal', { ...base, completionDate: '2026-02-01' }, as);
    expect(b.ok && b.value).toMatchObject({ expiryDate: null, status: 'no_expiry' });
  });

  it('names every wrong field', async () => {
    const res = await app.invoke(
      'records.addExternal',
      {
        personId: member,
        recordType: 'certificate',
        title: 'T',
        provider: 'P',
        completionDate: '2026-03-02',
        expiryDate: '2026-01-01',
        qualificationId: 'no-such-code',
      },
      as,
    );
    expect(code(res)).toBe('invalid_input');
    expect(!res.ok && res.error.details).toEqual([
      { path: 'completionDate', message: 'The completion date cannot be in the future' },
      { path: 'expiryDate', message: 'The expiry date cannot be before the completion date' },
      { path: 'qualificationId', message: 'There is no such qualification code' },
    ]);
    const impossible = await app.invoke(
      'records.addExternal',
      {
        personId: member,
        recordType: 'certificate',
        title: 'T',
        provider: 'P',
        completionDate: '2025-02-30',
      },
      as,
    );
    expect(!impossible.ok && impossible.error.details?.[0]?.path).toBe('completionDate');
  });

  it('audits only the changed fields of an update, before and after', async () => {
    await app.invoke('records.update', { id: w.rec.lars, title: 'Lars first aid', provider: 'St John' }, as);
    const row = app.db
      .prepare("SELECT before, after FROM audit_log WHERE call = 'records.update' ORDER BY seq DESC LIMIT 1")
      .get() as { before: string; after: string };
    expect(JSON.parse(row.before)).toEqual({ provider: 'Red Cross' });
    expect(JSON.parse(row.after)).toEqual({ provider: 'St John' });
  });

  it('a deleted record leaves all it held in the audit log', async () => {
    const res = await app.invoke('records.delete', { id: w.rec.maja }, as);
    expect(code(res)).toBe('ok');
    expect(code(await app.invoke('records.get', { id: w.rec.maja }, as))).toBe('not_found');
    const row = app.db
      .prepare("SELECT before, target_ids FROM audit_log WHERE call = 'records.delete'")
      .get() as { before: string; target_ids: string };
    expect(JSON.parse(row.before)).toMatchObject({
      id: w.rec.maja,
      personId: people.malmoPerson,
      email: 'malmo@example.com',
      title: 'Maja first aid',
      provider: 'Red Cross',
      completionDate: '2025-06-01',
      recordType: 'certificate',
    });
    expect(row.target_ids).toContain(w.rec.maja);
  });

  it('searches and filters by type in SQL', async () => {
    expect(await titles(app, adminId, { search: 'ULLA' })).toEqual(['Ulla first aid']);
    expect(await titles(app, adminId, { recordType: 'quiz' })).toEqual([]);
  });
});
