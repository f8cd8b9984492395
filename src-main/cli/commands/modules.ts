import { Option, type Command } from 'commander';
import { ModuleKind, ModuleStatus, type ModuleRow } from '../../../shared/api/schemas/catalog.js';
import { actingPersonId, withApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { unwrap } from '../unwrap.js';

/** Columns padded to their widest cell: readable in a terminal, still easy to cut. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

const validity = (months: number | null) =>
  months === null ? 'never expires' : `${months} month${months === 1 ? '' : 's'}`;

export function registerModules(program: Command, io: CliIo) {
  const modules = program
    .command('modules')
    .description('The catalog: courses, quizzes, events, learning paths and external items');
  modules
    .command('list')
    .description('The modules you (or --as) may see, by title')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(ModuleKind.options))
    .addOption(new Option('--status <status>', 'only this status').choices(ModuleStatus.options))
    .action(async (opts: { kind?: ModuleKind; status?: ModuleStatus }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const rows: ModuleRow[] = [];
        for (let offset = 0; ; offset += 500) {
          const page = unwrap(
            await app.invoke(
              'modules.list',
              {
                ...(opts.kind && { kind: opts.kind }),
                ...(opts.status && { status: opts.status }),
                offset,
                limit: 500,
              },
              { actorId },
            ),
          );
          rows.push(...page.rows);
          if (rows.length >= page.total || page.rows.length === 0) break;
        }
        if (g.json)
          return void io.stdout(
            JSON.stringify(
              rows.map((m) => ({
                id: m.id,
                code: m.code,
                title: m.title,
                kind: m.kind,
                status: m.status,
                defaultValidityMonths: m.defaultValidityMonths,
                trainingRecord: m.trainingRecord,
                ownerUnit: m.ownerUnitName,
                currentVersion: m.currentVersion,
              })),
            ) + '\n',
          );
        if (!rows.length) return void io.stdout('No modules within your scope.\n');
        io.stdout(
          table([
            ['Code', 'Title', 'Kind', 'Status', 'Validity', 'Training record'],
            ...rows.map((m) => [
              m.code,
              m.title,
              m.kind.replace('_', ' '),
              m.status,
              validity(m.defaultValidityMonths),
              m.trainingRecord ? 'yes' : 'no',
            ]),
          ]),
        );
      });
    });
}
