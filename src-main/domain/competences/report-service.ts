import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { writeCsv } from '../../csv/write-csv.js';
import type { AuthedCtx } from '../../app/context.js';
import { matrixRepo, type ReportDbRow } from './matrix-repo.js';
import { competenceFilter } from './matrix-service.js';

/** The report's columns (issue 9), in this order. */
export const COMPETENCE_REPORT_HEADER = [
  'Email',
  'First Name',
  'Last Name',
  'Competence Code',
  'Competence Name',
  'Valid From',
  'Valid Until',
  'Status',
  'Source Module',
] as const;

const toRow = (r: ReportDbRow) => ({
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  competenceCode: r.code,
  competenceName: r.name,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  status: r.status,
  sourceModule: r.source_module,
});

type ReportRow = NonNullable<CallOutput<'competences.report'>['rows']>[number];

/** The report as a file: UTF-8 with BOM, CRLF, formula-escaped (the command line writes JSON rows through it too). */
export function competenceReportCsv(rows: readonly ReportRow[]): string {
  return writeCsv(
    COMPETENCE_REPORT_HEADER,
    rows.map((r) => [
      r.email,
      r.firstName,
      r.lastName,
      r.competenceCode,
      r.competenceName,
      r.validFrom,
      r.validUntil ?? '',
      r.status,
      r.sourceModule,
    ]),
  );
}

/**
 * The competences held (valid, expiring or expired) by the people in the viewer's
 * scope, by Last, First, Email and code; the same people and competences as the
 * matrix, so the report and the matrix always agree.
 */
export function competenceReport(
  ctx: AuthedCtx,
  q: ParsedInput<'competences.report'>,
): CallOutput<'competences.report'> {
  const { filter } = competenceFilter(ctx, q);
  const rows = matrixRepo(ctx.db).reportRows(filter).map(toRow);
  const fileName = `competences-${filter.asOf}.csv`;
  if (q.format === 'json') return { fileName, csv: null, rows };
  return { fileName, csv: competenceReportCsv(rows), rows: null };
}
