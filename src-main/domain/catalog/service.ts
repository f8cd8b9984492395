import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { requireReach } from '../units/require-reach.js';
import { moduleRepo, type ModuleDbRow } from './module-repo.js';
import { isModuleVisibleTo } from './visibility-repo.js';
import { moduleDetail, toRow, toSummary } from './view.js';

/**
 * A module the actor may see (`catalog.view`) or manage (`catalog.manage`) through
 * its owner unit. Viewing also covers modules owned above the actor (what their
 * own learners see): a site manager builds paths and prerequisites on them.
 */
export function reachableModule(
  ctx: AuthedCtx,
  id: string,
  privilege: 'catalog.view' | 'catalog.manage',
): ModuleDbRow {
  const m = moduleRepo(ctx.db).byId(id);
  const owner = m && unitFacts(ctx.db, m.owner_unit_id);
  if (!m || !owner) throw notFound('That module');
  if (privilege === 'catalog.view' && isModuleVisibleTo(ctx.db, ctx.actor.id, m.id)) return m;
  requireReach(ctx.actor, privilege, owner);
  return m;
}

export function listModules(input: ParsedInput<'modules.list'>, ctx: AuthedCtx): CallOutput<'modules.list'> {
  const { rows, total } = moduleRepo(ctx.db).page({
    ...input,
    reach: reachOf(ctx.actor.grants, 'catalog.view'),
    selfId: ctx.actor.id,
  });
  return { total, rows: rows.map(toRow) };
}

export function moduleOptions(
  input: ParsedInput<'modules.options'>,
  ctx: AuthedCtx,
): CallOutput<'modules.options'> {
  const { rows } = moduleRepo(ctx.db).page({
    search: input.search,
    kinds: input.kinds,
    status: input.publishedOnly ? 'published' : undefined,
    sort: 'title',
    desc: false,
    offset: 0,
    limit: input.limit,
    includeVisible: true,
    reach: reachOf(ctx.actor.grants, 'catalog.view'),
    selfId: ctx.actor.id,
  });
  return { rows: rows.map(toSummary) };
}

export function getModule(input: ParsedInput<'modules.get'>, ctx: AuthedCtx): CallOutput<'modules.get'> {
  return moduleDetail(ctx, reachableModule(ctx, input.id, 'catalog.view'));
}
