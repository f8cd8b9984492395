import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src-main/demo/seed-demo.js';
import { axeViolations as violations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

describe.skipIf(!hasChromium)(
  `accessibility and keyboard use${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    const s = useBrowserApp({ prepare: async (app) => void (await seedDemo(app)) });

    it('has no WCAG A/AA violations on sign-in, home, people and audit log, in light and dark', async () => {
      const { page } = s;
      await page.goto(s.server.url);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await violations(page)).toEqual([]);
      await page.getByLabel('Email').fill('admin@demo.fieldbook');
      await page.getByLabel('Password', { exact: true }).fill('fieldbook-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /Welcome, Karin/ }).waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [link, heading] of [
          ['Home', /Welcome/],
          ['People', 'People'],
          ['Audit log', 'Audit log'],
        ] as const) {
          await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
          await page.getByRole('heading', { level: 1, name: heading }).waitFor();
          await page
            .getByRole('row')
            .nth(1)
            .or(page.getByText(/Welcome/))
            .first()
            .waitFor();
          expect(await violations(page), `${link} (${scheme})`).toEqual([]);
        }
      }
    });

    it('signs in from the keyboard alone, and the shell starts with a skip link', async () => {
      const { page } = s;
      await page.goto(s.server.url);
      const signIn = page.getByRole('button', { name: 'Sign in' });
      if (await signIn.isVisible()) {
        // The email field has focus on arrival; Tab moves to the password, Enter submits.
        await page.keyboard.type('admin@demo.fieldbook');
        await page.keyboard.press('Tab');
        await page.keyboard.type('fieldbook-demo');
        await page.keyboard.press('Enter');
      }
      await page.getByRole('heading', { name: /Welcome, Karin/ }).waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      expect(focused).toMatch(/Skip to content/);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    });
  },
);
