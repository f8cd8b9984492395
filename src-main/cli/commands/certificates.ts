import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CertificateStatus, type CertificateRow } from '../../../shared/api/schemas/certificates.js';
import type { TargetType } from '../../../shared/api/schemas/configurations.js';
import type { App } from '../../app/create-app.js';
import { loadActor } from '../../domain/auth/actor-repo.js';
import { exportCertificates, INDEX_FILE, MERGED_FILE } from '../../domain/certificates/export-service.js';
import { assignmentsImportRepo } from '../../domain/configurations/import-repo.js';
import { findUnitByCodeOrPath } from '../../domain/org/unit-lookup-repo.js';
import { closePdfWorkers } from '../../pdf/render.js';
import { CliError, usageError } from '../cli-error.js';
import { actingPersonId, personIdByLogin, withApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { textTable } from '../text-table.js';
import { unwrap } from '../unwrap.js';
import { addVerifyCommand } from './certificates-verify.js';

const TARGET_TYPES: readonly TargetType[] = ['person', 'group', 'unit'];

function statusOption(s: string | undefined) {
  if (s === undefined) return undefined;
  const parsed = CertificateStatus.safeParse(s.trim().toLowerCase());
  if (!parsed.success)
    throw usageError(`--status must be one of ${CertificateStatus.options.join(', ')}, not "${s}".`);
  return parsed.data;
}

/** enable/disable: every open configuration of the target, through the same call as the screen. */
async function switchTarget(
  app: App,
  g: GlobalOptions,
  io: CliIo,
  enabled: boolean,
  type: string,
  text: string,
) {
  const t = type.trim().toLowerCase() as TargetType;
  if (!TARGET_TYPES.includes(t))
    throw usageError(`TARGET_TYPE must be person, group or unit, not "${type}".`);
  const repo = assignmentsImportRepo(app.db);
  const target = repo.target(t, text.trim());
  if (!target)
    throw new CliError(
      t === 'person'
        ? `No person with the email ${text}.`
        : t === 'group'
          ? `There is no group named "${text}".`
          : `There is no unit with the code or path "${text}".`,
    );
  const configs = repo.configurationsFor(t, target.id);
  if (!configs.length) throw new CliError(`${target.name} has no training configuration.`);
  const actorId = actingPersonId(app, g);
  const results = [];
  for (const c of configs) {
    const r = unwrap(
      await app.invoke('certificates.configuration', { configurationId: c.id, enabled }, { actorId }),
    );
    results.push({ configurationId: c.id, name: c.name, ...r });
  }
  if (g.json) io.stdout(JSON.stringify(results) + '\n');
  else
    for (const r of results)
      io.stdout(
        enabled
          ? `Certificates of completion on for ${r.name}: ${r.issued} issued now.\n`
          : `Certificates of completion off for ${r.name}; those already issued stay until they expire.\n`,
      );
}

export function registerCertificates(program: Command, io: CliIo) {
  const certificates = program
    .command('certificates')
    .description('Certificates of completion: turn them on, list, export as PDF, verify');

  for (const enabled of [true, false])
    certificates
      .command(`${enabled ? 'enable' : 'disable'} <targetType> <target>`)
      .description(
        enabled
          ? 'Turn on certificates of completion for the training configuration of a person (email), group (name) ' +
              'or unit (code or path), issuing at once to everyone already compliant'
          : 'Turn off certificates of completion for the training configuration of a person, group or unit',
      )
      .action(async (type: string, target: string, _o: unknown, cmd: Command) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        await withApp(g, io, (app) => switchTarget(app, g, io, enabled, type, target));
      });

  certificates
    .command('list')
    .description('Certificates of the people in your scope, newest first')
    .option('--status <s>', `only this status: ${CertificateStatus.options.join(', ')}`)
    .option('--person <email>', "only this person's certificates")
    .action(async (o: { status?: string; person?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const status = statusOption(o.status);
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const personId = o.person ? personIdByLogin(app, o.person) : undefined;
        const rows: CertificateRow[] = [];
        for (let offset = 0; ; offset += 500) {
          const page = unwrap(
            await app.invoke(
              'certificates.list',
              { offset, limit: 500, ...(status ? { status } : {}), ...(personId ? { personId } : {}) },
              { actorId },
            ),
          );
          rows.push(...page.rows);
          if (rows.length >= page.total || !page.rows.length) break;
        }
        if (g.json) {
          io.stdout(JSON.stringify(rows) + '\n');
          return;
        }
        if (!rows.length) {
          io.stdout('No certificates.\n');
          return;
        }
        io.stdout(
          textTable([
            ['Number', 'Person', 'Email', 'Title', 'Issued', 'Expires', 'Status'],
            ...rows.map((r) => [
              r.number,
              r.personName,
              r.email,
              r.title,
              r.issuedOn,
              r.expiresOn ?? '-',
              r.status === 'valid' && r.expired ? 'expired' : r.status,
            ]),
          ]),
        );
      });
    });

  certificates
    .command('export')
    .description(
      'Write the certificates in your scope as PDFs into a folder ("<Last> <First> - <Title> - <Number>.pdf") ' +
        'or as one merged PDF, with index.csv listing them',
    )
    .requiredOption('--out <dir>', 'the folder to write into (made if missing)')
    .option('--merged', `one PDF (${MERGED_FILE}) with a page per certificate, for printing`)
    .option('--unit <unit>', 'only people in this unit (code or path) and below')
    .option('--status <s>', `only this status: ${CertificateStatus.options.join(', ')}`)
    .action(async (o: { out: string; merged?: boolean; unit?: string; status?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const status = statusOption(o.status);
      await withApp(g, io, async (app) => {
        const actor = loadActor(app.db, actingPersonId(app, g));
        if (!actor) throw new CliError('The acting person cannot sign in.');
        const unit = o.unit === undefined ? undefined : findUnitByCodeOrPath(app.db, o.unit);
        if (o.unit !== undefined && !unit)
          throw new CliError(`There is no unit with the code or path "${o.unit}".`);
        const out = resolve(o.out);
        let last = 0;
        try {
          const r = await exportCertificates(app.db, app.files, actor, {
            out,
            merged: !!o.merged,
            unitId: unit?.id,
            status,
            onProgress: (done, total) => {
              // Progress on stderr, so stdout stays the summary (or JSON).
              if (done === total || done - last >= 25) {
                last = done;
                io.stderr(`Exported ${done} of ${total}\n`);
              }
            },
          });
          if (g.json)
            io.stdout(JSON.stringify({ out, count: r.count, files: r.files, index: INDEX_FILE }) + '\n');
          else
            io.stdout(
              o.merged
                ? `Wrote ${r.count} certificates into ${MERGED_FILE} and ${INDEX_FILE} in ${out}.\n`
                : `Wrote ${r.count} certificate PDFs and ${INDEX_FILE} to ${out}.\n`,
            );
        } finally {
          await closePdfWorkers();
        }
      });
    });

  addVerifyCommand(certificates, io);
}
