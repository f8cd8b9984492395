import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ErrorDetail } from '../../../shared/api/errors.js';
import { can } from '../../../shared/permissions/engine.js';
import { AppError } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { personCompliance } from '../compliance/service.js';
import { personTarget } from '../permissions/target-repo.js';
import { notificationRepo } from './notification-repo.js';

const KIND = {
  missing: 'due_soon',
  overdue: 'overdue',
  expiring: 'expiring',
  expired: 'expired',
} as const;

/**
 * The attention list's "Remind": one notification (and queued email) per row,
 * worded after where the person stands today. Every row is checked first —
 * the person within the manager's reach, the module still required and not yet
 * done — and one bad row sends nothing, naming it.
 */
export function remind(
  input: ParsedInput<'configurations.remind'>,
  ctx: AuthedCtx,
): CallOutput<'configurations.remind'> {
  const details: ErrorDetail[] = [];
  const plans: {
    personId: string;
    moduleId: string;
    kind: (typeof KIND)[keyof typeof KIND];
    title: string;
    name: string;
    due: string | null;
    expiry: string | null;
  }[] = [];
  const byPerson = new Map<string, ReturnType<typeof personCompliance> | null>();
  input.rows.forEach((row, n) => {
    const path = `rows.${n}`;
    const target = personTarget(ctx.db, row.personId);
    if (!target || !can(ctx.actor, 'assignments.manage', target).allowed) {
      details.push({
        path,
        message: target ? `${target.name} is outside your scope` : 'There is no such person',
      });
      return;
    }
    if (!byPerson.has(row.personId))
      byPerson.set(
        row.personId,
        personCompliance(ctx, row.personId, undefined, { showHidden: false, selfView: false }),
      );
    const req = byPerson
      .get(row.personId)
      ?.rows.find((r) => r.moduleId === row.moduleId && r.requirement === 'required');
    if (!req) {
      details.push({ path, message: `${target.name} is not required to do that module` });
      return;
    }
    if (req.status === 'compliant' || req.status === 'not_required') {
      details.push({ path, message: `${target.name} has already done ${req.title}` });
      return;
    }
    plans.push({
      personId: row.personId,
      moduleId: row.moduleId,
      kind: KIND[req.status],
      title: req.title,
      name: target.name,
      due: req.dueDate,
      expiry: req.expiryDate,
    });
  });
  const first = details[0];
  if (first) throw new AppError('invalid_input', `Nothing was sent: ${first.message}.`, { details });

  const now = ctx.clock.now().toISOString();
  const from = `${ctx.actor.firstName} ${ctx.actor.lastName}`;
  const repo = notificationRepo(ctx.db);
  for (const p of plans) {
    const when =
      p.kind === 'overdue' && p.due
        ? ` It was due on ${p.due}.`
        : p.kind === 'due_soon' && p.due
          ? ` It is due on ${p.due}.`
          : p.kind === 'expiring' && p.expiry
            ? ` It expires on ${p.expiry}.`
            : p.kind === 'expired' && p.expiry
              ? ` It expired on ${p.expiry}.`
              : '';
    repo.reminder({
      id: ctx.ids.uuid(),
      personId: p.personId,
      moduleId: p.moduleId,
      kind: p.kind,
      title: `Reminder: ${p.title}`,
      body: `${from} reminds you to complete ${p.title}.${when}${input.note ? ` ${input.note}` : ''}`,
      now,
    });
    ctx.audit({ targetIds: [p.personId, p.moduleId], summary: `Reminded ${p.name} about “${p.title}”` });
  }
  return { sent: plans.length };
}
