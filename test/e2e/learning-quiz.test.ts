import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';
import { LEARNER_EMAIL, learningWorld, publishQuiz, signIn, type LearningWorld } from './learning-world.js';

describe.skipIf(!hasChromium)(`learner quiz${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let w: LearningWorld;
  const s = useBrowserApp({
    prepare: async (app) => {
      w = learningWorld(app);
      await publishQuiz(app, w);
      await publishQuiz(app, w, { code: 'E2E-TIMED', title: 'Timed hygiene check', timeLimitMinutes: 1 });
    },
  });

  async function answer(page: Page, q1: string, q2: 'True' | 'False') {
    await page
      .getByRole('group', { name: /How long should you wash/ })
      .getByLabel(q1)
      .check();
    await page
      .getByRole('group', { name: /Soap matters more/ })
      .getByLabel(q2)
      .check();
    await page.getByText('2 of 2 answered').waitFor();
  }

  it('registers from Find training, fails, sees the attempts left, retakes, passes and gets a record', async () => {
    const page = await signIn(s, LEARNER_EMAIL, 'Find training');
    await page.getByLabel('Search').fill('hygiene');
    await page.getByRole('button', { name: 'Register for Kitchen hygiene check' }).click();
    await page.getByText('Kitchen hygiene check is now on your training list.').waitFor();
    await page.getByRole('link', { name: 'Open Kitchen hygiene check' }).click();

    // The quiz's own page: its rules, then Start.
    await page.getByRole('heading', { level: 1, name: 'Kitchen hygiene check' }).waitFor();
    expect(await page.getByText('0 (no limit)').count()).toBe(0);
    await page.getByText('0 of 3').waitFor();
    await page.getByRole('button', { name: 'Start the quiz' }).click();

    await page.getByRole('heading', { level: 1, name: 'Kitchen hygiene check — attempt 1' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Section 1: Hand washing' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // First attempt: one wrong answer, given with the keyboard (Space checks a radio).
    await page
      .getByRole('group', { name: /How long should you wash/ })
      .getByLabel('About 3 seconds')
      .focus();
    await page.keyboard.press('Space');
    await page
      .getByRole('group', { name: /Soap matters more/ })
      .getByLabel('True')
      .check();
    await page.getByText('2 of 2 answered').waitFor();
    await page.getByText('Answers saved').waitFor();

    // Reloading resumes the same attempt with the saved answers (and never starts a new one).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Kitchen hygiene check — attempt 1' }).waitFor();
    expect(await page.getByLabel('About 3 seconds').isChecked()).toBe(true);
    await page.getByText('2 of 2 answered').waitFor();
    await page.getByRole('button', { name: 'Submit answers' }).first().click();

    await page.getByText('NOT PASSED').waitFor();
    await page.getByText('Your score: 50%').waitFor();
    expect(await page.getByText('Attempts left').locator('xpath=..').textContent()).toContain('2');
    expect(await axeViolations(page)).toEqual([]);

    // Retake: both right.
    await page.getByRole('button', { name: 'Take the quiz again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kitchen hygiene check — attempt 2' }).waitFor();
    await answer(page, 'At least 20 seconds', 'True');
    await page.getByRole('button', { name: 'Submit answers' }).first().click();
    await page.getByText('PASSED', { exact: true }).waitFor();
    await page.getByText('Your score: 100%').waitFor();
    await page.getByText('A training record was created for this pass.').waitFor();

    // The record is there, through the API and on the learner's own record page.
    const records = await s.app.invoke('records.list', { personId: w.learnerId }, { actorId: w.learnerId });
    expect(records.ok && records.value.rows.map((r) => r.title)).toContain('Kitchen hygiene check');
    await page.getByRole('link', { name: 'See my training record' }).click();
    await page.getByRole('heading', { level: 1, name: 'My training record' }).waitFor();
    await page.getByText('Kitchen hygiene check').first().waitFor();

    // The attempts history lists both, newest first.
    await page.goto(`${s.server.url}#/training`);
    await page.getByRole('heading', { level: 3, name: 'Kitchen hygiene check' }).waitFor();
    await page.getByRole('link', { name: /: Kitchen hygiene check$/ }).click();
    await page.getByRole('link', { name: 'All attempts with your answers' }).click();
    await page.getByRole('button', { name: /Attempt 2.*100%.*Passed/ }).waitFor();
    await page.getByRole('button', { name: /Attempt 1.*50%.*Not passed/ }).click();
    await page
      .getByRole('table', { name: 'Your answers in attempt 1' })
      .getByText('About 3 seconds')
      .waitFor();
    await page.context().close();
  });

  it('submits the answers given so far when the time runs out', async () => {
    const page = await signIn(s, LEARNER_EMAIL, 'Find training');
    await page.clock.install();
    await page.getByRole('button', { name: 'Register for Timed hygiene check' }).click();
    await page.getByRole('link', { name: 'Open Timed hygiene check' }).click();
    await page.getByText('1 minute', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByRole('heading', { level: 1, name: 'Timed hygiene check — attempt 1' }).waitFor();
    await page.getByText('Time left:').waitFor();
    await page.getByLabel('At least 20 seconds').check();
    await page.clock.fastForward('01:05');
    await page.getByText('NOT PASSED').waitFor();
    await page.getByText('Your score: 50%').waitFor();
    await page.context().close();
  });
});
