import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { isoDateOf } from '../../../shared/dates.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import type { ExportJob } from '../../app/export-jobs.js';
import { exportRows, writeCertificates } from './export-service.js';
import { zipSink } from './export-sinks.js';

/**
 * The app's certificate export (issue 8 "Exporting"): the rows are chosen now,
 * inside the call, exactly as the list chooses them; the PDFs are rendered in
 * the background into a zip the window then fetches in chunks.
 */
export function startExport(
  ctx: AuthedCtx,
  input: ParsedInput<'certificates.exportStart'>,
): CallOutput<'certificates.exportStart'> {
  const { format, ...filter } = input;
  const rows = exportRows(ctx.db, ctx.actor, filter);
  const folder = `certificates-${isoDateOf(ctx.clock.now())}`;
  const { db, files } = ctx;
  const job = ctx.exports.start(ctx.actor.id, `${folder}.zip`, rows.length, async (p) => {
    const sink = zipSink(p.path, folder);
    p.signal.addEventListener('abort', () => sink.abort(), { once: true });
    try {
      await writeCertificates(db, files, rows, sink, {
        merged: format === 'merged',
        signal: p.signal,
        onProgress: p.progress,
        onFailure: p.failure,
      });
    } catch (e) {
      sink.abort();
      throw e;
    }
  });
  return { jobId: job.id, total: job.total };
}

function ownJob(ctx: AuthedCtx, jobId: string): ExportJob {
  const job = ctx.exports.get(jobId, ctx.actor.id);
  // Someone else's job, or one that expired or was fetched already: the same answer.
  if (!job) throw notFound('That export');
  return job;
}

const statusOf = (job: ExportJob): CallOutput<'certificates.exportStatus'> => ({
  state: job.state,
  done: job.done,
  total: job.total,
  failed: [...job.failed],
  fileName: job.fileName,
  size: job.size,
});

export const exportStatus = (ctx: AuthedCtx, input: ParsedInput<'certificates.exportStatus'>) =>
  statusOf(ownJob(ctx, input.jobId));

export function cancelExport(
  ctx: AuthedCtx,
  input: ParsedInput<'certificates.exportCancel'>,
): CallOutput<'certificates.exportCancel'> {
  const job = ownJob(ctx, input.jobId);
  ctx.exports.cancel(job);
  return statusOf(job);
}

export async function exportChunk(
  ctx: AuthedCtx,
  input: ParsedInput<'certificates.exportChunk'>,
): Promise<CallOutput<'certificates.exportChunk'>> {
  const job = ownJob(ctx, input.jobId);
  if (job.state !== 'finished')
    throw new AppError('conflict', 'That export has not finished, so there is nothing to download yet.');
  if (input.offset > job.size)
    throw new AppError('invalid_input', 'That part of the export is past its end.');
  const { bytes, nextOffset } = await ctx.exports.chunk(job, input.offset);
  return { base64: bytes.toString('base64'), nextOffset };
}
