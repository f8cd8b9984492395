import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ErrorDetail } from '../../../shared/api/errors.js';
import type { RecordDetail, RecordRow } from '../../../shared/api/schemas/records.js';
import { expiryFrom, expiryStatus, isIsoDate, isoDateOf } from '../../../shared/dates.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { mayAttach, NOT_ATTACHABLE } from '../files/attach.js';
import { syncCertificates } from '../certificates/issue-service.js';
import { recordAccess, recordDecision, recordReach } from './access.js';
import { qualificationRepo, type QualificationDbRow } from './qualification-repo.js';
import { recordsRepo, type RecordDbRow, type RecordFields } from './repo.js';

const today = (ctx: AuthedCtx) => isoDateOf(ctx.clock.now());

/** A record added, changed or deleted by hand may earn, renew or cost the person a certificate. */
const recheckCertificates = (ctx: AuthedCtx, personId: string) =>
  syncCertificates(ctx.db, today(ctx), {
    personId,
    now: ctx.clock.now().toISOString(),
    uuid: () => ctx.ids.uuid(),
  });

const toRow = (r: RecordDbRow, asOf: string): RecordRow => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  email: r.email,
  recordType: r.record_type,
  objectId: r.object_id,
  title: r.title,
  provider: r.provider,
  completionDate: r.completion_date,
  expiryDate: r.expiry_date,
  status: expiryStatus(r.expiry_date, asOf),
  qualificationId: r.qualification_id,
  qualificationCode: r.qualification_code,
  source: r.source,
});

function toDetail(r: RecordDbRow, ctx: AuthedCtx, canEdit: boolean): RecordDetail {
  return {
    ...toRow(r, today(ctx)),
    otherInfo: r.other_info,
    qualificationName: r.qualification_name,
    evidencePath: r.evidence_path,
    evidenceFile:
      r.evidence_file_id && r.evidence_file_name !== null
        ? {
            id: r.evidence_file_id,
            name: r.evidence_file_name,
            mimeType: r.evidence_file_mime ?? 'application/octet-stream',
            size: r.evidence_file_size ?? 0,
          }
        : null,
    module:
      r.object_id && r.module_code !== null
        ? { id: r.object_id, code: r.module_code, title: r.module_title ?? '' }
        : null,
    expiryFixed: r.expiry_fixed === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    canEdit,
  };
}

/** The stored fields of a record, as its audit before/after shows them. */
const fieldsOf = (r: RecordDbRow): RecordFields => ({
  title: r.title,
  provider: r.provider,
  completionDate: r.completion_date,
  expiryDate: r.expiry_date,
  otherInfo: r.other_info,
  qualificationId: r.qualification_id,
  evidenceFileId: r.evidence_file_id,
});

/** Everything a record held, for the audit trail of a deletion (record administrators read it there). */
const fullRecord = (r: RecordDbRow) => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  email: r.email,
  recordType: r.record_type,
  objectId: r.object_id,
  ...fieldsOf(r),
  qualificationCode: r.qualification_code,
  evidencePath: r.evidence_path,
  source: r.source,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdBy: r.created_by,
});

function mustFind(ctx: AuthedCtx, id: string): RecordDbRow {
  const r = recordsRepo(ctx.db).byId(id);
  if (!r) throw notFound('That training record');
  return r;
}

/**
 * The field checks of `000_*` records, all at once so a form can mark every
 * field: real dates, completion not in the future, expiry not before completion,
 * and a qualification code that exists and is not archived (`changedQualification`
 * false keeps an archived one a record already carries).
 */
function checkFields(
  ctx: AuthedCtx,
  f: RecordFields,
  opts: { changedQualification: boolean; changedEvidence: boolean; sent: ReadonlySet<string> },
): QualificationDbRow | undefined {
  const details: ErrorDetail[] = [];
  const onDate = (key: 'completionDate' | 'expiryDate', value: string | null): boolean => {
    if (value === null || isIsoDate(value)) return true;
    details.push({ path: key, message: 'There is no such date' });
    return false;
  };
  const completionOk = onDate('completionDate', f.completionDate);
  const expiryOk = onDate('expiryDate', f.expiryDate);
  if (completionOk && f.completionDate > today(ctx))
    details.push({ path: 'completionDate', message: 'The completion date cannot be in the future' });
  if (completionOk && expiryOk && f.expiryDate !== null && f.expiryDate < f.completionDate)
    details.push({
      // Blame the field the user just changed: a new completion date after an old expiry is the completion date's fault.
      path: opts.sent.has('expiryDate') || !opts.sent.has('completionDate') ? 'expiryDate' : 'completionDate',
      message: 'The expiry date cannot be before the completion date',
    });
  let qualification: QualificationDbRow | undefined;
  if (f.qualificationId !== null) {
    qualification = qualificationRepo(ctx.db).byId(f.qualificationId);
    if (!qualification)
      details.push({ path: 'qualificationId', message: 'There is no such qualification code' });
    else if (opts.changedQualification && qualification.archived_at !== null)
      details.push({
        path: 'qualificationId',
        message: `The qualification code ${qualification.code} is archived`,
      });
  }
  if (opts.changedEvidence && f.evidenceFileId !== null) {
    if (!recordsRepo(ctx.db).fileExists(f.evidenceFileId))
      details.push({ path: 'evidenceFileId', message: 'That evidence file was not found' });
    // Evidence is readable by whoever may view the record: attaching must not open someone else's file.
    else if (!mayAttach(ctx, f.evidenceFileId))
      details.push({ path: 'evidenceFileId', message: NOT_ATTACHABLE });
  }
  if (details.length) {
    const first = details[0];
    throw new AppError(
      'invalid_input',
      first ? `${first.path}: ${first.message}` : 'The input is not valid.',
      {
        details,
      },
    );
  }
  return qualification;
}

