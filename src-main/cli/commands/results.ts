import type { Command } from 'commander';
import { ResultStatus } from '../../../shared/api/schemas/results.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import type { App } from '../../app/create-app.js';
import { loadActor } from '../../domain/auth/actor-repo.js';
import { moduleRepo } from '../../domain/catalog/module-repo.js';
import { isModuleVisibleTo } from '../../domain/catalog/visibility-repo.js';
import { peopleRepo } from '../../domain/people/repo.js';
import { CliError, usageError } from '../cli-error.js';
import { actingPersonId, withApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { unwrap } from '../unwrap.js';

interface RecordOptions {
  module: string;
  date: string;
  status: string;
  score?: string;
  note?: string;
}

function parseStatus(s: string): ResultStatus {
  const parsed = ResultStatus.safeParse(s);
  if (!parsed.success)
    throw usageError(`--status must be one of ${ResultStatus.options.join(', ')}, not "${s}"`);
  return parsed.data;
}

function parseScore(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (s.trim() === '' || !Number.isFinite(n))
    throw usageError(`--score must be a number from 0 to 100, not "${s}"`);
  return n;
}

/**
 * The module with that code, if the actor can see it. A module outside their
 * catalog gets the same answer as no module at all, so codes do not leak.
 */
function visibleModuleByCode(app: App, actorId: string, code: string) {
  const m = moduleRepo(app.db).byCode(code.trim());
  const actor = loadActor(app.db, actorId);
  if (!m || !actor) return undefined;
  return isModuleVisibleTo(app.db, actorId, m.id, reachOf(actor.grants, 'catalog.view')) ? m : undefined;
}

const quoteList = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');

export function registerResults(program: Command, io: CliIo) {
  const results = program.command('results').description('Results of modules: manual results (001_*)');
  results
    .command('record')
    .description('Record a manual result for one or many people on one date, all in one go or not at all')
    .requiredOption('--module <code>', 'the module’s code')
    .requiredOption('--date <YYYY-MM-DD>', 'when it was completed, passed or failed')
    .requiredOption('--status <status>', 'completed, passed or failed')
    .option('--score <n>', 'score in percent, 0 to 100')
    .option('--note <text>', 'a note kept with the result')
    .argument('<emails...>', 'the people, by email or username')
    .action(async (emails: string[], opts: RecordOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const status = parseStatus(opts.status);
      const score = parseScore(opts.score);
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const module = visibleModuleByCode(app, actorId, opts.module);
        if (!module) throw new CliError(`No module with the code "${opts.module}" that you can see.`);
        // Every unknown email is named at once, before anything is written.
        const people = peopleRepo(app.db);
        const unknown: string[] = [];
        const personIds: string[] = [];
        for (const e of emails) {
          const p = people.byLogin(e.trim().toLowerCase());
          if (p) personIds.push(p.id);
          else unknown.push(e);
        }
        if (unknown.length)
          throw new CliError(
            `No person with the email or username ${quoteList(unknown)}. Nothing was recorded.`,
          );
        const out = unwrap(
          await app.invoke(
            'results.record',
            {
              moduleId: module.id,
              date: opts.date,
              status,
              personIds,
              ...(score !== undefined ? { score } : {}),
              ...(opts.note !== undefined ? { note: opts.note } : {}),
            },
            { actorId },
          ),
        );
        if (g.json) return void io.stdout(JSON.stringify(out.rows) + '\n');
        const n = out.rows.length;
        io.stdout(
          `Recorded ${status} for ${n} ${n === 1 ? 'person' : 'people'} in “${module.title}” on ${opts.date}.\n`,
        );
      });
    });
}
