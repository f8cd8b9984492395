import { beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract.js';
import { createTestApp } from '../../src-main/app/create-app.js';
import { peopleRepo } from '../../src-main/domain/people/repo.js';
import { seedDemo } from '../../src-main/demo/seed-demo.js';

/** What the README promises a newcomer finds in the demo's catalog and training history. */
describe('demo catalog and history', () => {
  const app = createTestApp({ today: '2026-03-01' });
  const id = (email: string) => peopleRepo(app.db).byLogin(email)?.id ?? '';
  const call = async <C extends CallName>(method: C, input: CallInput<C>, email: string) => {
    const res = await app.invoke(method, input, { actorId: id(email) });
    if (!res.ok) throw new Error(res.error.message);
    return res.value as CallOutput<C>;
  };
  const ADMIN = 'admin@demo.fieldbook';
  const ASA = 'asa.oberg@demo.fieldbook';
  const YLVA = 'ylva.marklund@demo.fieldbook';

  beforeAll(async () => {
    await seedDemo(app);
  }, 60_000);

  it('has every kind of module, published, plus a manager’s draft and an archived course', async () => {
    const page = await call('modules.list', { limit: 100 }, ADMIN);
    const byCode = Object.fromEntries(page.rows.map((m) => [m.code, m]));
    expect(byCode['FS-101']).toMatchObject({
      kind: 'course',
      status: 'published',
      defaultValidityMonths: 12,
    });
    expect(byCode['FS-101-Q']).toMatchObject({ kind: 'quiz', status: 'published' });
    expect(byCode['MH-201']).toMatchObject({
      kind: 'course',
      status: 'published',
      defaultValidityMonths: 36,
    });
    expect(byCode['FH-110']).toMatchObject({ kind: 'quiz', status: 'published', selfEnrol: true });
    expect(byCode['FA-300']).toMatchObject({ kind: 'event', status: 'published', selfEnrol: true });
    expect(byCode['EXT-FLT']).toMatchObject({ kind: 'external', status: 'published', provider: 'iHasco' });
    expect(byCode['IND-001']).toMatchObject({ kind: 'learning_path', status: 'published' });
    expect(byCode['WAH-150']).toMatchObject({ kind: 'course', status: 'draft', ownerUnitName: 'Umeå' });
    expect(byCode['FS-2019']).toMatchObject({ status: 'archived' });

    const old = await call('modules.get', { id: byCode['FS-2019']?.id ?? '' }, ADMIN);
    expect(old.usage.records).toBeGreaterThan(0); // archived, its history kept

    const wah = await call('modules.get', { id: byCode['WAH-150']?.id ?? '' }, YLVA);
    expect(wah.prerequisites.map((p) => p.code)).toEqual(['MH-201']);
    expect(wah.canManage).toBe(true);
  });

  it('has qualification codes for external certificates', async () => {
    const q = await call('qualifications.list', {}, ADMIN);
    expect(q.rows.map((r) => r.code)).toEqual(expect.arrayContaining(['FLT-B', 'FA-L3', 'CSCS']));
    expect(q.rows.find((r) => r.code === 'FLT-B')?.recordCount).toBeGreaterThan(0);
  });

  it('shows Åsa where she stands: Manual Handling expired, Fire Safety valid, Food Hygiene passed at the second try', async () => {
    const d = await call('learning.dashboard', {}, ASA);
    const byCode = Object.fromEntries(d.items.map((i) => [i.code, i]));
    expect(byCode['MH-201']).toMatchObject({ state: 'expired', expiryStatus: 'expired' });
    expect(byCode['FS-101']).toMatchObject({ state: 'completed', expiryStatus: 'valid' });
    expect(byCode['FH-110']).toMatchObject({ state: 'completed', attemptsLeft: 1 });
    expect(byCode['IND-001']).toBeDefined();
    expect(d.items[0]?.code).toBe('MH-201'); // the most urgent first
    expect(
      d.upcomingSessions.find((s) => s.moduleCode === 'FA-300' && s.myStatus === 'registered'),
    ).toBeDefined();

    const attempts = await call('learning.attempts', { moduleId: byCode['FH-110']?.moduleId ?? '' }, ASA);
    expect(attempts.rows.map((a) => a.passed)).toEqual(expect.arrayContaining([false, true]));
  });

  it('has records that are valid, expiring within the month and expired, manual and live', async () => {
    const rows: CallOutput<'records.list'>['rows'] = [];
    for (let offset = 0, total = 1; offset < total; offset += 500) {
      const page = await call('records.list', { offset, limit: 500 }, ADMIN);
      rows.push(...page.rows);
      total = page.total;
    }
    expect(rows.length).toBeGreaterThan(300);
    const count = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length;
    expect(count((r) => r.status === 'expired')).toBeGreaterThan(10);
    expect(count((r) => r.status === 'expiring')).toBeGreaterThan(10);
    expect(count((r) => r.status === 'valid')).toBeGreaterThan(100);
    expect(count((r) => r.source === 'manual')).toBeGreaterThan(0);
    expect(count((r) => r.source === 'completion')).toBeGreaterThan(0);
    expect(count((r) => r.recordType === 'certificate' && r.provider === 'iHasco')).toBeGreaterThan(0);
    const ylva = await call('records.list', { personId: id(YLVA) }, YLVA);
    expect(ylva.rows.map((r) => [r.title, r.status])).toEqual(
      expect.arrayContaining([
        ['Fire Safety Awareness', 'expiring'],
        ['First Aid at Work', 'valid'],
      ]),
    );
  });

  it('held a First Aid session in Umeå with attendance marked, and has two coming up', async () => {
    const fa = (await call('modules.list', { search: 'FA-300', limit: 5 }, ADMIN)).rows[0]?.id ?? '';
    const sessions = await call('events.sessions', { moduleId: fa, includePast: true }, ADMIN);
    const now = app.clock.now().toISOString();
    const past = sessions.rows.filter((s) => s.startsAt < now);
    const upcoming = sessions.rows.filter((s) => s.startsAt > now);
    expect(upcoming.map((s) => s.place).join()).toMatch(/Umeå.*Leeds|Leeds.*Umeå/);
    expect(upcoming.find((s) => s.place.startsWith('Leeds'))?.waitlisted).toBeGreaterThan(0);
    const roster = await call('events.roster', { id: past[0]?.id ?? '' }, ADMIN);
    expect(roster.rows.filter((r) => r.attendance === 'attended').length).toBeGreaterThan(5);
    expect(roster.rows.some((r) => r.attendance === 'absent')).toBe(true);
  });

  it('is the same on every run (no randomness outside its seed)', async () => {
    const again = createTestApp({ today: '2026-03-01' });
    await seedDemo(again);
    const fingerprint = (db: typeof app.db) =>
      db
        .prepare(
          `SELECT p.email, r.title, r.completion_date, r.expiry_date FROM training_record r
             JOIN person p ON p.id = r.person_id ORDER BY 1, 2, 3`,
        )
        .all();
    expect(fingerprint(again.db)).toEqual(fingerprint(app.db));
  }, 60_000);
});
