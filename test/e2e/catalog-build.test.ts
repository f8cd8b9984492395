import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from '../../src-main/demo/seed-demo.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

/** A demo Manager of exactly one site, looked up rather than named, so the demo can change. */
const SITE_MANAGER_SQL = `SELECT p.email FROM grant_ g
    JOIN person p ON p.id = g.person_id JOIN unit u ON u.id = g.unit_id
   WHERE g.role_id = 'manager' AND u.kind = 'site' AND p.status = 'active'
     AND NOT EXISTS (SELECT 1 FROM grant_ o WHERE o.person_id = p.id AND o.id <> g.id
                       AND o.role_id <> 'member')
   ORDER BY p.email LIMIT 1`;

describe.skipIf(!hasChromium)(`catalog building${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let managerEmail: string | undefined;
  const s = useBrowserApp({
    prepare: async (app) => {
      await seedDemo(app);
      managerEmail = app.db.prepare<[], { email: string }>(SITE_MANAGER_SQL).get()?.email;
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
    await page.getByRole('navigation').getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
    return page;
  }

  async function newModule(page: Page, kind: string, code: string, title: string): Promise<void> {
    await page.getByRole('navigation').getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.getByRole('link', { name: 'New module' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New module' }).waitFor();
    await page.getByText(kind, { exact: true }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Create module' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  async function saveAndPublish(page: Page, title: string): Promise<void> {
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(`Published ${title} as version 1.`).waitFor();
  }

  it('lets a Manager build and publish a quiz, then a course that embeds it', async () => {
    expect(managerEmail, 'the demo has a Manager of one site').toBeDefined();
    const page = await signIn(managerEmail!);

    // A quiz: one section, a single-choice and a true/false question.
    await newModule(page, 'Quiz', 'E2E-Q1', 'Ladder safety check');
    await page.getByRole('button', { name: 'Add a section' }).click();
    await page.getByLabel('Section title').fill('Basics');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question', { exact: true }).fill('How many points of contact?');
    await page.getByLabel('Option 1', { exact: true }).fill('Three');
    await page.getByLabel('Option 2', { exact: true }).fill('One');
    await page.getByLabel('Option 1 is correct').check();
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question type').nth(1).click();
    await page.getByRole('option', { name: 'True / false' }).click();
    await page.getByLabel('Question', { exact: true }).nth(1).fill('Check the ladder before each use.');
    await page.getByText('True', { exact: true }).click();
    await saveAndPublish(page, 'Ladder safety check');

    // A course: a text step and a step with that quiz.
    await newModule(page, 'Course', 'E2E-C1', 'Ladder safety');
    await page.getByRole('button', { name: 'Add text step' }).click();
    await page.getByLabel('Step title').fill('Before you climb');
    await page.getByRole('textbox', { name: 'Text of the step' }).click();
    await page.keyboard.type('Always keep three points of contact.');
    await page.getByRole('button', { name: 'Add quiz step' }).click();
    await page.getByLabel('Step title').nth(1).fill('Check what you know');
    await page.getByRole('combobox', { name: 'Quiz' }).click();
    await page.getByRole('option', { name: 'Ladder safety check (E2E-Q1)' }).click();
    await saveAndPublish(page, 'Ladder safety');

    // The editor passes axe as it stands, tabs and all.
    expect(await axeViolations(page)).toEqual([]);

    // Both are in the catalog as published.
    await page.getByRole('link', { name: 'Back to the catalog' }).click();
    await page.getByLabel('Search modules').fill('E2E-');
    const table = page.getByRole('table', { name: 'Modules' });
    const rowOf = (code: string) => table.getByRole('row').filter({ hasText: code });
    await rowOf('E2E-C1').waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    for (const code of ['E2E-Q1', 'E2E-C1']) {
      expect(await rowOf(code).getByText('Published', { exact: true }).count()).toBe(1);
    }
  });

  it('lets a manager register someone on an event session, see the roster and remove them again', async () => {
    const page = await signIn(DEMO_ADMIN_EMAIL);
    await page.getByRole('link', { name: 'First Aid at Work' }).click();
    await page.getByRole('tab', { name: 'Content' }).click();
    const sessions = page.getByRole('table', { name: 'Sessions' });
    await sessions.getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Session' }).waitFor();

    await page.getByRole('button', { name: 'Register people' }).click();
    await page.getByRole('combobox', { name: 'Find people' }).fill('oliver.hughes@demo');
    await page.getByRole('option', { name: /oliver\.hughes@/ }).click();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Got a place|On the waiting list/).waitFor();
    expect(await dialog.getByRole('listitem').filter({ hasText: 'Oliver Hughes' }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    const row = page.getByRole('row').filter({ hasText: 'oliver.hughes@' });
    await row.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole('button', { name: 'Remove Oliver Hughes' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Removed Oliver Hughes.').waitFor();
    await row.waitFor({ state: 'detached' });
  });
});
