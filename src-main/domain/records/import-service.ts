import { createHash } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ImportProblem } from '../../../shared/api/schemas/import.js';
import {
  RECORD_EXPORT_EXTRA_COLUMNS,
  RECORD_IMPORT_COLUMNS,
  type DateOrder,
  type RecordImportChange,
  type RecordsImportOpened,
  type RecordsImportSummary,
} from '../../../shared/api/schemas/records-import.js';
import { isoDateOf } from '../../../shared/dates.js';
import { AppError } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import type { Upload } from '../../app/uploads.js';
import { dateOrderProvenBy } from '../../csv/dates.js';
import type { CsvEncoding } from '../../csv/decode.js';
import { CSV_EOL, csvLine, encodeText, rawCsvLine } from '../../csv/encode.js';
import { openTable, readRows, type OpenedTable, type RowCursor } from '../../csv/stream-table.js';
import { syncCertificates } from '../certificates/issue-service.js';
import { recordReach } from './access.js';
import { importLookupRepo } from './import-lookup-repo.js';
import { changeDescriber } from './import-changes.js';
import { rowChecker, type RowResult } from './import-row.js';
import { importWriteRepo } from './import-write-repo.js';

/**
 * The records import (issue 7, `000_*`): open a file once, validate it slice by
 * slice (a dry run), then commit it in one pass inside the call's transaction.
 * Validate and commit run the same row checker (import-row.ts) over the same
 * bytes, so what the dry run promised is what the commit does.
 */

const COLUMNS = RECORD_IMPORT_COLUMNS.map((name) => ({ name, required: true }));
const IGNORED = [...RECORD_EXPORT_EXTRA_COLUMNS, 'Error'];
const PREVIEW_ROWS = 10;
const DATE_ORDER_SCAN_ROWS = 20_000;
/** The summary lists this many errors; errorCount counts them all. */
const ERROR_LIST_CAP = 10_000;

/** How far one pass over the file (a dry run, or a commit) has got, and what it found. */
interface Pass {
  cursor: RowCursor;
  done: boolean;
  rows: number;
  counts: { created: number; updated: number; deleted: number; unchanged: number };
  errors: ImportProblem[];
  errorCount: number;
  rowsWithErrors: number;
  /** Record Ids read so far, with their row (a second mention is an error). */
  seen: Map<string, number>;
  /** The Error column's text, by row: only rows with errors. */
  messages: Map<number, string>;
  /** What the rows do, for the summary (capped like errors). */
  changes: RecordImportChange[];
  changeCount: number;
}

/** What ctx.uploads keeps for an opened records file. */
interface ImportState {
  kind: 'records-import';
  table: OpenedTable;
  dateOrder: DateOrder;
  fileHash: string;
  opened: Omit<RecordsImportOpened, 'token'>;
  pass: Pass;
}

const COUNT_OF = { create: 'created', update: 'updated', delete: 'deleted', unchanged: 'unchanged' } as const;

function newPass(table: OpenedTable): Pass {
  const errors = table.fileErrors.map((e) => ({ ...e }));
  return {
    cursor: table.start,
    done: table.fileErrors.length > 0,
    rows: 0,
    counts: { created: 0, updated: 0, deleted: 0, unchanged: 0 },
    errors,
    errorCount: errors.length,
    rowsWithErrors: 0,
    seen: new Map(),
    messages: new Map(),
    changes: [],
    changeCount: 0,
  };
}

