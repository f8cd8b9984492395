import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { PEOPLE_COLUMNS } from '../../../shared/api/schemas/people-import.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import type { AuthedCtx } from '../../app/context.js';
import { writeCsv } from '../../csv/write-csv.js';
import { peopleListRepo } from './list-repo.js';

/**
 * The people within the actor's people.view scope, in the import layout, so an
 * HR round trip (export, edit in a spreadsheet, import) changes only what was
 * edited. Units are written as paths, which read well and import back.
 */
export function exportPeople(
  input: ParsedInput<'people.export'>,
  ctx: AuthedCtx,
): CallOutput<'people.export'> {
  const rows = peopleListRepo(ctx.db).all(input, reachOf(ctx.actor.grants, 'people.view'), ctx.actor.id);
  const csv = writeCsv(
    PEOPLE_COLUMNS,
    rows.map((r) => [
      r.email,
      r.first_name,
      r.last_name,
      r.employee_no ?? '',
      r.unit_path,
      r.department ?? '',
      r.job_title ?? '',
      r.manager_email ?? '',
      r.status,
    ]),
  );
  return { fileName: `people-${ctx.clock.now().toISOString().slice(0, 10)}.csv`, csv };
}
