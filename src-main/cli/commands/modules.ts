import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { CallName } from '../../../shared/api/contract.js';
import { ModuleKind, ModuleStatus, type ModuleRow } from '../../../shared/api/schemas/catalog.js';
import { ImportEncoding } from '../../../shared/api/schemas/import.js';
import type { CatalogImportSummary } from '../../../shared/api/schemas/imports-catalog.js';
import type { App } from '../../app/create-app.js';
import { findUnitByCodeOrPath } from '../../domain/org/unit-lookup-repo.js';
import { CliError, usageError } from '../cli-error.js';
import { actingPersonId, withApp, type GlobalOptions } from '../context.js';
import { readImportFile } from '../import-file.js';
import { formatImportReport } from '../import-report.js';
import type { CliIo } from '../io.js';
import { textTable } from '../text-table.js';
import { unwrap } from '../unwrap.js';

const validity = (months: number | null) =>
  months === null ? 'never expires' : `${months} month${months === 1 ? '' : 's'}`;

export interface CsvImportOptions {
  dryRun?: boolean;
  encoding?: string;
  errors?: string;
}

/**
 * The shared shape of the catalog's import commands: always the dry run first,
 * and the commit (one call, one transaction) only when it found no problem.
 */
export async function runCsvImport(
  app: App,
  calls: { validate: CallName; commit: CallName },
  file: string,
  extra: Record<string, unknown>,
  o: CsvImportOptions,
  g: GlobalOptions,
  io: CliIo,
): Promise<void> {
  const read = readImportFile(file, o.encoding);
  const actorId = actingPersonId(app, g);
  const input = {
    ...extra,
    ...read,
  };
  let summary = unwrap(await app.invoke(calls.validate, input, { actorId })) as CatalogImportSummary;
  if (!summary.errors.length && !o.dryRun)
    summary = unwrap(await app.invoke(calls.commit, input, { actorId })) as CatalogImportSummary;
  const { errorCsv, encoding: _e, delimiter: _d, ...report } = summary;
  io.stdout(
    g.json ? JSON.stringify(report) + '\n' : formatImportReport(report, { dryRun: o.dryRun ?? false }),
  );
  if (!summary.errors.length) return;
  if (o.errors && errorCsv) writeFileSync(o.errors, errorCsv, 'utf8');
  const n = summary.errors.length;
  throw new CliError(
    `The file has ${n} ${n === 1 ? 'problem' : 'problems'}, so nothing was imported` +
      (o.errors && errorCsv ? `; ${o.errors} lists them beside each row.` : '.'),
  );
}

/** Adds the options every import command shares. */
export function withImportOptions(cmd: Command): Command {
  return cmd
    .option('--dry-run', 'check the file and report what would change, writing nothing')
    .option('--encoding <encoding>', `the file's encoding: ${ImportEncoding.options.join(', ')}`, 'auto')
    .option(
      '--errors <file>',
      'when there are problems, write the file again with an Error column to this path',
    );
}

/** Writes an export to --out, or to standard output. */
export function writeExport(csv: string, out: string | undefined, g: GlobalOptions, io: CliIo): void {
  if (!out) return void io.stdout(csv);
  writeFileSync(out, csv, 'utf8');
  io.stdout(g.json ? JSON.stringify({ file: out }) + '\n' : `Wrote ${out}.\n`);
}

export function registerModules(program: Command, io: CliIo) {
  const modules = program
    .command('modules')
    .description('The catalog: courses, quizzes, events, learning paths and external items');
  modules
    .command('list')
    .description('The modules you (or --as) may see, by title')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(ModuleKind.options))
    .addOption(new Option('--status <status>', 'only this status').choices(ModuleStatus.options))
    .action(async (opts: { kind?: ModuleKind; status?: ModuleStatus }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const rows: ModuleRow[] = [];
        for (let offset = 0; ; offset += 500) {
          const page = unwrap(
            await app.invoke(
              'modules.list',
              {
                ...(opts.kind && { kind: opts.kind }),
                ...(opts.status && { status: opts.status }),
                offset,
                limit: 500,
              },
              { actorId },
            ),
          );
          rows.push(...page.rows);
          if (rows.length >= page.total || page.rows.length === 0) break;
        }
        if (g.json)
          return void io.stdout(
            JSON.stringify(
              rows.map((m) => ({
                id: m.id,
                code: m.code,
                title: m.title,
                kind: m.kind,
                status: m.status,
                defaultValidityMonths: m.defaultValidityMonths,
                trainingRecord: m.trainingRecord,
                ownerUnit: m.ownerUnitName,
                currentVersion: m.currentVersion,
              })),
            ) + '\n',
          );
        if (!rows.length) return void io.stdout('No modules within your scope.\n');
        io.stdout(
          textTable([
            ['Code', 'Title', 'Kind', 'Status', 'Validity', 'Training record'],
            ...rows.map((m) => [
              m.code,
              m.title,
              m.kind.replace('_', ' '),
              m.status,
              validity(m.defaultValidityMonths),
              m.trainingRecord ? 'yes' : 'no',
            ]),
          ]),
        );
      });
    });

  withImportOptions(
    modules
      .command('import <file>')
      .description(
        'Create or update modules from a CSV matched by code (Code, Title, Type, Default Validity Months, ' +
          'Training Record); exit 1 and nothing written if any row has a problem',
      )
      .option('--unit <unit>', 'the unit (code or path) that owns new modules (default: the organisation)'),
  ).action(async (file: string, o: CsvImportOptions & { unit?: string }, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    await withApp(g, io, async (app) => {
      let extra = {};
      if (o.unit) {
        const u = findUnitByCodeOrPath(app.db, o.unit);
        if (!u) throw usageError(`There is no unit with the code or path "${o.unit}"`);
        extra = { ownerUnitId: u.id };
      }
      const calls = { validate: 'modules.import.validate', commit: 'modules.import.commit' } as const;
      await runCsvImport(app, calls, file, extra, o, g, io);
    });
  });

  modules
    .command('export')
    .description('Write the modules owned within your scope as a CSV in the import layout (UTF-8 with BOM)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: { out?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const res = unwrap(await app.invoke('modules.export', {}, { actorId: actingPersonId(app, g) }));
        writeExport(res.csv, o.out, g, io);
      });
    });
}
