import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { isoDateOf } from '../../../shared/dates.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import type { AuthedCtx } from '../../app/context.js';
import { reachSql } from '../permissions/reach-sql.js';
import { configRepo } from './config-repo.js';
import { fulfilmentRepo } from './fulfilment-repo.js';
import { syncAll } from './sync.js';
import { reachableConfiguration, resolveTarget } from './target.js';
import { configurationDetail, toRow } from './view.js';

const SAMPLE = 10;

/**
 * Configurations owned by units within the actor's compliance.view reach. The
 * list first brings every fulfilment in step (syncAll): membership follows
 * moves made where no hook runs (imports, unit moves, rule groups whose people
 * changed department), and the people counts shown here come from fulfilments.
 * It is set-based, one statement pair per configuration, so cheap enough here.
 */
export function listConfigurations(
  input: ParsedInput<'configurations.list'>,
  ctx: AuthedCtx,
): CallOutput<'configurations.list'> {
  syncAll(ctx.db, isoDateOf(ctx.clock.now()), ctx.clock.now().toISOString());
  const { rows, total } = configRepo(ctx.db).page({
    ...input,
    reach: reachOf(ctx.actor.grants, 'compliance.view'),
    selfId: ctx.actor.id,
  });
  return { total, rows: rows.map((c) => toRow(ctx, c)) };
}

export function getConfiguration(
  input: ParsedInput<'configurations.get'>,
  ctx: AuthedCtx,
): CallOutput<'configurations.get'> {
  const c = reachableConfiguration(ctx, input.id, 'compliance.view');
  return configurationDetail(ctx, c.id);
}

/** Who a target covers today; the sample is limited to people the actor may see. */
export function previewTarget(
  input: ParsedInput<'configurations.preview'>,
  ctx: AuthedCtx,
): CallOutput<'configurations.preview'> {
  const t = resolveTarget(ctx, input.targetType, input.targetId);
  const scope = reachSql(reachOf(ctx.actor.grants, 'people.view'), ctx.actor.id);
  const { count, sample } = fulfilmentRepo(ctx.db).coveredPeople(
    { target_type: input.targetType, target_id: input.targetId },
    scope,
    SAMPLE,
  );
  return { targetName: t.name, peopleCount: count, sample };
}