function readState(
  bytes: Uint8Array,
  fileName: string,
  encoding: CsvEncoding | 'auto',
  dateOrder: DateOrder,
  fileHash: string,
): ImportState {
  const table = openTable(bytes, { columns: COLUMNS, ignore: IGNORED, encoding });
  const preview: { row: number; cells: string[] }[] = [];
  let proven: { order: 'dmy' | 'mdy'; row: number; value: string } | null = null;
  let both = false;
  // The first rows' Completion Dates, for the order their unambiguous dates prove (a hint for the
  // screen; reading all of a 200,000-row file here would add a whole pass to every import).
  readRows(table, table.start, DATE_ORDER_SCAN_ROWS, (r) => {
    if (preview.length < PREVIEW_ROWS) preview.push({ row: r.row, cells: r.cells });
    if (both) return;
    const value = r.values['Completion Date'] ?? '';
    const order = value ? dateOrderProvenBy(value) : null;
    if (!order) return;
    if (!proven) proven = { order, row: r.row, value };
    else if (proven.order !== order) both = true;
  });
  return {
    kind: 'records-import',
    table,
    dateOrder,
    fileHash,
    opened: {
      fileName,
      fileHash,
      totalBytes: bytes.byteLength,
      encoding: table.encoding,
      delimiter: table.delimiter,
      dateOrder,
      detectedDateOrder: both ? null : proven,
      header: table.header,
      preview,
      fileErrors: table.fileErrors,
    },
    pass: newPass(table),
  };
}

function mustGet(ctx: AuthedCtx, token: string): { upload: Upload; state: ImportState } {
  const upload = ctx.uploads.get(token, ctx.actor.id);
  const state = upload?.state as ImportState | undefined;
  if (!upload || state?.kind !== 'records-import')
    throw new AppError(
      'not_found',
      'That file is no longer open (an opened file is kept for an hour): open it again.',
    );
  return { upload, state };
}

/**
 * Reads up to maxRows rows of the pass, checking each; `onValid` gets every row
 * without errors (the commit writes it). People, modules and qualification codes
 * are loaded once per call, the actor's edit reach with them.
 */
function scan(
  ctx: AuthedCtx,
  state: ImportState,
  pass: Pass,
  maxRows: number,
  onValid?: (r: RowResult) => void,
  onError?: () => void,
): void {
  if (pass.done) return;
  const lookups = importLookupRepo(ctx.db);
  const people = lookups.people(recordReach(ctx, 'edit'), ctx.actor.id);
  const modules = lookups.modules();
  const qualifications = lookups.qualifications();
  const check = rowChecker({
    lookups,
    people,
    modules,
    qualifications,
    dateOrder: state.dateOrder,
    today: isoDateOf(ctx.clock.now()),
    seen: pass.seen,
  });
  const describe = changeDescriber(people, modules, qualifications);
  const { next, done } = readRows(state.table, pass.cursor, maxRows, (row) => {
    pass.rows++;
    const r = check(row);
    if (r.action === null) {
      pass.rowsWithErrors++;
      pass.errorCount += r.errors.length;
      for (const e of r.errors) if (pass.errors.length < ERROR_LIST_CAP) pass.errors.push(e);
      pass.messages.set(
        row.row,
        r.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join(' '),
      );
      onError?.();
      return;
    }
    pass.counts[COUNT_OF[r.action]]++;
    if (r.action !== 'unchanged') {
      pass.changeCount++;
      if (pass.changes.length < ERROR_LIST_CAP) pass.changes.push(describe(row.row, r));
    }
    onValid?.(r);
  });
  pass.cursor = next;
  pass.done = done;
}

function summaryOf(
  state: ImportState,
  pass: Pass,
  o: { committed: boolean; validOnly: boolean; importId: string | null },
): RecordsImportSummary {
  return {
    encoding: state.table.encoding,
    delimiter: state.table.delimiter,
    dateOrder: state.dateOrder,
    rows: pass.rows,
    counts: { ...pass.counts },
    skipped: o.committed && o.validOnly ? pass.rowsWithErrors : 0,
    errors: pass.errors,
    errorCount: pass.errorCount,
    rowsWithErrors: pass.rowsWithErrors,
    changes: pass.changes,
    changeCount: pass.changeCount,
    committed: o.committed,
    validOnly: o.validOnly,
    importId: o.importId,
  };
}

/**
 * Every row of the file as it was, in its own column order, plus the Error
 * column (an existing one refreshed), in the file's own encoding, BOM and
 * separator, CRLF: the user fixes it where they see the problems and imports it again.
 */
