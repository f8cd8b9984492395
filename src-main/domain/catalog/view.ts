import type { ModuleDetail, ModuleRow, ModuleSummary } from '../../../shared/api/schemas/catalog.js';
import type { AuthedCtx } from '../../app/context.js';
import { fileRepo } from '../files/file-repo.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { reaches } from '../units/require-reach.js';
import { withoutAnswerKeys } from './content.js';
import { moduleRepo, parseContent, type ModuleDbRow, type ModuleSummaryRow } from './module-repo.js';
import { usageRepo } from './usage-repo.js';

export const toSummary = (m: ModuleSummaryRow): ModuleSummary => ({
  id: m.id,
  code: m.code,
  title: m.title,
  kind: m.kind,
  status: m.status,
});

export function toRow(m: ModuleDbRow): ModuleRow {
  return {
    ...toSummary(m),
    ownerUnitId: m.owner_unit_id,
    ownerUnitName: m.owner_name,
    tags: JSON.parse(m.tags) as string[],
    defaultValidityMonths: m.default_validity_months,
    trainingRecord: m.training_record === 1,
    selfEnrol: m.self_enrol === 1,
    provider: m.provider,
    currentVersion: m.current_version,
    hasUnpublishedChanges: m.unpublished === 1,
    updatedAt: m.updated_at,
  };
}

/** What a module row stores, for the audit log's before/after. */
export function auditShape(m: ModuleDbRow, prerequisiteIds: string[]) {
  return {
    code: m.code,
    title: m.title,
    kind: m.kind,
    description: m.description,
    ownerUnitId: m.owner_unit_id,
    tags: JSON.parse(m.tags) as string[],
    defaultValidityMonths: m.default_validity_months,
    trainingRecord: m.training_record === 1,
    selfEnrol: m.self_enrol === 1,
    provider: m.provider,
    status: m.status,
    currentVersion: m.current_version,
    content: JSON.parse(m.draft) as unknown,
    prerequisiteIds,
  };
}

export function moduleDetail(ctx: AuthedCtx, m: ModuleDbRow): ModuleDetail {
  const repo = moduleRepo(ctx.db);
  const usage = usageRepo(ctx.db);
  const owner = unitFacts(ctx.db, m.owner_unit_id);
  const counts = usage.counts(m.id);
  const canManage = !!owner && reaches(ctx.actor, 'catalog.manage', owner);
  const content = parseContent(m.draft);
  return {
    ...toRow(m),
    description: m.description,
    // Answer keys are for the quiz's editors only: viewers may have to take it themselves.
    content: canManage ? content : withoutAnswerKeys(content),
    prerequisites: repo.summaries(repo.prerequisiteIds(m.id)).map(toSummary),
    versions: repo.versions(m.id).map((v) => ({
      version: v.version,
      title: v.title,
      publishedAt: v.published_at,
      publishedByName: v.published_by_name,
    })),
    usage: {
      enrolments: counts.enrolments,
      attempts: counts.attempts,
      results: counts.results,
      records: counts.records,
      usedBy: usage.usedBy(m.id).map(toSummary),
    },
    canManage,
    editable: m.kind !== 'external',
    files: fileRepo(ctx.db)
      .inModuleDraft(m.id)
      .map((f) => ({ id: f.id, name: f.name, mimeType: f.mime_type, size: f.size })),
    certificateEnabled: m.certificate_enabled === 1,
    certificateTemplateId: m.certificate_template_id,
  };
}

/** Re-reads a module after a write (the row must exist: it was just written). */
export function freshDetail(ctx: AuthedCtx, id: string): ModuleDetail {
  const m = moduleRepo(ctx.db).byId(id);
  if (!m) throw new Error('module vanished');
  return moduleDetail(ctx, m);
}
