import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import {
  RECORD_TYPE_WORDS,
  RECORD_EXPORT_EXTRA_COLUMNS,
  RECORD_IMPORT_COLUMNS,
} from '../../../shared/api/schemas/records-import.js';
import { can } from '../../../shared/permissions/engine.js';
import { reachOf, unionReach } from '../../../shared/permissions/scope.js';
import { forbidden, notFound } from '../../app/app-error.js';
import type { Actor, AuthedCtx } from '../../app/context.js';
import { csvLine } from '../../csv/encode.js';
import type { Db } from '../../db/open.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { personTarget } from '../permissions/target-repo.js';
import { RECORD_PRIVILEGES } from './access.js';
import { recordsExportRepo } from './export-repo.js';

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** Lines are handed to the sink in chunks of about this many characters: few writes, little memory. */
const CHUNK_CHARS = 1 << 16;

const HEADER = [...RECORD_IMPORT_COLUMNS, ...RECORD_EXPORT_EXTRA_COLUMNS];

export interface RecordsExportFilter {
  unitId?: string | undefined;
  personId?: string | undefined;
}

/**
 * Writes the records the actor may view (`000_*` record privileges, in SQL) as
 * CSV in the import layout plus Email, First Name, Last Name: UTF-8 text with a
 * BOM, CRLF. Rows stream from SQLite to `sink` in chunks, so the command line
 * writes 200,000 records to a file without holding them. Takes the actor rather
 * than a call's ctx because the CLI streams outside the dispatcher (reads only,
 * nothing to audit). Returns the number of records written.
 */
export function writeRecordsExport(
  db: Db,
  actor: Actor,
  filter: RecordsExportFilter,
  sink: (chunk: string) => void,
): number {
  const reach = unionReach(RECORD_PRIVILEGES.view.map((p) => reachOf(actor.grants, p)));
  if (!reach.any) throw forbidden('You cannot view training records.');
  if (filter.personId) checkPersonVisible(db, actor, filter.personId);
  if (filter.unitId && !unitFacts(db, filter.unitId)) throw notFound('That unit');
  let buf = BOM + csvLine(HEADER, ',') + CRLF;
  let n = 0;
  for (const r of recordsExportRepo(db).rows({ reach, selfId: actor.id, ...filter })) {
    buf +=
      csvLine(
        [
          r[0],
          r[1],
          RECORD_TYPE_WORDS[r[2]],
          r[3] ?? '',
          r[4],
          r[5],
          r[6],
          r[7] ?? '',
          r[8] ?? '',
          '',
          r[9],
          r[10],
          r[11],
        ],
        ',',
      ) + CRLF;
    n++;
    if (buf.length >= CHUNK_CHARS) {
      sink(buf);
      buf = '';
    }
  }
  if (buf) sink(buf);
  return n;
}

/** A person filter must be someone whose records the actor may view: say so rather than export nothing. */
function checkPersonVisible(db: Db, actor: Actor, personId: string): void {
  const target = personTarget(db, personId);
  if (!target) throw notFound('That person');
  if (!RECORD_PRIVILEGES.view.some((p) => can(actor, p, target, 'you').allowed))
    throw forbidden(`You cannot view ${target.name}’s training records.`);
}

const today = (ctx: AuthedCtx) => ctx.clock.now().toISOString().slice(0, 10);

/** `records.export`: the whole file at once, base64 (the renderer saves it as it is). */
export function exportRecords(
  input: ParsedInput<'records.export'>,
  ctx: AuthedCtx,
): CallOutput<'records.export'> {
  const chunks: string[] = [];
  const rows = writeRecordsExport(ctx.db, ctx.actor, input, (c) => chunks.push(c));
  return {
    fileName: `training-records-${today(ctx)}.csv`,
    content: Buffer.from(chunks.join(''), 'utf8').toString('base64'),
    rows,
  };
}

/** The template's only row, an example to copy and then delete (the importer would import it). */
export const TEMPLATE_EXAMPLE: readonly string[] = [
  '',
  'jane.doe@example.com',
  'External Course',
  '',
  'Working at heights',
  'Safety Training Ltd',
  '2025-03-14',
  'Example row: delete it before importing',
  '',
  '',
];

export function recordsTemplateText(): string {
  return BOM + csvLine(RECORD_IMPORT_COLUMNS, ',') + CRLF + csvLine(TEMPLATE_EXAMPLE, ',') + CRLF;
}

/** `records.template`: the import header and one example row. */
export function recordsTemplate(_input: unknown, _ctx: AuthedCtx): CallOutput<'records.template'> {
  return {
    fileName: 'training-records-template.csv',
    content: Buffer.from(recordsTemplateText(), 'utf8').toString('base64'),
    rows: 1,
  };
}
