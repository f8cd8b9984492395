import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { CompetenceNode } from '../../../shared/api/schemas/competences.js';
import { competenceCodeKey } from '../../../shared/competences/code-key.js';
import type { App } from '../../app/create-app.js';
import { matrixRepo } from '../../domain/competences/matrix-repo.js';
import { competenceReportCsv } from '../../domain/competences/report-service.js';
import { isIsoDate } from '../../../shared/dates.js';
import { findUnitByCodeOrPath } from '../../domain/org/unit-lookup-repo.js';
import { CliError, usageError } from '../cli-error.js';
import { actingPersonId, withApp, type GlobalOptions } from '../context.js';
import { readImportFile } from '../import-file.js';
import type { CliIo } from '../io.js';
import { textTable } from '../text-table.js';
import { unwrap } from '../unwrap.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const days = (d: number | null) => (d === null ? 'never expires' : plural(d, 'day'));

/** The whole tree (archived nodes too, so unmapping from one still works), parents before children. */
export async function competenceTree(app: App, actorId: string): Promise<CompetenceNode[]> {
  return unwrap(await app.invoke('competences.tree', { includeArchived: true }, { actorId })).nodes;
}

/** A competence named on the command line by its code (case-insensitive). */
export function competenceByCode(nodes: readonly CompetenceNode[], code: string): CompetenceNode {
  const wanted = competenceCodeKey(code.trim());
  const node = nodes.find((n) => competenceCodeKey(n.code) === wanted);
  if (!node)
    throw new CliError(
      `There is no competence with the code "${code}": "fieldbook competences list" shows the codes.`,
    );
  return node;
}

/** A module named by its code, through the catalog call (so only modules the acting person may see). */
async function moduleByCode(app: App, actorId: string, code: string) {
  const wanted = code.trim().toLowerCase();
  const { rows } = unwrap(
    await app.invoke('modules.options', { search: code.trim(), limit: 200 }, { actorId }),
  );
  const m = rows.find((r) => r.code.toLowerCase() === wanted);
  if (!m)
    throw new CliError(
      `There is no module with the code "${code}": "fieldbook modules list" shows the codes.`,
    );
  return m;
}

/** How deep each node sits (0 at the top), for indenting the list. */
function depths(nodes: readonly CompetenceNode[]): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  const of = (n: CompetenceNode): number => {
    const known = depth.get(n.id);
    if (known !== undefined) return known;
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    const d = parent ? of(parent) + 1 : 0;
    depth.set(n.id, d);
    return d;
  };
  nodes.forEach(of);
  return depth;
}

async function importTreeFile(app: App, file: string, dryRun: boolean, g: GlobalOptions, io: CliIo) {
  const read = readImportFile(file, undefined);
  const res = unwrap(
    await app.invoke(
      'competences.importTree',
      { fileName: read.fileName, base64: read.content, dryRun },
      { actorId: actingPersonId(app, g) },
    ),
  );
  const tally = `${res.created} created, ${res.updated} updated, ${res.unchanged} unchanged`;
  if (g.json) io.stdout(JSON.stringify(res) + '\n');
  if (res.errors.length) {
    for (const e of res.errors)
      io.stderr(e.column ? `  row ${e.row}, ${e.column}: ${e.message}\n` : `  row ${e.row}: ${e.message}\n`);
    throw new CliError(
      `${file} has ${plural(res.errors.length, 'problem')} (listed above by row), so nothing was imported.`,
    );
  }
  if (!g.json)
    io.stdout(
      res.written
        ? `Imported the competence tree: ${tally}.\n`
        : `Dry run, nothing written. Would have: ${tally}.\n`,
    );
}

/** map / unmap: the competence's current module list plus or minus this one, through saveMappings. */
async function changeMapping(
  app: App,
  moduleCode: string,
  competenceCode: string,
  add: boolean,
  g: GlobalOptions,
  io: CliIo,
) {
  const actorId = actingPersonId(app, g);
  const competence = competenceByCode(await competenceTree(app, actorId), competenceCode);
  const module = await moduleByCode(app, actorId, moduleCode);
  const current = competence.modules.map((m) => m.moduleId);
  const mapped = current.includes(module.id);
  const label = `${module.code} → ${competence.code}`;
  if (add === mapped) {
    const state = add ? 'already mapped' : 'not mapped';
    if (g.json) io.stdout(JSON.stringify({ changed: false, people: 0, grants: 0, kept: 0 }) + '\n');
    else io.stdout(`${module.code} is ${state} to ${competence.code}: nothing to do.\n`);
    return;
  }
  const moduleIds = add ? [...current, module.id] : current.filter((id) => id !== module.id);
  const saved = unwrap(
    await app.invoke('competences.saveMappings', { competenceId: competence.id, moduleIds }, { actorId }),
  );
  // Unmapping keeps every grant the module gave (003_*): say how many stay.
  const kept = add ? 0 : matrixRepo(app.db).grantsFrom(module.id, competence.id);
  if (g.json)
    return void io.stdout(
      JSON.stringify({ changed: true, people: saved.people, grants: saved.grants, kept }) + '\n',
    );
  io.stdout(
    add
      ? `Mapped ${label}: ${plural(saved.people, 'person', 'people')} got it from earlier completions.\n`
      : `Unmapped ${label}: kept the ${plural(kept, 'grant')} already given.\n`,
  );
}

