import type { CallSpec } from '../call-spec.js';
import {
  AttentionPage,
  AttentionQuery,
  CellHistory,
  CellQuery,
  ComplianceSummary,
  MarkRead,
  Matrix,
  MatrixQuery,
  NotificationList,
  NotificationQuery,
  PersonCompliance,
  PersonComplianceInput,
  SummaryInput,
} from '../schemas/compliance.js';
import { Empty } from '../common.js';

export const complianceCalls = {
  'compliance.person': {
    input: PersonComplianceInput,
    output: PersonCompliance,
    access: 'compliance.view',
    write: false,
    summary: 'Each requirement of one person as of a date, with where it comes from',
    target: (i: { personId: string }) => ({ person: i.personId }),
  },
  'compliance.mine': {
    input: PersonComplianceInput.omit({ personId: true }),
    output: PersonCompliance,
    access: 'learning.take',
    write: false,
    summary: 'Your own requirements as of a date (Hidden ones never shown)',
  },
  'compliance.matrix': {
    input: MatrixQuery,
    output: Matrix,
    access: 'compliance.view',
    write: false,
    summary: 'People × required modules in your scope as of a date, a page of people at a time',
  },
  'compliance.cell': {
    input: CellQuery,
    output: CellHistory,
    access: 'compliance.view',
    write: false,
    summary: 'One person’s history for one module, and the status it gives as of a date',
    target: (i: { personId: string }) => ({ person: i.personId }),
  },
  'compliance.summary': {
    input: SummaryInput,
    output: ComplianceSummary,
    access: 'compliance.view',
    write: false,
    summary: 'Counts of compliant, expiring, expired, missing and overdue in your scope, and a week before',
  },
  'compliance.attention': {
    input: AttentionQuery,
    output: AttentionPage,
    access: 'compliance.view',
    write: false,
    summary: 'Expiring, expired and overdue requirements in your scope, most urgent first',
  },
  'notifications.list': {
    input: NotificationQuery,
    output: NotificationList,
    access: 'authenticated',
    write: false,
    summary: 'Your notifications, newest first',
  },
  'notifications.markRead': {
    input: MarkRead,
    output: Empty,
    access: 'authenticated',
    write: true,
    summary: 'Mark your notifications read',
  },
} as const satisfies Record<string, CallSpec>;
