import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { startServer } from '../../server/http-server.js';
import { CliError, usageError } from '../cli-error.js';
import { openApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RENDERER_DIR = join(ROOT, 'out', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** In a source checkout, build the renderer when it is missing or older than its sources. */
function ensureRenderer(io: CliIo): void {
  const index = join(RENDERER_DIR, 'index.html');
  const sources = [join(ROOT, 'src-renderer'), join(ROOT, 'shared')].filter((d) => existsSync(d));
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built && (sources.length === 0 || Math.max(...sources.map(newestMtime)) <= built)) return;
  if (sources.length === 0) throw new CliError(`The user interface is missing from ${RENDERER_DIR}.`);
  io.stderr('Building the user interface (first run or after changes)…\n');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new CliError('Building the user interface failed (see the messages above).');
}

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
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port must be a number from 0 to 65535, not "${opts.port}".`);
      ensureRenderer(io);
      const { app, dbPath } = openApp(g, io);
      let server;
      try {
        server = await startServer({ app, rendererDir: RENDERER_DIR, port });
      } catch (e) {
        app.close();
        const code = (e as NodeJS.ErrnoException).code;
        throw new CliError(code === 'EADDRINUSE' ? `Port ${port} is already in use; pick another with --port.` : String(e));
      }
      if (g.json) io.stdout(JSON.stringify({ url: server.url, database: dbPath }) + '\n');
      else io.stdout(`Fieldbook is running in browser mode at ${server.url}\nDatabase: ${dbPath}\nPress Ctrl+C to stop.\n`);
      if (opts.open) openBrowser(server.url);
      await io.untilStopped();
      await server.close();
      app.close();
    });
}
