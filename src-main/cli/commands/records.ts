import type { Command } from 'commander';
import type { RecordRow } from '../../../shared/api/schemas/records.js';
import { actingPersonId, personIdByLogin, withApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { unwrap } from '../unwrap.js';

const STATUS: Record<RecordRow['status'], string> = {
  valid: 'valid',
  expiring: 'expiring',
  expired: 'expired',
  no_expiry: 'no expiry',
};

/** One record per line: who, completion date, type, title, provider, expiry and status, qualification code. */
const line = (r: RecordRow): string =>
  [
    r.email,
    r.completionDate,
    r.recordType,
    r.title,
    r.provider,
    r.expiryDate ? `expires ${r.expiryDate}` : '-',
    STATUS[r.status],
    r.qualificationCode ?? '-',
  ].join('\t');

export function registerRecords(program: Command, io: CliIo) {
  const records = program.command('records').description('Training records');
  records
    .command('list')
    .description('The training records you (or --as) may see')
    .option('--person <email>', "only this person's records")
    .action(async (opts: { person?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const filter = opts.person ? { personId: personIdByLogin(app, opts.person) } : {};
        const rows: RecordRow[] = [];
        for (let offset = 0; ; offset += 500) {
          const page = unwrap(
            await app.invoke('records.list', { ...filter, offset, limit: 500 }, { actorId }),
          );
          rows.push(...page.rows);
          if (rows.length >= page.total || page.rows.length === 0) break;
        }
        if (g.json) return void io.stdout(JSON.stringify(rows) + '\n');
        if (!rows.length) return void io.stdout('No training records.\n');
        for (const r of rows) io.stdout(line(r) + '\n');
      });
    });
}
