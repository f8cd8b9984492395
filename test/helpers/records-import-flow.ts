import type { RecordsImportSummary } from '../../shared/api/schemas/records-import.js';
import type { TestApp } from './app.js';

const must = <T>(
  res: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T => {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value;
};

/**
 * A records CSV through the calls the renderer makes: open, validate slice by slice until done, then
 * (with `commit`) commit. Returns the dry run's summary, or the commit's.
 */
export async function importRecords(
  app: TestApp,
  actorId: string,
  file: Buffer | string,
  opts: { commit?: boolean; validOnly?: boolean; fileName?: string; maxRows?: number } = {},
): Promise<RecordsImportSummary & { fileErrors: { message: string }[] }> {
  const bytes = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
  const opened = must(
    await app.invoke(
      'records.import.open',
      { fileName: opts.fileName ?? 'records.csv', content: bytes.toString('base64'), encoding: 'auto' },
      { actorId },
    ),
  );
  if (opened.fileErrors.length) throw new Error(opened.fileErrors.map((e) => e.message).join(' '));
  let summary: RecordsImportSummary | null = null;
  for (let i = 0; !summary && i < 1000; i++) {
    const p = must(
      await app.invoke(
        'records.import.validate',
        { token: opened.token, maxRows: opts.maxRows ?? 20_000 },
        { actorId },
      ),
    );
    summary = p.done ? p.summary : null;
  }
  if (!summary) throw new Error('validation never finished');
  if (opts.commit)
    summary = must(
      await app.invoke(
        'records.import.commit',
        { token: opened.token, validOnly: opts.validOnly ?? false },
        { actorId },
      ),
    );
  return { ...summary, fileErrors: opened.fileErrors };
}
