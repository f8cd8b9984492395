import type { Command } from 'commander';
import { seedDemo, DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../../demo/seed-demo.js';
import { CliError, usageError } from '../cli-error.js';
import { openApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { unwrap } from '../unwrap.js';

interface InitOptions {
  demo?: boolean;
  org?: string;
  adminEmail?: string;
  adminName?: string;
}

function splitName(full: string): { firstName: string; lastName: string } {
  const parts = full.trim().split(/\s+/);
  if (parts.length < 2)
    throw usageError('--admin-name needs a first and a last name, e.g. --admin-name "Åsa Öberg".');
  return { lastName: parts.pop() ?? '', firstName: parts.join(' ') };
}

async function readPassword(io: CliIo): Promise<string> {
  const fromEnv = io.env.FIELDBOOK_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const piped = await io.readStdin();
  if (piped === null) {
    throw usageError(
      'Give the administrator password on standard input or in FIELDBOOK_ADMIN_PASSWORD (never on the command line).',
    );
  }
  return piped.replace(/\r?\n$/, '');
}

export function registerInit(program: Command, io: CliIo) {
  program
    .command('init')
    .description('Create the organisation and its first administrator in a new database')
    .option('--demo', `fill it with a demo organisation (sign in as ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD})`)
    .option('--org <name>', 'organisation name')
    .option('--admin-email <email>', "first administrator's email")
    .option('--admin-name <name>', "first administrator's full name")
    .addHelpText(
      'after',
      '\nThe administrator password is read from standard input or FIELDBOOK_ADMIN_PASSWORD.\n' +
        'Example: echo "a long passphrase" | fieldbook --db site.db init --org "Norrland Mining" \\\n' +
        '           --admin-email asa@example.com --admin-name "Åsa Öberg"',
    )
    .action(async (opts: InitOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions & InitOptions>();
      if (opts.demo && (opts.org || opts.adminEmail || opts.adminName)) {
        throw usageError(
          '--demo makes its own organisation and administrator: leave out --org, --admin-email and --admin-name.',
        );
      }
      if (!opts.demo && !(opts.org && opts.adminEmail && opts.adminName)) {
        throw usageError('Give --org, --admin-email and --admin-name (or --demo for a demo organisation).');
      }
      const { app, dbPath } = openApp(g, io);
      try {
        const status = unwrap(await app.invoke('setup.status', {}));
        if (!status.needsSetup) {
          throw new CliError(
            `${dbPath} already holds the organisation "${status.organisationName ?? ''}"; nothing was changed.`,
          );
        }
        if (opts.demo) {
          const summary = await seedDemo(app);
          if (g.json) io.stdout(JSON.stringify({ database: dbPath, demo: true, ...summary }) + '\n');
          else
            io.stdout(
              `Created the demo organisation "${summary.organisation}" with ${summary.people} people, ${summary.modules} modules\n` +
                `and ${summary.results} training results in ${dbPath}.\n` +
                `Sign in as ${DEMO_ADMIN_EMAIL} with the password ${DEMO_PASSWORD}.\n`,
            );
          return;
        }
        const password = await readPassword(io);
        const result = unwrap(
          await app.invoke('setup.create', {
            organisationName: opts.org ?? '',
            email: opts.adminEmail ?? '',
            password,
            ...splitName(opts.adminName ?? ''),
          }),
        );
        if (g.json)
          io.stdout(
            JSON.stringify({
              database: dbPath,
              demo: false,
              organisation: opts.org,
              administrator: result.email,
            }) + '\n',
          );
        else io.stdout(`Created "${opts.org ?? ''}" in ${dbPath}. Sign in as ${result.email}.\n`);
      } finally {
        app.close();
      }
    });
}
