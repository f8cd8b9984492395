import { z } from '../zod.js';

export const Id = z.string().min(1).max(64);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD');
export const Timestamp = z.string();
export const Email = z
  .string()
  .trim()
  .min(3, 'Enter an email address')
  .max(254)
  .email('Enter a valid email address')
  .transform((s) => s.toLowerCase());
/** Long passphrases beat complex short ones (NIST 800-63B): length only, no composition rules. */
export const NewPassword = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');
export const Empty = z.object({}).strict();
export const PageQuery = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
