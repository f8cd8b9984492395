import { beforeAll, describe, expect, it } from 'vitest';
import { addMonthsIso, isoDateOf } from '../../shared/dates.js';
import { BUILTIN_ROLES } from '../../shared/permissions/roles.js';
import { createTestApp } from '../../src-main/app/create-app.js';
import { seedDemo, type DemoSummary } from '../../src-main/demo/seed-demo.js';
import { unwrapOk } from '../helpers/events.js';

/** The README tells newcomers whom to sign in as; this keeps that table true. */
const DOCUMENTED: [email: string, grants: string[]][] = [
  ['admin@demo.fieldbook', ['Master Admin at Nordvik Group']],
  ['henrik.forsberg@demo.fieldbook', ['Organisation Admin at Nordvik Group']],
  ['marta.soderberg@demo.fieldbook', ['Organisation Admin (Reports Only) at Nordvik Group']],
  ['grace.fraser@demo.fieldbook', ['Master Admin (Reports Only) at Nordvik Group']],
  ['bjorn.naslund@demo.fieldbook', ['Regional Manager at Norrland']],
  ['oliver.hughes@demo.fieldbook', ['Regional Manager at United Kingdom']],
  ['siobhan.kelly@demo.fieldbook', ['Regional Manager (Reports Only) at United Kingdom']],
  ['ylva.marklund@demo.fieldbook', ['Manager at Umeå', 'Member at Luleå']],
  ['agneta.vikstrom@demo.fieldbook', ['Manager (Reports Only) at Kiruna']],
  ['nils.granlund@demo.fieldbook', ['Manager at Arctic Contractors Kiruna']],
  ['asa.oberg@demo.fieldbook', []],
];

describe('demo organisation', () => {
  const app = createTestApp();
  let summary: DemoSummary;
  beforeAll(async () => {
    summary = await seedDemo(app);
  }, 60_000);

  it('is about 300 people in 2 regions, 6 sites and a client organisation', () => {
    expect(summary).toMatchObject({ regions: 2, sites: 6, clients: 1 });
    expect(summary.people).toBeGreaterThan(290);
  });

  it.each(DOCUMENTED)('%s holds what the README says', async (email, grants) => {
    const signIn = await app.invoke(
      'auth.signIn',
      { email, password: 'fieldbook-demo' },
      { sessionKey: email },
    );
    if (!signIn.ok) throw new Error(signIn.error.message);
    expect(signIn.value.roles.map((r) => `${r.roleName} at ${r.unitName}`).sort()).toEqual(
      [...grants].sort(),
    );
  });

  it('has a holder of every built-in role', () => {
    const held = app.db.prepare('SELECT DISTINCT role_id FROM grant_').pluck().all();
    expect([...held].sort()).toEqual(
      expect.arrayContaining(BUILTIN_ROLES.filter((r) => r.id !== 'member').map((r) => r.id)),
    );
    expect(held).toContain('member');
  });

  describe('training configurations (issue 6)', () => {
    const as = (email: string) =>
      app.db.prepare('SELECT id FROM person WHERE email = ?').pluck().get(email) as string;
    const sixMonthsAgo = () => addMonthsIso(isoDateOf(app.clock.now()), -6);

    it('gives Ylva (Manager at Umeå) every status in her site today, and other answers six months ago', async () => {
      const ylva = as('ylva.marklund@demo.fieldbook');
      const today = unwrapOk(await app.invoke('compliance.summary', {}, { actorId: ylva }));
      for (const status of ['compliant', 'expiring', 'expired', 'missing', 'overdue'] as const)
        expect(today.counts[status], status).toBeGreaterThan(0);
      const before = unwrapOk(
        await app.invoke('compliance.summary', { asOf: sixMonthsAgo() }, { actorId: ylva }),
      );
      expect(before.counts).not.toEqual(today.counts);
      expect(before.counts.compliant + before.counts.missing).toBeGreaterThan(0);
    });

    it('shows Ylva the matrix of her site with the organisation’s and her own requirements', async () => {
      const ylva = as('ylva.marklund@demo.fieldbook');
      const matrix = unwrapOk(await app.invoke('compliance.matrix', {}, { actorId: ylva }));
      expect(matrix.modules.map((m) => m.title)).toEqual(
        expect.arrayContaining(['Fire Safety Awareness', 'Manual Handling', 'First Aid at Work']),
      );
      expect(matrix.total).toBeGreaterThan(40);
      expect(matrix.rows.every((r) => r.unitName === 'Umeå')).toBe(true);
    });

    it('tells Åsa what she must do, and where it comes from', async () => {
      const mine = unwrapOk(
        await app.invoke('compliance.mine', {}, { actorId: as('asa.oberg@demo.fieldbook') }),
      );
      const row = (title: string) => mine.rows.find((r) => r.title === title);
      expect(row('Fire Safety Awareness')).toMatchObject({ requirement: 'required', status: 'compliant' });
      expect(row('Manual Handling')).toMatchObject({ requirement: 'required', status: 'expired' });
      expect(row('First Aid at Work')?.sources.map((s) => s.name)).toEqual(['Umeå site safety']);
      expect(row('Food Hygiene quiz')?.requirement).toBe('optional');
    });

    it('lists the configurations a newcomer can open', async () => {
      const admin = as('admin@demo.fieldbook');
      const list = unwrapOk(await app.invoke('configurations.list', {}, { actorId: admin }));
      expect(list.rows.map((r) => r.name).sort()).toEqual([
        'Forklift licence',
        'Nordvik Group essentials',
        'Umeå site safety',
      ]);
    });
  });
});