export function listRecords(input: ParsedInput<'records.list'>, ctx: AuthedCtx): CallOutput<'records.list'> {
  // Asking for one person's records out of reach is refused with the reason, not answered with nothing.
  if (input.personId) recordAccess(ctx, input.personId, 'view');
  const { rows, total } = recordsRepo(ctx.db).page({
    ...input,
    reach: recordReach(ctx, 'view'),
    selfId: ctx.actor.id,
  });
  const asOf = today(ctx);
  return { rows: rows.map((r) => toRow(r, asOf)), total };
}

export function getRecord(input: ParsedInput<'records.get'>, ctx: AuthedCtx): CallOutput<'records.get'> {
  const r = mustFind(ctx, input.id);
  const target = recordAccess(ctx, r.person_id, 'view');
  return toDetail(r, ctx, recordDecision(ctx, target, 'edit').allowed);
}

export function addExternalRecord(
  input: ParsedInput<'records.addExternal'>,
  ctx: AuthedCtx,
): CallOutput<'records.addExternal'> {
  const person = recordAccess(ctx, input.personId, 'edit');
  const fields: RecordFields = {
    title: input.title,
    provider: input.provider,
    completionDate: input.completionDate,
    expiryDate: input.expiryDate ?? null,
    otherInfo: input.otherInfo || null,
    qualificationId: input.qualificationId ?? null,
    evidenceFileId: input.evidenceFileId ?? null,
  };
  const qualification = checkFields(ctx, fields, {
    changedQualification: true,
    changedEvidence: true,
    sent: new Set(Object.keys(input)),
  });
  // No expiry given: the qualification's default validity from the completion date (or never).
  if (input.expiryDate === undefined && qualification)
    fields.expiryDate = expiryFrom(fields.completionDate, qualification.default_validity_months);
  const id = ctx.ids.uuid();
  recordsRepo(ctx.db).insert({
    id,
    personId: person.id,
    recordType: input.recordType,
    objectId: null,
    evidencePath: null,
    source: 'manual',
    createdBy: ctx.actor.id,
    now: ctx.clock.now().toISOString(),
    // The certificate's printed expiry, as typed, beats a configuration's validity; a derived one does not.
    expiryFixed: input.expiryDate !== undefined,
    ...fields,
  });
  const created = mustFind(ctx, id);
  ctx.audit({
    targetIds: [id, person.id],
    summary: `Added ${input.recordType === 'certificate' ? 'certificate' : 'external course'} “${input.title}” to ${person.name}’s training record`,
    after: fullRecord(created),
  });
  recheckCertificates(ctx, person.id);
  return toDetail(created, ctx, true);
}

export function updateRecord(
  input: ParsedInput<'records.update'>,
  ctx: AuthedCtx,
): CallOutput<'records.update'> {
  const r = mustFind(ctx, input.id);
  const person = recordAccess(ctx, r.person_id, 'edit');
  const current = fieldsOf(r);
  const sent: Partial<RecordFields> = {};
  for (const k of Object.keys(current) as (keyof RecordFields)[]) {
    const v = input[k];
    if (v !== undefined) (sent as Record<string, unknown>)[k] = k === 'otherInfo' ? v || null : v;
  }
  const next: RecordFields = { ...current, ...sent };
  checkFields(ctx, next, {
    changedQualification: next.qualificationId !== current.qualificationId,
    changedEvidence: next.evidenceFileId !== current.evidenceFileId,
    sent: new Set(Object.keys(sent)),
  });
  const before: Partial<RecordFields> = {};
  const after: Partial<RecordFields> = {};
  for (const k of Object.keys(sent) as (keyof RecordFields)[]) {
    if (next[k] !== current[k]) {
      (before as Record<string, unknown>)[k] = current[k];
      (after as Record<string, unknown>)[k] = next[k];
    }
  }
  if (Object.keys(after).length) {
    recordsRepo(ctx.db).update(r.id, after, ctx.clock.now().toISOString());
    ctx.audit({
      targetIds: [r.id, person.id],
      summary: `Changed “${r.title}” in ${person.name}’s training record`,
      before,
      after,
    });
    recheckCertificates(ctx, person.id);
  }
  return toDetail(mustFind(ctx, r.id), ctx, true);
}

export function deleteRecord(
  input: ParsedInput<'records.delete'>,
  ctx: AuthedCtx,
): CallOutput<'records.delete'> {
  const r = mustFind(ctx, input.id);
  const person = recordAccess(ctx, r.person_id, 'edit');
  recordsRepo(ctx.db).delete(r.id);
  ctx.audit({
    targetIds: [r.id, person.id],
    summary: `Deleted “${r.title}” from ${person.name}’s training record`,
    before: fullRecord(r),
  });
  recheckCertificates(ctx, person.id);
  return {};
}
