import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from '../../src-main/demo/seed-demo.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

const PERSON = 'asa.oberg@demo.fieldbook';
const PERSON_NAME = 'Åsa Öberg';
const HEADER =
  'Record Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,Other Information,Qualification Code,Delete?';
const RECORD_TYPE: Record<string, string> = {
  course: 'Course',
  quiz: 'Quiz',
  event: 'Event',
  learning_path: 'Learning Path',
  external: 'External Course',
};

describe.skipIf(!hasChromium)(
  `training records CSV import${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-records-import-'));
    let module = { code: '', kind: '' };
    const s = useBrowserApp({
      prepare: async (app) => {
        await seedDemo(app);
        module = app.db
          .prepare<[], { code: string; kind: string }>(
            `SELECT code, kind FROM module WHERE status = 'published' ORDER BY kind = 'course' DESC, code LIMIT 1`,
          )
          .get()!;
      },
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** Records this test's files made (their Other Information says so). */
    const importedRecords = () =>
      s.app.db
        .prepare<[], { n: number }>(
          `SELECT count(*) AS n FROM training_record WHERE other_info LIKE 'E2E import%'`,
        )
        .get()!.n;

    async function signIn(): Promise<Page> {
      const context = await s.browser.newContext({
        viewport: { width: 1366, height: 768 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      s.page = page;
      await page.goto(s.server.url);
      await page.getByLabel('Email').fill(DEMO_ADMIN_EMAIL);
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation').waitFor();
      return page;
    }

    async function openFile(page: Page, path: string, name: string) {
      await page.locator('input[type=file]').setInputFiles(path);
      await page.getByRole('heading', { name: `File: ${name}` }).waitFor();
    }

    it('imports a file with an error, downloads the error file, imports it fixed, and undoes the import', async () => {
      expect(module.code).not.toBe('');
      // Row 2 is fine (a completion of an existing module); row 3 has an impossible date.
      const bad = join(dir, 'e2e-records.csv');
      writeFileSync(
        bad,
        [
          HEADER,
          `,${PERSON},${RECORD_TYPE[module.kind]},${module.code},,,2025-03-14,E2E import module,,`,
          `,${PERSON},External Course,,E2E First aid refresher,Red Cross,31/02/2025,E2E import external,,`,
          '',
        ].join('\r\n'),
      );

      const page = await signIn();
      await page.getByRole('navigation').getByRole('link', { name: 'Import and export records' }).click();
      await page.getByRole('heading', { level: 1, name: 'Import and export records' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await openFile(page, bad, 'e2e-records.csv');
      await page.getByRole('table', { name: 'First 2 rows of the file' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByRole('heading', { name: 'What the import would do' }).waitFor();
      const errors = page.getByRole('table', { name: 'Errors' });
      const errorRow = errors.getByRole('row').filter({ hasText: 'Completion Date' });
      await errorRow.waitFor();
      expect(await errorRow.getByRole('cell').first().textContent()).toBe('3');
      // Nothing goes in while there are errors, unless the valid rows are chosen explicitly.
      await expect
        .poll(() => page.getByRole('button', { name: /^Import valid rows/ }).isDisabled())
        .toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      // Problems come first; the Changes tab lists what the valid rows would do.
      await page.getByRole('tab', { name: 'Changes (1)' }).click();
      const validRow = page
        .getByRole('table', { name: 'Changes' })
        .getByRole('row')
        .filter({ hasText: PERSON_NAME });
      await validRow.waitFor();
      expect(await validRow.getByRole('cell').nth(1).textContent()).toBe('Create');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('tab', { name: 'Problems (1)' }).click();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download error file' }).click(),
      ]);
      const errorFile = readFileSync((await download.path())!, 'utf8');
      expect(errorFile).toContain('Error');
      expect(errorFile).toContain('31/02/2025');
      expect(importedRecords()).toBe(0);

      // Fix the row in the error file itself (its Error column is ignored) and import that.
      const fixed = join(dir, 'e2e-records-fixed.csv');
      writeFileSync(fixed, errorFile.replace('31/02/2025', '2025-02-28'));
      await page.getByRole('button', { name: 'Choose another file' }).click();
      await openFile(page, fixed, 'e2e-records-fixed.csv');
      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.getByText('No errors: every row can be imported.').waitFor();
      // The dry run names every record it would create before anything is written.
      const changes = page.getByRole('table', { name: 'Changes' });
      const creates = changes.getByRole('row').filter({ hasText: 'Create' }).filter({ hasText: PERSON_NAME });
      await expect.poll(() => creates.count()).toBe(2);
      expect(await creates.nth(1).textContent()).toContain('E2E First aid refresher');
      expect(await creates.nth(1).textContent()).toContain('new record, completed 2025-02-28');
      expect(importedRecords()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Import 2 records' }).click();
      const confirm = page.getByRole('dialog', { name: 'Import these records?' });
      await confirm.getByText('create 2 training records').waitFor();
      await confirm.getByRole('button', { name: 'Import 2 records' }).click();
      await page.getByRole('heading', { name: 'Import finished' }).waitFor();
      expect(importedRecords()).toBe(2);
      await expect
        .poll(() =>
          page.getByRole('table', { name: 'Changes' }).getByRole('row').filter({ hasText: 'Create' }).count(),
        )
        .toBe(2);

      await page.getByRole('link', { name: 'See the import history' }).click();
      const history = page.getByRole('table', { name: 'Import history' });
      const row = history.getByRole('row').filter({ hasText: 'e2e-records-fixed.csv' });
      await row.waitFor();
      expect(await row.getByText('Imported', { exact: true }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await row.getByRole('button', { name: /^Actions for e2e-records-fixed\.csv/ }).click();
      await page.getByRole('menuitem', { name: 'Undo this import' }).click();
      const undo = page.getByRole('dialog', { name: 'Undo this import?' });
      await undo.getByText('remove the 2 records it created').waitFor();
      // Let the dialog finish fading in: half-faded colours fail the contrast check.
      await expect.poll(() => undo.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
      expect(await axeViolations(page)).toEqual([]);
      await undo.getByRole('button', { name: 'Undo this import' }).click();
      await undo.waitFor({ state: 'hidden' });
      await row.getByText('Undone', { exact: true }).waitFor();
      expect(importedRecords()).toBe(0);
    });
  },
);
