import { createTestApp } from '../../src-main/app/create-app.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { peopleRepo } from '../../src-main/domain/people/repo.js';
import { hashPassword, TEST_COST } from '../../src-main/domain/auth/password.js';

export const ADMIN = {
  email: 'asa.oberg@example.com',
  password: 'correct horse battery',
  firstName: 'Åsa',
  lastName: 'Öberg',
};

export type TestApp = ReturnType<typeof createTestApp>;

/** A test app that has been through first-run setup, with the administrator's id. */
export async function setUpApp(opts: Parameters<typeof createTestApp>[0] = {}) {
  const app = createTestApp(opts);
  const res = await app.invoke('setup.create', { organisationName: 'Norrland Mining', ...ADMIN });
  if (!res.ok) throw new Error(res.error.message);
  const admin = peopleRepo(app.db).byLogin(ADMIN.email);
  if (!admin) throw new Error('setup made no administrator');
  const orgId = orgRepo(app.db).organisation()?.id ?? '';
  return { app, adminId: admin.id, orgId };
}

/** Adds a person with one role at a unit (the organisation by default), as later issues' people screens will. */
export function addPerson(
  app: TestApp,
  p: {
    email: string;
    roleId?: string;
    unitId: string;
    password?: string;
    firstName?: string;
    lastName?: string;
  },
): string {
  const id = app.ids.uuid();
  peopleRepo(app.db).insert({
    id,
    email: p.email,
    firstName: p.firstName ?? 'Test',
    lastName: p.lastName ?? 'Person',
    unitId: p.unitId,
    passwordHash: p.password ? hashPassword(p.password, TEST_COST) : null,
    now: app.clock.now().toISOString(),
  });
  if (p.roleId)
    orgRepo(app.db).grant({ id: app.ids.uuid(), personId: id, roleId: p.roleId, unitId: p.unitId });
  return id;
}
