import type { ErrorCode, ErrorDetail } from '../../shared/api/errors.js';

/**
 * A failure the user should see as-is. Throwing one rolls the call's transaction
 * back, unless `keepWrites` is set: a failed sign-in must still count the attempt.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly keepWrites: boolean;
  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: ErrorDetail[]; keepWrites?: boolean } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
    this.keepWrites = opts.keepWrites ?? false;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (why = 'You do not have permission to do that.') => new AppError('forbidden', why);
export const conflict = (why: string) => new AppError('conflict', why);
