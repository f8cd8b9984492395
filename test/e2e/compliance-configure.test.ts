import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMonthsIso, isoDateOf } from '../../shared/dates.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from '../../src-main/demo/seed-demo.js';
import type { App } from '../../src-main/app/create-app.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

const MANAGER = 'ylva.marklund@demo.fieldbook'; // Manager at Umeå (README)
const SITE = 'Umeå';
const MODULE = 'Hot Work Permit';
const CODE = 'E2E-HWP';
const VALIDITY = 6;
const CONFIGURATION = 'Umeå hot work';

interface Person {
  id: string;
  name: string;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
const must = <T>(res: Result<T>): T => {
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
};

/**
 * Issue 6, as a site manager would do it: configure training for her site in
 * the editor, see the matrix say Missing, record a result, see Compliant, and
 * move the as-of date past the validity to see Expired.
 */
describe.skipIf(!hasChromium)(
  `configuring compliance for a site${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    let app: App;
    let adminId = '';
    let moduleId = '';
    let learner: Person = { id: '', name: '' };
    const s = useBrowserApp({
      prepare: async (a) => {
        app = a;
        await seedDemo(a);
        const one = <T>(sql: string, ...args: string[]) => a.db.prepare<string[], T>(sql).get(...args) as T;
        adminId = one<{ id: string }>('SELECT id FROM person WHERE email = ?', DEMO_ADMIN_EMAIL).id;
        const site = one<{ unitId: string }>(
          `SELECT g.unit_id AS unitId FROM grant_ g JOIN person p ON p.id = g.person_id
            WHERE p.email = ? AND g.role_id = 'manager'`,
          MANAGER,
        );
        learner = one<Person>(
          `SELECT id, first_name || ' ' || last_name AS name FROM person
            WHERE unit_id = ? AND status = 'active' AND email <> ? ORDER BY email LIMIT 1`,
          site.unitId,
          MANAGER,
        );
        // A module nobody has done yet, published for the site, so the manager can assign it.
        moduleId = must(
          await a.invoke(
            'modules.create',
            {
              code: CODE,
              title: MODULE,
              kind: 'external',
              ownerUnitId: site.unitId,
              provider: 'Brandskyddsföreningen',
              defaultValidityMonths: 12,
            },
            { actorId: adminId },
          ),
        ).id;
        must(await a.invoke('modules.publish', { id: moduleId }, { actorId: adminId }));
      },
    });

    async function signIn(email: string): Promise<Page> {
      const context = await s.browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      s.page = page;
      page.setDefaultTimeout(15_000);
      await page.goto(s.server.url);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation').waitFor();
      return page;
    }

    const cell = (page: Page, status: string) =>
      page.getByRole('gridcell', { name: `${learner.name}, ${MODULE}: ${status}` });

    async function openMatrix(page: Page) {
      await page.goto(`${s.server.url}#/compliance`);
      await page.getByRole('heading', { level: 1, name: 'Compliance' }).waitFor();
      await page.getByRole('textbox', { name: 'Search people' }).fill(learner.name);
    }

    it('a manager configures her site, then sees Missing, Compliant and (later) Expired', async () => {
      const page = await signIn(MANAGER);

      // The editor: name, the site as target, the module Required with its own validity.
      await page.goto(`${s.server.url}#/configurations/new`);
      await page.getByRole('heading', { level: 1, name: 'New training configuration' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill(CONFIGURATION);
      await page.getByRole('combobox', { name: 'Unit', exact: true }).click();
      await page.getByRole('combobox', { name: 'Unit', exact: true }).fill(SITE);
      await page
        .getByRole('option', { name: new RegExp(SITE) })
        .first()
        .click();
      await page.getByText(/Covers \d+ people today/).waitFor();
      await page.getByRole('combobox', { name: 'Add a module' }).click();
      await page.getByRole('combobox', { name: 'Add a module' }).fill(CODE);
      await page.getByRole('option', { name: `${MODULE} (${CODE})` }).click();
      const required = page
        .getByRole('radiogroup', { name: `Requirement for ${MODULE}` })
        .getByRole('radio', { name: 'Required' });
      await required.check();
      expect(await required.isChecked()).toBe(true);
      await page.getByLabel(`Validity in months for ${MODULE}`).fill(String(VALIDITY));
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Create configuration' }).click();
      await page.getByRole('heading', { level: 1, name: CONFIGURATION }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Nobody at the site has done it yet.
      await openMatrix(page);
      await cell(page, 'Missing').waitFor();

      // A result from a month ago, recorded through the API as from a paper sheet.
      const completed = addMonthsIso(isoDateOf(new Date()), -1);
      must(
        await app.invoke(
          'results.record',
          { moduleId, date: completed, status: 'completed', personIds: [learner.id] },
          { actorId: adminId },
        ),
      );
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Compliance' }).waitFor();
      await page.getByRole('textbox', { name: 'Search people' }).fill(learner.name);
      await cell(page, 'Compliant').waitFor();

      // Past the configured validity (6 months, not the module's default 12): expired.
      await page.getByRole('textbox', { name: 'As of' }).fill(addMonthsIso(completed, VALIDITY + 1));
      await cell(page, 'Expired').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });
  },
);
