import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { isoDateOf } from '../../../shared/dates.js';
import { syncCertificates } from '../certificates/issue-service.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { conflict, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { reachSql } from '../permissions/reach-sql.js';
import { recordAccess } from './access.js';
import { importHistoryRepo, type ImportHistoryDbRow } from './import-history-repo.js';

/** How many changed records an undo refusal names before saying "and N more". */
const NAMED_CONFLICTS = 10;

/**
 * Imports made by people within the viewer's own records.import reach (always including
 * their own). Importers touch only records within their edit reach, so an Organisation Admin
 * sees the organisation's imports, a Master Admin the client organisations' too, and a client
 * organisation's administrator never the licensee's (nor the other way round).
 */
const importers = (ctx: AuthedCtx) =>
  reachSql(reachOf(ctx.actor.grants, 'records.import'), ctx.actor.id, { person: 'p' });

function visibleImport(ctx: AuthedCtx, id: string): ImportHistoryDbRow {
  const row = importHistoryRepo(ctx.db).byId(id, importers(ctx));
  if (!row) throw notFound('That import');
  return row;
}

export function listImports(
  input: ParsedInput<'records.imports.list'>,
  ctx: AuthedCtx,
): CallOutput<'records.imports.list'> {
  const { rows, total } = importHistoryRepo(ctx.db).page({ importers: importers(ctx), ...input });
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorName: r.actor_name,
      fileName: r.file_name,
      fileHash: r.file_hash,
      encoding: r.encoding,
      rows: r.rows_total,
      counts: { created: r.created, updated: r.updated, deleted: r.deleted, unchanged: r.unchanged },
      skipped: r.skipped,
      errorCount: r.error_count,
      validOnly: r.valid_only === 1,
      hasErrorFile: r.has_error_file === 1,
      undoneAt: r.undone_at,
      undoneByName: r.undone_by_name,
    })),
  };
}

/** `records.csv` → `records - errors.csv`. */
const errorFileName = (name: string) => `${name.replace(/\.(csv|txt)$/i, '')} - errors.csv`;

export function importErrorFile(
  input: ParsedInput<'records.imports.errorFile'>,
  ctx: AuthedCtx,
): CallOutput<'records.imports.errorFile'> {
  const row = visibleImport(ctx, input.id);
  const bytes = importHistoryRepo(ctx.db).errorFile(row.id);
  if (!bytes) throw notFound('An error file for that import');
  return { fileName: errorFileName(row.file_name), content: bytes.toString('base64'), rows: row.rows_total };
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Puts every record an import touched back as it was: removes what it created,
 * restores what it updated and re-inserts what it deleted, from the before-images
 * (every column `PRAGMA table_info` lists, so later migrations keep working).
 * Refuses, naming the records, when any of them changed after the import, and
 * needs record-edit reach over every person touched. One audit note.
 */
export function undoImport(
  input: ParsedInput<'records.imports.undo'>,
  ctx: AuthedCtx,
): CallOutput<'records.imports.undo'> {
  const repo = importHistoryRepo(ctx.db);
  const imp = visibleImport(ctx, input.id);
  const day = imp.at.slice(0, 10);
  if (imp.undone_at)
    throw conflict(
      `The import of ${imp.file_name} from ${day} was already undone on ${imp.undone_at.slice(0, 10)}.`,
    );
  const changed = repo.changedSince(imp.id, NAMED_CONFLICTS);
  if (changed.total) {
    const names = changed.named.map((c) => `${c.title} (${c.person_name})`).join(', ');
    const more = changed.total - changed.named.length;
    throw conflict(
      `${plural(changed.total, 'record was', 'records were')} changed after this import, so undoing it ` +
        `would overwrite that work: ${names}${more ? ` and ${more.toLocaleString('en')} more` : ''}. ` +
        'If a later import made those changes, undo it first.',
    );
  }
  // Throws forbidden naming the first person whose records the actor may not change.
  for (const personId of repo.touchedPeople(imp.id)) recordAccess(ctx, personId, 'edit');

  const removed = repo.deleteCreated(imp.id);
  const restore = repo.restorer(repo.recordColumns());
  let restored = 0;
  let broughtBack = 0;
  // Read the before-images first: the restore writes the table the iteration would still be reading.
  const changes = [...repo.changes(imp.id)];
  for (const c of changes) {
    restore(c.action, c.record_id, JSON.parse(c.before) as Record<string, unknown>);
    if (c.action === 'updated') restored++;
    else broughtBack++;
  }
  repo.markUndone(imp.id, ctx.clock.now().toISOString(), ctx.actor.id);
  // The records the import brought may have earned certificates, and those it deleted may come back.
  syncCertificates(ctx.db, isoDateOf(ctx.clock.now()), {
    now: ctx.clock.now().toISOString(),
    uuid: () => ctx.ids.uuid(),
  });
  const result = { removed, restored, broughtBack };
  ctx.audit({
    targetIds: [imp.id],
    summary:
      `Undid the import of ${imp.file_name} from ${day}: removed ${removed.toLocaleString('en')}, ` +
      `restored ${restored.toLocaleString('en')}, brought back ${broughtBack.toLocaleString('en')}`,
    before: { importId: imp.id, fileName: imp.file_name },
    after: { importId: imp.id, ...result },
  });
  return result;
}
