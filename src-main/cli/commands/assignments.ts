import type { Command } from 'commander';
import { actingPersonId, withApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { unwrap } from '../unwrap.js';
import { runCsvImport, withImportOptions, writeExport, type CsvImportOptions } from './modules.js';

export function registerAssignments(program: Command, io: CliIo) {
  const assignments = program
    .command('assignments')
    .description('Who must do which modules: training configurations as CSV, one row per target and module');

  withImportOptions(
    assignments
      .command('import <file>')
      .description(
        'Add or change modules of training configurations from a CSV (Target Type, Target, Module Code, Status, ' +
          'Validity Months, Due Date); rows for a target go into its configuration, or a new ' +
          '"<target> (imported)" one; exit 1 and nothing written if any row has a problem',
      ),
  ).action(async (file: string, o: CsvImportOptions, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const calls = { validate: 'assignments.import.validate', commit: 'assignments.import.commit' } as const;
    await withApp(g, io, (app) => runCsvImport(app, calls, file, {}, o, g, io));
  });

  assignments
    .command('export')
    .description(
      'Write the modules of the training configurations within your scope as a CSV in the import layout',
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: { out?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const res = unwrap(await app.invoke('assignments.export', {}, { actorId: actingPersonId(app, g) }));
        writeExport(res.csv, o.out, g, io);
      });
    });
}
