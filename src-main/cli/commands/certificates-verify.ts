import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { VerifyResult } from '../../../shared/api/schemas/certificates.js';
import { CliError } from '../cli-error.js';
import { actingPersonId, withApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { unwrap } from '../unwrap.js';

/** The verdict and its reason, then the signed details a person compares with the paper. */
function report(v: VerifyResult): string {
  const lines = [`${v.verdict.toUpperCase()}: ${v.message}`];
  const s = v.signed;
  if (s)
    lines.push(
      `  Number:    ${s.number}`,
      `  Person:    ${s.person}`,
      `  For:       ${s.title}`,
      `  Completed: ${s.completedOn ?? '-'}`,
      `  Issued:    ${s.issuedOn} by ${s.issuer}${v.issuedHere ? ' (this installation)' : ''}`,
      `  Expires:   ${s.expiresOn ?? 'does not expire'}`,
      `  Key:       ${s.keyId}`,
    );
  return lines.join('\n') + '\n';
}

/**
 * `fieldbook certificates verify CODE|FILE.pdf`: the same call as the Verify
 * certificate screen. Exit 0 when valid; 1 otherwise, with the reason on stdout.
 */
export function addVerifyCommand(certificatesCommand: Command, io: CliIo): void {
  certificatesCommand
    .command('verify <code>')
    .description(
      'Check a certificate: its short code, its QR text, or its PDF file; exit 0 if valid, 1 if not (with why)',
    )
    .action(async (code: string, _opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const isPdf = /\.pdf$/i.test(code.trim());
      let pdf: string | undefined;
      if (isPdf) {
        try {
          pdf = readFileSync(code.trim()).toString('base64');
        } catch (e) {
          throw new CliError(
            `Cannot read ${code}: ${e instanceof Error && 'code' in e && e.code === 'ENOENT' ? 'there is no such file' : String(e)}.`,
          );
        }
      }
      await withApp(g, io, async (app) => {
        const v = unwrap(
          await app.invoke('certificates.verify', pdf === undefined ? { code } : { code: '', pdf }, {
            actorId: actingPersonId(app, g),
          }),
        );
        io.stdout(g.json ? JSON.stringify(v) + '\n' : report(v));
        if (v.verdict !== 'valid') throw new CliError(`The certificate is not valid (${v.verdict}).`);
      });
    });
}
