/**
 * The one summary every import command prints (people, units, modules,
 * assignments, records, competences): with `--json` this object on stdout, else
 * a short human report. `row` is the line number a spreadsheet shows (header = 1).
 */
export interface ImportReport {
  committed: boolean;
  counts: { created: number; updated: number; deleted: number; unchanged: number };
  errors: { row: number; column: string; message: string }[];
}

export function formatImportReport(r: ImportReport, opts: { dryRun: boolean }): string {
  const c = r.counts;
  const lines: string[] = [];
  const tally = `${c.created} created, ${c.updated} updated, ${c.deleted} deleted, ${c.unchanged} unchanged`;
  if (r.errors.length) {
    lines.push(
      `Nothing was imported: ${r.errors.length} ${r.errors.length === 1 ? 'problem' : 'problems'} found.`,
    );
    for (const e of r.errors) lines.push(`  row ${e.row}, ${e.column}: ${e.message}`);
  } else if (opts.dryRun || !r.committed) {
    lines.push(`Dry run, nothing written. Would have: ${tally}.`);
  } else {
    lines.push(`Imported: ${tally}.`);
  }
  return lines.join('\n') + '\n';
}
