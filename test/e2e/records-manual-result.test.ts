import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from '../../src-main/demo/seed-demo.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

const MANAGER = 'ylva.marklund@demo.fieldbook'; // Manager at Umeå (README)
const MEMBER = 'asa.oberg@demo.fieldbook';
const EVIDENCE = join(process.cwd(), 'test/fixtures/records/attendance-sheet.pdf');
const COURSE = 'Ladder Safety Briefing';

interface Person {
  id: string;
  name: string;
}

describe.skipIf(!hasChromium)(
  `manual results and training records${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    let learners: Person[] = [];
    const s = useBrowserApp({
      prepare: async (app) => {
        await seedDemo(app);
        const one = <T>(sql: string, ...args: string[]) => app.db.prepare<string[], T>(sql).get(...args) as T;
        const admin = one<{ id: string }>('SELECT id FROM person WHERE email = ?', DEMO_ADMIN_EMAIL);
        const site = one<{ unitId: string }>(
          `SELECT g.unit_id AS unitId FROM grant_ g JOIN person p ON p.id = g.person_id
          WHERE p.email = ? AND g.role_id = 'manager'`,
          MANAGER,
        );
        learners = app.db
          .prepare<[string, string], Person>(
            `SELECT id, first_name || ' ' || last_name AS name FROM person
            WHERE unit_id = ? AND status = 'active' AND email NOT IN (?, '${MEMBER}')
            ORDER BY email LIMIT 2`,
          )
          .all(site.unitId, MANAGER);
        // A published external item owned by the manager's site: the simplest kind to publish.
        const created = await app.invoke(
          'modules.create',
          {
            code: 'E2E-LADDER',
            title: COURSE,
            kind: 'external',
            ownerUnitId: site.unitId,
            provider: 'Safe Heights Ltd',
          },
          { actorId: admin.id },
        );
        if (!created.ok) throw new Error(created.error.message);
        const published = await app.invoke(
          'modules.publish',
          { id: created.value.id },
          { actorId: admin.id },
        );
        if (!published.ok) throw new Error(published.error.message);
      },
    });

    async function signIn(email: string): Promise<Page> {
      const context = await s.browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      s.page = page;
      await page.goto(s.server.url);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation').waitFor();
      return page;
    }

    async function pickPerson(page: Page, name: string) {
      const box = page.getByRole('combobox', { name: 'People' });
      await box.fill(name);
      await page
        .getByRole('option', { name: new RegExp(name) })
        .first()
        .click();
    }

    it('lets a Manager record a passed result with evidence for two people, and shows it on their record', async () => {
      expect(learners).toHaveLength(2);
      const page = await signIn(MANAGER);
      await page.getByRole('navigation').getByRole('link', { name: 'Results', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
      await page.getByRole('link', { name: 'Record results' }).click();
      await page.getByRole('heading', { level: 1, name: 'Record results' }).waitFor();

      await page.getByRole('combobox', { name: 'Module' }).fill('Ladder');
      await page.getByRole('option', { name: new RegExp(COURSE) }).click();
      const date = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Date').fill(date);
      await page.getByRole('radio', { name: 'Passed' }).check();
      await page.getByLabel('Score').fill('92');
      await page.getByLabel('Note').fill('Toolbox talk on site, signed sheet attached.');
      await page.locator('input[type=file]').setInputFiles(EVIDENCE);
      await page.getByText('Stored: attendance-sheet.pdf').waitFor();
      for (const p of learners) await pickPerson(page, p.name);
      await expect.poll(() => page.getByText('2 people chosen').count()).toBe(1);

      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Record for 2 people' }).click();
      const summary = page
        .getByRole('status')
        .filter({ hasText: `Recorded passed for 2 people in “${COURSE}”` });
      await summary.first().waitFor();

      await summary.first().getByRole('link', { name: learners[0]!.name }).click();
      await page.getByRole('tab', { name: 'Training', selected: true }).waitFor();
      await page.getByRole('button', { name: COURSE }).first().click();
      const drawer = page.getByRole('dialog', { name: 'Training record' });
      await drawer.getByRole('button', { name: /Download attendance-sheet\.pdf/ }).waitFor();
      await expect.poll(() => drawer.getByText('Safe Heights Ltd').count()).toBeGreaterThan(0);
    });

    it('lets a Member add an external course to their own training record', async () => {
      const page = await signIn(MEMBER);
      await page.getByRole('navigation').getByRole('link', { name: 'My training record' }).click();
      await page.getByRole('heading', { level: 1, name: 'My training record' }).waitFor();
      await page.getByRole('button', { name: 'Add external course' }).click();
      const dialog = page.getByRole('dialog', { name: /Add an external course/ });
      await dialog.getByLabel('Title').fill('Working at Heights (evening class)');
      await dialog.getByLabel('Training provider').fill('Umeå Folkhögskola');
      await dialog.getByLabel('Completion date').fill('2025-10-14');
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Add to record' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Working at Heights (evening class)' }).waitFor();
    });
  },
);
