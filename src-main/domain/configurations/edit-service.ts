import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ErrorDetail } from '../../../shared/api/errors.js';
import type { ItemInput } from '../../../shared/api/schemas/configurations.js';
import { isIsoDate, isoDateOf } from '../../../shared/dates.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { AppError, conflict } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { isModuleVisibleTo } from '../catalog/visibility-repo.js';
import { syncCertificates } from '../certificates/issue-service.js';
import { configRepo, type ItemDbRow, type ItemValues } from './config-repo.js';
import { syncFulfilments } from './sync.js';
import { reachableConfiguration, recheckTarget, resolveTarget } from './target.js';
import { configurationDetail, dueRuleOf } from './view.js';

const today = (ctx: AuthedCtx) => isoDateOf(ctx.clock.now());

/**
 * Every listed module exists, is visible to the actor (as a learner or through
 * catalog.view) and is published: a draft has nothing to take yet and an
 * archived module is withdrawn, so assigning either would make a requirement
 * nobody can meet. No module twice; fixed due dates are real dates; a Required
 * module must count as a training record (compliance is read from records).
 */
function checkItems(ctx: AuthedCtx, items: readonly ItemInput[]): void {
  const modules = new Map(
    configRepo(ctx.db)
      .modules(items.map((i) => i.moduleId))
      .map((m) => [m.id, m]),
  );
  const reach = reachOf(ctx.actor.grants, 'catalog.view');
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  items.forEach((item, n) => {
    const path = `items.${n}.moduleId`;
    const m = modules.get(item.moduleId);
    if (!m || !isModuleVisibleTo(ctx.db, ctx.actor.id, item.moduleId, reach))
      details.push({ path, message: 'There is no such module' });
    else if (m.status !== 'published')
      details.push({
        path,
        message: `${m.title} is ${m.status === 'draft' ? 'not published yet' : 'archived'}: only published modules can be assigned`,
      });
    else if (seen.has(item.moduleId)) details.push({ path, message: `${m.title} is listed twice` });
    // Compliance counts training records: a module that never makes one could never be complied with.
    else if (item.requirement === 'required' && m.training_record !== 1)
      details.push({
        path: `items.${n}.requirement`,
        message: `${m.title} does not count as a training record, so completing it could never make anyone compliant; require the module that contains it, or turn on “Counts as a training record” in the catalog`,
      });
    seen.add(item.moduleId);
    if (item.due.kind === 'fixed' && !isIsoDate(item.due.date))
      details.push({ path: `items.${n}.due.date`, message: `${item.due.date} is not a real date` });
  });
  const first = details[0];
  if (first)
    throw new AppError('invalid_input', `Module ${Number(first.path.split('.')[1]) + 1}: ${first.message}.`, {
      details,
    });
}

const valuesOf = (i: ItemInput): ItemValues => ({
  moduleId: i.moduleId,
  requirement: i.requirement,
  validityMonths: i.validityMonths,
  dueKind: i.due.kind === 'none' ? null : i.due.kind,
  dueDate: i.due.kind === 'fixed' ? i.due.date : null,
  dueDays: i.due.kind === 'after_joining' ? i.due.days : null,
});

const sameValues = (row: ItemDbRow, v: ItemValues) =>
  row.requirement === v.requirement &&
  row.validity_months === v.validityMonths &&
  row.due_kind === v.dueKind &&
  row.due_date === v.dueDate &&
  row.due_days === v.dueDays;

/** What the audit log keeps of an item list. */
const auditItems = (rows: readonly ItemDbRow[]) =>
  rows.map((r) => ({
    moduleId: r.module_id,
    code: r.code,
    requirement: r.requirement,
    validityMonths: r.validity_months,
    due: dueRuleOf(r),
  }));

/**
 * Replaces the configuration's current items with `items`, keeping history:
 * an unchanged module keeps its row; a changed or removed one is closed today
 * and (if changed) a new version opens today. A row opened today is simply
 * rewritten or deleted, so no version ever covers zero days.
 */
