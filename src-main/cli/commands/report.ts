import { closeSync, openSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
import { isIsoDate } from '../../../shared/dates.js';
import { loadActor } from '../../domain/auth/actor-repo.js';
import { engineScope } from '../../domain/compliance/service.js';
import { complianceRepo, type ReportDbRow } from '../../domain/compliance/repo.js';
import { findUnitByCodeOrPath } from '../../domain/org/unit-lookup-repo.js';
import { csvCell } from '../../csv/write-csv.js';
import { CliError, usageError } from '../cli-error.js';
import { actingPersonId, withApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { registerCompetenceReport } from './competences.js';

const HEADER = [
  'Email',
  'First Name',
  'Last Name',
  'Unit',
  'Module Code',
  'Module Title',
  'Status',
  'Last Completion',
  'Expiry Date',
  'Due Date',
];

const cells = (r: ReportDbRow) => [
  r.email,
  r.first_name,
  r.last_name,
  r.unit_path,
  r.code,
  r.title,
  r.status,
  r.last_completion ?? '',
  r.expiry_date ?? '',
  r.due_date ?? '',
];

const json = (r: ReportDbRow) => ({
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  unit: r.unit_path,
  moduleCode: r.code,
  moduleTitle: r.title,
  status: r.status,
  lastCompletion: r.last_completion,
  expiryDate: r.expiry_date,
  dueDate: r.due_date,
});

interface ReportOptions {
  asOf?: string;
  unit?: string;
  format?: string;
  out?: string;
}

/** Where the report goes (a file or standard output), in chunks of about 64 kB rather than row by row. */
function sink(io: CliIo, out: string | undefined) {
  let fd: number | undefined;
  if (out) {
    try {
      fd = openSync(out, 'w');
    } catch {
      throw usageError(`Cannot write the file ${out}`);
    }
  }
  let buffer = '';
  const flush = () => {
    if (!buffer) return;
    if (fd === undefined) io.stdout(buffer);
    else writeSync(fd, buffer);
    buffer = '';
  };
  return {
    write: (t: string) => {
      buffer += t;
      if (buffer.length >= 65_536) flush();
    },
    close: () => {
      flush();
      if (fd !== undefined) closeSync(fd);
    },
  };
}

export function registerReport(program: Command, io: CliIo) {
  const report = program.command('report').description('Reports over training and compliance');
  registerCompetenceReport(report, io);
  report
    .command('compliance')
    .description(
      'One row per person and required module in your scope, with its status as of a date ' +
        '(Email, First Name, Last Name, Unit, Module Code, Module Title, Status, Last Completion, Expiry Date, Due Date)',
    )
    .option('--as-of <date>', 'the date to report on, YYYY-MM-DD (default: today)')
    .option('--unit <unit>', 'only this unit (code or path) and the units below it')
    .option('--format <format>', 'csv or json', 'csv')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: ReportOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const format = (o.format ?? 'csv').toLowerCase();
      if (format !== 'csv' && format !== 'json')
        throw usageError(`--format must be csv or json, not "${o.format}"`);
      if (o.asOf !== undefined && !isIsoDate(o.asOf))
        throw usageError(`--as-of must be a date as YYYY-MM-DD, not "${o.asOf}"`);
      await withApp(g, io, async (app) => {
        const actor = loadActor(app.db, actingPersonId(app, g));
        if (!actor?.privileges.has('compliance.view'))
          throw new CliError('You do not have permission to view compliance.');
        const unit = o.unit ? findUnitByCodeOrPath(app.db, o.unit) : undefined;
        if (o.unit && !unit) throw new CliError(`There is no unit with the code or path "${o.unit}".`);
        const scope = { ...engineScope({ actor, db: app.db, clock: app.clock }, o.asOf), unitId: unit?.id };
        // Rows are written as SQLite yields them: a 500,000-row report never sits in memory.
        const out = sink(io, o.out);
        try {
          if (format === 'csv') out.write('\uFEFF' + HEADER.map(csvCell).join(',') + '\r\n');
          else out.write('[');
          let n = 0;
          for (const r of complianceRepo(app.db).reportRows(scope)) {
            if (format === 'csv') out.write(cells(r).map(csvCell).join(',') + '\r\n');
            else out.write((n ? ',\n' : '\n') + JSON.stringify(json(r)));
            n++;
          }
          if (format === 'json') out.write(n ? '\n]\n' : ']\n');
          if (o.out) io.stderr(`Wrote ${n} ${n === 1 ? 'row' : 'rows'} to ${o.out}.\n`);
        } finally {
          out.close();
        }
      });
    });
}
