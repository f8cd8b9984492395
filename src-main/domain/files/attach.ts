import { AppError } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { fileRepo } from './file-repo.js';
import { mayReadFile } from './read-access.js';

/** Deliberately the same for a missing file and someone else's: neither its name nor its existence is told. */
export const NOT_ATTACHABLE = 'That file is not one you uploaded or may open.';

/**
 * Whether the actor may make a record, result or course refer to the file.
 * Referring to a file lets more people read it (files.get follows references),
 * so knowing its id is not enough: the actor must have uploaded it or be able to
 * open it already.
 */
export function mayAttach(ctx: AuthedCtx, fileId: string): boolean {
  const f = fileRepo(ctx.db).byId(fileId);
  return !!f && mayReadFile(ctx, f);
}

/** Throws invalid_input on `path` unless the actor may attach the file (see mayAttach). */
export function requireAttachable(ctx: AuthedCtx, fileId: string, path: string): void {
  if (!mayAttach(ctx, fileId))
    throw new AppError('invalid_input', NOT_ATTACHABLE, { details: [{ path, message: NOT_ATTACHABLE }] });
}
