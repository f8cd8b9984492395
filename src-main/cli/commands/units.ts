import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { UnitsImportSummary } from '../../../shared/api/schemas/units.js';
import { CliError, usageError } from '../cli-error.js';
import { actingPersonId, withApp, type GlobalOptions } from '../context.js';
import { formatImportReport } from '../import-report.js';
import type { CliIo } from '../io.js';
import { textTable } from '../text-table.js';
import { unwrap } from '../unwrap.js';

interface ImportOptions {
  dryRun?: boolean;
  errors?: string;
  encoding?: 'auto' | 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
}

const ENCODINGS = ['auto', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];

export function registerUnits(program: Command, io: CliIo) {
  const units = program.command('units').description('The unit tree: organisation, regions, sites and below');

  units
    .command('import <file>')
    .description(
      'Create and update units from a CSV with the columns Code, Name, Parent Code, Level. An empty Parent Code ' +
        'puts the unit directly under the organisation; parents may come before or after their children; ' +
        'a Code already in Fieldbook updates that unit; an empty Level keeps the level a unit has.',
    )
    .option('--dry-run', 'check the file and report what would change, writing nothing')
    .option('--errors <out.csv>', 'when there are problems, write the file again with an Error column')
    .option('--encoding <name>', `the file's encoding: ${ENCODINGS.join(', ')}`, 'auto')
    .action(async (file: string, opts: ImportOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (opts.encoding && !ENCODINGS.includes(opts.encoding))
        throw usageError(`Unknown encoding "${opts.encoding}": use one of ${ENCODINGS.join(', ')}.`);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        throw new CliError(`Cannot read the file "${file}".`);
      }
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const input = { content: bytes.toString('base64'), encoding: opts.encoding ?? 'auto' };
        let report: UnitsImportSummary = unwrap(
          await app.invoke('units.import.validate', input, { actorId }),
        );
        if (report.errors.length) {
          if (opts.errors && report.errorCsv) await writeFile(opts.errors, report.errorCsv, 'utf8');
          const text = formatImportReport(report, { dryRun: !!opts.dryRun });
          const [headline = '', ...lines] = text.trimEnd().split('\n');
          if (g.json) io.stdout(JSON.stringify(report) + '\n');
          else io.stderr(lines.join('\n') + '\n');
          throw new CliError(headline);
        }
        if (!opts.dryRun) report = unwrap(await app.invoke('units.import.commit', input, { actorId }));
        io.stdout(
          g.json ? JSON.stringify(report) + '\n' : formatImportReport(report, { dryRun: !!opts.dryRun }),
        );
      });
    });

  units
    .command('list')
    .description('The units within your scope: code, name, path, level and active people')
    .option('--archived', 'include archived units')
    .action(async (opts: { archived?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const tree = unwrap(
          await app.invoke(
            'units.tree',
            { includeArchived: !!opts.archived },
            { actorId: actingPersonId(app, g) },
          ),
        );
        const rows = tree.units
          .filter((u) => !u.outOfScope)
          .map((u) => ({
            code: u.code,
            name: u.name,
            path: u.path,
            level: u.level,
            peopleCount: u.peopleCount ?? 0,
            archived: u.archived,
          }));
        if (g.json) return void io.stdout(JSON.stringify(rows) + '\n');
        if (!rows.length) return void io.stdout('No units within your scope.\n');
        io.stdout(
          textTable([
            ['Code', 'Name', 'Path', 'Level', 'People'],
            ...rows.map((r) => [
              r.code ?? '',
              r.name + (r.archived ? ' (archived)' : ''),
              r.path,
              r.level ?? '',
              String(r.peopleCount),
            ]),
          ]),
        );
      });
    });
}
