import type { AuthedCtx } from '../../app/context.js';
import type { ImportPlan, NamedRef, PlannedRow } from './import-plan.js';
import { referenceRepo } from './reference-repo.js';
import { peopleRepo, type PersonChanges } from './repo.js';

/**
 * Writes a checked plan. The caller runs it inside the call's one transaction,
 * so a failure anywhere leaves nothing half-imported. Every person changed gets
 * an audit entry of their own, with what changed.
 */
export function applyPeopleImport(plan: ImportPlan, ctx: AuthedCtx, fileName: string): void {
  const now = ctx.clock.now().toISOString();
  const people = peopleRepo(ctx.db);
  const refs = referenceRepo(ctx.db);

  const createNamed = (table: 'department' | 'job_title', names: readonly string[]) => {
    const ids = new Map<string, string>();
    for (const name of names) {
      const id = ctx.ids.uuid();
      refs.insertNamed(table, id, name);
      ids.set(name.toLowerCase(), id);
    }
    return (ref: NamedRef | undefined): string | null | undefined =>
      ref === undefined || ref === null
        ? ref
        : 'id' in ref
          ? ref.id
          : (ids.get(ref.create.toLowerCase()) ?? null);
  };
  const department = createNamed('department', plan.newDepartments);
  const jobTitle = createNamed('job_title', plan.newJobTitles);

  // Employee numbers may move between people of the same file: free the old ones before anyone takes them.
  for (const p of plan.updates)
    if (p.changed.includes('employeeNo') && p.existing)
      people.update(p.existing.id, { employee_no: null }, now);

  const idOf = new Map(plan.knownIds);
  // Managers may be new people of the same file, so every new person exists before any manager is set.
  for (const p of plan.creates) {
    const id = ctx.ids.uuid();
    idOf.set(p.email, id);
    people.insert({
      id,
      email: p.email,
      firstName: p.firstName,
      lastName: p.lastName,
      employeeNo: p.employeeNo ?? null,
      unitId: p.unitId,
      departmentId: department(p.department) ?? null,
      jobTitleId: jobTitle(p.jobTitle) ?? null,
      status: p.status ?? 'active',
      now,
    });
  }
  const managerId = (p: PlannedRow): string | null | undefined =>
    p.managerEmail == null ? p.managerEmail : (idOf.get(p.managerEmail) ?? null);

  for (const p of plan.creates) {
    const id = idOf.get(p.email) ?? '';
    const manager = managerId(p);
    if (manager) people.update(id, { manager_id: manager }, now);
    ctx.audit({
      targetIds: [id],
      summary: `Imported ${p.firstName} ${p.lastName} (${p.email}) from ${fileName}, row ${p.row}`,
      after: {
        email: p.email,
        firstName: p.firstName,
        lastName: p.lastName,
        unitId: p.unitId,
        managerId: manager,
      },
    });
  }

  for (const p of plan.updates) {
    const k = p.existing;
    if (!k) continue;
    const all: Required<PersonChanges> = {
      email: k.email,
      username: k.username,
      first_name: p.firstName,
      last_name: p.lastName,
      employee_no: p.employeeNo === undefined ? k.employee_no : p.employeeNo,
      unit_id: p.unitId,
      department_id: p.department === undefined ? k.department_id : (department(p.department) ?? null),
      job_title_id: p.jobTitle === undefined ? k.job_title_id : (jobTitle(p.jobTitle) ?? null),
      manager_id: p.managerEmail === undefined ? k.manager_id : (managerId(p) ?? null),
      status: p.status ?? k.status,
    };
    const changes: PersonChanges = {};
    const before: Record<string, unknown> = {};
    for (const col of Object.keys(all) as (keyof PersonChanges)[]) {
      if (all[col] !== k[col]) {
        (changes as Record<string, unknown>)[col] = all[col];
        before[col] = k[col];
      }
    }
    people.update(k.id, changes, now);
    ctx.audit({
      targetIds: [k.id],
      summary: `Updated ${p.firstName} ${p.lastName} from ${fileName}, row ${p.row}: ${Object.keys(changes).join(', ')}`,
      before,
      after: changes,
    });
  }

  for (const k of plan.deactivate) {
    people.setStatus(k.id, 'left', now);
    ctx.audit({
      targetIds: [k.id],
      summary: `Deactivated ${k.first_name} ${k.last_name}: not in ${fileName}`,
      before: { status: 'active' },
      after: { status: 'left' },
    });
  }
}
