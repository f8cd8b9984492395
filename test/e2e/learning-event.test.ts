import { describe, expect, it } from 'vitest';
import { eventModule } from '../helpers/events.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';
import { LEARNER_EMAIL, learningWorld, signIn, type LearningWorld } from './learning-world.js';

const inDays = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

describe.skipIf(!hasChromium)(`learner event${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let w: LearningWorld;
  const s = useBrowserApp({
    prepare: async (app) => {
      w = learningWorld(app);
      const moduleId = await eventModule(app, w.adminId, {
        code: 'E2E-FA',
        title: 'Emergency first aid',
        ownerUnitId: w.orgId,
        selfEnrol: true,
      });
      const res = await app.invoke(
        'events.createSession',
        { moduleId, startsAt: inDays(10, 8), endsAt: inDays(10, 15), place: 'Training room 2', capacity: 6 },
        { actorId: w.adminId },
      );
      if (!res.ok) throw new Error(res.error.message);
    },
  });

  it('lets a Member register for an event, then take and give up a place on a session', async () => {
    const page = await signIn(s, LEARNER_EMAIL, 'My training');
    await page.getByText('Nothing on your list yet').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Find training' }).first().click();
    await page.getByRole('button', { name: 'Register for Emergency first aid' }).click();
    await page.getByRole('link', { name: 'Open Emergency first aid' }).click();

    await page.getByRole('heading', { level: 1, name: 'Emergency first aid' }).waitFor();
    const row = page.getByRole('row', { name: /Training room 2/ });
    await row.getByText('Not registered').waitFor();
    await row.getByRole('button', { name: /^Register for Emergency first aid on / }).click();
    await page.getByText('You are registered for Emergency first aid.').waitFor();
    await row.getByText('Registered', { exact: true }).waitFor();
    await row.getByText('5 of 6 free').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The dashboard shows the event and the session with the learner's place on it.
    await page.getByRole('link', { name: 'My training', exact: true }).first().click();
    await page.getByRole('heading', { level: 3, name: 'Emergency first aid' }).waitFor();
    const upcoming = page.getByRole('row', { name: /Training room 2/ });
    await upcoming.getByText('Registered', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Cancelling asks first, then frees the place.
    await upcoming.getByRole('button', { name: /^Cancel your registration for Emergency first aid/ }).click();
    await page.getByRole('dialog', { name: 'Cancel your registration?' }).waitFor();
    await page.getByRole('button', { name: 'Cancel registration', exact: true }).click();
    await upcoming.getByText('Not registered').waitFor();
    const sessions = await s.app.invoke('learning.dashboard', {}, { actorId: w.learnerId });
    expect(sessions.ok && sessions.value.upcomingSessions[0]?.myStatus).toBe(null);
    await page.context().close();
  });
});
