import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { actingPersonId, openApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { unwrap } from '../unwrap.js';

export function registerAudit(program: Command, io: CliIo) {
  const audit = program.command('audit').description('Inspect the audit log');
  audit
    .command('verify')
    .description('Check the hash chain of the audit log; exit 1 if any entry was altered or removed')
    .action(async (_opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const { app } = openApp(g, io);
      try {
        const v = unwrap(await app.invoke('audit.verify', {}, { actorId: actingPersonId(app, g) }));
        if (g.json) io.stdout(JSON.stringify(v) + '\n');
        if (!v.intact)
          throw new CliError(
            `The audit log was tampered with at entry ${v.brokenAt ?? '?'} (${v.checked} entries checked).`,
          );
        if (!g.json) io.stdout(`The audit log is intact: ${v.checked} entries checked.\n`);
      } finally {
        app.close();
      }
    });
}
