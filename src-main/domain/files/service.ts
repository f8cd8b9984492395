import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { ALLOWED_MIME_TYPES, MAX_FILE_BYTES } from '../../../shared/api/schemas/files.js';
import { AppError, forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { fileRepo, type StoredFileRow } from './file-repo.js';
import { mayReadFile } from './read-access.js';
import { bytesMatchType, typeName } from './sniff.js';

const invalid = (path: string, message: string) =>
  new AppError('invalid_input', message, { details: [{ path, message }] });

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a base64 string (a `data:` URL prefix is tolerated), or an error naming the problem. */
function decode(data: string): Buffer {
  const text = data.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!BASE64.test(text) || text.length % 4 === 1)
    throw invalid('dataBase64', 'The file could not be read: its contents are not valid base64.');
  return Buffer.from(text, 'base64');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const info = (f: StoredFileRow) => ({ id: f.id, name: f.name, mimeType: f.mime_type, size: f.size });

export function uploadFile(input: ParsedInput<'files.upload'>, ctx: AuthedCtx): CallOutput<'files.upload'> {
  const mimeType = input.mimeType.toLowerCase();
  if (!(ALLOWED_MIME_TYPES as readonly string[]).includes(mimeType))
    throw invalid(
      'mimeType',
      `${input.name} is of a type Fieldbook does not store (${mimeType}): use a PDF, an image, a video, audio, text or an office document.`,
    );
  const bytes = decode(input.dataBase64);
  if (bytes.length === 0) throw invalid('dataBase64', `${input.name} is empty.`);
  if (bytes.length > MAX_FILE_BYTES)
    throw invalid(
      'dataBase64',
      `${input.name} is ${formatSize(bytes.length)}: the largest file accepted is 48 MB.`,
    );
  if (!bytesMatchType(mimeType, bytes))
    throw invalid('dataBase64', `The file says it is ${typeName(mimeType)} but is not one: ${input.name}.`);
  const row: StoredFileRow = {
    id: ctx.ids.uuid(),
    sha256: ctx.files.put(bytes),
    name: input.name,
    mime_type: mimeType,
    size: bytes.length,
    created_at: ctx.clock.now().toISOString(),
    created_by: ctx.actor.id,
  };
  fileRepo(ctx.db).insert(row);
  ctx.audit({
    targetIds: [row.id],
    summary: `Uploaded file ${row.name} (${formatSize(row.size)})`,
    after: { name: row.name, mimeType, size: row.size, sha256: row.sha256 },
  });
  return info(row);
}

export function getFile(input: ParsedInput<'files.get'>, ctx: AuthedCtx): CallOutput<'files.get'> {
  const f = fileRepo(ctx.db).byId(input.id);
  if (!f) throw notFound('That file');
  if (!mayReadFile(ctx, f))
    // Not named: the id alone must not tell someone what the file is.
    throw forbidden('You cannot open that file: it belongs to a module or training record you may not see.');
  return { ...info(f), dataBase64: ctx.files.read(f.sha256).toString('base64') };
}
