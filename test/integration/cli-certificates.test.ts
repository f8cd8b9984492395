import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDateOf } from '../../shared/dates.js';
import { createApp } from '../../src-main/app/create-app.js';
import { openDatabase } from '../../src-main/db/open.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { peopleRepo } from '../../src-main/domain/people/repo.js';
import type { TestApp } from '../helpers/app.js';
import { safeFileName } from '../../src-main/domain/certificates/file-names.js';
import { publishModule, value } from '../helpers/catalog.js';
import { cli, initDatabase } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

const course = (id: string) => ({
  kind: 'course' as const,
  steps: [{ id, type: 'text' as const, title: id, required: true, html: `<p>${id}</p>` }],
});

/** PDF page objects (not the /Pages tree). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describe('fieldbook certificates', () => {
  const tmp = useTmpDir();

  /**
   * Norrland Mining with site Umeå (S-UME) and three people there who completed
   * Fire safety today; Umeå's configuration (a name Windows would not accept as
   * a file name) requires it. Certificates are still off.
   */
  async function database() {
    const db = join(tmp(), 'certificates.db');
    await initDatabase(db);
    const app = createApp({ db: openDatabase(db) });
    try {
      const org = orgRepo(app.db);
      const root = org.organisation()?.id ?? '';
      const actorId = org.firstAdministratorId() ?? '';
      const now = new Date().toISOString();
      org.insertUnit({ id: 'u-ume', parentId: root, kind: 'site', name: 'Umeå', code: 'S-UME', now });
      const people = [
        ['p-jorgen', 'jorgen@example.com', 'Jörgen', 'Ämtöft'],
        ['p-asa', 'asa.b@example.com', 'Åsa', 'Berg'],
        ['p-con', 'con@example.com', 'Con', 'CON'],
      ] as const;
      for (const [id, email, firstName, lastName] of people)
        peopleRepo(app.db).insert({
          id,
          email,
          firstName,
          lastName,
          unitId: 'u-ume',
          passwordHash: null,
          now,
        });
      const fire = await publishModule(app as unknown as TestApp, actorId, {
        code: 'FIRE',
        title: 'Fire safety',
        ownerUnitId: root,
        content: course('FIRE'),
        selfEnrol: false,
      });
      value(
        await app.invoke(
          'configurations.create',
          {
            name: 'Umeå: site / "basics"?',
            targetType: 'unit',
            targetId: 'u-ume',
            items: [{ moduleId: fire, requirement: 'required', validityMonths: 12 }],
          },
          { actorId },
        ),
      );
      value(
        await app.invoke(
          'results.record',
          {
            moduleId: fire,
            date: isoDateOf(new Date()),
            status: 'passed',
            personIds: people.map((p) => p[0]),
          },
          { actorId },
        ),
      );
    } finally {
      app.close();
    }
    return db;
  }

  it('enables certificates for a unit’s configuration, issuing at once, then lists them', async () => {
    const db = await database();
    const on = await cli(['--db', db, 'certificates', 'enable', 'unit', 'S-UME']);
    expect(on.stderr).toBe('');
    expect(on.stdout).toBe('Certificates of completion on for Umeå: site / "basics"?: 3 issued now.\n');
    expect(on.code).toBe(0);

    const list = await cli(['--db', db, '--json', 'certificates', 'list', '--person', 'jorgen@example.com']);
    const rows = JSON.parse(list.stdout) as { personName: string; status: string; number: string }[];
    expect(rows.map((r) => [r.personName, r.status])).toEqual([['Jörgen Ämtöft', 'valid']]);
    const text = await cli(['--db', db, 'certificates', 'list', '--status', 'valid']);
    expect(text.stdout).toContain('Jörgen Ämtöft');
    expect(text.stdout.trim().split('\n')).toHaveLength(4);
    const bad = await cli(['--db', db, 'certificates', 'list', '--status', 'lost']);
    expect(bad.code).toBe(2);

    const off = await cli(['--db', db, 'certificates', 'disable', 'unit', 'S-UME']);
    expect(off.code).toBe(0);
    const none = await cli(['--db', db, 'certificates', 'enable', 'unit', 'NOPE']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('There is no unit with the code or path "NOPE"');
  });

  it('exports one PDF per certificate with Windows-safe names and an index, or one merged PDF', async () => {
    const db = await database();
    await cli(['--db', db, 'certificates', 'enable', 'unit', 'S-UME']);
    const out = join(tmp(), 'export');
    const r = await cli(['--db', db, 'certificates', 'export', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote 3 certificate PDFs and index.csv');
    expect(r.stderr).toContain('Exported 3 of 3');
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(4);
    expect(files).toContain('index.csv');
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    for (const f of pdfs) {
      expect(f).not.toMatch(/[<>:"/\\|?*]/);
      expect(readFileSync(join(out, f)).subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(pdfs.some((f) => /^Ämtöft Jörgen - Umeå site basics - [A-Z0-9-]+-\d{4}-\d{6}\.pdf$/.test(f))).toBe(
      true,
    );
    // "CON" alone is a reserved device name on Windows; "CON Con - …" is not, so it stays.
    expect(pdfs.some((f) => f.startsWith('CON Con - '))).toBe(true);
    const index = readFileSync(join(out, 'index.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(index[0]).toBe(
      'File,Number,Short Code,Last Name,First Name,Email,Unit,Title,Completed,Issued,Expires,Status,Reason',
    );
    expect(index.filter(Boolean)).toHaveLength(4);

    const merged = join(tmp(), 'merged');
    const m = await cli([
      '--db',
      db,
      'certificates',
      'export',
      '--out',
      merged,
      '--merged',
      '--unit',
      'S-UME',
    ]);
    expect(m.code).toBe(0);
    expect(existsSync(join(merged, 'certificates.pdf'))).toBe(true);
    expect(pageCount(readFileSync(join(merged, 'certificates.pdf')))).toBe(3);

    // The short code from the index verifies.
    const code = index[1]?.split(',')[2] ?? '';
    const v = await cli(['--db', db, 'certificates', 'verify', code]);
    expect(v.stdout).toMatch(/^VALID/);
    expect(v.code).toBe(0);
    // Three CLI processes, each starting PDF workers: slow on a loaded machine.
  }, 30_000);
});

describe('certificate file names', () => {
  it('are safe on Windows: no reserved characters, names or trailing dots and spaces', () => {
    expect(safeFileName('Öberg Åsa - Fire: "basic"? - FB-2026-000001', '.pdf')).toBe(
      'Öberg Åsa - Fire basic - FB-2026-000001.pdf',
    );
    expect(safeFileName('CON', '.pdf')).toBe('_CON.pdf');
    expect(safeFileName('lpt1', '.pdf')).toBe('_lpt1.pdf');
    expect(safeFileName('Report. . ', '.pdf')).toBe('Report.pdf');
    expect(safeFileName('a/b\\c|d*e<f>g', '.pdf')).toBe('a b c d e f g.pdf');
    expect(safeFileName('???', '.pdf')).toBe('certificate.pdf');
  });
});
