import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ImportEncoding } from '../../../shared/api/schemas/import.js';
import type {
  RecordImportChange,
  RecordImportRow,
  RecordsImportSummary,
} from '../../../shared/api/schemas/records-import.js';
import type { RecordRow } from '../../../shared/api/schemas/records.js';
import type { App } from '../../app/create-app.js';
import { loadActor } from '../../domain/auth/actor-repo.js';
import { findUnitByCodeOrPath } from '../../domain/org/unit-lookup-repo.js';
import { writeRecordsExport } from '../../domain/records/export-service.js';
import { AppError } from '../../app/app-error.js';
import { CliError, usageError } from '../cli-error.js';
import { actingPersonId, personIdByLogin, withApp, type GlobalOptions } from '../context.js';
import { readImportFile } from '../import-file.js';
import type { CliIo } from '../io.js';
import { textTable } from '../text-table.js';
import { unwrap } from '../unwrap.js';

const STATUS: Record<RecordRow['status'], string> = {
  valid: 'valid',
  expiring: 'expiring',
  expired: 'expired',
  no_expiry: 'no expiry',
};

/** One record per line: who, completion date, type, title, provider, expiry and status, qualification code. */
const line = (r: RecordRow): string =>
  [
    r.email,
    r.completionDate,
    r.recordType,
    r.title,
    r.provider,
    r.expiryDate ? `expires ${r.expiryDate}` : '-',
    STATUS[r.status],
    r.qualificationCode ?? '-',
  ].join('\t');

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** A dry run prints this many changes; --json carries them all (up to the summary's cap). */
const PRINTED_CHANGES = 200;

/** "row 7: update Fire safety (Åsa Öberg): Completion Date 2025-05-06 → 2025-05-07". */
function changeLine(c: RecordImportChange): string {
  const what = `${c.title} (${c.person})`;
  if (c.action === 'create') return `row ${c.row}: create ${what}, completed ${c.fields[0]?.to ?? ''}`;
  if (c.action === 'delete') return `row ${c.row}: delete ${what}`;
  const fields = c.fields.map((f) => `${f.column} ${f.from || '(empty)'} → ${f.to || '(empty)'}`).join('; ');
  return `row ${c.row}: update ${what}: ${fields}`;
}

/** The summary a person reads: what was (or would be) done, then every problem by spreadsheet row. */
function formatSummary(s: RecordsImportSummary, dryRun: boolean): string {
  const c = s.counts;
  const tally = `${n(c.created)} created, ${n(c.updated)} updated, ${n(c.deleted)} deleted, ${n(c.unchanged)} unchanged`;
  const lines: string[] = [];
  if (s.committed)
    lines.push(
      `Imported ${plural(s.rows, 'row')}: ${tally}` +
        (s.validOnly ? `; ${plural(s.skipped, 'row')} with problems left out.` : '.'),
    );
  else if (s.errorCount && !(dryRun && s.validOnly))
    lines.push(
      `Nothing was imported: ${plural(s.errorCount, 'problem')} in ${plural(s.rowsWithErrors, 'row')}.`,
    );
  else lines.push(`Dry run, nothing written. ${plural(s.rows, 'row')} read; would have: ${tally}.`);
  if (s.changeCount && !(s.errorCount && !s.validOnly)) {
    lines.push(s.committed ? 'Changes:' : 'Changes it would make:');
    for (const ch of s.changes.slice(0, PRINTED_CHANGES)) lines.push(`  ${changeLine(ch)}`);
    if (s.changeCount > PRINTED_CHANGES)
      lines.push(`  … and ${n(s.changeCount - PRINTED_CHANGES)} more (--json lists up to 10,000).`);
  }
  for (const e of s.errors)
    lines.push(e.column ? `  row ${e.row}, ${e.column}: ${e.message}` : `  row ${e.row}: ${e.message}`);
  if (s.errorCount > s.errors.length) lines.push(`  … and ${n(s.errorCount - s.errors.length)} more.`);
  return lines.join('\n') + '\n';
}

interface ImportOptions {
  dryRun?: boolean;
  validOnly?: boolean;
  dateOrder: 'auto' | 'dmy' | 'mdy' | 'ymd';
  encoding?: string;
  errors?: string;
}

/**
 * open → validate every slice → (error file) → commit, through the same calls as the app.
 * Exit 0 when committed (or a clean dry run); 1, with nothing written, when problems stop it.
 */
async function importFile(app: App, file: string, o: ImportOptions, g: GlobalOptions, io: CliIo) {
  const actorId = actingPersonId(app, g);
  const read = readImportFile(file, o.encoding);
  const opened = unwrap(
    await app.invoke('records.import.open', { ...read, dateOrder: o.dateOrder }, { actorId }),
  );
  if (opened.fileErrors.length) {
    if (g.json) io.stdout(JSON.stringify({ committed: false, fileErrors: opened.fileErrors }) + '\n');
    throw new CliError(`${file} cannot be imported: ${opened.fileErrors.map((e) => e.message).join(' ')}`);
  }
  const token = opened.token;
  let summary: RecordsImportSummary | null = null;
  if (o.dryRun)
    while (!summary) {
      const p = unwrap(await app.invoke('records.import.validate', { token, maxRows: 50_000 }, { actorId }));
      if (p.done) summary = p.summary;
    }
  // Without --dry-run there is no one to show a dry run to: the commit checks every row itself (the
  // same checker) and writes nothing unless all pass, in one pass over the file instead of two.
  else
    summary = unwrap(
      await app.invoke('records.import.commit', { token, validOnly: o.validOnly ?? false }, { actorId }),
    );
  if (summary.errorCount && o.errors) {
    const ef = unwrap(await app.invoke('records.import.errorFile', { token }, { actorId }));
    writeFileSync(o.errors, Buffer.from(ef.content, 'base64'));
  }
  if (!summary.committed) await app.invoke('records.import.discard', { token }, { actorId });
  const blocked = summary.errorCount > 0 && !o.validOnly;
  io.stdout(g.json ? JSON.stringify(summary) + '\n' : formatSummary(summary, o.dryRun ?? false));
  if (blocked || (!o.dryRun && !summary.committed))
    throw new CliError(
      `${plural(summary.errorCount, 'problem')} found, so nothing was imported` +
        (o.errors ? `; ${o.errors} lists them beside each row.` : '.'),
    );
}

/**
 * Streams the export straight from SQLite to the file (or stdout) in chunks, so 200,000
 * records never sit in memory: the one command that does not go through a call, as a
 * read with the same reach rules (writeRecordsExport checks them for the actor).
 */
function exportTo(
  app: App,
  actorId: string,
  filter: { unitId?: string; personId?: string },
  out: string | undefined,
  io: CliIo,
) {
  const actor = loadActor(app.db, actorId);
  if (!actor) throw new CliError('The acting person is not active.');
  const fd = out ? openSync(out, 'w') : null;
  try {
    return writeRecordsExport(app.db, actor, filter, (chunk) =>
      fd === null ? io.stdout(chunk) : writeSync(fd, chunk, null, 'utf8'),
    );
  } catch (e) {
    if (e instanceof AppError) throw new CliError(e.message);
    throw e;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

const historyLine = (r: RecordImportRow): string[] => [
  r.id,
  r.at.slice(0, 16).replace('T', ' '),
  r.actorName,
  r.fileName,
  `${r.counts.created}/${r.counts.updated}/${r.counts.deleted}/${r.counts.unchanged}`,
  r.validOnly ? `valid only, ${r.skipped} left out` : '',
  r.undoneAt ? `undone ${r.undoneAt.slice(0, 10)} by ${r.undoneByName ?? '?'}` : '',
];

export function registerRecords(program: Command, io: CliIo) {
  const records = program.command('records').description('Training records');
  records
    .command('list')
    .description('The training records you (or --as) may see')
    .option('--person <email>', "only this person's records")
    .action(async (opts: { person?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const filter = opts.person ? { personId: personIdByLogin(app, opts.person) } : {};
        const rows: RecordRow[] = [];
        for (let offset = 0; ; offset += 500) {
          const page = unwrap(
            await app.invoke('records.list', { ...filter, offset, limit: 500 }, { actorId }),
          );
          rows.push(...page.rows);
          if (rows.length >= page.total || page.rows.length === 0) break;
        }
        if (g.json) return void io.stdout(JSON.stringify(rows) + '\n');
        if (!rows.length) return void io.stdout('No training records.\n');
        for (const r of rows) io.stdout(line(r) + '\n');
      });
    });
  registerRecordsCsv(records, io);
}

/** import, export, template, imports, undo-import: the `000_*` CSV round trip. */
function registerRecordsCsv(records: Command, io: CliIo) {
  records
    .command('import <file>')
    .description(
      'Import training records from a CSV (the 000 layout): checks every row first; exit 1 and nothing ' +
        'written if any row has a problem (unless --valid-only)',
    )
    .option('--dry-run', 'check the file and report what would change, writing nothing')
    .option('--valid-only', 'import the rows without problems and leave the others out')
    .addOption(
      new Option('--date-order <order>', 'how to read 03/04/2025: dmy (3 April), mdy (4 March) or ymd')
        .choices(['dmy', 'mdy', 'ymd'])
        .default('auto'),
    )
    .option('--encoding <encoding>', `the file's encoding: ${ImportEncoding.options.join(', ')}`, 'auto')
    .option('--errors <file>', 'when there are problems, write the file again with an Error column here')
    .action(async (file: string, o: ImportOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, (app) => importFile(app, file, o, g, io));
    });

  records
    .command('export')
    .description(
      'Write the training records you may see as CSV (import layout + Email, First Name, Last Name)',
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--unit <unit>', 'only people in this unit (code or path) and below')
    .option('--person <email>', "only this person's records")
    .action(async (o: { out?: string; unit?: string; person?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const filter: { unitId?: string; personId?: string } = {};
        if (o.unit) {
          const u = findUnitByCodeOrPath(app.db, o.unit);
          if (!u) throw usageError(`There is no unit with the code or path "${o.unit}"`);
          filter.unitId = u.id;
        }
        if (o.person) filter.personId = personIdByLogin(app, o.person);
        const rows = exportTo(app, actingPersonId(app, g), filter, o.out, io);
        if (o.out)
          io.stdout(
            g.json
              ? JSON.stringify({ file: o.out, rows }) + '\n'
              : `Wrote ${plural(rows, 'record')} to ${o.out}.\n`,
          );
      });
    });

  records
    .command('template')
    .description('Write a CSV template: the import header and one example row to delete')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (o: { out?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const t = unwrap(await app.invoke('records.template', {}, { actorId: actingPersonId(app, g) }));
        const bytes = Buffer.from(t.content, 'base64');
        if (!o.out) return void io.stdout(bytes.toString('utf8'));
        writeFileSync(o.out, bytes);
        io.stdout(g.json ? JSON.stringify({ file: o.out }) + '\n' : `Wrote ${o.out}.\n`);
      });
    });

  records
    .command('imports')
    .description('The training-record import history, newest first')
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const rows: RecordImportRow[] = [];
        for (let offset = 0; ; offset += 500) {
          const page = unwrap(await app.invoke('records.imports.list', { offset, limit: 500 }, { actorId }));
          rows.push(...page.rows);
          if (rows.length >= page.total || page.rows.length === 0) break;
        }
        if (g.json) return void io.stdout(JSON.stringify(rows) + '\n');
        if (!rows.length) return void io.stdout('No training-record imports.\n');
        io.stdout(
          textTable([
            ['Id', 'When (UTC)', 'By', 'File', 'Created/updated/deleted/unchanged', 'Valid only', 'Undone'],
            ...rows.map(historyLine),
          ]),
        );
      });
    });

  records
    .command('undo-import <id>')
    .description('Undo an import: remove what it created, restore what it changed or deleted')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const r = unwrap(
          await app.invoke('records.imports.undo', { id }, { actorId: actingPersonId(app, g) }),
        );
        io.stdout(
          g.json
            ? JSON.stringify(r) + '\n'
            : `Undone: removed ${n(r.removed)}, restored ${n(r.restored)}, brought back ${n(r.broughtBack)}.\n`,
        );
      });
    });
}
