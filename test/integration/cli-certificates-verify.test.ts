import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src-main/cli/cli-error.js';
import { addVerifyCommand } from '../../src-main/cli/commands/certificates-verify.js';
import { openDatabase } from '../../src-main/db/open.js';
import { qrTextOf, shortCodeOf, signCertificate } from '../../src-main/domain/certificates/signing.js';
import { initDatabase } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

/**
 * `certificates verify` on its own command group, the way the certificates
 * command file registers it (runCli's exit-code handling, in short).
 */
async function verifyCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    readStdin: async () => null,
    env: {},
    untilStopped: async () => undefined,
  };
  const program = new Command('fieldbook').option('--db <file>').option('--as <email>').option('--json');
  addVerifyCommand(program.command('certificates'), io);
  program.exitOverride();
  let code = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    stderr += `fieldbook: ${e.message}\n`;
    code = e.exitCode;
  }
  return { code, stdout, stderr };
}

/** Certificates issued in the database file, as the issuing service stores them. */
function issue(file: string, number: string, status: 'valid' | 'revoked') {
  const db = openDatabase(file);
  try {
    const now = new Date().toISOString();
    const personId = db.prepare('SELECT id FROM person LIMIT 1').pluck().get() as string;
    const s = signCertificate(
      db,
      {
        number,
        person: 'Åsa Öberg',
        title: 'Underground safety',
        completedOn: '2026-01-10',
        issuedOn: '2026-01-12',
        expiresOn: '2099-01-10',
      },
      now,
    );
    db.prepare(
      `INSERT INTO certificate (id, number, person_id, kind, title, completed_on, issued_on, expires_on, status,
         status_reason, payload, signature, key_id, created_at)
       VALUES (?, ?, ?, 'manual', 'Underground safety', '2026-01-10', '2026-01-12', '2099-01-10', ?, ?, ?, ?, ?, ?)`,
    ).run(
      number,
      number,
      personId,
      status,
      status === 'revoked' ? 'Issued by mistake' : null,
      s.payload,
      s.signature,
      s.keyId,
      now,
    );
    return { shortCode: shortCodeOf(number, s.signature), qrText: qrTextOf(s.payload, s.signature) };
  } finally {
    db.close();
  }
}

describe('fieldbook certificates verify', () => {
  const tmp = useTmpDir();

  it('exits 0 for a valid certificate (short code or PDF) and 1 with the reason for one that is not', async () => {
    const file = await initDatabase(join(tmp(), 'fb.db'));
    const good = issue(file, 'FB-2026-000001', 'valid');
    const revoked = issue(file, 'FB-2026-000002', 'revoked');

    const ok = await verifyCli(['--db', file, 'certificates', 'verify', good.shortCode]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^VALID: Certificate FB-2026-000001 is valid/);
    expect(ok.stdout).toMatch(/Person: +Åsa Öberg/);

    const pdf = join(tmp(), 'Öberg Åsa - Underground safety - FB-2026-000001.pdf');
    writeFileSync(pdf, `%PDF-1.3\n<< /Keywords (${good.qrText}) >>\n%%EOF\n`, 'latin1');
    expect((await verifyCli(['--db', file, 'certificates', 'verify', pdf])).code).toBe(0);

    const no = await verifyCli(['--db', file, '--json', 'certificates', 'verify', revoked.qrText]);
    expect(no.code).toBe(1);
    expect(JSON.parse(no.stdout)).toMatchObject({ verdict: 'revoked', issuedHere: true });
    expect(JSON.parse(no.stdout).message).toMatch(/revoked: Issued by mistake\./);

    const wrong = await verifyCli(['--db', file, 'certificates', 'verify', 'FB-2026-000001-AAAAAAAA']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^FORGED: /);

    const missing = await verifyCli(['--db', file, 'certificates', 'verify', join(tmp(), 'nothing.pdf')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/there is no such file/);
  });
});
