import type { certificatesCalls } from '../../../shared/api/calls/certificates.js';
import type { HandlersFor } from '../../app/handler-types.js';
import { cancelExport, exportChunk, exportStatus, startExport } from './export-job-service.js';
import { issueManually, revokeCertificate, switchConfiguration, switchModule } from './manage-service.js';
import { certificatePdf, getCertificate, listCertificates, myCertificates } from './query-service.js';
import { signingKeys, trustKey, untrustKey } from './keys-service.js';
import { verifyCertificate } from './verify-service.js';
import { listTemplates, previewTemplate, saveTemplate } from './template-service.js';

export const certificatesHandlers = (): HandlersFor<keyof typeof certificatesCalls> => ({
  'certificates.mine': (_input, ctx) => myCertificates(ctx),
  'certificates.list': (input, ctx) => listCertificates(ctx, input),
  'certificates.get': (input, ctx) => getCertificate(ctx, input),
  'certificates.pdf': (input, ctx) => certificatePdf(ctx, input),
  'certificates.issue': (input, ctx) => issueManually(ctx, input),
  'certificates.revoke': (input, ctx) => revokeCertificate(ctx, input),
  'certificates.configuration': (input, ctx) => switchConfiguration(ctx, input),
  'certificates.module': (input, ctx) => switchModule(ctx, input),
  'certificates.verify': (input, ctx) => verifyCertificate(ctx.db, input, ctx.clock.now()),
  'certificates.keys': (_input, ctx) => signingKeys(ctx),
  'certificates.trust': (input, ctx) => trustKey(ctx, input),
  'certificates.untrust': (input, ctx) => untrustKey(ctx, input),
  'certificates.templates': (_input, ctx) => listTemplates(ctx),
  'certificates.saveTemplate': saveTemplate,
  'certificates.preview': previewTemplate,
  'certificates.exportStart': (input, ctx) => startExport(ctx, input),
  'certificates.exportStatus': (input, ctx) => exportStatus(ctx, input),
  'certificates.exportCancel': (input, ctx) => cancelExport(ctx, input),
  'certificates.exportChunk': (input, ctx) => exportChunk(ctx, input),
});
