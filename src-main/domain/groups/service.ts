import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { conflict, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { requireReach } from '../units/require-reach.js';
import { ruleMemberSql } from './membership-repo.js';
import { groupsRepo, type GroupDbRow } from './repo.js';
import { groupDetail, memberCount, storedRule, toMember } from './view.js';
import { configRepo } from '../configurations/config-repo.js';

/** A group the actor may see (its owner within their reach for `privilege`), or not_found/forbidden. */
export function reachableGroup(
  ctx: AuthedCtx,
  id: string,
  privilege: 'people.view' | 'groups.manage',
): GroupDbRow {
  const g = groupsRepo(ctx.db).byId(id);
  const owner = g && unitFacts(ctx.db, g.owner_unit_id);
  if (!g || !owner) throw notFound('That group');
  requireReach(ctx.actor, privilege, owner);
  return g;
}

export function listGroups(input: ParsedInput<'groups.list'>, ctx: AuthedCtx): CallOutput<'groups.list'> {
  const { rows, total } = groupsRepo(ctx.db).page({
    ...input,
    reach: reachOf(ctx.actor.grants, 'people.view'),
    selfId: ctx.actor.id,
  });
  return {
    total,
    rows: rows.map((g) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      description: g.description,
      ownerUnitId: g.owner_unit_id,
      ownerUnitName: g.owner_name,
      memberCount: memberCount(ctx, g.id),
    })),
  };
}

export function getGroup(input: ParsedInput<'groups.get'>, ctx: AuthedCtx): CallOutput<'groups.get'> {
  return groupDetail(ctx, reachableGroup(ctx, input.id, 'people.view'), input);
}

const SAMPLE = 20;

export function previewGroup(
  input: ParsedInput<'groups.preview'>,
  ctx: AuthedCtx,
): CallOutput<'groups.preview'> {
  const { rows, total } = groupsRepo(ctx.db).matching(ruleMemberSql(input.rule, input.ownerUnitId ?? null), {
    reach: reachOf(ctx.actor.grants, 'people.view'),
    selfId: ctx.actor.id,
    offset: 0,
    limit: SAMPLE,
  });
  return { count: total, sample: rows.map(toMember) };
}

export function deleteGroup(
  input: ParsedInput<'groups.delete'>,
  ctx: AuthedCtx,
): CallOutput<'groups.delete'> {
  const g = reachableGroup(ctx, input.id, 'groups.manage');
  // Training configurations aimed at the group would lose their target (and their history its meaning).
  const configs = configRepo(ctx.db).liveForTarget('group', g.id);
  if (configs.length)
    throw conflict(
      `${g.name} cannot be deleted: the training configuration${configs.length > 1 ? 's' : ''} ${configs.map((c) => `“${c}”`).join(', ')} ${configs.length > 1 ? 'are' : 'is'} aimed at it. Archive ${configs.length > 1 ? 'them' : 'it'} first.`,
    );
  const repo = groupsRepo(ctx.db);
  const memberIds = g.kind === 'static' ? repo.memberIds(g.id) : [];
  repo.delete(g.id);
  ctx.audit({
    targetIds: [g.id],
    summary: `Deleted group ${g.name}`,
    before: {
      name: g.name,
      kind: g.kind,
      description: g.description,
      ownerUnitId: g.owner_unit_id,
      rule: storedRule(g),
      memberIds,
    },
  });
  return { id: g.id };
}
