import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { LookupList, LookupRow } from '../../../shared/api/schemas/lookups.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { AppError, conflict, notFound } from '../../app/app-error.js';
import { requireOrganisationWide } from '../permissions/organisation-wide.js';
import type { AuthedCtx } from '../../app/context.js';
import { lookupsRepo, type LookupDbRow } from './repo.js';

const NOUN: Record<LookupList, string> = { department: 'department', job_title: 'job title' };

function row(list: LookupList, id: string, ctx: AuthedCtx): LookupRow {
  const r = lookupsRepo(ctx.db, list).list({
    reach: reachOf(ctx.actor.grants, 'people.view'),
    selfId: ctx.actor.id,
    includeArchived: true,
    id,
  })[0];
  if (!r) throw notFound(`That ${NOUN[list]}`);
  return { id: r.id, name: r.name, archived: r.archived_at !== null, peopleCount: r.people_count };
}

function mustExist(list: LookupList, id: string, ctx: AuthedCtx, path = 'id'): LookupDbRow {
  const r = lookupsRepo(ctx.db, list).byId(id);
  if (!r)
    throw new AppError('not_found', `That ${NOUN[list]} was not found.`, {
      details: [{ path, message: `No such ${NOUN[list]}` }],
    });
  return r;
}

function checkNameFree(list: LookupList, name: string, ctx: AuthedCtx, exceptId = ''): void {
  const holder = lookupsRepo(ctx.db, list).byName(name);
  if (holder && holder.id !== exceptId)
    throw conflict(
      `There is already a ${NOUN[list]} named "${holder.name}"${holder.archived_at ? ' (archived: restore it instead)' : ''}.`,
    );
}

/** People are counted within the actor's people.view reach: a count is still about people. */
export function listLookups(input: ParsedInput<'lookups.list'>, ctx: AuthedCtx): CallOutput<'lookups.list'> {
  const rows = lookupsRepo(ctx.db, input.list).list({
    reach: reachOf(ctx.actor.grants, 'people.view'),
    selfId: ctx.actor.id,
    includeArchived: input.includeArchived,
  });
  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      archived: r.archived_at !== null,
      peopleCount: r.people_count,
    })),
  };
}

export function createLookup(
  input: ParsedInput<'lookups.create'>,
  ctx: AuthedCtx,
): CallOutput<'lookups.create'> {
  requireOrganisationWide(ctx, 'units.manage', 'Departments and job titles');
  checkNameFree(input.list, input.name, ctx);
  const id = ctx.ids.uuid();
  lookupsRepo(ctx.db, input.list).insert(id, input.name);
  ctx.audit({
    targetIds: [id],
    summary: `Added ${NOUN[input.list]} ${input.name}`,
    after: { name: input.name },
  });
  return row(input.list, id, ctx);
}

export function renameLookup(
  input: ParsedInput<'lookups.rename'>,
  ctx: AuthedCtx,
): CallOutput<'lookups.rename'> {
  requireOrganisationWide(ctx, 'units.manage', 'Departments and job titles');
  const r = mustExist(input.list, input.id, ctx);
  checkNameFree(input.list, input.name, ctx, r.id);
  lookupsRepo(ctx.db, input.list).rename(r.id, input.name);
  ctx.audit({
    targetIds: [r.id],
    summary: `Renamed ${NOUN[input.list]} ${r.name} to ${input.name}`,
    before: { name: r.name },
    after: { name: input.name },
  });
  return row(input.list, r.id, ctx);
}

/**
 * Cleaning up a list ("Welding" and "Welding dept."): everyone under the first
 * moves to the second, group rules follow, and the first disappears. The
 * dispatcher runs it in one transaction, so it happens entirely or not at all.
 */
export function mergeLookups(
  input: ParsedInput<'lookups.merge'>,
  ctx: AuthedCtx,
): CallOutput<'lookups.merge'> {
  requireOrganisationWide(ctx, 'units.manage', 'Departments and job titles');
  const { list } = input;
  if (input.fromId === input.intoId)
    throw new AppError('invalid_input', `Choose two different ${NOUN[list]}s to merge.`, {
      details: [{ path: 'intoId', message: `Choose a different ${NOUN[list]}` }],
    });
  const from = mustExist(list, input.fromId, ctx, 'fromId');
  const into = mustExist(list, input.intoId, ctx, 'intoId');
  if (into.archived_at) throw conflict(`${into.name} is archived. Restore it before merging into it.`);
  const repo = lookupsRepo(ctx.db, list);
  const movedPeople = repo.movePeople(from.id, into.id, ctx.clock.now().toISOString());
  const rules = repo.replaceInRules(from.id, into.id);
  repo.delete(from.id);
  ctx.audit({
    targetIds: [from.id, into.id],
    summary: `Merged ${NOUN[list]} ${from.name} into ${into.name} (${movedPeople} ${movedPeople === 1 ? 'person' : 'people'} moved)`,
    before: { from: { id: from.id, name: from.name }, into: { id: into.id, name: into.name } },
    after: { movedPeople, groupRulesUpdated: rules },
  });
  return { into: row(list, into.id, ctx), movedPeople };
}

export function archiveLookup(
  input: ParsedInput<'lookups.archive'>,
  ctx: AuthedCtx,
): CallOutput<'lookups.archive'> {
  requireOrganisationWide(ctx, 'units.manage', 'Departments and job titles');
  const r = mustExist(input.list, input.id, ctx);
  if (!r.archived_at) {
    lookupsRepo(ctx.db, input.list).setArchived(r.id, ctx.clock.now().toISOString());
    ctx.audit({ targetIds: [r.id], summary: `Archived ${NOUN[input.list]} ${r.name}` });
  }
  return row(input.list, r.id, ctx);
}

export function restoreLookup(
  input: ParsedInput<'lookups.restore'>,
  ctx: AuthedCtx,
): CallOutput<'lookups.restore'> {
  requireOrganisationWide(ctx, 'units.manage', 'Departments and job titles');
  const r = mustExist(input.list, input.id, ctx);
  if (r.archived_at) {
    lookupsRepo(ctx.db, input.list).setArchived(r.id, null);
    ctx.audit({ targetIds: [r.id], summary: `Restored ${NOUN[input.list]} ${r.name}` });
  }
  return row(input.list, r.id, ctx);
}
