import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { ASSIGNMENT_COLUMNS } from '../../../shared/api/schemas/imports-catalog.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import type { AuthedCtx } from '../../app/context.js';
import { writeCsv } from '../../csv/write-csv.js';
import { dueText } from './import-plan.js';
import { assignmentsImportRepo, dueOf } from './import-repo.js';

const STATUS_WORD = { required: 'Required', optional: 'Optional', hidden: 'Hidden' } as const;

/**
 * The current items of configurations in force within the actor's
 * compliance.view scope, in the import layout. A target and module listed by
 * two configurations is written once, from the configuration an import would
 * change (the oldest that lists it), so the file re-imports with no changes.
 */
export function exportAssignments(
  _input: ParsedInput<'assignments.export'>,
  ctx: AuthedCtx,
): CallOutput<'assignments.export'> {
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (const r of assignmentsImportRepo(ctx.db).exportRows(
    reachOf(ctx.actor.grants, 'compliance.view'),
    ctx.actor.id,
  )) {
    const key = `${r.target_type}:${r.target_text.toLowerCase()}:${r.code.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push([
      r.target_type,
      r.target_text,
      r.code,
      STATUS_WORD[r.requirement],
      r.validity_months === null ? '' : String(r.validity_months),
      dueText(dueOf(r)),
    ]);
  }
  return { fileName: 'assignments.csv', csv: writeCsv(ASSIGNMENT_COLUMNS, rows) };
}
