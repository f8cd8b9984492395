import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { PersonProfile } from '../../../shared/api/schemas/people.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import type { Db } from '../../db/open.js';
import { groupsOfPerson } from '../groups/membership-repo.js';
import { peopleListRepo } from './list-repo.js';
import { profileRepo } from './profile-repo.js';

export function listPeople(input: ParsedInput<'people.list'>, ctx: AuthedCtx): CallOutput<'people.list'> {
  const reach = reachOf(ctx.actor.grants, 'people.view');
  const { rows, total } = peopleListRepo(ctx.db).page(input, reach, ctx.actor.id);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      email: r.email,
      firstName: r.first_name,
      lastName: r.last_name,
      employeeNo: r.employee_no,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitPath: r.unit_path,
      department: r.department,
      jobTitle: r.job_title,
      managerName: r.manager_name,
      status: r.status,
    })),
  };
}

/** A person as the person page shows them; the caller has already checked scope. */
export function loadProfile(db: Db, id: string): PersonProfile {
  const repo = profileRepo(db);
  const p = repo.person(id);
  if (!p) throw notFound('That person');
  return {
    id: p.id,
    email: p.email,
    username: p.username,
    firstName: p.first_name,
    lastName: p.last_name,
    employeeNo: p.employee_no,
    unitId: p.unit_id,
    unitName: p.unit_name,
    unitPath: p.unit_path,
    departmentId: p.department_id,
    department: p.department,
    jobTitleId: p.job_title_id,
    jobTitle: p.job_title,
    managerId: p.manager_id,
    managerName: p.manager_name,
    managerEmail: p.manager_email,
    status: p.status,
    hasPassword: p.password_hash !== null,
    hasPin: p.pin_hash !== null,
    lockedUntil: p.locked_until,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    grants: repo.grants(id),
    groups: groupsOfPerson(db, id),
  };
}

export function getPerson(input: ParsedInput<'people.get'>, ctx: AuthedCtx): CallOutput<'people.get'> {
  return loadProfile(ctx.db, input.id);
}
