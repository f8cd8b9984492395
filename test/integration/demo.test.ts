import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../shared/permissions/roles.js';
import { createTestApp } from '../../src-main/app/create-app.js';
import { seedDemo, type DemoSummary } from '../../src-main/demo/seed-demo.js';

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
});
