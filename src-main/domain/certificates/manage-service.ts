import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { isoDateOf } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { personTarget } from '../permissions/target-repo.js';
import { requireReach } from '../units/require-reach.js';
import { can } from '../../../shared/permissions/engine.js';
import { certificateRepo } from './certificate-repo.js';
import { issueCertificate, syncCertificates } from './issue-service.js';
import { certificateDetail } from './query-service.js';

const today = (ctx: AuthedCtx) => isoDateOf(ctx.clock.now());

/** A template named by a switch must exist (else the foreign key would fail with no sentence). */
function checkTemplate(ctx: AuthedCtx, templateId: string | null | undefined): void {
  if (!templateId) return;
  const found = ctx.db.prepare('SELECT 1 FROM certificate_template WHERE id = ?').get(templateId);
  if (!found)
    throw new AppError('invalid_input', 'There is no such certificate template.', {
      details: [{ path: 'templateId', message: 'There is no such certificate template' }],
    });
}

/** Issue by hand (the dispatcher checked certificates.manage reaches the person), with a reason. */
export function issueManually(
  ctx: AuthedCtx,
  input: ParsedInput<'certificates.issue'>,
): CallOutput<'certificates.issue'> {
  const person = certificateRepo(ctx.db).person(input.personId);
  if (!person) throw notFound('That person');
  if (input.expiresOn !== null && input.expiresOn <= input.completedOn)
    throw new AppError('invalid_input', 'The expiry date must be after the completion date.', {
      details: [{ path: 'expiresOn', message: 'Must be after the completion date' }],
    });
  const day = today(ctx);
  const id = issueCertificate(ctx.db, {
    personId: input.personId,
    kind: 'manual',
    configurationId: null,
    moduleId: null,
    title: input.title,
    completedOn: input.completedOn,
    expiresOn: input.expiresOn,
    templateId: null,
    issuedOn: day,
    now: ctx.clock.now().toISOString(),
    issuedBy: ctx.actor.id,
    reason: input.reason,
    uuid: () => ctx.ids.uuid(),
  });
  const c = certificateRepo(ctx.db).byId(id);
  if (!c) throw notFound('That certificate');
  ctx.audit({
    targetIds: [id, input.personId],
    summary: `Issued certificate ${c.number} (${input.title}) to ${person.first_name} ${person.last_name} by hand: ${input.reason}`,
    after: {
      number: c.number,
      title: input.title,
      completedOn: input.completedOn,
      expiresOn: input.expiresOn,
      reason: input.reason,
    },
  });
  return certificateDetail(ctx, c);
}

/** Revoke (certificates.manage reaching the holder): it then verifies as revoked. */
export function revokeCertificate(
  ctx: AuthedCtx,
  input: ParsedInput<'certificates.revoke'>,
): CallOutput<'certificates.revoke'> {
  const repo = certificateRepo(ctx.db);
  const c = repo.byId(input.id);
  if (!c) throw notFound('That certificate');
  const t = personTarget(ctx.db, c.person_id);
  if (!t) throw notFound('That certificate');
  const d = can(ctx.actor, 'certificates.manage', t, 'you');
  if (!d.allowed) throw forbidden(`You cannot revoke ${t.name}’s certificates. ${d.reason}`);
  if (c.status === 'revoked') throw conflict(`Certificate ${c.number} is already revoked.`);
  repo.setStatus({
    id: c.id,
    status: 'revoked',
    reason: input.reason,
    effectiveOn: today(ctx),
    at: ctx.clock.now().toISOString(),
    actorId: ctx.actor.id,
  });
  ctx.audit({
    targetIds: [c.id, c.person_id],
    summary: `Revoked certificate ${c.number} (${c.title}) of ${t.name}: ${input.reason}`,
    before: { status: c.status, reason: c.status_reason },
    after: { status: 'revoked', reason: input.reason },
  });
  const after = repo.byId(c.id);
  if (!after) throw notFound('That certificate');
  return certificateDetail(ctx, after);
}

/** Certificates of completion on or off for a configuration (assignments.manage over its owner unit). */
export function switchConfiguration(
  ctx: AuthedCtx,
  input: ParsedInput<'certificates.configuration'>,
): CallOutput<'certificates.configuration'> {
  const repo = certificateRepo(ctx.db);
  const c = repo.configuration(input.configurationId);
  const owner = c && unitFacts(ctx.db, c.owner_unit_id);
  if (!c || !owner) throw notFound('That training configuration');
  requireReach(ctx.actor, 'assignments.manage', owner);
  if (c.archived_at) throw conflict(`${c.name} is archived: its history can be viewed but not changed.`);
  checkTemplate(ctx, input.templateId);
  repo.setConfigurationEnabled(c.id, input.enabled, input.templateId);
  const issued = input.enabled
    ? syncCertificates(ctx.db, today(ctx), {
        configurationId: c.id,
        now: ctx.clock.now().toISOString(),
        uuid: () => ctx.ids.uuid(),
      }).issued
    : 0;
  ctx.audit({
    targetIds: [c.id],
    summary: input.enabled
      ? `Turned on certificates of completion for ${c.name} (${issued} issued at once)`
      : `Turned off certificates of completion for ${c.name}`,
    before: { enabled: c.certificate_enabled === 1 },
    after: { enabled: input.enabled, templateId: input.templateId ?? null, issued },
  });
  return { enabled: input.enabled, issued };
}

/** A certificate on completion on or off for a module (catalog.manage over its owner unit). */
export function switchModule(
  ctx: AuthedCtx,
  input: ParsedInput<'certificates.module'>,
): CallOutput<'certificates.module'> {
  const repo = certificateRepo(ctx.db);
  const m = repo.module(input.moduleId);
  const owner = m && unitFacts(ctx.db, m.owner_unit_id);
  if (!m || !owner) throw notFound('That module');
  requireReach(ctx.actor, 'catalog.manage', owner);
  if (m.status === 'archived')
    throw conflict(`${m.title} is archived: its history can be viewed but not changed.`);
  checkTemplate(ctx, input.templateId);
  repo.setModuleEnabled(m.id, input.enabled, input.templateId);
  const issued = input.enabled
    ? syncCertificates(ctx.db, today(ctx), {
        moduleId: m.id,
        now: ctx.clock.now().toISOString(),
        uuid: () => ctx.ids.uuid(),
      }).issued
    : 0;
  ctx.audit({
    targetIds: [m.id],
    summary: input.enabled
      ? `Turned on certificates on completion for ${m.title} (${issued} issued at once)`
      : `Turned off certificates on completion for ${m.title}`,
    before: { enabled: m.certificate_enabled === 1 },
    after: { enabled: input.enabled, templateId: input.templateId ?? null, issued },
  });
  return { enabled: input.enabled, issued };
}
