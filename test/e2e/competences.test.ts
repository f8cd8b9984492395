import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMonthsIso, isoDateOf } from '../../shared/dates.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from '../../src-main/demo/seed-demo.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

const COURSE_CODE = 'FS-101'; // a published demo course (Fire Safety Awareness)
const DAYS = 1000;

/** ISO date + n days (UTC calendar arithmetic, like SQLite's date()). */
const plusDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe.skipIf(!hasChromium)(`competences${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let learner = { id: '', name: '' };
  let courseTitle = '';
  let passedBefore = 0;
  // Passed long ago (before the competence existed): the mapping's backfill must find it.
  const completed = addMonthsIso(isoDateOf(new Date()), -14);

  const s = useBrowserApp({
    prepare: async (a) => {
      await seedDemo(a);
      const one = <T>(sql: string, ...args: string[]) => a.db.prepare<string[], T>(sql).get(...args) as T;
      const adminId = one<{ id: string }>('SELECT id FROM person WHERE email = ?', DEMO_ADMIN_EMAIL).id;
      const course = one<{ id: string; title: string }>(
        'SELECT id, title FROM module WHERE code = ?',
        COURSE_CODE,
      );
      courseTitle = course.title;
      // Someone who has never passed it, so the only completion is the one recorded here.
      learner = one<{ id: string; name: string }>(
        `SELECT id, first_name || ' ' || last_name AS name FROM person p
          WHERE status = 'active' AND email <> ?
            AND NOT EXISTS (SELECT 1 FROM training_record r WHERE r.person_id = p.id AND r.object_id = ?)
          ORDER BY email LIMIT 1`,
        DEMO_ADMIN_EMAIL,
        course.id,
      );
      const res = await a.invoke(
        'results.record',
        { moduleId: course.id, date: completed, status: 'passed', personIds: [learner.id] },
        { actorId: adminId },
      );
      if (!res.ok) throw new Error(res.error.message);
      passedBefore = one<{ n: number }>(
        'SELECT COUNT(DISTINCT person_id) AS n FROM training_record WHERE object_id = ?',
        course.id,
      ).n;
    },
  });

  async function signIn(): Promise<Page> {
    const context = await s.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    s.page = page;
    await page.goto(s.server.url);
    await page.getByLabel('Email').fill(DEMO_ADMIN_EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').waitFor();
    return page;
  }

  it('builds a competence, maps a course passed long ago, and the person holds it until completion + default days', async () => {
    const page = await signIn();
    await page.getByRole('navigation').getByRole('link', { name: 'Competences', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Competences' }).waitFor();
    await page.getByText('No competences yet — add one or import a tree.').first().waitFor();

    await page.getByRole('button', { name: 'Add competence' }).click();
    await page.getByRole('textbox', { name: 'Code' }).fill('E2E.HEIGHT');
    await page.getByRole('textbox', { name: 'Name' }).fill('Height rescue');
    await page.getByRole('textbox', { name: 'Default validity (days)' }).fill(String(DAYS));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('treeitem', { name: /Height rescue/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Height rescue' }).waitFor();

    const modules = page.getByRole('combobox', { name: 'Modules' });
    await modules.click();
    await modules.fill(courseTitle);
    await page.getByRole('option', { name: new RegExp(courseTitle) }).click();
    await page.keyboard.press('Escape');
    const people = passedBefore === 1 ? '1 person' : `${passedBefore} people`;
    await page
      .getByText(
        `Saving gives this competence to ${people} who already passed: ${courseTitle} (${passedBefore}).`,
      )
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save mappings' }).click();
    await page.getByText(`Mappings saved: the competence was given to ${people}.`).waitFor();
    await page.getByRole('treeitem', { name: /Height rescue.*1 module/ }).waitFor();

    await page.goto(`${s.server.url}#/people/${learner.id}?tab=competences`);
    const table = page.getByRole('table', { name: 'Competences held' });
    const row = table.getByRole('row', { name: /Height rescue/ });
    await row.waitFor();
    const until = await page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat([...navigator.languages, 'en'], {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${iso}T00:00:00Z`)),
      plusDays(completed, DAYS),
    );
    await row.getByRole('cell', { name: until, exact: true }).waitFor();
    await row.getByText('Valid', { exact: true }).waitFor();
    await row.getByText(new RegExp(`^${courseTitle}, `)).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${s.server.url}#/competences/matrix`);
    await page.getByRole('heading', { level: 1, name: 'Competence matrix' }).waitFor();
    await page.getByRole('table', { name: /Competence matrix as of/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
