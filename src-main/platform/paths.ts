import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The folder Electron's `app.getPath('userData')` gives for a product named
 * Fieldbook, computed without Electron so that the CLI and browser mode open the
 * same database as the desktop app.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Fieldbook');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Fieldbook');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Fieldbook');
}

/** `--db FILE` wins, then `FIELDBOOK_DB`, then the application-data folder. */
export function resolveDbPath(opts: { argDb?: string | undefined; env?: NodeJS.ProcessEnv }): string {
  const env = opts.env ?? process.env;
  if (opts.argDb) return resolve(opts.argDb);
  if (env.FIELDBOOK_DB) return resolve(env.FIELDBOOK_DB);
  return join(defaultDataDir(env), 'fieldbook.db');
}
