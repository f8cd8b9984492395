import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from '../../src-main/demo/seed-demo.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

/** A demo Manager of exactly one site, looked up rather than named, so the demo can change. */
interface SiteManager {
  email: string;
  site: string;
}

const CSV_WITH_ONE_BAD_EMAIL = [
  'Email,First Name,Last Name,Employee Number,Unit,Department,Job Title,Manager Email,Status',
  'ingrid.nystrom@example.com,Ingrid,Nyström,E90001,S-UME,Operations,Operator,,active',
  'not-an-email,Bad,Row,E90002,S-UME,Operations,Operator,,active',
  '',
].join('\r\n');

describe.skipIf(!hasChromium)(`people screens${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let manager: SiteManager | undefined;
  const s = useBrowserApp({
    prepare: async (app) => {
      await seedDemo(app);
      manager = app.db
        .prepare<[], SiteManager>(
          `SELECT p.email, u.name AS site FROM grant_ g
             JOIN person p ON p.id = g.person_id JOIN unit u ON u.id = g.unit_id
            WHERE g.role_id = 'manager' AND u.kind = 'site' AND p.status = 'active'
              AND NOT EXISTS (SELECT 1 FROM grant_ o WHERE o.person_id = p.id AND o.id <> g.id
                                AND o.role_id <> 'member')
            ORDER BY p.email LIMIT 1`,
        )
        .get();
    },
  });

  async function signInFresh(email: string): Promise<Page> {
    const context = await s.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    s.page = page; // so a failure leaves a screenshot of this page
    await page.goto(s.server.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    return page;
  }

  it('shows a site Manager only the people of their site, and opens a person', async () => {
    expect(manager, 'the demo has a Manager of one site').toBeDefined();
    const { email, site } = manager!;
    const page = await signInFresh(email);
    const grid = page.getByRole('grid', { name: 'People' });
    const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
    await rows.first().getByRole('gridcell').first().filter({ hasText: /\S/ }).waitFor();

    const units = await rows.evaluateAll((els) =>
      els.map((r) => r.querySelectorAll('[role=gridcell]')[3]?.textContent),
    );
    expect(units.length).toBeGreaterThan(3);
    expect(new Set(units)).toEqual(new Set([site]));
    const total = Number((await grid.getAttribute('aria-rowcount')) ?? 0) - 1;
    await expect(page.getByText(`${total} people`, { exact: true }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard: the first row is in the tab order; Enter opens the person.
    const firstName = (await rows.first().getByRole('gridcell').first().textContent()) ?? '';
    const [last, first] = firstName.split(', ');
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `${first} ${last}` }).waitFor();
    await page.getByRole('tab', { name: 'Profile', selected: true }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(site);
    await page.getByRole('tab', { name: 'Effective permissions' }).click();
    await page.getByRole('table', { name: 'Effective permissions' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('checks a people file and names the bad row and column before anything is imported', async () => {
    const page = await signInFresh(DEMO_ADMIN_EMAIL);
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Import people' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'hr-list.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV_WITH_ONE_BAD_EMAIL, 'utf8'),
    });
    await page.getByRole('button', { name: 'Check file' }).click();

    const problems = page.getByRole('table', { name: 'Problems found in the file' });
    await problems.waitFor();
    const cells = await problems
      .getByRole('row')
      .nth(1)
      .getByRole('cell')
      .evaluateAll((els) => els.map((e) => e.textContent?.trim()));
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('Email');
    expect(cells[2]).toMatch(/email/i);
    expect(await problems.getByRole('row').count()).toBe(2);
    await expect(page.getByRole('button', { name: /^Import \d+ change/ }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Download error file' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Nothing was written: the good row is not in the register.
    const written = s.app.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM person WHERE email = ?')
      .get('ingrid.nystrom@example.com');
    expect(written?.n).toBe(0);
    await page.context().close();
  });
});
