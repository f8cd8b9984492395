import type { ParsedInput, CallOutput } from '../../../shared/api/contract.js';
import {
  DEFAULT_EXPIRING_DAYS,
  expiringUntil,
  expiryOf,
  isValidStatus,
  type Status,
} from '../../../shared/compliance/status.js';
import { can } from '../../../shared/permissions/engine.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { isoDateOf } from '../../../shared/dates.js';
import { notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import type { Db } from '../../db/open.js';
import { personTarget } from '../permissions/target-repo.js';
import type { EngineScope } from './engine-sql.js';
import { requirementOfRank } from './engine-sql.js';
import { complianceRepo, type SourceDbRow } from './repo.js';

/** The expiring window in days: setting `compliance.expiringDays`, else 30. */
export function expiringDays(db: Db): number {
  const raw = complianceRepo(db).setting('compliance.expiringDays')?.trim();
  // An empty value means "not set" (Number('') would be a 0-day window).
  const v = raw ? Number(raw) : NaN;
  return Number.isInteger(v) && v >= 0 ? v : DEFAULT_EXPIRING_DAYS;
}

/** The engine's scope for a viewer: their compliance.view reach, on a date (default today). */
export function engineScope(ctx: Pick<AuthedCtx, 'actor' | 'db' | 'clock'>, asOf?: string): EngineScope {
  const day = asOf ?? isoDateOf(ctx.clock.now());
  return {
    reach: reachOf(ctx.actor.grants, 'compliance.view'),
    selfId: ctx.actor.id,
    asOf: day,
    until: expiringUntil(day, expiringDays(ctx.db)),
  };
}

const STATUS_ORDER: Record<Status, number> = {
  overdue: 0,
  expired: 1,
  missing: 2,
  expiring: 3,
  compliant: 4,
  not_required: 5,
};

const source = (s: SourceDbRow) => ({
  configurationId: s.configuration_id,
  name: s.name,
  requirement: s.requirement,
  targetType: s.target_type,
  targetName: s.target_name,
  validityMonths: s.validity_months,
  dueDate: s.due_date,
});

/**
 * One person's requirements on a date. Hidden ones are shown only when `showHidden`
 * (a manager who prepares them); the person themselves never sees them.
 */
export function personCompliance(
  ctx: AuthedCtx,
  personId: string,
  asOf: string | undefined,
  opts: { showHidden: boolean; selfView: boolean },
): CallOutput<'compliance.person'> {
  const repo = complianceRepo(ctx.db);
  const name = repo.personName(personId);
  if (name === undefined) throw notFound('That person');
  const scope = engineScope(ctx, asOf);
  // Their own page needs no reach: the person is always themselves.
  const s: EngineScope = opts.selfView
    ? { ...scope, reach: { ...scope.reach, any: true, self: true }, personId }
    : { ...scope, personId };
  const sources = repo.sources(personId, s.asOf).filter((r) => opts.showHidden || r.requirement !== 'hidden');
  const rows = repo
    .cellsWithModules(s)
    .filter((c) => opts.showHidden || c.rank !== 3)
    .map((c) => ({
      moduleId: c.module_id,
      code: c.code,
      title: c.title,
      kind: c.kind,
      requirement: requirementOfRank(c.rank),
      status: c.status,
      lastCompletion: c.last_completion,
      expiryDate: c.expiry_date,
      dueDate: c.due_date,
      validityMonths: c.validity_months,
      sources: sources.filter((r) => r.module_id === c.module_id).map(source),
    }))
    .sort(
      (a, b) =>
        requirementRank(a.requirement) - requirementRank(b.requirement) ||
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        a.code.localeCompare(b.code),
    );
  return { asOf: s.asOf, personId, personName: name, rows };
}

const requirementRank = (r: string) => (r === 'required' ? 1 : r === 'optional' ? 2 : 3);

/** Whether the viewer prepares training for this person (assignments.manage reaching them): they see Hidden. */
export function managesAssignmentsOf(ctx: AuthedCtx, personId: string): boolean {
  if (personId === ctx.actor.id) return false;
  const target = personTarget(ctx.db, personId);
  return !!target && can(ctx.actor, 'assignments.manage', target, 'you').allowed;
}

/** One person's history for one module, and the completion that decides the status on the date. */
export function cellHistory(
  ctx: AuthedCtx,
  input: ParsedInput<'compliance.cell'>,
): CallOutput<'compliance.cell'> {
  const repo = complianceRepo(ctx.db);
  const s = { ...engineScope(ctx, input.asOf), personId: input.personId, moduleIds: [input.moduleId] };
  const cell = repo.cellsWithModules(s)[0];
  const hidden = !managesAssignmentsOf(ctx, input.personId);
  const visible = cell && !(cell.rank === 3 && hidden) ? cell : undefined;
  const validity = visible?.validity_months ?? null;
  let decided = false;
  const completions = repo.completions(input.personId, input.moduleId).map((r) => {
    const counts = !decided && r.completion_date <= s.asOf;
    if (counts) decided = true;
    return {
      recordId: r.id,
      completionDate: r.completion_date,
      expiryDate: r.expiry_fixed ? r.expiry_date : expiryOf(r.completion_date, validity),
      ownExpiry: r.expiry_fixed === 1,
      source: r.source,
      counts,
    };
  });
  return {
    asOf: s.asOf,
    status: visible?.status ?? 'not_required',
    dueDate: visible?.due_date ?? null,
    validityMonths: validity,
    sources: repo
      .sources(input.personId, s.asOf, input.moduleId)
      .filter((r) => !hidden || r.requirement !== 'hidden')
      .map(source),
    completions,
  };
}

/** People × required modules: every matched person is computed (totals span all pages), one page is returned. */
export function matrix(ctx: AuthedCtx, q: ParsedInput<'compliance.matrix'>): CallOutput<'compliance.matrix'> {
  const repo = complianceRepo(ctx.db);
  const s: EngineScope = {
    ...engineScope(ctx, q.asOf),
    unitId: q.unitId,
    groupId: q.groupId,
    search: q.search,
    moduleIds: q.moduleIds,
  };
  const wanted = q.statuses?.length ? q.statuses : null;
  const required = new Map<string, number>();
  const valid = new Map<string, number>();
  const people = [];
  // Every matched person counts towards the column totals, so this loop sees all of them: it only
  // scans the "module=status" text; the cells of the one page shown are split out afterwards.
  for (const p of repo.matrixPeople(s)) {
    if (wanted && !wanted.some((st) => p.cells.includes(`=${st}`))) continue;
    let start = 0;
    while (start < p.cells.length) {
      const eq = p.cells.indexOf('=', start);
      let end = p.cells.indexOf(',', eq);
      if (end < 0) end = p.cells.length;
      const m = p.cells.slice(start, eq);
      required.set(m, (required.get(m) ?? 0) + 1);
      const st = p.cells.slice(eq + 1, end) as Status;
      if (isValidStatus(st)) valid.set(m, (valid.get(m) ?? 0) + 1);
      start = end + 1;
    }
    people.push(p);
  }
  const modules = repo.moduleHeads([...required.keys()]);
  const rows = people.slice(q.offset, q.offset + q.limit).map((p) => {
    const cells = new Map(
      p.cells.split(',').map((pair) => {
        const eq = pair.indexOf('=');
        return [pair.slice(0, eq), pair.slice(eq + 1) as Status] as const;
      }),
    );
    return {
      personId: p.id,
      name: `${p.first_name} ${p.last_name}`,
      email: p.email,
      unitName: p.unit_name,
      cells: modules.map((m) => cells.get(m.id) ?? 'not_required'),
      required: cells.size,
      compliant: [...cells.values()].filter(isValidStatus).length,
    };
  });
  return {
    asOf: s.asOf,
    modules: modules.map((m) => ({
      ...m,
      required: required.get(m.id) ?? 0,
      compliant: valid.get(m.id) ?? 0,
    })),
    rows,
    total: people.length,
  };
}

const COUNTED = ['compliant', 'expiring', 'expired', 'missing', 'overdue'] as const;

export function summary(
  ctx: AuthedCtx,
  q: ParsedInput<'compliance.summary'>,
): CallOutput<'compliance.summary'> {
  const repo = complianceRepo(ctx.db);
  const now = { ...engineScope(ctx, q.asOf), unitId: q.unitId };
  const weekAgoDay = isoDateOf(new Date(Date.parse(`${now.asOf}T00:00:00Z`) - 7 * 86_400_000));
  const before = { ...engineScope(ctx, weekAgoDay), unitId: q.unitId };
  const a = repo.statusCounts(now);
  const b = repo.statusCounts(before);
  const pick = (c: Partial<Record<Status, number>>) =>
    Object.fromEntries(COUNTED.map((k) => [k, c[k] ?? 0])) as Record<(typeof COUNTED)[number], number>;
  return { asOf: now.asOf, counts: pick(a.counts), weekBefore: pick(b.counts), people: a.people };
}

export function attention(
  ctx: AuthedCtx,
  q: ParsedInput<'compliance.attention'>,
): CallOutput<'compliance.attention'> {
  const s = { ...engineScope(ctx, q.asOf), unitId: q.unitId };
  const { rows, total } = complianceRepo(ctx.db).attention(s, q.statuses, q);
  return {
    asOf: s.asOf,
    total,
    rows: rows.map((r) => ({
      personId: r.person_id,
      name: `${r.first_name} ${r.last_name}`,
      email: r.email,
      unitName: r.unit_name,
      moduleId: r.module_id,
      code: r.code,
      title: r.title,
      status: r.status,
      dueDate: r.due_date,
      expiryDate: r.expiry_date,
    })),
  };
}
