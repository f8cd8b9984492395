import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reachOf } from '../../../shared/permissions/scope.js';
import type { Actor } from '../../app/context.js';
import { writeCsv } from '../../csv/write-csv.js';
import type { Db } from '../../db/open.js';
import type { FileStore } from '../../files/file-store.js';
import type { CertificateTemplateData } from '../../pdf/certificate-data.js';
import { renderCertificatePdf, renderMergedPdf } from '../../pdf/render.js';
import { certificateListRepo, type ListFilter } from './certificate-list-repo.js';
import type { CertificateDbRow } from './certificate-repo.js';
import { certificateFileName } from './file-names.js';
import { pdfDataOf } from './pdf-data.js';
import { shortCodeOf } from './signing.js';

export interface ExportOptions {
  out: string;
  merged: boolean;
  unitId?: string | undefined;
  status?: ListFilter['status'];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
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
 * Writes the certificates of the people the actor's certificates.manage
 * reaches into `out`: one PDF per certificate with a predictable, Windows-safe
 * name (a second certificate with the same name gets " (2)"), or one merged PDF
 * with a page each; plus index.csv listing what was written. Rendering runs in
 * the PDF workers one certificate at a time, so memory stays flat.
 */
export async function exportCertificates(
  db: Db,
  files: FileStore,
  actor: Actor,
  o: ExportOptions,
): Promise<{ count: number; files: string[] }> {
  const rows = certificateListRepo(db).forExport({
    reach: { reach: reachOf(actor.grants, 'certificates.manage'), selfId: actor.id },
    unitId: o.unitId,
    status: o.status,
  });
  await mkdir(o.out, { recursive: true });
  const templates = new Map<string, CertificateTemplateData>();
  const index: string[][] = [];
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
  const written: string[] = [];
  if (o.merged) {
    const stream = createWriteStream(join(o.out, MERGED_FILE));
    const items = function* () {
      for (const c of rows) {
        entry(c, MERGED_FILE);
        yield pdfDataOf(db, files, c, templates);
      }
    };
    await renderMergedPdf(items(), stream, {
      ...(o.signal ? { signal: o.signal } : {}),
      onProgress: (done) => o.onProgress?.(done, rows.length),
    });
    if (!stream.writableFinished) await once(stream, 'finish');
    written.push(MERGED_FILE);
  } else {
    const used = new Set<string>();
    let done = 0;
    for (const c of rows) {
      o.signal?.throwIfAborted();
      let name = certificateFileName(c);
      for (let n = 2; used.has(name.toLowerCase()); n++)
        name = certificateFileName({ ...c, number: `${c.number} (${n})` });
      used.add(name.toLowerCase());
      const bytes = await renderCertificatePdf(pdfDataOf(db, files, c, templates));
      await writeFile(join(o.out, name), bytes);
      entry(c, name);
      written.push(name);
      o.onProgress?.(++done, rows.length);
    }
  }
  await writeFile(join(o.out, INDEX_FILE), writeCsv(INDEX_HEADER, index));
  return { count: rows.length, files: written };
}
