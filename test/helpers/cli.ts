import { runCli } from '../../src-main/cli/program.js';

/** Runs the CLI in-process with captured output, as a user's terminal would see it. */
export async function cli(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => opts.stdin ?? null,
    env: opts.env ?? {},
    untilStopped: async () => undefined,
  });
  return { code, stdout, stderr };
}

/** `init` for Norrland Mining with asa@example.com (Åsa Öberg) as its administrator; the password goes separately. */
export const initArgs = (db: string): string[] => [
  '--db',
  db,
  'init',
  '--org',
  'Norrland Mining',
  '--admin-email',
  'asa@example.com',
  '--admin-name',
  'Åsa Öberg',
];

/** A new database with the organisation Norrland Mining and its administrator asa@example.com, made by `init`. */
export async function initDatabase(db: string): Promise<string> {
  const r = await cli(
    [
      '--db',
      db,
      'init',
      '--org',
      'Norrland Mining',
      '--admin-email',
      'asa@example.com',
      '--admin-name',
      'Åsa Öberg',
    ],
    { env: { FIELDBOOK_ADMIN_PASSWORD: 'a long passphrase' } },
  );
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  return db;
}
