import type { HandlersFor } from '../../app/handler-types.js';
import { competenceMatrix } from './matrix-service.js';
import { competenceReport } from './report-service.js';

/** The matrix and the report: reads within the viewer's reports.view reach. */
export const reportHandlers = (): HandlersFor<'competences.matrix' | 'competences.report'> => ({
  'competences.matrix': (input, ctx) => competenceMatrix(ctx, input),
  'competences.report': (input, ctx) => competenceReport(ctx, input),
});
