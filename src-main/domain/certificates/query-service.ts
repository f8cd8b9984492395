import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { can } from '../../../shared/permissions/engine.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { isoDateOf } from '../../../shared/dates.js';
import { forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { renderCertificatePdf } from '../../pdf/render.js';
import { personTarget } from '../permissions/target-repo.js';
import { certificateListRepo } from './certificate-list-repo.js';
import { certificateRepo, type CertificateDbRow } from './certificate-repo.js';
import { certificateFileName } from './file-names.js';
import { pdfDataOf } from './pdf-data.js';
import { certificateRowOf } from './row-of.js';
import { qrTextOf, shortCodeOf } from './signing.js';

const today = (ctx: AuthedCtx) => isoDateOf(ctx.clock.now());

/** Whether the actor holds certificates.manage over the certificate's holder. */
export function managesCertificatesOf(ctx: AuthedCtx, personId: string): boolean {
  const t = personTarget(ctx.db, personId);
  return !!t && can(ctx.actor, 'certificates.manage', t, 'you').allowed;
}

/**
 * A certificate the actor may see: their own (certificates.view), or anyone's
 * their certificates.manage reaches; otherwise forbidden, with why.
 */
export function readableCertificate(ctx: AuthedCtx, id: string): CertificateDbRow {
  const c = certificateRepo(ctx.db).byId(id);
  if (!c) throw notFound('That certificate');
  const t = personTarget(ctx.db, c.person_id);
  if (!t) throw notFound('That certificate');
  if (c.person_id === ctx.actor.id && can(ctx.actor, 'certificates.view', t, 'you').allowed) return c;
  const d = can(ctx.actor, 'certificates.manage', t, 'you');
  if (!d.allowed) throw forbidden(`You cannot see ${t.name}’s certificates. ${d.reason}`);
  return c;
}

export function myCertificates(ctx: AuthedCtx): CallOutput<'certificates.mine'> {
  const { rows, total } = certificateListRepo(ctx.db).list({ personId: ctx.actor.id }, null);
  const day = today(ctx);
  return { rows: rows.map((r) => certificateRowOf(r, day)), total };
}

export function listCertificates(
  ctx: AuthedCtx,
  q: ParsedInput<'certificates.list'>,
): CallOutput<'certificates.list'> {
  const { rows, total } = certificateListRepo(ctx.db).list(
    {
      reach: { reach: reachOf(ctx.actor.grants, 'certificates.manage'), selfId: ctx.actor.id },
      personId: q.personId,
      unitId: q.unitId,
      configurationId: q.configurationId,
      moduleId: q.moduleId,
      status: q.status,
      issuedFrom: q.issuedFrom,
      issuedTo: q.issuedTo,
      search: q.search,
    },
    { offset: q.offset, limit: q.limit },
  );
  const day = today(ctx);
  return { rows: rows.map((r) => certificateRowOf(r, day)), total };
}

/** One certificate with its codes and history, for someone already allowed to see it. */
export function certificateDetail(ctx: AuthedCtx, c: CertificateDbRow): CallOutput<'certificates.get'> {
  const repo = certificateRepo(ctx.db);
  return {
    ...certificateRowOf(c, today(ctx)),
    shortCode: shortCodeOf(c.number, c.signature),
    qrText: qrTextOf(c.payload, c.signature),
    keyId: c.key_id,
    supersededBy: c.superseded_by,
    history: repo.history(c.id).map((e) => ({
      effectiveOn: e.effective_on,
      at: e.at,
      status: e.status,
      reason: e.reason,
      actorName: e.actor_name,
    })),
    canRevoke: c.status !== 'revoked' && managesCertificatesOf(ctx, c.person_id),
  };
}

export function getCertificate(
  ctx: AuthedCtx,
  input: ParsedInput<'certificates.get'>,
): CallOutput<'certificates.get'> {
  return certificateDetail(ctx, readableCertificate(ctx, input.id));
}

/** The PDF, rendered off the main thread; everything from the database is read before the await. */
export async function certificatePdf(
  ctx: AuthedCtx,
  input: ParsedInput<'certificates.pdf'>,
): Promise<CallOutput<'certificates.pdf'>> {
  const c = readableCertificate(ctx, input.id);
  const data = pdfDataOf(ctx.db, ctx.files, c);
  const bytes = await renderCertificatePdf(data);
  return { fileName: certificateFileName(c), content: Buffer.from(bytes).toString('base64') };
}
