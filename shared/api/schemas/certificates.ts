import { z } from '../../zod.js';
import { Id, IsoDate, PageQuery } from '../common.js';

/**
 * Certificates (issue 8, `002_*`, `000_*`, DESIGN.md "Certificates"): issued
 * automatically per training configuration (and per module), signed with the
 * installation's Ed25519 key so they verify offline, rendered to PDF with an
 * embedded font.
 */

export const CertificateStatus = z.enum(['valid', 'invalid', 'revoked', 'superseded']);
export type CertificateStatus = z.infer<typeof CertificateStatus>;
export const CertificateKind = z.enum(['configuration', 'module', 'manual']);

export const CertificateRow = z.object({
  id: z.string(),
  number: z.string(),
  personId: z.string(),
  personName: z.string(),
  email: z.string(),
  unitName: z.string(),
  kind: CertificateKind,
  /** What it certifies: the configuration's name or the module's title. */
  title: z.string(),
  configurationId: z.string().nullable(),
  moduleId: z.string().nullable(),
  completedOn: z.string().nullable(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  status: CertificateStatus,
  /** Why it is not valid (expired, a Required module expired, new Required training, revoked: the reason given). */
  statusReason: z.string().nullable(),
  /** `valid` but past its expiry date on the day asked (the daily sweep marks it invalid). */
  expired: z.boolean(),
});
export type CertificateRow = z.infer<typeof CertificateRow>;

export const CertificateEvent = z.object({
  effectiveOn: z.string(),
  at: z.string(),
  status: CertificateStatus,
  reason: z.string(),
  actorName: z.string().nullable(),
});

export const CertificateDetail = CertificateRow.extend({
  /** The short code printed on the certificate: number + a check from the signature. */
  shortCode: z.string(),
  /** The QR code's text: the signed payload, verifiable with the installation's public key. */
  qrText: z.string(),
  keyId: z.string(),
  supersededBy: z.string().nullable(),
  history: z.array(CertificateEvent),
  canRevoke: z.boolean(),
});
export type CertificateDetail = z.infer<typeof CertificateDetail>;

export const CertificateQuery = PageQuery.extend({
  personId: Id.optional(),
  /** A unit and everything below it. */
  unitId: Id.optional(),
  configurationId: Id.optional(),
  moduleId: Id.optional(),
  status: CertificateStatus.optional(),
  issuedFrom: IsoDate.optional(),
  issuedTo: IsoDate.optional(),
  search: z.string().trim().max(200).optional(),
}).strict();
export const CertificatePage = z.object({ rows: z.array(CertificateRow), total: z.number() });

export const CertificateRef = z.object({ id: Id }).strict();

/** A PDF to save: name and bytes (base64). */
export const PdfDownload = z.object({ fileName: z.string(), content: z.string() });

export const ManualIssue = z
  .object({
    personId: Id,
    /** What it certifies, as printed. */
    title: z.string().trim().min(1, 'Enter what the certificate is for').max(200),
    completedOn: IsoDate,
    expiresOn: IsoDate.nullable().default(null),
    reason: z.string().trim().min(1, 'Say why it is issued by hand').max(500),
  })
  .strict();

export const Revoke = z
  .object({ id: Id, reason: z.string().trim().min(1, 'Say why it is revoked').max(500) })
  .strict();

/** Turn certificates of completion on or off for one configuration (issuing at once to everyone compliant). */
export const ConfigurationCertificates = z
  .object({ configurationId: Id, enabled: z.boolean(), templateId: Id.nullable().optional() })
  .strict();
export const ModuleCertificates = z
  .object({ moduleId: Id, enabled: z.boolean(), templateId: Id.nullable().optional() })
  .strict();
export const CertificatesSwitched = z.object({ enabled: z.boolean(), issued: z.number() });

/** What verification says: `forged` = the signature does not match any known key. */
export const Verdict = z.enum(['valid', 'expired', 'invalid', 'revoked', 'superseded', 'forged', 'unknown']);
export const VerifyInput = z
  .object({
    /** A short code, the QR code's text, or empty when `pdf` is given. */
    code: z.string().trim().max(4000).default(''),
    /** A certificate PDF, base64. */
    pdf: z.string().max(30_000_000).optional(),
  })
  .strict();
export const VerifyResult = z.object({
  verdict: Verdict,
  /** One sentence for a person: why. */
  message: z.string(),
  /** The signed details, when the signature checks out. */
  signed: z
    .object({
      number: z.string(),
      person: z.string(),
      title: z.string(),
      completedOn: z.string().nullable(),
      issuedOn: z.string(),
      expiresOn: z.string().nullable(),
      issuer: z.string(),
      keyId: z.string(),
    })
    .nullable(),
  /** Issued by this installation (status known here), or by a trusted site (status not known here). */
  issuedHere: z.boolean(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const SigningKey = z.object({
  id: z.string(),
  name: z.string(),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string(),
  /** Grouped hex of SHA-256 over the key, for reading aloud or on paper. */
  fingerprint: z.string(),
  own: z.boolean(),
  createdAt: z.string(),
});
export const SigningKeys = z.object({
  own: SigningKey,
  trusted: z.array(SigningKey),
  canManage: z.boolean(),
});
export const TrustKey = z
  .object({
    name: z.string().trim().min(1, 'Name the site this key belongs to').max(200),
    publicKey: z.string().trim().min(1, 'Paste the public key').max(200),
  })
  .strict();

export const Template = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  body: z.string(),
  pageSize: z.enum(['A4', 'Letter']),
  orientation: z.enum(['landscape', 'portrait']),
  logoFileId: z.string().nullable(),
  signatureFileId: z.string().nullable(),
  signatoryName: z.string().nullable(),
  signatoryTitle: z.string().nullable(),
  primaryColour: z.string(),
  accentColour: z.string(),
  isDefault: z.boolean(),
});
export type Template = z.infer<typeof Template>;
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1f3a68');
export const TemplateInput = z
  .object({
    id: Id.optional(),
    name: z.string().trim().min(1, 'Enter a name').max(200),
    title: z.string().trim().min(1, 'Enter a title').max(120),
    body: z.string().trim().min(1, 'Enter the text').max(2000),
    pageSize: z.enum(['A4', 'Letter']).default('A4'),
    orientation: z.enum(['landscape', 'portrait']).default('landscape'),
    logoFileId: Id.nullable().default(null),
    signatureFileId: Id.nullable().default(null),
    signatoryName: z.string().trim().max(200).nullable().default(null),
    signatoryTitle: z.string().trim().max(200).nullable().default(null),
    primaryColour: Colour.default('#1f3a68'),
    accentColour: Colour.default('#c9a227'),
    isDefault: z.boolean().default(false),
  })
  .strict();
export const TemplateList = z.object({ rows: z.array(Template) });
/** The editor's live preview: the same renderer as the export, with sample or a real certificate's data. */
export const PreviewInput = z.object({ template: TemplateInput, certificateId: Id.optional() }).strict();

/**
 * Managers' export from the app: the list's filters and a format, run in the
 * background; the finished zip is fetched in chunks (≤ 4 MB of base64 each).
 */
export const ExportFormat = z.enum(['folder', 'merged']);
export const ExportStart = CertificateQuery.omit({ offset: true, limit: true })
  .extend({
    /** One PDF per certificate in a folder, or one merged PDF for printing; index.csv either way. */
    format: ExportFormat,
  })
  .strict();
export const ExportStarted = z.object({ jobId: z.string(), total: z.number() });
export const ExportJobRef = z.object({ jobId: Id }).strict();
export const ExportStatus = z.object({
  state: z.enum(['running', 'finished', 'cancelled', 'failed']),
  done: z.number(),
  total: z.number(),
  /** Why certificates were left out, or why the export failed (the first 20). */
  failed: z.array(z.string()),
  /** The zip's name, for saving. */
  fileName: z.string(),
  /** The zip's size in bytes, once finished. */
  size: z.number(),
});
export type ExportStatus = z.infer<typeof ExportStatus>;
export const ExportChunkInput = z.object({ jobId: Id, offset: z.number().int().min(0) }).strict();
export const ExportChunk = z.object({ base64: z.string(), nextOffset: z.number().nullable() });
