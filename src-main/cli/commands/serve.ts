import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { scheduleDaily } from '../../app/daily.js';
import { startServer } from '../../server/http-server.js';
import { ensureRendererBuilt, RENDERER_DIR } from '../../server/renderer-build.js';
import { CliError, usageError } from '../cli-error.js';
import { openApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no desktop browser: the printed URL is enough
  child.unref();
}

export function registerServe(program: Command, io: CliIo) {
  program
    .command('serve')
    .description('Run Fieldbook in browser mode on 127.0.0.1 (no Electron needed)')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--open', 'open the system browser at the address')
    .action(async (opts: { port?: string; open?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const port = opts.port === undefined ? 0 : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw usageError(`--port must be a number from 0 to 65535, not "${opts.port}".`);
      const buildError = ensureRendererBuilt((line) => io.stderr(line + '\n'));
      if (buildError) throw new CliError(buildError);
      const { app, dbPath } = openApp(g, io);
      let server;
      try {
        server = await startServer({ app, rendererDir: RENDERER_DIR, port });
      } catch (e) {
        app.close();
        const code = (e as NodeJS.ErrnoException).code;
        throw new CliError(
          code === 'EADDRINUSE' ? `Port ${port} is already in use; pick another with --port.` : String(e),
        );
      }
      // Issue 8: what time passing changes (expiries, certificates), now and whenever the date changes.
      const stopDaily = scheduleDaily(app);
      if (g.json) io.stdout(JSON.stringify({ url: server.url, database: dbPath }) + '\n');
      else
        io.stdout(
          `Fieldbook is running in browser mode at ${server.url}\nDatabase: ${dbPath}\nPress Ctrl+C to stop.\n`,
        );
      if (opts.open) openBrowser(server.url);
      await io.untilStopped();
      stopDaily();
      await server.close();
      app.close();
    });
}
