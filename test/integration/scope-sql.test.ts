import fc from 'fast-check';
import { describe, it } from 'vitest';
import { can } from '../../shared/permissions/engine.js';
import { BUILTIN_ROLES } from '../../shared/permissions/roles.js';
import { reachOf } from '../../shared/permissions/scope.js';
import { createTestApp } from '../../src-main/app/create-app.js';
import { loadActor, loadGrants } from '../../src-main/domain/auth/actor-repo.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { peopleListRepo } from '../../src-main/domain/people/list-repo.js';
import { peopleRepo } from '../../src-main/domain/people/repo.js';
import { personTarget } from '../../src-main/domain/permissions/target-repo.js';

/**
 * The list filters are SQL and single-target checks are the engine in JS; on
 * random trees, people, manager chains and grants they must agree exactly.
 */
describe('SQL scope filters agree with the permission engine', () => {
  it('people.list shows exactly the people can() allows, for random organisations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        (unitSpec, peopleSpec, grantSpec, actorAt) => {
          const app = createTestApp();
          const org = orgRepo(app.db);
          const now = app.clock.now().toISOString();
          const units = ['u0'];
          org.insertUnit({ id: 'u0', parentId: null, kind: 'organisation', name: 'Org', now });
          unitSpec.forEach(([p, client], i) => {
            const parent = units[p % units.length] ?? 'u0';
            const id = `u${i + 1}`;
            org.insertUnit({
              id,
              parentId: parent,
              kind: parent === 'u0' && client ? 'client' : 'site',
              name: id,
              now,
            });
            units.push(id);
          });
          const people: string[] = [];
          peopleSpec.forEach(([at, mgr], i) => {
            const id = `p${i}`;
            // Managers are earlier people, so chains have no cycles.
            const managerId = i > 0 && mgr % 3 !== 0 ? `p${mgr % i}` : null;
            peopleRepo(app.db).insert({
              id,
              email: `${id}@x.org`,
              firstName: id,
              lastName: id,
              unitId: units[at % units.length] ?? 'u0',
              managerId,
              now,
            });
            people.push(id);
          });
          const actorId = people[actorAt % people.length] ?? 'p0';
          grantSpec.forEach(([role, at], i) => {
            const r = BUILTIN_ROLES[role % BUILTIN_ROLES.length]!;
            app.db
              .prepare('INSERT OR IGNORE INTO grant_ (id, person_id, role_id, unit_id) VALUES (?, ?, ?, ?)')
              .run(`g${i}`, actorId, r.id, units[at % units.length] ?? 'u0');
          });
          const actor = loadActor(app.db, actorId);
          if (!actor) return false;
          for (const privilege of ['people.view', 'records.view.subordinate', 'records.view.all'] as const) {
            const expected = people.filter((id) => {
              const t = personTarget(app.db, id);
              return t !== null && can(actor, privilege, t).allowed;
            });
            const { rows } = peopleListRepo(app.db).page(
              { status: 'all', sort: { by: 'name', dir: 'asc' }, offset: 0, limit: 500 },
              reachOf(actor.grants, privilege),
              actorId,
            );
            const got = rows.map((r) => r.id).sort();
            if (JSON.stringify(got) !== JSON.stringify(expected.sort())) {
              throw new Error(
                `${privilege}: SQL gave ${got.join(',')} but the engine allows ${expected.join(',')}`,
              );
            }
          }
          // Child grant ⇒ Member on every ancestor, never below.
          const grants = loadGrants(app.db, actorId, actor.unitId);
          for (const g of grants.filter((x) => !x.implied)) {
            for (const a of g.unit.ancestors) {
              if (!grants.some((x) => x.roleId === 'member' && x.unit.id === a.id))
                throw new Error(`no Member at ${a.id}`);
            }
          }
          app.close();
          return true;
        },
      ),
      { numRuns: 60 },
    );
  });
});
