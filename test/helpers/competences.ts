import type { CallInput } from '../../shared/api/contract.js';
import { addPerson, type TestApp } from './app.js';
import { publishedModule, unwrapOk } from './events.js';
import { orgFixture } from './org-fixture.js';

const course = (code: string, title: string, ownerUnitId: string) => ({
  code,
  title,
  kind: 'course' as const,
  ownerUnitId,
  content: {
    kind: 'course' as const,
    steps: [{ id: 's1', type: 'text' as const, title: 'Read', required: true, html: '<p>Read this.</p>' }],
  },
});

/**
 * The organisation fixture with two published courses, a Manager at Umeå and
 * a Member (no administrative role): enough to grant, view and refuse competences.
 */
export async function competencesWorld() {
  const f = await orgFixture();
  const { app, u, adminId } = f;
  const manager = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
  const member = addPerson(app, { email: 'member@example.com', unitId: u('ume'), roleId: 'member' });
  const fire = await publishedModule(app, adminId, course('FIRE', 'Fire Safety', u('org')));
  const lift = await publishedModule(app, adminId, course('LIFT', 'Lifting', u('org')));
  return { ...f, manager, member, fire, lift };
}

/** Competences the calls can see and change, as an actor. */
export function competenceCalls(app: TestApp, actorId: string) {
  return {
    save: async (c: Partial<CallInput<'competences.save'>> & { code: string; name?: string }) =>
      unwrapOk(
        await app.invoke(
          'competences.save',
          { name: c.code, defaultDays: null, ...c } as CallInput<'competences.save'>,
          { actorId },
        ),
      ),
    map: async (competenceId: string, moduleIds: string[]) =>
      unwrapOk(await app.invoke('competences.saveMappings', { competenceId, moduleIds }, { actorId })),
    person: async (personId: string, asOf?: string) =>
      unwrapOk(await app.invoke('competences.person', asOf ? { personId, asOf } : { personId }, { actorId })),
    /** A passed result (and so a training record) for each person, as a manager records it. */
    pass: async (moduleId: string, date: string, personIds: string[]) =>
      unwrapOk(
        await app.invoke('results.record', { moduleId, date, status: 'passed', personIds }, { actorId }),
      ),
  };
}

/** Every grant row, in a fixed order: what the database holds, whichever way it got there. */
export function grantRows(app: TestApp) {
  return app.db
    .prepare(
      `SELECT person_id, competence_id, module_id, completion_date, valid_until FROM person_competence
       ORDER BY person_id, competence_id, module_id, completion_date`,
    )
    .all() as {
    person_id: string;
    competence_id: string;
    module_id: string;
    completion_date: string;
    valid_until: string | null;
  }[];
}
