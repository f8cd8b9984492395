import type { complianceCalls } from '../../../shared/api/calls/compliance.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { notificationsRepo } from './notifications-repo.js';
import {
  attention,
  cellHistory,
  managesAssignmentsOf,
  matrix,
  personCompliance,
  summary,
} from './service.js';

export const complianceHandlers = (): HandlersFor<keyof typeof complianceCalls> => ({
  // The dispatcher has checked that compliance.view reaches the person.
  'compliance.person': (input, ctx) =>
    personCompliance(ctx, input.personId, input.asOf, {
      showHidden: managesAssignmentsOf(ctx, input.personId),
      selfView: false,
    }),
  'compliance.mine': (input, ctx) =>
    personCompliance(ctx, ctx.actor.id, input.asOf, { showHidden: false, selfView: true }),
  'compliance.matrix': (input, ctx) => matrix(ctx, input),
  'compliance.cell': (input, ctx) => cellHistory(ctx, input),
  'compliance.summary': (input, ctx) => summary(ctx, input),
  'compliance.attention': (input, ctx) => attention(ctx, input),

  'notifications.list': (input, ctx) => {
    const repo = notificationsRepo(ctx.db);
    return {
      rows: repo.list(ctx.actor.id, input.unreadOnly).map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        moduleId: n.module_id,
        certificateId: n.certificate_id,
        createdAt: n.created_at,
        read: n.read_at !== null,
      })),
      unread: repo.unread(ctx.actor.id),
    };
  },
  'notifications.markRead': (input, ctx) => {
    const changed = notificationsRepo(ctx.db).markRead(
      ctx.actor.id,
      input.ids,
      ctx.clock.now().toISOString(),
    );
    if (changed.length)
      ctx.audit({ targetIds: changed, summary: `Marked ${changed.length} notifications read` });
    return {};
  },
});
