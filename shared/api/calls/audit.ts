import { Empty } from '../common.js';
import { AuditPage, AuditQuery, AuditVerification } from '../schemas/audit.js';
import type { CallSpec } from '../call-spec.js';

export const auditCalls = {
  'audit.list': {
    input: AuditQuery,
    output: AuditPage,
    access: 'audit.view',
    write: false,
    summary: 'Read the audit log, newest first',
  },
  'audit.verify': {
    input: Empty,
    output: AuditVerification,
    access: 'audit.view',
    write: false,
    summary: 'Check the audit log hash chain for tampering',
  },
} as const satisfies Record<string, CallSpec>;
