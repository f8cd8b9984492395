import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { PeopleImportSummary } from '../../../shared/api/schemas/people-import.js';
import { ImportEncoding } from '../../../shared/api/schemas/import.js';
import type { App } from '../../app/create-app.js';
import { findUnitByCodeOrPath } from '../../domain/org/unit-lookup-repo.js';
import { CliError, usageError } from '../cli-error.js';
import { actingPersonId, withApp, type GlobalOptions } from '../context.js';
import { readImportFile } from '../import-file.js';
import { formatImportReport } from '../import-report.js';
import type { CliIo } from '../io.js';
import { unwrap } from '../unwrap.js';

const STATUSES = ['active', 'left', 'all'] as const;
type StatusOption = (typeof STATUSES)[number];

function statusOption(s: string | undefined, fallback: StatusOption): StatusOption {
  if (s === undefined) return fallback;
  const v = s.toLowerCase();
  if (!(STATUSES as readonly string[]).includes(v))
    throw usageError(`--status must be one of ${STATUSES.join(', ')}, not "${s}"`);
  return v as StatusOption;
}

function unitOption(app: App, unit: string | undefined): { unitId?: string } {
  if (!unit) return {};
  const u = findUnitByCodeOrPath(app.db, unit);
  if (!u) throw new CliError(`There is no unit with the code or path "${unit}".`);
  return { unitId: u.id };
}

/** `--json` prints the summary without the error file's text, which `--errors` writes to disk. */
const jsonSummary = ({ errorCsv: _csv, ...rest }: PeopleImportSummary) => JSON.stringify(rest) + '\n';

interface ImportOptions {
  dryRun?: boolean;
  deactivateMissing?: boolean;
  encoding?: string;
  errors?: string;
}

async function importPeople(app: App, file: string, o: ImportOptions, g: GlobalOptions, io: CliIo) {
  const read = readImportFile(file, o.encoding);
  const actorId = actingPersonId(app, g);
  const input = {
    ...read,
    deactivateMissing: o.deactivateMissing ?? false,
  };
  // Always the dry run first: with any problem the commit is never attempted, so nothing is written.
  let summary = unwrap(await app.invoke('people.import.validate', input, { actorId }));
  if (!summary.errors.length && !o.dryRun)
    summary = unwrap(await app.invoke('people.import.commit', input, { actorId }));
  io.stdout(g.json ? jsonSummary(summary) : formatImportReport(summary, { dryRun: o.dryRun ?? false }));
  if (!summary.errors.length) return;
  if (o.errors && summary.errorCsv) writeFileSync(o.errors, summary.errorCsv, 'utf8');
  const n = summary.errors.length;
  throw new CliError(
    `The file has ${n} ${n === 1 ? 'problem' : 'problems'}, so nothing was imported` +
      (o.errors && summary.errorCsv ? `; ${o.errors} lists them beside each row.` : '.'),
  );
}

export function registerPeople(program: Command, io: CliIo) {
  const people = program
    .command('people')
    .description('List, import and export people (CSV matched by email)');

  people
    .command('import <file>')
    .description(
      'Import people from a CSV (Email, First Name, Last Name, Employee Number, Unit, Department, Job Title, ' +
        'Manager Email, Status); exit 1 and nothing written if any row has a problem',
    )
    .option('--dry-run', 'check the file and report what would change, writing nothing')
    .option('--deactivate-missing', 'deactivate active people in your scope who are not in the file')
    .option('--encoding <encoding>', `the file's encoding: ${ImportEncoding.options.join(', ')}`, 'auto')
    .option(
      '--errors <file>',
      'when there are problems, write the file again with an Error column to this path',
    )
    .action(async (file: string, o: ImportOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, (app) => importPeople(app, file, o, g, io));
    });

  people
    .command('export')
    .description('Write the people in your scope as a CSV in the import layout (UTF-8 with BOM)')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--unit <unit>', 'only this unit (code or path) and the units below it')
    .option('--status <status>', 'active, left or all', 'all')
    .action(async (o: { out?: string; unit?: string; status?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const input = { ...unitOption(app, o.unit), status: statusOption(o.status, 'all') };
        const res = unwrap(await app.invoke('people.export', input, { actorId: actingPersonId(app, g) }));
        if (!o.out) return void io.stdout(res.csv);
        writeFileSync(o.out, res.csv, 'utf8');
        if (g.json) io.stdout(JSON.stringify({ file: o.out }) + '\n');
        else io.stdout(`Wrote ${o.out}.\n`);
      });
    });

  people
    .command('list')
    .description('List the people in your scope')
    .option('--unit <unit>', 'only this unit (code or path) and the units below it')
    .option('--status <status>', 'active, left or all', 'active')
    .option('--search <text>', 'name, email or employee number containing this')
    .action(async (o: { unit?: string; status?: string; search?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const filter = {
          ...unitOption(app, o.unit),
          ...(o.search ? { search: o.search } : {}),
          status: statusOption(o.status, 'active'),
        };
        const rows = [];
        for (let offset = 0; ; offset += 500) {
          const page = unwrap(
            await app.invoke('people.list', { ...filter, offset, limit: 500 }, { actorId }),
          );
          rows.push(...page.rows);
          if (rows.length >= page.total || page.rows.length === 0) break;
        }
        if (g.json) return void io.stdout(JSON.stringify(rows) + '\n');
        if (!rows.length) return void io.stdout('No people.\n');
        for (const r of rows)
          io.stdout(
            [`${r.lastName}, ${r.firstName}`, r.email, r.employeeNo ?? '', r.unitPath, r.status].join('\t') +
              '\n',
          );
      });
    });
}
