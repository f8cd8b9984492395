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
