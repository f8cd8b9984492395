import { z } from '../../zod.js';
import { Id, IsoDate, PageQuery } from '../common.js';
import { ModuleKind } from './catalog.js';

/** Results: every outcome of a module for a person, live or recorded by a manager (`001_*`). */

export const ResultStatus = z.enum(['completed', 'passed', 'failed']);
export type ResultStatus = z.infer<typeof ResultStatus>;
export const ResultSource = z.enum(['live', 'attendance', 'manual']);

export const RecordResults = z
  .object({
    moduleId: Id,
    date: IsoDate,
    status: ResultStatus,
    score: z
      .number()
      .min(0, 'Enter a score from 0 to 100')
      .max(100, 'Enter a score from 0 to 100')
      .nullable()
      .optional(),
    note: z.string().trim().max(2000, 'Use at most 2000 characters').nullable().optional(),
    evidenceFileId: Id.nullable().optional(),
    /** One or many people, one date: all in one transaction, or none. */
    personIds: z.array(Id).min(1, 'Pick at least one person').max(5000),
  })
  .strict();
export const RecordedResults = z.object({
  rows: z.array(z.object({ personId: z.string(), resultId: z.string(), recordId: z.string().nullable() })),
});

export const ResultsQuery = PageQuery.extend({
  personId: Id.optional(),
  moduleId: Id.optional(),
  status: ResultStatus.optional(),
}).strict();
export const ResultRow = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  email: z.string(),
  moduleId: z.string(),
  moduleCode: z.string(),
  moduleTitle: z.string(),
  kind: ModuleKind,
  status: ResultStatus,
  date: z.string(),
  score: z.number().nullable(),
  note: z.string().nullable(),
  source: ResultSource,
  evidenceFileId: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordId: z.string().nullable(),
});
export type ResultRow = z.infer<typeof ResultRow>;
export const ResultPage = z.object({ rows: z.array(ResultRow), total: z.number() });

export const AttemptsQuery = z.object({ personId: Id, moduleId: Id.optional() }).strict();

export const ResetAttempts = z
  .object({
    personId: Id,
    moduleId: Id,
    reason: z.string().trim().min(3, 'Say why the attempts are reset').max(500, 'Use at most 500 characters'),
  })
  .strict();
export const ResetOutcome = z.object({ reset: z.number() });