function errorFileOf(
  state: ImportState,
  messages: ReadonlyMap<number, string>,
): { bytes: Uint8Array; rows: number } {
  const t = state.table;
  const existing = t.header.findIndex((h) => h.trim().toLowerCase() === 'error');
  const lines = [csvLine(existing >= 0 ? t.header : [...t.header, 'Error'], t.delimiter)];
  let rows = 0;
  readRows(t, t.start, Number.POSITIVE_INFINITY, (r) => {
    // The file's own cells go back as they were; only the Error text is ours to escape.
    const text = csvLine([messages.get(r.row) ?? ''], t.delimiter);
    const cells = r.cells.map((c, i) => (i === existing ? text : rawCsvLine([c], t.delimiter)));
    if (existing < 0) cells.push(text);
    lines.push(cells.join(t.delimiter));
    rows++;
  });
  // UTF-8 always gets a BOM: without one Excel reads the error file as the local code page.
  const bom = t.bom || t.encoding === 'utf-8';
  return { bytes: encodeText(lines.join(CSV_EOL) + CSV_EOL, t.encoding, bom), rows };
}

const errorFileName = (fileName: string) => `${fileName.replace(/\.(csv|txt|tsv)$/i, '')} - errors.csv`;

const opened = (upload: Upload, state: ImportState): RecordsImportOpened => ({
  token: upload.token,
  ...state.opened,
});

export function openRecordsImport(
  input: ParsedInput<'records.import.open'>,
  ctx: AuthedCtx,
): CallOutput<'records.import.open'> {
  const bytes = new Uint8Array(Buffer.from(input.content, 'base64'));
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const state = readState(bytes, input.fileName, input.encoding, input.dateOrder, fileHash);
  return opened(ctx.uploads.put(ctx.actor.id, input.fileName, bytes, state), state);
}

export function reopenRecordsImport(
  input: ParsedInput<'records.import.reopen'>,
  ctx: AuthedCtx,
): CallOutput<'records.import.reopen'> {
  const { upload, state } = mustGet(ctx, input.token);
  upload.state = readState(upload.bytes, upload.fileName, input.encoding, input.dateOrder, state.fileHash);
  return opened(upload, upload.state as ImportState);
}

export function validateRecordsImport(
  input: ParsedInput<'records.import.validate'>,
  ctx: AuthedCtx,
): CallOutput<'records.import.validate'> {
  const { upload, state } = mustGet(ctx, input.token);
  const pass = state.pass;
  scan(ctx, state, pass, input.maxRows);
  const total = upload.bytes.byteLength;
  const textLength = state.table.text.length || 1;
  return {
    rowsRead: pass.rows,
    bytesRead: pass.done ? total : Math.min(total, Math.round((pass.cursor.offset / textLength) * total)),
    totalBytes: total,
    done: pass.done,
    summary: pass.done
      ? summaryOf(state, pass, { committed: false, validOnly: false, importId: null })
      : null,
  };
}

export function recordsImportErrorFile(
  input: ParsedInput<'records.import.errorFile'>,
  ctx: AuthedCtx,
): CallOutput<'records.import.errorFile'> {
  const { upload, state } = mustGet(ctx, input.token);
  // The error file needs every row's verdict: finish the dry run first if it is still going.
  scan(ctx, state, state.pass, Number.POSITIVE_INFINITY);
  const file = errorFileOf(state, state.pass.messages);
  return {
    fileName: errorFileName(upload.fileName),
    content: Buffer.from(file.bytes).toString('base64'),
    rows: file.rows,
  };
}

export function discardRecordsImport(
  input: ParsedInput<'records.import.discard'>,
  ctx: AuthedCtx,
): CallOutput<'records.import.discard'> {
  if (ctx.uploads.get(input.token, ctx.actor.id)) ctx.uploads.delete(input.token);
  return {};
}

