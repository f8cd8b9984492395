import type { CallSpec } from '../call-spec.js';
import { AttemptHistory } from '../schemas/learning.js';
import {
  AttemptsQuery,
  RecordedResults,
  RecordResults,
  ResetAttempts,
  ResetOutcome,
  ResultPage,
  ResultsQuery,
} from '../schemas/results.js';

export const resultsCalls = {
  'results.record': {
    input: RecordResults,
    output: RecordedResults,
    access: 'results.record',
    write: true,
    summary: 'Record a manual result for one or many people on one date, all or none',
  },
  'results.list': {
    input: ResultsQuery,
    output: ResultPage,
    access: 'results.review',
    write: false,
    summary: 'Results of people within your scope',
  },
  'results.attempts': {
    input: AttemptsQuery,
    output: AttemptHistory,
    access: 'results.review',
    write: false,
    summary: 'A person’s quiz attempts with every answer and whether it was right',
    target: (i: { personId: string }) => ({ person: i.personId }),
  },
  'results.resetAttempts': {
    input: ResetAttempts,
    output: ResetOutcome,
    access: 'results.record',
    write: true,
    summary: 'Reset a person’s attempts at a quiz (kept in the history, no longer counted), with a reason',
    target: (i: { personId: string }) => ({ person: i.personId }),
  },
} as const satisfies Record<string, CallSpec>;
