import { z } from '../zod.js';

/** Every error a call can return. The renderer and the CLI switch on `code`, never on text. */
export const ErrorCode = z.enum([
  'unknown_call',
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'locked',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorDetail = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ApiErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.array(ErrorDetail).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: ErrorDetail[]): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});
