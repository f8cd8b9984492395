import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app/create-app.js';
import { DEMO_PASSWORD } from '../../src-main/demo/seed-demo.js';
import { publishedModule } from '../helpers/events.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';
import { LEARNER_EMAIL, learningWorld } from './learning-world.js';

const MODULE = 'Ladder safety';

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
const must = <T>(res: Result<T>): T => {
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
};

/**
 * The bell in the header: an administrator makes a module Required for a site,
 * and a Member there sees it as a new notification, follows it and clears it.
 */
describe.skipIf(!hasChromium)(
  `the notifications bell${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    let moduleId = '';
    const s = useBrowserApp({
      prepare: async (app: App) => {
        const w = learningWorld(app);
        const unitId = app.db
          .prepare<[string], string>('SELECT unit_id FROM person WHERE id = ?')
          .pluck()
          .get(w.learnerId);
        if (!unitId) throw new Error('the learner has no unit');
        moduleId = await publishedModule(app, w.adminId, {
          code: 'E2E-LADDER',
          title: MODULE,
          kind: 'external',
          provider: 'Arbetsmiljöverket',
          ownerUnitId: w.orgId,
          defaultValidityMonths: 24,
        });
        must(
          await app.invoke(
            'configurations.create',
            {
              name: 'Site safety',
              targetType: 'unit',
              targetId: unitId,
              items: [{ moduleId, requirement: 'required' }],
            },
            { actorId: w.adminId },
          ),
        );
      },
    });

    it('a Member sees the new required training, marks it read, and can open it', async () => {
      const context = await s.browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      s.page = page;
      page.setDefaultTimeout(15_000);
      await page.goto(s.server.url);
      await page.getByLabel('Email').fill(LEARNER_EMAIL);
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();

      const bell = page.getByRole('button', { name: /^Notifications/ });
      await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();

      await bell.click();
      const popover = page.getByRole('dialog', { name: 'Notifications' });
      await popover.waitFor();
      const item = popover.getByRole('link', { name: new RegExp(`New required training: ${MODULE}`) });
      await item.waitFor();
      expect(await item.textContent()).toContain(`You have been assigned ${MODULE} (Site safety).`);
      expect(await axeViolations(page)).toEqual([]);

      // Escape closes it and puts focus back on the bell.
      await page.keyboard.press('Escape');
      await popover.waitFor({ state: 'hidden' });
      expect(await bell.evaluate((el) => el === document.activeElement)).toBe(true);

      // From the keyboard: open, mark all as read, and the count is gone.
      await page.keyboard.press('Enter');
      await popover.getByRole('button', { name: 'Mark all as read' }).click();
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
      await popover.getByRole('button', { name: 'Mark all as read' }).waitFor({ state: 'detached' });
      expect(await axeViolations(page)).toEqual([]);

      // The notification stays listed, read, and leads to the training.
      await item.click();
      await page.waitForURL(`**#/training/${moduleId}`);
      await popover.waitFor({ state: 'hidden' });
    });
  },
);
