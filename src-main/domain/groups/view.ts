import type { GroupDetail, GroupMember } from '../../../shared/api/schemas/groups.js';
import type { z } from '../../../shared/zod.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import type { AuthedCtx } from '../../app/context.js';
import type { Db } from '../../db/open.js';
import type { StoredRule } from './membership-repo.js';
import { groupsRepo, type GroupDbRow, type MemberDbRow } from './repo.js';

export const toMember = (r: MemberDbRow): GroupMember => ({
  id: r.id,
  name: `${r.first_name} ${r.last_name}`,
  email: r.email,
  unitName: r.unit_name,
});

export const storedRule = (g: GroupDbRow): StoredRule | null =>
  g.kind === 'rule' && g.rule ? (JSON.parse(g.rule) as StoredRule) : null;

const orList = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}` : (names[0] ?? '');

/** "People in Norrland (and below), in Welding or Mining, with the job title Welder." */
export function describeRule(db: Db, rule: StoredRule): string {
  const repo = groupsRepo(db);
  const names = (table: 'unit' | 'department' | 'job_title', ids: string[]) => {
    const m = repo.named(table, ids);
    return ids.map((id) => m.get(id) ?? '(removed)');
  };
  const parts: string[] = [];
  if (rule.unitIds.length) parts.push(`in ${orList(names('unit', rule.unitIds))} (and below)`);
  if (rule.departmentIds.length)
    parts.push(`in the department ${orList(names('department', rule.departmentIds))}`);
  if (rule.jobTitleIds.length)
    parts.push(`with the job title ${orList(names('job_title', rule.jobTitleIds))}`);
  return `People ${parts.join(', ')}.`;
}

export function memberCount(ctx: AuthedCtx, groupId: string): number {
  return groupsRepo(ctx.db).members(groupId, {
    reach: reachOf(ctx.actor.grants, 'people.view'),
    selfId: ctx.actor.id,
    offset: 0,
    limit: 1,
  }).total;
}

/** A group as the editor shows it: members counted and listed within the actor's people.view reach. */
export function groupDetail(
  ctx: AuthedCtx,
  g: GroupDbRow,
  page: { offset: number; limit: number; search?: string | undefined } = { offset: 0, limit: 50 },
): z.output<typeof GroupDetail> {
  const reach = reachOf(ctx.actor.grants, 'people.view');
  const members = groupsRepo(ctx.db).members(g.id, { ...page, reach, selfId: ctx.actor.id });
  const all = page.search ? memberCount(ctx, g.id) : members.total;
  const rule = storedRule(g);
  return {
    id: g.id,
    name: g.name,
    kind: g.kind,
    description: g.description,
    ownerUnitId: g.owner_unit_id,
    ownerUnitName: g.owner_name,
    memberCount: all,
    rule,
    ruleText: rule ? describeRule(ctx.db, rule) : null,
    members: { rows: members.rows.map(toMember), total: members.total },
  };
}
