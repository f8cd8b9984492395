import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { QualificationRow } from '../../../shared/api/schemas/records.js';
import { AppError, conflict } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { requireOrganisationWide } from '../permissions/organisation-wide.js';
import { qualificationRepo, type QualificationDbRow } from './qualification-repo.js';

export const toQualification = (q: QualificationDbRow): QualificationRow => ({
  id: q.id,
  code: q.code,
  name: q.name,
  description: q.description,
  defaultValidityMonths: q.default_validity_months,
  archived: q.archived_at !== null,
  recordCount: q.record_count,
});

const requireAdmin = (ctx: AuthedCtx) => requireOrganisationWide(ctx, 'records.admin', 'Qualification codes');

function mustExist(ctx: AuthedCtx, id: string): QualificationDbRow {
  const q = qualificationRepo(ctx.db).byId(id);
  if (!q)
    throw new AppError('not_found', 'That qualification code was not found.', {
      details: [{ path: 'id', message: 'No such qualification code' }],
    });
  return q;
}

function checkCodeFree(ctx: AuthedCtx, code: string, exceptId = ''): void {
  const holder = qualificationRepo(ctx.db).byCode(code);
  if (holder && holder.id !== exceptId)
    throw conflict(
      `There is already a qualification code "${holder.code}" (${holder.name})${holder.archived_at ? ', archived: restore it instead' : ''}.`,
    );
}

export function listQualifications(
  input: ParsedInput<'qualifications.list'>,
  ctx: AuthedCtx,
): CallOutput<'qualifications.list'> {
  return { rows: qualificationRepo(ctx.db).list(input.includeArchived).map(toQualification) };
}

export function createQualification(
  input: ParsedInput<'qualifications.create'>,
  ctx: AuthedCtx,
): CallOutput<'qualifications.create'> {
  requireAdmin(ctx);
  checkCodeFree(ctx, input.code);
  const id = ctx.ids.uuid();
  const fields = {
    code: input.code,
    name: input.name,
    description: input.description || null,
    defaultValidityMonths: input.defaultValidityMonths ?? null,
  };
  qualificationRepo(ctx.db).insert({ id, ...fields, now: ctx.clock.now().toISOString() });
  ctx.audit({ targetIds: [id], summary: `Added qualification code ${input.code}`, after: fields });
  return toQualification(mustExist(ctx, id));
}

export function updateQualification(
  input: ParsedInput<'qualifications.update'>,
  ctx: AuthedCtx,
): CallOutput<'qualifications.update'> {
  requireAdmin(ctx);
  const q = mustExist(ctx, input.id);
  const current = {
    code: q.code,
    name: q.name,
    description: q.description,
    defaultValidityMonths: q.default_validity_months,
  };
  const next = {
    code: input.code ?? q.code,
    name: input.name ?? q.name,
    description: input.description === undefined ? q.description : input.description || null,
    defaultValidityMonths:
      input.defaultValidityMonths === undefined ? q.default_validity_months : input.defaultValidityMonths,
  };
  if (next.code !== q.code) checkCodeFree(ctx, next.code, q.id);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof typeof next)[]) {
    if (next[k] !== current[k]) {
      before[k] = current[k];
      after[k] = next[k];
    }
  }
  if (Object.keys(after).length) {
    // Records point at the id, so a new code or name shows on every record at once.
    qualificationRepo(ctx.db).update(q.id, next, ctx.clock.now().toISOString());
    ctx.audit({ targetIds: [q.id], summary: `Changed qualification code ${q.code}`, before, after });
  }
  return toQualification(mustExist(ctx, q.id));
}

function setArchived(ctx: AuthedCtx, id: string, archive: boolean): QualificationRow {
  requireAdmin(ctx);
  const q = mustExist(ctx, id);
  if (archive === (q.archived_at !== null)) return toQualification(q);
  const now = ctx.clock.now().toISOString();
  qualificationRepo(ctx.db).setArchived(q.id, archive ? now : null, now);
  ctx.audit({
    targetIds: [q.id],
    summary: `${archive ? 'Archived' : 'Restored'} qualification code ${q.code}`,
    before: { archived: !archive },
    after: { archived: archive },
  });
  return toQualification(mustExist(ctx, q.id));
}

export const archiveQualification = (
  input: ParsedInput<'qualifications.archive'>,
  ctx: AuthedCtx,
): CallOutput<'qualifications.archive'> => setArchived(ctx, input.id, true);

export const restoreQualification = (
  input: ParsedInput<'qualifications.restore'>,
  ctx: AuthedCtx,
): CallOutput<'qualifications.restore'> => setArchived(ctx, input.id, false);
