import { createApp, type App } from '../app/create-app.js';
import { streamLogger } from '../app/logger.js';
import { openDatabase } from '../db/open.js';
import { loadActor } from '../domain/auth/actor-repo.js';
import { orgRepo } from '../domain/org/repo.js';
import { peopleRepo } from '../domain/people/repo.js';
import { resolveDbPath } from '../platform/paths.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';

export interface GlobalOptions {
  db?: string;
  as?: string;
  json?: boolean;
}

/** Opens the database the global options name, as an app that logs warnings to stderr. */
export function openApp(opts: GlobalOptions, io: CliIo): { app: App; dbPath: string } {
  const dbPath = resolveDbPath({ argDb: opts.db, env: io.env });
  try {
    const db = openDatabase(dbPath);
    return { app: createApp({ db, log: streamLogger(io.stderr, 'warn') }), dbPath };
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The person the CLI acts as: `--as EMAIL`, else the first organisation
 * administrator. Commands then go through the same permission checks as the app.
 */
export function actingPersonId(app: App, opts: GlobalOptions): string {
  if (opts.as) {
    const p = peopleRepo(app.db).byLogin(opts.as.trim().toLowerCase());
    if (!p || !loadActor(app.db, p.id))
      throw new CliError(`No active person with the email or username "${opts.as}".`);
    return p.id;
  }
  const id = orgRepo(app.db).firstAdministratorId();
  if (!id) throw new CliError('This database has no administrator yet: run "fieldbook init" first.');
  return id;
}

/** Opens the app for one command and closes it whatever happens. */
export async function withApp<T>(
  opts: GlobalOptions,
  io: CliIo,
  fn: (app: App, dbPath: string) => Promise<T>,
): Promise<T> {
  const { app, dbPath } = openApp(opts, io);
  try {
    return await fn(app, dbPath);
  } finally {
    app.close();
  }
}

/** A person named on the command line by email or username. */
export function personIdByLogin(app: App, login: string): string {
  const p = peopleRepo(app.db).byLogin(login.trim().toLowerCase());
  if (!p) throw new CliError(`No person with the email or username "${login}".`);
  return p.id;
}
