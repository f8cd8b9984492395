import { describe, expect, it } from 'vitest';
import { publishedModule } from '../helpers/events.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';
import { LEARNER_EMAIL, learningWorld, signIn, type LearningWorld } from './learning-world.js';

describe.skipIf(!hasChromium)(`learner course${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let w: LearningWorld;
  const s = useBrowserApp({
    prepare: async (app) => {
      w = learningWorld(app);
      await publishedModule(app, w.adminId, {
        code: 'E2E-LIFT',
        title: 'Lifting basics',
        kind: 'course',
        ownerUnitId: w.orgId,
        selfEnrol: true,
        trainingRecord: true,
        content: {
          kind: 'course',
          steps: [
            {
              id: 'intro',
              type: 'text',
              title: 'Why it matters',
              required: true,
              // Whatever got into the database, the player must never run it.
              html: '<p>Keep the load <strong>close</strong>.</p><img src="x" onerror="window.__pwned = 1">',
            },
            {
              id: 'more',
              type: 'link',
              title: 'Further reading',
              required: true,
              url: 'https://example.org/lift',
            },
          ],
        },
      });
    },
  });

  it('takes a course with the keyboard alone, resumes it, and records the completion', async () => {
    const page = await signIn(s, LEARNER_EMAIL, 'Find training');
    await page.getByRole('button', { name: 'Register for Lifting basics' }).click();
    await page.getByRole('link', { name: 'Open Lifting basics' }).click();
    await page.getByRole('heading', { level: 2, name: 'Why it matters' }).waitFor();
    await page.getByText('Keep the load close.').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Mark as done and continue' }).focus();
    await page.keyboard.press('Enter');
    // Focus follows to the next step's heading.
    await page.getByRole('heading', { level: 2, name: 'Further reading' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Further reading');
    await page.getByText('External web page: needs an internet connection.').waitFor();

    // Leaving and coming back resumes at the step still to do.
    await page.getByRole('link', { name: 'My training', exact: true }).first().click();
    await page.getByRole('link', { name: 'Continue: Lifting basics' }).click();
    await page.getByRole('heading', { level: 2, name: 'Further reading' }).waitFor();

    await page.getByRole('button', { name: 'Mark as done' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('Completed — recorded in your training record.').first().waitFor();
    const records = await s.app.invoke('records.list', { personId: w.learnerId }, { actorId: w.learnerId });
    expect(records.ok && records.value.rows.map((r) => r.title)).toContain('Lifting basics');
    await page.context().close();
  });
});
