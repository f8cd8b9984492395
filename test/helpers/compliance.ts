import type { TestApp } from './app.js';

export interface AssignItem {
  moduleId: string;
  requirement?: 'required' | 'optional' | 'hidden';
  validityMonths?: number | null;
  due?: { kind: 'fixed'; date: string } | { kind: 'after_joining'; days: number };
  /** History: the dates this version applied (to exclusive). */
  validFrom?: string;
  validTo?: string | null;
}

export interface AssignSpec {
  name?: string;
  target: { type: 'person' | 'group' | 'unit'; id: string };
  ownerUnitId: string;
  items: AssignItem[];
  /** Who is covered, from when (and until, exclusive). */
  people: { personId: string; assignedOn: string; removedOn?: string | null }[];
}

/**
 * A training configuration with its items and fulfilments exactly as given, written
 * with SQL: the engine's tests state history directly (items valid from/to past
 * dates, people assigned and removed on chosen days, a unit target covering only
 * the people listed). configurations.create cannot write that: it stamps today,
 * covers everyone the target reaches and syncs membership, so the rules' edge
 * cases would depend on clock juggling. The real create/update path has its own
 * tests (configurations.test.ts, fulfilment.test.ts) and the demo uses it.
 * Returns the configuration id.
 */
export function assign(app: TestApp, spec: AssignSpec): string {
  const db = app.db;
  const now = app.clock.now().toISOString();
  const id = app.ids.uuid();
  db.prepare(
    `INSERT INTO training_configuration (id, name, target_type, target_id, owner_unit_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, spec.name ?? 'Configuration', spec.target.type, spec.target.id, spec.ownerUnitId, now, now);
  const item = db.prepare(
    `INSERT INTO configuration_item (id, configuration_id, module_id, requirement, validity_months, due_kind,
       due_date, due_days, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const i of spec.items)
    item.run(
      app.ids.uuid(),
      id,
      i.moduleId,
      i.requirement ?? 'required',
      i.validityMonths ?? null,
      i.due?.kind ?? null,
      i.due?.kind === 'fixed' ? i.due.date : null,
      i.due?.kind === 'after_joining' ? i.due.days : null,
      i.validFrom ?? '2000-01-01',
      i.validTo ?? null,
    );
  const ful = db.prepare(
    `INSERT INTO fulfilment (id, configuration_id, person_id, assigned_on, removed_on) VALUES (?, ?, ?, ?, ?)`,
  );
  for (const p of spec.people) ful.run(app.ids.uuid(), id, p.personId, p.assignedOn, p.removedOn ?? null);
  return id;
}

/** A training record of a module, as an import would write it. */
export function complete(app: TestApp, personId: string, moduleId: string, date: string): string {
  const id = app.ids.uuid();
  app.db
    .prepare(
      `INSERT INTO training_record (id, person_id, record_type, object_id, title, provider, completion_date,
         source, created_at, updated_at) VALUES (?, ?, 'course', ?, 'Record', 'Test', ?, 'import', ?, ?)`,
    )
    .run(id, personId, moduleId, date, date, date);
  return id;
}
