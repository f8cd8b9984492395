import type {
  ConfigurationDetail,
  ConfigurationRow,
  DueRule,
  ItemRow,
} from '../../../shared/api/schemas/configurations.js';
import type { AuthedCtx } from '../../app/context.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { configRepo, type ConfigDbRow, type ItemDbRow } from './config-repo.js';
import { mayManage, unitPath } from './target.js';

export function dueRuleOf(i: Pick<ItemDbRow, 'due_kind' | 'due_date' | 'due_days'>): DueRule {
  if (i.due_kind === 'fixed' && i.due_date) return { kind: 'fixed', date: i.due_date };
  if (i.due_kind === 'after_joining' && i.due_days !== null)
    return { kind: 'after_joining', days: i.due_days };
  return { kind: 'none' };
}

export const toItem = (i: ItemDbRow): ItemRow => ({
  moduleId: i.module_id,
  code: i.code,
  title: i.title,
  kind: i.kind,
  requirement: i.requirement,
  validityMonths: i.validity_months,
  moduleDefaultValidityMonths: i.default_validity_months,
  due: dueRuleOf(i),
});

/** A unit target is named by its path (two sites may share a name); a vanished target says so. */
function targetName(ctx: AuthedCtx, c: ConfigDbRow): string {
  if (c.target_type === 'unit') {
    const f = unitFacts(ctx.db, c.target_id);
    if (f) return unitPath(f);
  }
  return c.target_name ?? `(removed ${c.target_type})`;
}

export const toRow = (ctx: AuthedCtx, c: ConfigDbRow): ConfigurationRow => ({
  id: c.id,
  name: c.name,
  description: c.description,
  targetType: c.target_type,
  targetId: c.target_id,
  targetName: targetName(ctx, c),
  ownerUnitId: c.owner_unit_id,
  ownerUnitName: c.owner_name,
  requiredCount: c.required_count,
  optionalCount: c.optional_count,
  hiddenCount: c.hidden_count,
  peopleCount: c.people_count,
  archived: c.archived_at !== null,
  certificateEnabled: c.certificate_enabled === 1,
  certificateTemplateId: c.certificate_template_id,
  updatedAt: c.updated_at,
});

export function configurationDetail(ctx: AuthedCtx, id: string): ConfigurationDetail {
  const c = configRepo(ctx.db).byId(id);
  if (!c) throw new Error('configuration vanished');
  return {
    ...toRow(ctx, c),
    items: configRepo(ctx.db).currentItems(id).map(toItem),
    canManage: c.archived_at === null && mayManage(ctx, c),
  };
}
