import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src-main/demo/seed-demo.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button').last().click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

/** The demo's Organisation Admin: units.manage and roles.manage across the organisation, no clients. */
const ORGANISATION_ADMIN = 'henrik.forsberg@demo.fieldbook';

describe.skipIf(!hasChromium)(
  `organisation and roles in a real browser${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    const s = useBrowserApp({ prepare: async (app) => void (await seedDemo(app)) });

    it('lets an Organisation Admin add a site under a region and shows it in the tree', async () => {
      const { page } = s;
      await page.goto(s.server.url);
      await page.getByLabel('Email').fill(ORGANISATION_ADMIN);
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /Welcome/ }).waitFor();

      await page.getByRole('navigation').getByRole('link', { name: 'Organisation' }).click();
      const tree = page.getByRole('tree', { name: 'Units' });
      await tree.waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard: the tree is one tab stop; arrows move and select.
      await tree.getByRole('treeitem', { name: /Nordvik Group/ }).focus();
      await page.keyboard.press('ArrowDown');
      expect(await tree.getByRole('treeitem', { selected: true }).count()).toBe(1);

      await tree.getByRole('treeitem', { name: /^Norrland/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Norrland' }).waitFor();
      await page.getByRole('button', { name: 'Add unit below' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a unit below Norrland' });
      await dialog.getByLabel('Name').fill('Skellefteå');
      await dialog.getByLabel('Code').fill('S-SKE');
      await dialog.getByRole('combobox', { name: 'Level' }).fill('Site');
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Add unit', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });

      const added = tree.getByRole('treeitem', { name: /^Skellefteå/ });
      await added.waitFor();
      expect(await added.getAttribute('aria-level')).toBe('3');
      expect(await added.getAttribute('aria-selected')).toBe('true');
      await page.getByRole('heading', { level: 2, name: 'Skellefteå' }).waitFor();
      expect(await page.getByText('Nordvik Group / Norrland / Skellefteå').isVisible()).toBe(true);
    });

    it('copies Manager into a custom role that then shows in the roles list', async () => {
      const { page } = s;
      await page.getByRole('navigation').getByRole('link', { name: 'Roles' }).click();
      await page.getByRole('heading', { level: 1, name: 'Roles' }).waitFor();
      await page.getByRole('link', { name: 'Manager', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Manager' }).waitFor();
      expect(await page.getByText('Built-in roles cannot change').isVisible()).toBe(true);

      await page.getByRole('button', { name: 'Copy to a custom role' }).click();
      const dialog = page.getByRole('dialog', { name: 'Copy Manager' });
      await dialog.getByLabel('Name').fill('Site Trainer');
      await dialog.getByRole('button', { name: 'Create role' }).click();
      await page.getByRole('heading', { level: 1, name: 'Site Trainer' }).waitFor();
      // A custom role is editable: its privileges are checkboxes.
      expect(await page.getByRole('checkbox', { name: /Create and edit groups/ }).isChecked()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('link', { name: 'All roles' }).click();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Site Trainer' }) });
      await row.waitFor();
      expect(await row.textContent()).toContain('Custom');
      expect(await row.textContent()).toContain('Copied from Manager');
    });

    it('adds a person at the new site, makes them its Manager, and they see only that site', async () => {
      const { page } = s;
      await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
      await page
        .getByRole('link', { name: 'Add person' })
        .or(page.getByRole('button', { name: 'Add person' }))
        .first()
        .click();
      await page.getByLabel('First name').fill('Tove');
      await page.getByLabel('Last name').fill('Lindberg');
      await page.getByLabel('Email').fill('tove.lindberg@demo.fieldbook');
      await page.getByLabel('Home unit').first().fill('Skelle');
      await page.getByRole('option', { name: /Skellefteå/ }).click();
      await page.getByLabel('Password', { exact: true }).fill('tove has a long passphrase');
      await page.getByRole('main').getByRole('button', { name: 'Add person' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tove Lindberg' }).waitFor();

      await page.getByRole('tab', { name: 'Roles' }).click();
      await page.getByRole('button', { name: 'Grant role' }).click();
      const dialog = page.getByRole('dialog', { name: 'Grant a role to Tove Lindberg' });
      await page.getByLabel('Role', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Manager', exact: true }).click();
      // The unit defaults to the person's home unit, where most grants go.
      expect(await page.getByLabel('At unit').first().inputValue()).toMatch(/Skellefteå/);
      await dialog.getByRole('button', { name: 'Grant' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: 'Manager', exact: true }).waitFor();

      await signOut(page);
      await signIn(page, 'tove.lindberg@demo.fieldbook', 'tove has a long passphrase');
      await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
      await page.getByText('1 person', { exact: true }).waitFor();
      const rows = page.getByRole('row').filter({ hasText: 'tove.lindberg@demo.fieldbook' });
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain('Skellefteå');
      // Nothing from the other sites, and no Admin area for a Manager.
      expect(await page.getByText('Umeå').count()).toBe(0);
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    });

    it('shows a Member no Manager or Admin navigation', async () => {
      const { page } = s;
      await signOut(page);
      await signIn(page, 'asa.oberg@demo.fieldbook', DEMO_PASSWORD);
      const nav = page.getByRole('navigation');
      await nav.getByRole('link', { name: 'Home' }).waitFor();
      for (const hidden of ['People', 'Groups', 'Organisation', 'Roles', 'Audit log']) {
        expect(await nav.getByRole('link', { name: hidden, exact: true }).count(), hidden).toBe(0);
      }
      expect(await nav.textContent()).not.toMatch(/Manager|Admin/i);
    });
  },
);
