import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMonthsIso, isoDateOf } from '../../shared/dates.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from '../../src-main/demo/seed-demo.js';
import type { App } from '../../src-main/app/create-app.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

const MANAGER = 'ylva.marklund@demo.fieldbook'; // Manager at Umeå (README)
const MODULE = 'Confined Space Entry';
const VALIDITY = 12;

interface Person {
  id: string;
  name: string;
}

describe.skipIf(!hasChromium)(`compliance matrix${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
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
      const must = <T>(res: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
        if (!res.ok) throw new Error(res.error.message);
        return res.value;
      };
      const created = must(
        await a.invoke(
          'modules.create',
          {
            code: 'E2E-CSE',
            title: MODULE,
            kind: 'external',
            ownerUnitId: site.unitId,
            provider: 'Safe Spaces Ltd',
            defaultValidityMonths: VALIDITY,
          },
          { actorId: adminId },
        ),
      );
      moduleId = created.id;
      must(await a.invoke('modules.publish', { id: moduleId }, { actorId: adminId }));
      // The site's configuration: everyone at Umeå must hold a valid Confined Space Entry.
      must(
        await a.invoke(
          'configurations.create',
          {
            name: 'Umeå confined spaces',
            targetType: 'unit',
            targetId: site.unitId,
            items: [{ moduleId, requirement: 'required', validityMonths: VALIDITY }],
          },
          { actorId: adminId },
        ),
      );
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

  const cell = (page: Page, status: string) =>
    page.getByRole('gridcell', { name: `${learner.name}, ${MODULE}: ${status}` });

  async function openMatrix(page: Page) {
    await page.getByRole('navigation').getByRole('link', { name: 'Compliance', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Compliance' }).waitFor();
    await page.getByRole('textbox', { name: 'Search people' }).fill(learner.name);
  }

  it('shows Missing, then Compliant after a result, then Expired once the as-of date passes the validity', async () => {
    const page = await signIn(MANAGER);
    await openMatrix(page);
    await cell(page, 'Missing').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A result recorded six months ago (as a manager would from a paper sheet).
    const today = isoDateOf(new Date());
    const completed = addMonthsIso(today, -6);
    const recorded = await app.invoke(
      'results.record',
      { moduleId, date: completed, status: 'passed', personIds: [learner.id] },
      { actorId: adminId },
    );
    expect(recorded.ok).toBe(true);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Compliance' }).waitFor();
    await page.getByRole('textbox', { name: 'Search people' }).fill(learner.name);
    await cell(page, 'Compliant').waitFor();

    // The cell's history names the completion that counts.
    await cell(page, 'Compliant').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Compliant').first().waitFor();
    await drawer.getByRole('table', { name: 'Completions' }).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('textbox', { name: 'As of' }).fill(addMonthsIso(completed, VALIDITY + 1));
    await cell(page, 'Expired').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps the configuration editor, the attention list and the person tab accessible', async () => {
    const page = await signIn(MANAGER);
    await page.getByRole('navigation').getByRole('link', { name: 'Training configurations' }).click();
    await page.getByRole('link', { name: 'Umeå confined spaces' }).click();
    await page.getByRole('heading', { level: 1, name: 'Umeå confined spaces' }).waitFor();
    await page.getByText(/Covers \d+ people today/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${s.server.url}#/configurations/new`);
    await page.getByRole('heading', { level: 1, name: 'New training configuration' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${s.server.url}#/compliance/attention`);
    await page.getByRole('heading', { level: 1, name: 'Expiring and overdue' }).waitFor();
    await page
      .getByRole('table', { name: 'Requirements that need attention' })
      .or(page.getByText('Nothing needs attention'))
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${s.server.url}#/people/${learner.id}?tab=compliance`);
    await page.getByRole('table', { name: 'Requirements' }).getByText(MODULE).waitFor();
    await page.getByText('from: Umeå confined spaces').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
