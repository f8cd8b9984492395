import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { syncCertificates } from '../certificates/issue-service.js';
import type { UnitFacts } from '../../../shared/permissions/engine.js';
import { AppError, conflict, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { kindForLevel } from './kinds.js';
import { unitsRepo, type UnitRow, type UnitUsage, type UnitsRepo } from './repo.js';
import { requireReach } from './require-reach.js';
import { unitNode, unitTree } from './tree.js';
import { isoDateOf } from '../../../shared/dates.js';
import { syncFulfilments } from '../configurations/sync.js';

const invalid = (path: string, message: string) =>
  new AppError('invalid_input', message, { details: [{ path, message }] });

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function mustExist(repo: UnitsRepo, id: string): UnitRow {
  const u = repo.byId(id);
  if (!u) throw notFound('That unit');
  return u;
}

function checkCodeFree(repo: UnitsRepo, code: string | null, exceptId = ''): void {
  if (code === null) return;
  const holder = repo.byCode(code);
  if (holder && holder.id !== exceptId)
    throw conflict(`The code "${code}" is already used by ${holder.name}. Codes must be unique.`);
}

/** Siblings with one name would make "Org / Region / Site" paths ambiguous. */
function checkNameFree(repo: UnitsRepo, parent: UnitRow, name: string, exceptId = ''): void {
  if (repo.siblingNamed(parent.id, name, exceptId))
    throw conflict(`${parent.name} already has a unit named "${name}".`);
}

/** The facts a unit would have under `parent`, before anything is written. */
const factsUnder = (unit: Pick<UnitRow, 'id' | 'name' | 'kind'>, parent: UnitFacts): UnitFacts => ({
  id: unit.id,
  name: unit.name,
  kind: unit.kind,
  ancestors: [{ id: parent.id, name: parent.name, kind: parent.kind }, ...parent.ancestors],
});

export function listTree(input: ParsedInput<'units.tree'>, ctx: AuthedCtx): CallOutput<'units.tree'> {
  return { units: unitTree(ctx.db, ctx.actor, input.includeArchived) };
}

/** Level names are not personal data, and a picker wants the whole organisation's vocabulary. */
export function listLevels(_input: ParsedInput<'units.levels'>, ctx: AuthedCtx): CallOutput<'units.levels'> {
  return { levels: unitsRepo(ctx.db).levels() };
}

export function createUnit(input: ParsedInput<'units.create'>, ctx: AuthedCtx): CallOutput<'units.create'> {
  const repo = unitsRepo(ctx.db);
  const parent = mustExist(repo, input.parentId);
  const parentFacts = unitFacts(ctx.db, parent.id);
  if (!parentFacts) throw notFound('That unit');
  if (parent.archived_at)
    throw conflict(`${parent.name} is archived. Restore it before adding units under it.`);
  if (input.isClient && !(parent.parent_id === null && parent.kind === 'organisation'))
    throw invalid(
      'isClient',
      `A client organisation can only be created directly under ${repo.root()?.name ?? 'the organisation'}.`,
    );
  const code = input.code ?? null;
  const level = input.level ?? (input.isClient ? 'Client' : null);
  const kind = input.isClient ? 'client' : kindForLevel(level);
  checkNameFree(repo, parent, input.name);
  checkCodeFree(repo, code);
  const id = ctx.ids.uuid();
  // Reaching the parent is not always enough: an Organisation Admin's scope stops
  // at client organisations, and a unit-scoped role does not reach a new child.
  requireReach(ctx.actor, 'units.manage', factsUnder({ id, name: input.name, kind }, parentFacts));
  repo.insert({
    id,
    parentId: parent.id,
    kind,
    name: input.name,
    code,
    level,
    now: ctx.clock.now().toISOString(),
  });
  const node = unitNode(ctx.db, id);
  ctx.audit({
    targetIds: [id, parent.id],
    summary: `Added ${input.isClient ? 'client organisation' : 'unit'} ${node.path}`,
    after: { name: input.name, code, level, kind, parentId: parent.id },
  });
  return node;
}

export function updateUnit(input: ParsedInput<'units.update'>, ctx: AuthedCtx): CallOutput<'units.update'> {
  const repo = unitsRepo(ctx.db);
  const u = mustExist(repo, input.id);
  const name = input.name ?? u.name;
  const code = input.code === undefined ? u.code : input.code;
  const level = input.level === undefined ? u.level : input.level;
  if (name.toLowerCase() !== u.name.toLowerCase() && u.parent_id) {
    checkNameFree(repo, mustExist(repo, u.parent_id), name, u.id);
  }
  checkCodeFree(repo, code, u.id);
  const kind = kindForLevel(level, u.kind);
  repo.update(u.id, { name, code, level, kind });
  ctx.audit({
    targetIds: [u.id],
    summary: `Changed unit ${u.name}${name !== u.name ? ` (now ${name})` : ''}`,
    before: { name: u.name, code: u.code, level: u.level },
    after: { name, code, level },
  });
  return unitNode(ctx.db, u.id);
}

export function moveUnit(input: ParsedInput<'units.move'>, ctx: AuthedCtx): CallOutput<'units.move'> {
  const repo = unitsRepo(ctx.db);
  const u = mustExist(repo, input.id);
  if (u.parent_id === null) throw invalid('id', `${u.name} is the organisation itself and cannot be moved.`);
  const parent = repo.byId(input.parentId);
  if (!parent) throw invalid('parentId', 'There is no such unit to move it under.');
  if (u.kind === 'client' && parent.id !== u.parent_id)
    throw invalid(
      'id',
      `${u.name} is a client organisation: it stays directly under ${repo.root()?.name ?? 'the organisation'}.`,
    );
  if (parent.id === u.id) throw invalid('parentId', `${u.name} cannot be moved under itself.`);
  if (repo.isWithin(parent.id, u.id))
    throw invalid('parentId', `${u.name} cannot be moved under ${parent.name}, which lies inside ${u.name}.`);
  if (parent.archived_at)
    throw conflict(`${parent.name} is archived. Restore it before moving units under it.`);
  const parentFacts = unitFacts(ctx.db, parent.id);
  if (!parentFacts) throw notFound('That unit');
  // The dispatcher checked the unit where it is; where it goes must be within reach too.
  requireReach(ctx.actor, 'units.manage', parentFacts);
  requireReach(ctx.actor, 'units.manage', factsUnder(u, parentFacts));
  if (parent.id === u.parent_id) return unitNode(ctx.db, u.id);
  checkNameFree(repo, parent, u.name, u.id);
  const before = unitNode(ctx.db, u.id).path;
  repo.setParent(u.id, parent.id);
  // Everyone in the moved subtree may now fall under other unit configurations (or out of some) from today.
  syncFulfilments(ctx.db, isoDateOf(ctx.clock.now()), { now: ctx.clock.now().toISOString() });
  syncCertificates(ctx.db, isoDateOf(ctx.clock.now()), {
    now: ctx.clock.now().toISOString(),
    uuid: () => ctx.ids.uuid(),
  });
  const node = unitNode(ctx.db, u.id);
  ctx.audit({
    targetIds: [u.id, u.parent_id, parent.id],
    summary: `Moved ${before} to ${node.path}`,
    before: { parentId: u.parent_id },
    after: { parentId: parent.id },
  });
  return node;
}

function refusal(name: string, action: string, usage: UnitUsage, keys: (keyof UnitUsage)[]): string | null {
  const words: Record<keyof UnitUsage, [string, string]> = {
    activePeople: ['active person', 'active people'],
    people: ['person', 'people'],
    children: ['unit below it', 'units below it'],
    openChildren: ['unit below it that is not archived', 'units below it that are not archived'],
    grants: ['role grant', 'role grants'],
    ownedGroups: ['group it owns', 'groups it owns'],
    ruleGroups: ['group rule naming it', 'group rules naming it'],
  };
  const parts = keys.filter((k) => usage[k] > 0).map((k) => plural(usage[k], ...words[k]));
  if (!parts.length) return null;
  const list =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}` : (parts[0] ?? '');
  return `${name} cannot be ${action}: it still has ${list}.`;
}

export function archiveUnit(
  input: ParsedInput<'units.archive'>,
  ctx: AuthedCtx,
): CallOutput<'units.archive'> {
  const repo = unitsRepo(ctx.db);
  const u = mustExist(repo, input.id);
  if (u.parent_id === null) throw conflict(`${u.name} is the organisation itself and cannot be archived.`);
  if (u.archived_at) return unitNode(ctx.db, u.id);
  const why = refusal(u.name, 'archived', repo.usage(u.id), ['activePeople', 'openChildren']);
  if (why) throw conflict(`${why} Move or archive them first.`);
  repo.setArchived(u.id, ctx.clock.now().toISOString());
  ctx.audit({ targetIds: [u.id], summary: `Archived unit ${u.name}` });
  return unitNode(ctx.db, u.id);
}

export function restoreUnit(
  input: ParsedInput<'units.restore'>,
  ctx: AuthedCtx,
): CallOutput<'units.restore'> {
  const repo = unitsRepo(ctx.db);
  const u = mustExist(repo, input.id);
  if (!u.archived_at) return unitNode(ctx.db, u.id);
  const parent = u.parent_id ? repo.byId(u.parent_id) : undefined;
  if (parent?.archived_at)
    throw conflict(`${u.name} is under ${parent.name}, which is archived too: restore ${parent.name} first.`);
  repo.setArchived(u.id, null);
  ctx.audit({ targetIds: [u.id], summary: `Restored unit ${u.name}` });
  return unitNode(ctx.db, u.id);
}

export function deleteUnit(input: ParsedInput<'units.delete'>, ctx: AuthedCtx): CallOutput<'units.delete'> {
  const repo = unitsRepo(ctx.db);
  const u = mustExist(repo, input.id);
  if (u.parent_id === null) throw conflict(`${u.name} is the organisation itself and cannot be deleted.`);
  const why = refusal(u.name, 'deleted', repo.usage(u.id), [
    'people',
    'children',
    'grants',
    'ownedGroups',
    'ruleGroups',
  ]);
  if (why) throw conflict(`${why} Archive it instead: that keeps its history.`);
  const path = unitNode(ctx.db, u.id).path;
  try {
    repo.delete(u.id);
  } catch (e) {
    // Later modules (assignments, records) refer to units too; the database knows them all.
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
      throw conflict(`${u.name} cannot be deleted: other records still refer to it. Archive it instead.`);
    throw e;
  }
  ctx.audit({
    targetIds: [u.id],
    summary: `Deleted unit ${path}`,
    before: { name: u.name, code: u.code, level: u.level, kind: u.kind, parentId: u.parent_id },
  });
  return { id: u.id };
}
