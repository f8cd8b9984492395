import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planUnitImport, type ExistingUnit } from '../../src-main/domain/units/import-plan.js';
import { setUpApp } from '../helpers/app.js';

/** Parent of each unit: index i's parent is one of the units made before it (or the root, -1). */
const treeArb = fc
  .array(fc.nat(), { minLength: 1, maxLength: 12 })
  .map((xs) => xs.map((x, i) => (x % (i + 1)) - 1));

const movesArb = (n: number) =>
  fc.array(fc.tuple(fc.integer({ min: -1, max: n - 1 }), fc.integer({ min: -1, max: n - 1 })), {
    maxLength: 25,
  });

/** Every unit reaches the root by following parents, without going round in a circle. */
function assertTree(parent: Map<string, string | null>) {
  for (const start of parent.keys()) {
    const seen = new Set<string>();
    for (let at: string | null | undefined = start; at; at = parent.get(at)) {
      expect(seen.has(at), `cycle through ${at}`).toBe(false);
      seen.add(at);
    }
  }
}

describe('unit moves (property)', () => {
  it('random trees and random moves never create a cycle and never lose a unit', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArb.chain((tree) => fc.tuple(fc.constant(tree), movesArb(tree.length))),
        async ([tree, moves]) => {
          const { app, adminId, orgId } = await setUpApp();
          const as = { actorId: adminId };
          const ids: string[] = [];
          for (const [i, p] of tree.entries()) {
            const res = await app.invoke(
              'units.create',
              { parentId: p < 0 ? orgId : (ids[p] ?? ''), name: `U${i}` },
              as,
            );
            if (!res.ok) throw new Error(res.error.message);
            ids.push(res.value.id);
          }
          const idOf = (k: number) => (k < 0 ? orgId : (ids[k] ?? ''));
          // The model: where each unit should be after the moves the rules allow.
          const model = new Map<string, string | null>([
            [orgId, null],
            ...tree.map((p, i) => [ids[i] ?? '', idOf(p)] as const),
          ]);
          const within = (unit: string, ancestor: string) => {
            for (let at: string | null | undefined = unit; at; at = model.get(at))
              if (at === ancestor) return true;
            return false;
          };
          for (const [from, to] of moves) {
            const id = idOf(from);
            const parentId = idOf(to);
            const allowed = id !== orgId && !within(parentId, id);
            const res = await app.invoke('units.move', { id, parentId }, as);
            expect(res.ok, JSON.stringify(res)).toBe(allowed);
            if (allowed) model.set(id, parentId);
          }
          const rows = app.db.prepare('SELECT id, parent_id FROM unit').all() as {
            id: string;
            parent_id: string | null;
          }[];
          expect(rows).toHaveLength(tree.length + 1);
          const actual = new Map(rows.map((r) => [r.id, r.parent_id]));
          expect(actual).toEqual(model);
          assertTree(actual);
          app.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a planned import never leaves a cycle, whatever parents the file names', () => {
    let planned = 0;
    fc.assert(
      fc.property(
        treeArb,
        // One row per code (a repeated code is simply an error); parents anywhere, existing or new.
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: -1, max: 15 })), {
          maxLength: 15,
          selector: (t) => t[0],
        }),
        (tree, rows) => {
          const existing: ExistingUnit[] = [
            {
              id: 'root',
              parentId: null,
              name: 'Org',
              code: null,
              level: null,
              kind: 'organisation',
              archived: false,
            },
            ...tree.map((p, i) => ({
              id: `u${i}`,
              parentId: p < 0 ? 'root' : `u${p}`,
              name: `U${i}`,
              code: `C${i}`,
              level: null,
              kind: 'other' as const,
              archived: false,
            })),
          ];
          const table = rows.map(([c, p], i) => ({
            row: i + 2,
            cells: [],
            values: { Code: `C${c}`, Name: `U${c}`, 'Parent Code': p < 0 ? '' : `C${p}` },
          }));
          const plan = planUnitImport(table, existing, { canManage: () => true });
          if (plan.errors.length) {
            expect(plan.errors.every((e) => e.column === 'Parent Code')).toBe(true);
            return;
          }
          planned++;
          const parent = new Map(existing.map((u) => [u.id, u.parentId]));
          for (const c of plan.creates) {
            expect(parent.has(c.parentKey), 'parents are created before children').toBe(true);
            parent.set(c.key, c.parentKey);
          }
          for (const { unit } of plan.updates) parent.set(unit.key, unit.parentKey);
          expect(parent.size).toBe(existing.length + plan.creates.length);
          assertTree(parent);
        },
      ),
      { numRuns: 300 },
    );
    expect(planned).toBeGreaterThan(10);
  });
});
