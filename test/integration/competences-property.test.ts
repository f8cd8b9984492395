import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPerson, setUpApp } from '../helpers/app.js';
import { competenceCalls, grantRows } from '../helpers/competences.js';
import { publishedModule } from '../helpers/events.js';

type Event =
  | { kind: 'record'; person: number; module: number; date: string }
  | { kind: 'map'; competence: number; module: number };

const DATES = ['2023-01-15', '2024-02-29', '2024-06-01', '2025-03-01', '2026-02-28'];
const AS_OF = ['2024-01-01', '2025-01-01', '2025-03-02', '2026-03-01'];

const event: fc.Arbitrary<Event> = fc.oneof(
  fc.record({
    kind: fc.constant('record' as const),
    person: fc.integer({ min: 0, max: 2 }),
    module: fc.integer({ min: 0, max: 1 }),
    date: fc.constantFrom(...DATES),
  }),
  fc.record({
    kind: fc.constant('map' as const),
    competence: fc.integer({ min: 0, max: 1 }),
    module: fc.integer({ min: 0, max: 1 }),
  }),
);

/** A fresh app with three people, two courses and two competences (one year, and never expiring). */
async function world() {
  const { app, adminId, orgId } = await setUpApp();
  const people = ['a', 'b', 'c'].map((n) => addPerson(app, { email: `${n}@example.com`, unitId: orgId }));
  const modules: string[] = [];
  for (const code of ['M1', 'M2'])
    modules.push(
      await publishedModule(app, adminId, {
        code,
        title: code,
        kind: 'course',
        ownerUnitId: orgId,
        content: {
          kind: 'course',
          steps: [{ id: 's', type: 'text', title: 'S', required: true, html: '<p>x</p>' }],
        },
      }),
    );
  const c = competenceCalls(app, adminId);
  const competences = [
    (await c.save({ code: 'C1', name: 'One', defaultDays: 365 })).id,
    (await c.save({ code: 'C2', name: 'Two', defaultDays: null })).id,
  ];
  const mapped = competences.map(() => new Set<string>());
  const apply = async (e: Event) => {
    const m = modules[e.module] ?? '';
    if (e.kind === 'record') await c.pass(m, e.date, [people[e.person] ?? '']);
    else {
      const set = mapped[e.competence] ?? new Set<string>();
      set.add(m);
      await c.map(competences[e.competence] ?? '', [...set]);
    }
  };
  /** Everything a user could notice: the stored grants and every person's page on several days. */
  const observe = async () => ({
    grants: grantRows(app),
    pages: await Promise.all(people.flatMap((p) => AS_OF.map((d) => c.person(p, d)))),
  });
  return { apply, observe };
}

describe('competences do not depend on the order of events', () => {
  it('any order of the same completions and mappings gives the same grants and the same answers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(event, { minLength: 1, maxLength: 10 })
          .chain((evs) => fc.tuple(fc.constant(evs), fc.shuffledSubarray(evs, { minLength: evs.length }))),
        async ([events, shuffled]) => {
          const one = await world();
          for (const e of events) await one.apply(e);
          const two = await world();
          for (const e of shuffled) await two.apply(e);
          expect(await two.observe()).toEqual(await one.observe());
        },
      ),
      // Each run builds two whole apps: a fixed seed keeps the runs the same from one test run to the next.
      { numRuns: 20, seed: 9 },
    );
  }, 120_000);
});