export function registerCompetences(program: Command, io: CliIo) {
  const competences = program
    .command('competences')
    .description('The competence tree and the modules that give each competence');

  competences
    .command('list')
    .description('The competence tree, indented, with default validity and the modules that give each')
    .option('--include-archived', 'show archived competences too')
    .action(async (o: { includeArchived?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const res = unwrap(
          await app.invoke(
            'competences.tree',
            { includeArchived: o.includeArchived ?? false },
            { actorId: actingPersonId(app, g) },
          ),
        );
        if (g.json) return void io.stdout(JSON.stringify(res.nodes) + '\n');
        if (!res.nodes.length)
          return void io.stdout('No competences yet: "fieldbook competences import FILE" creates them.\n');
        const depth = depths(res.nodes);
        io.stdout(
          textTable([
            ['Code', 'Name', 'Valid for', 'Modules'],
            ...res.nodes.map((n) => [
              '  '.repeat(depth.get(n.id) ?? 0) + n.code,
              n.name + (n.archived ? ' (archived)' : ''),
              days(n.defaultDays),
              n.modules.map((m) => m.code).join(', ') || '-',
            ]),
          ]),
        );
      });
    });

  competences
    .command('import <file>')
    .description(
      'Create or update the competence tree from a CSV matched by code (Code, Name, Parent Code, Default Days; ' +
        'any encoding, "," or ";"); exit 1 and nothing written if any row has a problem',
    )
    .option('--dry-run', 'check the file and report what would change, writing nothing')
    .action(async (file: string, o: { dryRun?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, (app) => importTreeFile(app, file, o.dryRun ?? false, g, io));
    });

  competences
    .command('map <moduleCode> <competenceCode>')
    .description(
      'Make a module give a competence; everyone who already completed it gets the competence, ' +
        'valid from their own completion date',
    )
    .action(async (moduleCode: string, competenceCode: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, (app) => changeMapping(app, moduleCode, competenceCode, true, g, io));
    });

  competences
    .command('unmap <moduleCode> <competenceCode>')
    .description('Stop a module giving a competence; the competences it already gave are kept')
    .action(async (moduleCode: string, competenceCode: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, (app) => changeMapping(app, moduleCode, competenceCode, false, g, io));
    });
}

interface CompetenceReportOptions {
  asOf?: string;
  format: 'csv' | 'json';
  unit?: string;
  category?: string;
  out?: string;
}

/** `fieldbook report competences`: the competences.report call, to standard output or --out. */
export function registerCompetenceReport(report: Command, io: CliIo) {
  report
    .command('competences')
    .description(
      'The competences held by the people in your scope, as of a date (Email, First Name, Last Name, ' +
        'Competence Code, Competence Name, Valid From, Valid Until, Status, Source Module)',
    )
    .option('--as-of <date>', 'the date to report on, YYYY-MM-DD (default: today)')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('--unit <unit>', 'only people in this unit (code or path) and the units below it')
    .option('--category <code>', 'only this competence (by code) and the competences below it')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: CompetenceReportOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (o.asOf !== undefined && !isIsoDate(o.asOf))
        throw usageError(`--as-of must be a date as YYYY-MM-DD, not "${o.asOf}"`);
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const unit = o.unit ? findUnitByCodeOrPath(app.db, o.unit) : undefined;
        if (o.unit && !unit) throw new CliError(`There is no unit with the code or path "${o.unit}".`);
        const category = o.category
          ? competenceByCode(await competenceTree(app, actorId), o.category)
          : undefined;
        const res = unwrap(
          await app.invoke(
            'competences.report',
            {
              // Rows either way: the CSV is written here by the call's own writer, and the count is known.
              format: 'json',
              ...(o.asOf && { asOf: o.asOf }),
              ...(unit && { unitId: unit.id }),
              ...(category && { categoryId: category.id }),
            },
            { actorId },
          ),
        );
        const rows = res.rows ?? [];
        const text =
          o.format === 'csv'
            ? competenceReportCsv(rows)
            : rows.length
              ? `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`
              : '[]\n';
        if (!o.out) return void io.stdout(text);
        try {
          writeFileSync(o.out, text, 'utf8');
        } catch {
          throw usageError(`Cannot write the file ${o.out}`);
        }
        io.stderr(`Wrote ${plural(rows.length, 'row')} to ${o.out}.\n`);
      });
    });
}