/** Thrown inside the commit's savepoint to undo its writes while still answering with the summary. */
const ROLL_BACK = Symbol('roll back the import');

const n = (x: number) => x.toLocaleString('en-US');

/**
 * One pass over the whole file inside the call's transaction, checking each row
 * again and writing it as it goes, in a savepoint: when a row has errors and not
 * only the valid rows were asked for, the savepoint is rolled back and the
 * caller gets every error with nothing written.
 */
export function commitRecordsImport(
  input: ParsedInput<'records.import.commit'>,
  ctx: AuthedCtx,
): CallOutput<'records.import.commit'> {
  const { upload, state } = mustGet(ctx, input.token);
  const { validOnly } = input;
  const pass = newPass(state.table);
  // A refused commit is a write call that wrote nothing: its audit entry says so and why.
  const refused = () => {
    ctx.audit({
      summary: `Refused to import ${upload.fileName}: ${n(pass.errorCount)} problems in the file; nothing was written`,
      after: { fileName: upload.fileName, fileHash: state.fileHash, rowsWithErrors: pass.rowsWithErrors },
    });
    return summaryOf(state, pass, { committed: false, validOnly, importId: null });
  };
  if (state.table.fileErrors.length) return refused();

  const importId = ctx.ids.uuid();
  const at = ctx.clock.now().toISOString();
  const actorId = ctx.actor.id;
  const write = importWriteRepo(ctx.db);
  let errorFile: Uint8Array | null = null;
  try {
    ctx.db.transaction(() => {
      write.startImport({
        id: importId,
        actorId,
        at,
        fileName: upload.fileName,
        fileHash: state.fileHash,
        encoding: state.table.encoding,
        delimiter: state.table.delimiter,
        dateOrder: state.dateOrder,
        validOnly,
      });
      // Once a row fails an all-or-nothing import, the rest is only checked: it will all be rolled back.
      let writing = true;
      scan(
        ctx,
        state,
        pass,
        Number.POSITIVE_INFINITY,
        (r) => {
          if (!writing) return;
          if (r.action === 'create')
            write.create(ctx.ids.uuid(), r.personId, r.fields, at, actorId, importId);
          else if (r.action === 'update' && r.existing)
            write.update(r.existing.id, r.fields, at, importId, JSON.stringify(r.existing));
          else if (r.action === 'delete' && r.existing)
            write.delete(r.existing.id, importId, JSON.stringify(r.existing));
        },
        () => {
          if (!validOnly) writing = false;
        },
      );
      if (pass.errorCount && !validOnly) throw ROLL_BACK;
      if (pass.errorCount) errorFile = errorFileOf(state, pass.messages).bytes;
      write.finishImport(importId, {
        rowsTotal: pass.rows,
        ...pass.counts,
        skipped: pass.rowsWithErrors,
        errorCount: pass.errorCount,
        errorFile,
      });
    })();
  } catch (e) {
    if (e !== ROLL_BACK) throw e;
    return refused();
  }

  // Issue 8: imported completions may issue (or take away) certificates; one set-based pass.
  syncCertificates(ctx.db, isoDateOf(ctx.clock.now()), { now: at, uuid: () => ctx.ids.uuid() });
  const c = pass.counts;
  const total = c.created + c.updated + c.deleted + c.unchanged;
  const skipped =
    validOnly && pass.rowsWithErrors ? `; ${n(pass.rowsWithErrors)} rows with errors left out` : '';
  ctx.audit({
    targetIds: [importId],
    summary: `Imported ${n(total)} training records from ${upload.fileName}: ${n(c.created)} created, ${n(c.updated)} updated, ${n(c.deleted)} deleted, ${n(c.unchanged)} unchanged${skipped}`,
    after: {
      importId,
      counts: { ...c },
      fileName: upload.fileName,
      fileHash: state.fileHash,
      validOnly,
      skipped: pass.rowsWithErrors,
    },
  });
  ctx.uploads.delete(upload.token);
  return summaryOf(state, pass, { committed: true, validOnly, importId });
}
