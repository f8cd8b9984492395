import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import type { AuthedCtx } from '../../app/context.js';
import { peopleRepo } from './repo.js';

export function listPeople(input: ParsedInput<'people.list'>, ctx: AuthedCtx): CallOutput<'people.list'> {
  const reach = reachOf(ctx.actor.grants, 'people.view');
  const { rows, total } = peopleRepo(ctx.db).page({ ...input, reach, selfId: ctx.actor.id });
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      email: r.email,
      firstName: r.first_name,
      lastName: r.last_name,
      employeeNo: r.employee_no,
      unitName: r.unit_name,
      department: r.department,
      jobTitle: r.job_title,
      status: r.status,
    })),
  };
}
