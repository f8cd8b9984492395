import { describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)(
  `first run in a real browser${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    const s = useBrowserApp();

    it('answers 401 without the access token, and shows no data', async () => {
      const base = s.server.url.replace(/\/s\/[^/]+\/$/, '/');
      const res = await s.page.goto(base);
      expect(res?.status()).toBe(401);
      expect(await s.page.textContent('body')).toMatch(/access token/);
    });

    it('sets up the organisation, signs in, shows the shell and signs out', async () => {
      const { page } = s;
      await page.goto(s.server.url);
      await page.getByRole('heading', { name: 'Set up Fieldbook' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Organisation name').fill('Norrland Mining');
      await page.getByLabel('First name').fill('Åsa');
      await page.getByLabel('Last name').fill('Öberg');
      await page.getByLabel('Email').fill('asa.oberg@example.com');
      await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
      await page.getByLabel('Confirm password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Create organisation' }).click();

      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await page.getByLabel('Email').inputValue()).toBe('asa.oberg@example.com');
      await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in' }).click();

      await page.getByRole('heading', { name: /Welcome, Åsa/ }).waitFor();
      const nav = page.getByRole('navigation');
      await expect(nav.getByRole('link', { name: 'Audit log' }).isVisible()).resolves.toBe(true);
      await expect(nav.getByRole('link', { name: 'People' }).isVisible()).resolves.toBe(true);
      expect(await page.textContent('header')).toContain('Norrland Mining');

      await page.getByRole('button', { name: /Åsa Öberg/ }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    });

    it('says so when the password is wrong, and stays signed out', async () => {
      const { page } = s;
      await page.goto(s.server.url);
      await page.getByLabel('Email').fill('asa.oberg@example.com');
      await page.getByLabel('Password', { exact: true }).fill('not my password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' });
      await alert.waitFor();
      expect(await page.getByRole('heading', { name: /Welcome/ }).count()).toBe(0);
    });
  },
);
