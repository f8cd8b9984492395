import type { auditCalls } from '../../../shared/api/calls/audit.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { listAudit, verifyAudit } from './service.js';

export const auditHandlers = (): HandlersFor<keyof typeof auditCalls> => ({
  'audit.list': listAudit,
  'audit.verify': verifyAudit,
});
