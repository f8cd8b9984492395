import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ErrorDetail } from '../../../shared/api/errors.js';
import { organisationOf, type UnitFacts } from '../../../shared/permissions/engine.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { AppError, conflict } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { isoDateOf } from '../../../shared/dates.js';
import { syncGroup } from '../configurations/sync.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { requireReach } from '../units/require-reach.js';
import type { StoredRule } from './membership-repo.js';
import { groupsRepo } from './repo.js';
import { reachableGroup } from './service.js';
import { groupDetail, storedRule } from './view.js';

function invalid(message: string, details: ErrorDetail[]): AppError {
  return new AppError('invalid_input', message, { details });
}

function checkNameFree(ctx: AuthedCtx, name: string, exceptId = ''): void {
  const holder = groupsRepo(ctx.db).byName(name);
  if (holder && holder.id !== exceptId) throw conflict(`There is already a group named "${holder.name}".`);
}

function ownerFacts(ctx: AuthedCtx, id: string): UnitFacts {
  const f = unitFacts(ctx.db, id);
  if (!f)
    throw invalid('There is no such unit to own the group.', [
      { path: 'ownerUnitId', message: 'No such unit' },
    ]);
  return f;
}

/**
 * Every id in the rule exists, and every unit lies at or below the owner in its
 * organisation: a rule group never holds anyone outside its owner, so a unit
 * elsewhere could only ever match nobody.
 */
function checkRule(ctx: AuthedCtx, rule: StoredRule, owner: UnitFacts): void {
  const repo = groupsRepo(ctx.db);
  const details: ErrorDetail[] = [];
  const lists = [
    ['unitIds', 'unit', 'unit'],
    ['departmentIds', 'department', 'department'],
    ['jobTitleIds', 'job_title', 'job title'],
  ] as const;
  for (const [key, table, noun] of lists) {
    const known = repo.named(table, rule[key]);
    rule[key].forEach((id, i) => {
      if (!known.has(id)) details.push({ path: `rule.${key}.${i}`, message: `No such ${noun}` });
    });
  }
  const org = organisationOf(owner).id;
  rule.unitIds.forEach((id, i) => {
    const f = unitFacts(ctx.db, id);
    if (!f) return;
    const inside = [f, ...f.ancestors].some((u) => u.id === owner.id) && organisationOf(f).id === org;
    if (!inside)
      details.push({
        path: `rule.unitIds.${i}`,
        message: `${f.name} is not inside ${owner.name}, which owns the group, so nobody there could be a member`,
      });
  });
  const first = details[0];
  if (first) throw invalid(first.message.endsWith('.') ? first.message : `${first.message}.`, details);
}

/** Picked people must exist, be active and lie within the actor's people.view reach. */
function checkMembers(ctx: AuthedCtx, ids: string[]): void {
  const found = new Map(
    groupsRepo(ctx.db)
      .peopleById(ids, reachOf(ctx.actor.grants, 'people.view'), ctx.actor.id)
      .map((r) => [r.id, r]),
  );
  const details: ErrorDetail[] = [];
  const outside: string[] = [];
  ids.forEach((id, i) => {
    const p = found.get(id);
    const path = `memberIds.${i}`;
    // Someone outside the actor's reach is named by id only: their name is not the actor's to see.
    if (!p || !p.in_reach) {
      details.push({ path, message: p ? `${id} is outside your scope` : `There is no person ${id}` });
      outside.push(id);
    } else if (p.status !== 'active') details.push({ path, message: `${p.name} has left` });
  });
  if (!details.length) return;
  const message = outside.length
    ? `${outside.length === 1 ? 'This person is' : 'These people are'} not within your scope: ${outside.join(', ')}.`
    : `${details.map((d) => d.message).join('; ')}: only active people can be members.`;
  throw invalid(message, details);
}

