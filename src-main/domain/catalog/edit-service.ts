import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ModuleContent, ModuleKind } from '../../../shared/api/schemas/catalog.js';
import type { UnitFacts } from '../../../shared/permissions/engine.js';
import { AppError } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { requireAttachable } from '../files/attach.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { requireReach } from '../units/require-reach.js';
import { cleanContent, emptyContent } from './content.js';
import { canonicalJson, moduleRepo, parseContent, type ModuleWrite } from './module-repo.js';
import { checkPrerequisites } from './prerequisites.js';
import { reachableModule } from './service.js';
import { auditShape, freshDetail } from './view.js';

export const EXTERNAL_READ_ONLY = 'External items are supplied from outside and cannot be edited here.';

const invalid = (path: string, message: string) =>
  new AppError('invalid_input', `${message}.`, { details: [{ path, message }] });

function ownerFacts(ctx: AuthedCtx, id: string): UnitFacts {
  const f = unitFacts(ctx.db, id);
  if (!f) throw invalid('ownerUnitId', 'There is no such unit to own the module');
  return f;
}

function checkCodeFree(ctx: AuthedCtx, code: string, exceptId = ''): void {
  const holder = moduleRepo(ctx.db).byCode(code);
  if (holder && holder.id !== exceptId) {
    const message = `The code ${code} is already used by “${holder.title}”`;
    throw new AppError('conflict', `${message}.`, { details: [{ path: 'code', message }] });
  }
}

/** Content for a module of `kind`, sanitized, as stored canonical JSON. */
function storedContent(kind: ModuleKind, content: ModuleContent | undefined): string {
  if (content && content.kind !== kind)
    throw invalid(
      'content.kind',
      `The content is for a ${content.kind.replace('_', ' ')}, not a ${kind.replace('_', ' ')}`,
    );
  return canonicalJson(cleanContent(content ?? emptyContent(kind)));
}

/** The files a course's file steps open. */
const stepFileIds = (content: ModuleContent | undefined): Set<string> =>
  new Set(
    content?.kind === 'course'
      ? content.steps.flatMap((s) => (s.type === 'file' && s.fileId !== null ? [s.fileId] : []))
      : [],
  );

/**
 * A file step lets whoever may view the course open its file, so each file newly
 * put into the content must be one the editor uploaded or may already open.
 * Files the draft already held were checked when they were put there.
 */
function checkStepFiles(ctx: AuthedCtx, content: ModuleContent | undefined, draftBefore?: string): void {
  if (content?.kind !== 'course') return;
  const held = draftBefore === undefined ? new Set<string>() : stepFileIds(parseContent(draftBefore));
  content.steps.forEach((s, i) => {
    if (s.type === 'file' && s.fileId !== null && !held.has(s.fileId))
      requireAttachable(ctx, s.fileId, `content.steps.${i}.fileId`);
  });
}

export function createModule(
  input: ParsedInput<'modules.create'>,
  ctx: AuthedCtx,
): CallOutput<'modules.create'> {
  const owner = ownerFacts(ctx, input.ownerUnitId);
  checkCodeFree(ctx, input.code);
  checkStepFiles(ctx, input.content);
  const write: ModuleWrite = {
    code: input.code,
    kind: input.kind,
    title: input.title,
    description: input.description || null,
    ownerUnitId: owner.id,
    tags: [...new Set(input.tags)],
    defaultValidityMonths: input.defaultValidityMonths,
    trainingRecord: input.trainingRecord,
    selfEnrol: input.selfEnrol,
    provider: input.provider || null,
    draft: storedContent(input.kind, input.content),
  };
  const id = ctx.ids.uuid();
  moduleRepo(ctx.db).insert(id, write, ctx.clock.now().toISOString(), ctx.actor.id);
  const created = moduleRepo(ctx.db).byId(id);
  if (!created) throw new Error('module vanished');
  ctx.audit({
    targetIds: [id],
    summary: `Created ${input.kind.replace('_', ' ')} ${input.code} “${input.title}”`,
    after: auditShape(created, []),
  });
  return freshDetail(ctx, id);
}

export function updateModule(
  input: ParsedInput<'modules.update'>,
  ctx: AuthedCtx,
): CallOutput<'modules.update'> {
  const m = reachableModule(ctx, input.id, 'catalog.manage');
  if (m.kind === 'external') throw new AppError('forbidden', EXTERNAL_READ_ONLY);
  const repo = moduleRepo(ctx.db);
  const code = input.code ?? m.code;
  if (code.toLowerCase() !== m.code.toLowerCase()) checkCodeFree(ctx, code, m.id);
  const ownerUnitId = input.ownerUnitId ?? m.owner_unit_id;
  // Handing a module to another unit needs catalog.manage there too (the old owner was checked above).
  if (ownerUnitId !== m.owner_unit_id)
    requireReach(ctx.actor, 'catalog.manage', ownerFacts(ctx, ownerUnitId));
  const beforePrereqs = repo.prerequisiteIds(m.id);
  if (input.prerequisiteIds) checkPrerequisites(ctx, m, input.prerequisiteIds);
  checkStepFiles(ctx, input.content, m.draft);
  const keep = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
  repo.update(
    m.id,
    {
      code,
      title: input.title ?? m.title,
      description: input.description === undefined ? m.description : input.description || null,
      ownerUnitId,
      tags: input.tags ? [...new Set(input.tags)] : (JSON.parse(m.tags) as string[]),
      defaultValidityMonths: keep(input.defaultValidityMonths, m.default_validity_months),
      trainingRecord: keep(input.trainingRecord, m.training_record === 1),
      selfEnrol: keep(input.selfEnrol, m.self_enrol === 1),
      provider: m.provider,
      draft: input.content ? storedContent(m.kind, input.content) : m.draft,
    },
    ctx.clock.now().toISOString(),
  );
  if (input.prerequisiteIds) repo.setPrerequisites(m.id, input.prerequisiteIds);
  const after = repo.byId(m.id);
  if (!after) throw new Error('module vanished');
  ctx.audit({
    targetIds: [m.id],
    summary: `Changed module ${m.code} “${m.title}”${after.title !== m.title ? ` (now “${after.title}”)` : ''}`,
    before: auditShape(m, beforePrereqs),
    after: auditShape(after, repo.prerequisiteIds(m.id)),
  });
  return freshDetail(ctx, m.id);
}