function replaceItems(ctx: AuthedCtx, configurationId: string, items: readonly ItemInput[]): boolean {
  const repo = configRepo(ctx.db);
  const day = today(ctx);
  const current = new Map(repo.currentItems(configurationId).map((r) => [r.module_id, r]));
  let changed = false;
  for (const item of items) {
    const v = valuesOf(item);
    const row = current.get(item.moduleId);
    current.delete(item.moduleId);
    if (row && sameValues(row, v)) continue;
    changed = true;
    if (row && row.valid_from === day) repo.rewriteItem(row.id, v);
    else {
      if (row) repo.closeItem(row.id, day);
      repo.insertItem(ctx.ids.uuid(), configurationId, v, day);
    }
  }
  for (const row of current.values()) {
    changed = true;
    if (row.valid_from === day) repo.deleteItem(row.id);
    else repo.closeItem(row.id, day);
  }
  return changed;
}

export function createConfiguration(
  input: ParsedInput<'configurations.create'>,
  ctx: AuthedCtx,
): CallOutput<'configurations.create'> {
  const target = resolveTarget(ctx, input.targetType, input.targetId);
  checkItems(ctx, input.items);
  const repo = configRepo(ctx.db);
  const id = ctx.ids.uuid();
  const now = ctx.clock.now().toISOString();
  repo.insert({
    id,
    name: input.name,
    description: input.description ?? null,
    targetType: input.targetType,
    targetId: input.targetId,
    ownerUnitId: target.ownerUnitId,
    now,
    createdBy: ctx.actor.id,
  });
  replaceItems(ctx, id, input.items);
  syncFulfilments(ctx.db, today(ctx), { configurationId: id, now });
  syncCertificates(ctx.db, today(ctx), { configurationId: id, now, uuid: () => ctx.ids.uuid() });
  ctx.audit({
    targetIds: [id, input.targetId],
    summary: `Created training configuration ${input.name} for ${target.name}`,
    after: {
      name: input.name,
      description: input.description ?? null,
      targetType: input.targetType,
      targetId: input.targetId,
      ownerUnitId: target.ownerUnitId,
      items: auditItems(repo.currentItems(id)),
    },
  });
  return configurationDetail(ctx, id);
}

export function updateConfiguration(
  input: ParsedInput<'configurations.update'>,
  ctx: AuthedCtx,
): CallOutput<'configurations.update'> {
  const c = reachableConfiguration(ctx, input.id, 'assignments.manage');
  if (c.archived_at) throw conflict(`${c.name} is archived: its history can be viewed but not changed.`);
  recheckTarget(ctx, c);
  const repo = configRepo(ctx.db);
  if (input.items) checkItems(ctx, input.items);
  const before = auditItems(repo.currentItems(c.id));
  const now = ctx.clock.now().toISOString();
  const name = input.name ?? c.name;
  const description = input.description === undefined ? c.description : input.description;
  repo.update(c.id, { name, description, now });
  const itemsChanged = input.items ? replaceItems(ctx, c.id, input.items) : false;
  // New Required items notify the people already covered; the sync also catches any membership drift.
  syncFulfilments(ctx.db, today(ctx), { configurationId: c.id, now });
  // Issue 8: new Required items invalidate certificates; removed ones may complete them.
  syncCertificates(ctx.db, today(ctx), { configurationId: c.id, now, uuid: () => ctx.ids.uuid() });
  ctx.audit({
    targetIds: [c.id],
    summary: `Changed training configuration ${c.name}${name !== c.name ? ` (now ${name})` : ''}`,
    before: { name: c.name, description: c.description, ...(itemsChanged ? { items: before } : {}) },
    after: { name, description, ...(itemsChanged ? { items: auditItems(repo.currentItems(c.id)) } : {}) },
  });
  return configurationDetail(ctx, c.id);
}

export function archiveConfiguration(
  input: ParsedInput<'configurations.archive'>,
  ctx: AuthedCtx,
): CallOutput<'configurations.archive'> {
  const c = reachableConfiguration(ctx, input.id, 'assignments.manage');
  if (c.archived_at) throw conflict(`${c.name} is already archived.`);
  const now = ctx.clock.now().toISOString();
  configRepo(ctx.db).archive(c.id, now, today(ctx));
  ctx.audit({
    targetIds: [c.id],
    summary: `Archived training configuration ${c.name} (${c.people_count} people no longer covered)`,
    before: { archived: false, peopleCount: c.people_count },
    after: { archived: true, archivedAt: now },
  });
  return configurationDetail(ctx, c.id);
}