export function createGroup(
  input: ParsedInput<'groups.create'>,
  ctx: AuthedCtx,
): CallOutput<'groups.create'> {
  checkNameFree(ctx, input.name);
  const owner = ownerFacts(ctx, input.ownerUnitId);
  const rule = input.kind === 'rule' ? input.rule : null;
  if (rule) checkRule(ctx, rule, owner);
  if (input.kind === 'static') checkMembers(ctx, input.memberIds);
  const repo = groupsRepo(ctx.db);
  const id = ctx.ids.uuid();
  repo.insert({
    id,
    name: input.name,
    description: input.description ?? null,
    kind: input.kind,
    rule,
    ownerUnitId: owner.id,
    now: ctx.clock.now().toISOString(),
  });
  if (input.kind === 'static') repo.setMembers(id, input.memberIds);
  ctx.audit({
    targetIds: [id],
    summary: `Created ${input.kind === 'rule' ? 'rule' : 'static'} group ${input.name}`,
    after: {
      name: input.name,
      ownerUnitId: owner.id,
      ...(rule ? { rule } : { memberIds: input.kind === 'static' ? input.memberIds : [] }),
    },
  });
  const g = repo.byId(id);
  if (!g) throw new Error('group vanished');
  return groupDetail(ctx, g);
}

export function updateGroup(
  input: ParsedInput<'groups.update'>,
  ctx: AuthedCtx,
): CallOutput<'groups.update'> {
  const g = reachableGroup(ctx, input.id, 'groups.manage');
  const repo = groupsRepo(ctx.db);
  if (input.memberIds && g.kind === 'rule')
    throw invalid("A rule group's members follow its rule: change the rule instead.", [
      { path: 'memberIds', message: 'Only static groups have picked members' },
    ]);
  if (input.rule && g.kind === 'static')
    throw invalid('A static group has picked members, not a rule.', [
      { path: 'rule', message: 'Only rule groups have a rule' },
    ]);
  const name = input.name ?? g.name;
  if (name.toLowerCase() !== g.name.toLowerCase()) checkNameFree(ctx, name, g.id);
  const ownerId = input.ownerUnitId ?? g.owner_unit_id;
  const owner = ownerFacts(ctx, ownerId);
  // Handing a group to another unit needs groups.manage there too.
  if (ownerId !== g.owner_unit_id) requireReach(ctx.actor, 'groups.manage', owner);
  const before = storedRule(g);
  const rule = input.rule ?? before;
  if (rule && (input.rule || ownerId !== g.owner_unit_id)) checkRule(ctx, rule, owner);
  const description = input.description === undefined ? g.description : input.description;
  if (input.memberIds) checkMembers(ctx, input.memberIds);
  repo.update(g.id, { name, description, rule, ownerUnitId: ownerId, now: ctx.clock.now().toISOString() });

  let membersChange: { added: string[]; removed: string[] } | undefined;
  if (input.memberIds) {
    const old = repo.memberIds(g.id);
    const next = [
      ...new Set([
        ...repo.hiddenMemberIds(g.id, reachOf(ctx.actor.grants, 'people.view'), ctx.actor.id),
        ...input.memberIds,
      ]),
    ];
    repo.setMembers(g.id, next);
    membersChange = {
      added: next.filter((id) => !old.includes(id)),
      removed: old.filter((id) => !next.includes(id)),
    };
  }
  // Configurations assigned to the group follow its members (picked, or matched by the rule).
  syncGroup(ctx.db, isoDateOf(ctx.clock.now()), g.id, ctx.clock.now().toISOString());
  ctx.audit({
    targetIds: [g.id, ...(membersChange ? [...membersChange.added, ...membersChange.removed] : [])],
    summary: `Changed group ${g.name}${name !== g.name ? ` (now ${name})` : ''}`,
    before: { name: g.name, description: g.description, ownerUnitId: g.owner_unit_id, rule: before },
    after: {
      name,
      description,
      ownerUnitId: ownerId,
      rule,
      ...(membersChange ? { members: membersChange } : {}),
    },
  });
  const saved = repo.byId(g.id);
  if (!saved) throw new Error('group vanished');
  return groupDetail(ctx, saved);
}
