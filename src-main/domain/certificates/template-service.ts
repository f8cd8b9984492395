import { mayEdit } from '../settings/access.js';
import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { Template } from '../../../shared/api/schemas/certificates.js';
import { addMonthsIso, isoDateOf } from '../../../shared/dates.js';
import { can } from '../../../shared/permissions/engine.js';
import { AppError, forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import type { Db } from '../../db/open.js';
import type { FileStore } from '../../files/file-store.js';
import type { CertificatePdfData, CertificateTemplateData } from '../../pdf/certificate-data.js';
import { imageProblem } from '../../pdf/images.js';
import { renderCertificatePdf } from '../../pdf/render.js';
import { mayAttach, NOT_ATTACHABLE } from '../files/attach.js';
import { fileRepo } from '../files/file-repo.js';
import { personTarget } from '../permissions/target-repo.js';
import { qrTextOf, shortCodeOf } from './signing.js';
import { templateRepo, type TemplateDbRow } from './template-repo.js';

/**
 * Certificate templates: the look of a certificate (title, body with
 * placeholders, page, logo and signature, colours). One is the organisation's
 * default, made on first read when there is none; configurations and modules may
 * name another. The preview renders exactly what the export will.
 */

export const DEFAULT_TEMPLATE = {
  name: 'Standard',
  title: 'Certificate of Completion',
  body: 'has successfully completed {what} on {completed} and met every requirement of the training.',
  pageSize: 'A4',
  orientation: 'landscape',
  primaryColour: '#1f3a68',
  accentColour: '#c9a227',
} as const;

const templateOf = (r: TemplateDbRow): Template => ({
  id: r.id,
  name: r.name,
  title: r.title,
  body: r.body,
  pageSize: r.page_size,
  orientation: r.orientation,
  logoFileId: r.logo_file_id,
  signatureFileId: r.signature_file_id,
  signatoryName: r.signatory_name,
  signatoryTitle: r.signatory_title,
  primaryColour: r.primary_colour,
  accentColour: r.accent_colour,
  isDefault: r.is_default === 1,
});

export function listTemplates(ctx: AuthedCtx): CallOutput<'certificates.templates'> {
  const repo = templateRepo(ctx.db);
  if (repo.count() === 0) {
    const now = ctx.clock.now().toISOString();
    repo.insert({
      id: ctx.ids.uuid(),
      name: DEFAULT_TEMPLATE.name,
      title: DEFAULT_TEMPLATE.title,
      body: DEFAULT_TEMPLATE.body,
      page_size: DEFAULT_TEMPLATE.pageSize,
      orientation: DEFAULT_TEMPLATE.orientation,
      logo_file_id: null,
      signature_file_id: null,
      signatory_name: null,
      signatory_title: null,
      primary_colour: DEFAULT_TEMPLATE.primaryColour,
      accent_colour: DEFAULT_TEMPLATE.accentColour,
      is_default: 1,
      created_at: now,
      updated_at: now,
    });
  }
  return { rows: repo.all().map(templateOf) };
}

const invalid = (path: string, message: string) =>
  new AppError('invalid_input', message, { details: [{ path, message }] });

/**
 * The bytes of a logo or signature the actor picked: a stored file they may use
 * (uploaded it or may open it; one already on the template stays usable by any
 * editor), a PNG or JPEG of at most 2 MB.
 */
function imageBytes(
  ctx: AuthedCtx,
  fileId: string,
  path: 'logoFileId' | 'signatureFileId',
  alreadyOnTemplate: boolean,
): Uint8Array {
  const f = fileRepo(ctx.db).byId(fileId);
  if (!f || (!alreadyOnTemplate && !mayAttach(ctx, fileId))) throw invalid(path, NOT_ATTACHABLE);
  const what = path === 'logoFileId' ? `The logo (${f.name})` : `The signature image (${f.name})`;
  const bytes = ctx.files.read(f.sha256);
  const problem = imageProblem(bytes, what);
  if (problem) throw invalid(path, problem);
  return bytes;
}

export function saveTemplate(
  input: ParsedInput<'certificates.saveTemplate'>,
  ctx: AuthedCtx,
): CallOutput<'certificates.saveTemplate'> {
  // Templates serve every site's certificates: changing them is an organisation setting.
  if (!mayEdit(ctx))
    throw forbidden(
      'Certificate templates apply to the whole organisation: only someone who may edit organisation settings for all of it can change them.',
    );
  const repo = templateRepo(ctx.db);
  const before = input.id ? repo.byId(input.id) : undefined;
  if (input.id && !before) throw notFound('That certificate template');
  for (const path of ['logoFileId', 'signatureFileId'] as const) {
    const id = input[path];
    const column = path === 'logoFileId' ? 'logo_file_id' : 'signature_file_id';
    if (id) imageBytes(ctx, id, path, before?.[column] === id);
  }
  const now = ctx.clock.now().toISOString();
  const id = before?.id ?? ctx.ids.uuid();
  // Exactly one default: the first template is it; the default stays one until another takes over.
  const isDefault = input.isDefault || before?.is_default === 1 || !repo.byDefault();
  if (isDefault) repo.clearDefault(id);
  const row: TemplateDbRow = {
    id,
    name: input.name,
    title: input.title,
    body: input.body,
    page_size: input.pageSize,
    orientation: input.orientation,
    logo_file_id: input.logoFileId,
    signature_file_id: input.signatureFileId,
    signatory_name: input.signatoryName || null,
    signatory_title: input.signatoryTitle || null,
    primary_colour: input.primaryColour.toLowerCase(),
    accent_colour: input.accentColour.toLowerCase(),
    is_default: isDefault ? 1 : 0,
    created_at: before?.created_at ?? now,
    updated_at: now,
  };
  if (before) repo.update(row);
  else repo.insert(row);
  const saved = templateOf(row);
  ctx.audit({
    targetIds: [id],
    summary: `${before ? 'Changed' : 'Created'} certificate template ${row.name}`,
    before: before ? templateOf(before) : undefined,
    after: saved,
  });
  return saved;
}

/** A stored image for rendering, or null when it is missing or unusable (the save refused those already). */
function storedImage(db: Db, files: FileStore, fileId: string | null): Uint8Array | null {
  if (!fileId) return null;
  const f = fileRepo(db).byId(fileId);
  if (!f || !files.has(f.sha256)) return null;
  const bytes = files.read(f.sha256);
  return imageProblem(bytes) ? null : bytes;
}

/**
 * What the renderer needs of a template, images loaded: the one named, else the
 * organisation default, else the built-in look (no row is written here: issuing
 * must not depend on anyone having opened the template editor).
 */
export function templateDataFor(
  db: Db,
  files: FileStore,
  templateId: string | null,
): CertificateTemplateData {
  const repo = templateRepo(db);
  const row = (templateId ? repo.byId(templateId) : undefined) ?? repo.byDefault();
  if (!row)
    return {
      title: DEFAULT_TEMPLATE.title,
      body: DEFAULT_TEMPLATE.body,
      pageSize: DEFAULT_TEMPLATE.pageSize,
      orientation: DEFAULT_TEMPLATE.orientation,
      primaryColour: DEFAULT_TEMPLATE.primaryColour,
      accentColour: DEFAULT_TEMPLATE.accentColour,
      signatoryName: null,
      signatoryTitle: null,
      logo: null,
      signature: null,
    };
  return {
    title: row.title,
    body: row.body,
    pageSize: row.page_size,
    orientation: row.orientation,
    primaryColour: row.primary_colour,
    accentColour: row.accent_colour,
    signatoryName: row.signatory_name,
    signatoryTitle: row.signatory_title,
    logo: storedImage(db, files, row.logo_file_id),
    signature: storedImage(db, files, row.signature_file_id),
  };
}

const base64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** The preview's certificate: a real one the actor manages, or a sample with today's dates. */
function previewData(
  ctx: AuthedCtx,
  certificateId: string | undefined,
  template: CertificateTemplateData,
): CertificatePdfData {
  const repo = templateRepo(ctx.db);
  const issuer = repo.organisationName();
  if (certificateId) {
    const c = repo.previewCertificate(certificateId);
    if (!c) throw notFound('That certificate');
    const target = personTarget(ctx.db, c.person_id);
    const d = target && can(ctx.actor, 'certificates.manage', target, 'you');
    if (!d || !d.allowed) throw forbidden(d ? d.reason : undefined);
    return {
      template,
      person: `${c.first_name} ${c.last_name}`,
      title: c.title,
      completedOn: c.completed_on,
      issuedOn: c.issued_on,
      expiresOn: c.expires_on,
      number: c.number,
      shortCode: shortCodeOf(c.number, c.signature),
      qrText: qrTextOf(c.payload, c.signature),
      unit: c.unit_name,
      qualification: null,
      issuer,
    };
  }
  const today = isoDateOf(ctx.clock.now());
  const sample = { v: 1, n: 'NVK-2026-000123', p: 'Åsa Öberg', w: 'Fire safety', i: today, o: issuer };
  return {
    template,
    person: 'Åsa Öberg',
    title: 'Fire safety',
    completedOn: today,
    issuedOn: today,
    expiresOn: addMonthsIso(today, 24),
    number: 'NVK-2026-000123',
    shortCode: 'NVK-2026-000123-SAMPLE00',
    // Shaped like a real QR text (same size of code) but unsigned: a sample never verifies.
    qrText: `FBC1.${base64url(JSON.stringify(sample))}.${'sample-not-signed'.padEnd(86, '0')}`,
    unit: 'Umeå site',
    qualification: 'FS-1',
    issuer,
  };
}

/** The PDF the template (as edited, not saved) gives: the same renderer as the export. */
export async function previewTemplate(
  input: ParsedInput<'certificates.preview'>,
  ctx: AuthedCtx,
): Promise<CallOutput<'certificates.preview'>> {
  const t = input.template;
  const saved = t.id ? templateRepo(ctx.db).byId(t.id) : undefined;
  // Read everything before the first await: the transaction is synchronous.
  const template: CertificateTemplateData = {
    title: t.title,
    body: t.body,
    pageSize: t.pageSize,
    orientation: t.orientation,
    primaryColour: t.primaryColour,
    accentColour: t.accentColour,
    signatoryName: t.signatoryName || null,
    signatoryTitle: t.signatoryTitle || null,
    logo: t.logoFileId
      ? imageBytes(ctx, t.logoFileId, 'logoFileId', saved?.logo_file_id === t.logoFileId)
      : null,
    signature: t.signatureFileId
      ? imageBytes(ctx, t.signatureFileId, 'signatureFileId', saved?.signature_file_id === t.signatureFileId)
      : null,
  };
  const data = previewData(ctx, input.certificateId, template);
  const pdf = await renderCertificatePdf(data);
  return {
    fileName: `Preview - ${t.name}.pdf`.replace(/[<>:"/\\|?*]/g, '_'),
    content: Buffer.from(pdf).toString('base64'),
  };
}
