/**
 * The one summary every import command prints (people, units, modules,
 * assignments, records, competences): with `--json` this object on stdout, else
 * a short human report. `row` is the line number a spreadsheet shows (header = 1).
 * Importers that deactivate or create related things add the optional fields.
 */
export interface ImportReport {
  committed: boolean;
  counts: { created: number; updated: number; deleted: number; unchanged: number; deactivated?: number };
  errors: { row: number; column: string; message: string }[];
  newDepartments?: string[];
  newJobTitles?: string[];
}

export function formatImportReport(r: ImportReport, opts: { dryRun: boolean }): string {
  const c = r.counts;
  const lines: string[] = [];
  const tally =
    `${c.created} created, ${c.updated} updated, ` +
    (c.deactivated !== undefined ? `${c.deactivated} deactivated, ` : '') +
    `${c.deleted} deleted, ${c.unchanged} unchanged`;
  if (r.errors.length) {
    lines.push(
      `Nothing was imported: ${r.errors.length} ${r.errors.length === 1 ? 'problem' : 'problems'} found.`,
    );
    for (const e of r.errors)
      lines.push(e.column ? `  row ${e.row}, ${e.column}: ${e.message}` : `  row ${e.row}: ${e.message}`);
    return lines.join('\n') + '\n';
  }
  if (opts.dryRun || !r.committed) lines.push(`Dry run, nothing written. Would have: ${tally}.`);
  else lines.push(`Imported: ${tally}.`);
  const verb = r.committed ? 'Created' : 'Would create';
  if (r.newDepartments?.length) lines.push(`${verb} departments: ${r.newDepartments.join(', ')}.`);
  if (r.newJobTitles?.length) lines.push(`${verb} job titles: ${r.newJobTitles.join(', ')}.`);
  return lines.join('\n') + '\n';
}
