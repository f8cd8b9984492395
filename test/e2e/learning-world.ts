import type { Page } from 'playwright-core';
import type { App } from '../../src-main/app/create-app.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemoOrganisation } from '../../src-main/demo/seed-demo.js';
import { publishedModule } from '../helpers/events.js';
import type { useBrowserApp } from './browser.js';

/** The demo's Member at Umeå: a plain learner. */
export const LEARNER_EMAIL = 'asa.oberg@demo.fieldbook';

export interface LearningWorld {
  adminId: string;
  learnerId: string;
  orgId: string;
}

const idOf = (app: App, sql: string, ...args: string[]): string => {
  const row = app.db.prepare<string[], { id: string }>(sql).get(...args);
  if (!row) throw new Error(`nothing found for ${sql}`);
  return row.id;
};

/** The demo organisation and its people, without the demo catalog: each test publishes what it needs. */
export function learningWorld(app: App): LearningWorld {
  seedDemoOrganisation(app);
  return {
    adminId: idOf(app, 'SELECT id FROM person WHERE email = ?', DEMO_ADMIN_EMAIL),
    learnerId: idOf(app, 'SELECT id FROM person WHERE email = ?', LEARNER_EMAIL),
    orgId: idOf(app, 'SELECT id FROM unit WHERE parent_id IS NULL ORDER BY name LIMIT 1'),
  };
}

/** A quiz a learner may register on: two questions, all must be right (pass mark 100), three attempts. */
export function publishQuiz(
  app: App,
  w: LearningWorld,
  opts: { code: string; title: string; timeLimitMinutes: number | null } = {
    code: 'E2E-HYG',
    title: 'Kitchen hygiene check',
    timeLimitMinutes: null,
  },
): Promise<string> {
  return publishedModule(app, w.adminId, {
    code: opts.code,
    title: opts.title,
    kind: 'quiz',
    description: 'Two questions on hand washing.',
    ownerUnitId: w.orgId,
    selfEnrol: true,
    trainingRecord: true,
    defaultValidityMonths: 12,
    content: {
      kind: 'quiz',
      passMark: 100,
      maxAttempts: 3,
      timeLimitMinutes: opts.timeLimitMinutes,
      shuffleQuestions: false,
      shuffleOptions: false,
      sections: [
        {
          id: 's1',
          title: 'Hand washing',
          questions: [
            {
              id: 'q1',
              type: 'single',
              text: 'How long should you wash your hands?',
              points: 1,
              options: [
                { id: 'a', text: 'At least 20 seconds', correct: true },
                { id: 'b', text: 'About 3 seconds', correct: false },
              ],
            },
            {
              id: 'q2',
              type: 'true_false',
              text: 'Soap matters more than hot water.',
              points: 1,
              answer: true,
            },
          ],
        },
      ],
    },
  });
}

/** Signs the learner in on a fresh page of its own and opens a nav item. */
export async function signIn(
  s: ReturnType<typeof useBrowserApp>,
  email: string,
  navItem: string,
): Promise<Page> {
  const context = await s.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  s.page = page; // so a failure leaves a screenshot of this page
  await page.goto(s.server.url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation').getByRole('link', { name: navItem, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: navItem }).waitFor();
  return page;
}
