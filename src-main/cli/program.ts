import { Command, CommanderError } from 'commander';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import { registerAssignments } from './commands/assignments.js';
import { registerAudit } from './commands/audit.js';
import { registerCertificates } from './commands/certificates.js';
import { registerCompetences } from './commands/competences.js';
import { registerGrants } from './commands/grants.js';
import { registerInit } from './commands/init.js';
import { registerModules } from './commands/modules.js';
import { registerPeople } from './commands/people.js';
import { registerRecords } from './commands/records.js';
import { registerReport } from './commands/report.js';
import { registerResults } from './commands/results.js';
import { registerServe } from './commands/serve.js';
import { registerUnits } from './commands/units.js';
import type { CliIo } from './io.js';

export const VERSION = '0.1.0';

/** Commander must not exit or print errors itself: runCli turns them into one sentence and an exit code. */
function quietly(cmd: Command, io: CliIo): void {
  cmd
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined });
  for (const sub of cmd.commands) quietly(sub, io);
}

function buildProgram(io: CliIo): Command {
  const program = new Command('fieldbook')
    .description('Fieldbook: offline training records and compliance, from the command line.')
    .version(VERSION, '-v, --version', 'print the version')
    .option('--db <file>', 'database file (default: FIELDBOOK_DB, else the application-data folder)')
    .option(
      '--as <email>',
      'act as this person, with their permissions (default: the first organisation administrator)',
    )
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError(false);
  registerInit(program, io);
  registerServe(program, io);
  registerAudit(program, io);
  registerGrants(program, io);
  registerUnits(program, io);
  registerPeople(program, io);
  registerRecords(program, io);
  registerResults(program, io);
  registerModules(program, io);
  registerReport(program, io);
  registerAssignments(program, io);
  registerCertificates(program, io);
  registerCompetences(program, io);
  quietly(program, io);
  program.addHelpText(
    'after',
    '\nExit codes: 0 done, 1 the input had errors (nothing was written), 2 usage error.\nRun "fieldbook <command> --help" for a command\'s options.',
  );
  return program;
}

const sentence = (s: string) => {
  const t = s.replace(/^error:\s*/i, '').trim();
  return (t[0]?.toUpperCase() ?? '') + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
};

/** Runs the CLI in-process and returns its exit code; nothing here calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    io.stdout(program.helpInformation());
    return EXIT_OK;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT_OK;
      io.stderr(`fieldbook: ${sentence(e.message)}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof CliError) {
      io.stderr(`fieldbook: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`fieldbook: Unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
