/**
 * Everything one certificate page needs, as plain data: it crosses into the PDF
 * worker thread by structured clone, so no database handles, no class instances.
 */
export interface CertificateTemplateData {
  title: string;
  /** Text with {person} {what} {completed} {issued} {expires} {number} {unit} {qualification}. */
  body: string;
  pageSize: 'A4' | 'Letter';
  orientation: 'landscape' | 'portrait';
  /** `#rrggbb`. */
  primaryColour: string;
  accentColour: string;
  signatoryName: string | null;
  signatoryTitle: string | null;
  /** PNG or JPEG bytes (checked by images.ts; anything else is left out). */
  logo: Uint8Array | null;
  signature: Uint8Array | null;
}

export interface CertificatePdfData {
  template: CertificateTemplateData;
  person: string;
  /** What it certifies: the configuration's name or the module's title. */
  title: string;
  completedOn: string | null;
  issuedOn: string;
  expiresOn: string | null;
  number: string;
  shortCode: string;
  qrText: string;
  unit: string;
  qualification: string | null;
  /** The organisation that issued it. */
  issuer: string;
}
