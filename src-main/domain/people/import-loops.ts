import type { CsvProblem } from '../../csv/read-table.js';
import type { ImportFacts, PlannedRow } from './import-plan.js';
import { describeCycle, findManagerCycles } from './manager-cycles.js';

const lower = (s: string) => s.toLowerCase();

/**
 * Loops in the reporting line as it would be after the import: file rows set
 * their manager; everyone else keeps the one in the database. A loop may run
 * through several rows and through people who are not in the file at all.
 */
export function reportManagerLoops(
  planned: readonly PlannedRow[],
  facts: ImportFacts,
  nameOf: ReadonlyMap<string, string>,
  errors: CsvProblem[],
) {
  const rowOf = new Map(planned.map((p) => [p.email, p]));
  // Everyone in the database the loop could pass through, by lower-cased email.
  const db = new Map<string, { name: string; managerId: string | null }>();
  const emailOfId = new Map<string, string>();
  for (const [id, a] of facts.above) {
    db.set(lower(a.email), { name: a.name, managerId: a.managerId });
    emailOfId.set(id, lower(a.email));
  }
  for (const k of facts.known.values()) {
    db.set(lower(k.email), { name: `${k.first_name} ${k.last_name}`, managerId: k.manager_id });
    emailOfId.set(k.id, lower(k.email));
  }
  const managerOf = (email: string): string | null => {
    const p = rowOf.get(email);
    if (p && p.managerEmail !== undefined) return p.managerEmail;
    const id = db.get(email)?.managerId;
    return id ? (emailOfId.get(id) ?? null) : null;
  };
  const label = (email: string) => nameOf.get(email) ?? db.get(email)?.name ?? email;
  const loops = findManagerCycles(
    planned.map((p) => p.email),
    managerOf,
  );
  for (const loop of loops) {
    const text = describeCycle(loop.map(label));
    for (const email of loop) {
      const p = rowOf.get(email);
      if (p)
        errors.push({
          row: p.row,
          column: 'Manager Email',
          message: `This makes a reporting loop: ${text}.`,
        });
    }
  }
}
