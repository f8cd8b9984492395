import { reachOf } from '../../../shared/permissions/scope.js';
import type { Actor } from '../../app/context.js';
import { writeCsv } from '../../csv/write-csv.js';
import type { Db } from '../../db/open.js';
import type { FileStore } from '../../files/file-store.js';
import type { CertificateTemplateData } from '../../pdf/certificate-data.js';
import { renderCertificatePdf, renderMergedPdf } from '../../pdf/render.js';
import { certificateListRepo, type ListFilter } from './certificate-list-repo.js';
import type { CertificateDbRow } from './certificate-repo.js';
import { folderSink, type ExportSink } from './export-sinks.js';
import { certificateFileName } from './file-names.js';
import { pdfDataOf } from './pdf-data.js';
import { shortCodeOf } from './signing.js';

/** The list's filters (unit and below, configuration, module, status, issued between, search). */
export type ExportFilter = Omit<ListFilter, 'reach'>;

export interface WriteOptions {
  merged: boolean;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * A certificate that cannot be rendered: without this the export stops at the
   * first one; with it the rest are still written and it is left out of the index.
   */
  onFailure?: ((message: string) => void) | undefined;
}

export interface ExportOptions extends ExportFilter, WriteOptions {
  out: string;
}

export const MERGED_FILE = 'certificates.pdf';
export const INDEX_FILE = 'index.csv';

const INDEX_HEADER = [
  'File',
  'Number',
  'Short Code',
  'Last Name',
  'First Name',
  'Email',
  'Unit',
  'Title',
  'Completed',
  'Issued',
  'Expires',
  'Status',
  'Reason',
] as const;

/**
 * PDFs rendered at once in the worker pool; they are written in order as they
 * come back. The first few go one at a time: a short export is done before
 * more workers (each loading the fonts) would have started.
 */
const IN_FLIGHT = 4;
const ALONE = 8;

/** The certificates an export covers: the list's filters, within the actor's certificates.manage reach. */
export function exportRows(db: Db, actor: Actor, filter: ExportFilter): CertificateDbRow[] {
  return certificateListRepo(db).forExport({
    ...filter,
    reach: { reach: reachOf(actor.grants, 'certificates.manage'), selfId: actor.id },
  });
}

/** `<Last> <First> - <Title> - <Number>.pdf` for each row; a second identical name gets " (2)". */
function uniqueFileNames(rows: readonly CertificateDbRow[]): string[] {
  const used = new Set<string>();
  return rows.map((c) => {
    let name = certificateFileName(c);
    for (let n = 2; used.has(name.toLowerCase()); n++)
      name = certificateFileName({ ...c, number: `${c.number} (${n})` });
    used.add(name.toLowerCase());
    return name;
  });
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Writes `rows` into `sink`: one PDF per certificate with a predictable,
 * Windows-safe name, or one merged PDF with a page each; plus index.csv listing
 * what was written. A few PDFs render at once in the workers and each is handed
 * to the sink as soon as it is its turn, so memory stays flat. Rejects when
 * `signal` aborts (the sink is then left for the caller to abort).
 */
export async function writeCertificates(
  db: Db,
  files: FileStore,
  rows: readonly CertificateDbRow[],
  sink: ExportSink,
  o: WriteOptions,
): Promise<{ count: number; files: string[] }> {
  const templates = new Map<string, CertificateTemplateData>();
  const index: string[][] = [];
  const written: string[] = [];
  const entry = (c: CertificateDbRow, file: string) =>
    index.push([
      file,
      c.number,
      shortCodeOf(c.number, c.signature),
      c.last_name,
      c.first_name,
      c.email,
      c.unit_name,
      c.title,
      c.completed_on ?? '',
      c.issued_on,
      c.expires_on ?? '',
      c.status,
      c.status_reason ?? '',
    ]);
  const failed = (c: CertificateDbRow, e: unknown) => {
    if (!o.onFailure) throw e;
    o.onFailure(`${c.number} (${c.first_name} ${c.last_name}): ${messageOf(e)}`);
  };
  const total = rows.length;
  if (o.merged) {
    let seen = 0;
    const items = function* () {
      for (const c of rows) {
        seen++;
        let data;
        try {
          data = pdfDataOf(db, files, c, templates);
        } catch (e) {
          failed(c, e);
          continue;
        }
        entry(c, MERGED_FILE);
        yield data;
      }
    };
    await renderMergedPdf(items(), sink.open(MERGED_FILE), {
      ...(o.signal ? { signal: o.signal } : {}),
      onProgress: () => o.onProgress?.(seen, total),
    });
    written.push(MERGED_FILE);
  } else {
    const names = uniqueFileNames(rows);
    // Each settles to its bytes or its error, so one bad certificate never leaves a rejection unheard.
    const render = (c: CertificateDbRow): Promise<Uint8Array | Error> => {
      try {
        return renderCertificatePdf(pdfDataOf(db, files, c, templates)).catch((e: unknown) =>
          e instanceof Error ? e : new Error(String(e)),
        );
      } catch (e) {
        return Promise.resolve(e instanceof Error ? e : new Error(String(e)));
      }
    };
    const queue: Promise<Uint8Array | Error>[] = [];
    let next = 0;
    for (let i = 0; i < total; i++) {
      o.signal?.throwIfAborted();
      const ahead = i < ALONE ? 1 : IN_FLIGHT;
      for (; next < total && next < i + ahead; next++) queue.push(render(rows[next] as CertificateDbRow));
      const c = rows[i] as CertificateDbRow;
      const name = names[i] as string;
      const pdf = (await queue.shift()) as Uint8Array | Error;
      o.signal?.throwIfAborted();
      if (pdf instanceof Error) failed(c, pdf);
      else {
        await sink.add(name, pdf);
        entry(c, name);
        written.push(name);
      }
      o.onProgress?.(i + 1, total);
    }
  }
  await sink.add(INDEX_FILE, Buffer.from(writeCsv(INDEX_HEADER, index), 'utf8'));
  await sink.close();
  return { count: index.length, files: written };
}

/**
 * The CLI's export: the certificates of the people the actor's
 * certificates.manage reaches, written into the folder `out`.
 */
export async function exportCertificates(
  db: Db,
  files: FileStore,
  actor: Actor,
  o: ExportOptions,
): Promise<{ count: number; files: string[] }> {
  const { out, merged, signal, onProgress, onFailure, ...filter } = o;
  const rows = exportRows(db, actor, filter);
  return writeCertificates(db, files, rows, await folderSink(out), { merged, signal, onProgress, onFailure });
}
