import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app/create-app.js';
import { publishedModule } from '../helpers/events.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';
import { LEARNER_EMAIL, learningWorld, signIn, type LearningWorld } from './learning-world.js';

const HANDBOOK = readFileSync(join(process.cwd(), 'test/fixtures/learning/two-page-handbook.pdf'));

async function upload(app: App, actorId: string, name: string, bytes: Buffer): Promise<string> {
  const res = await app.invoke(
    'files.upload',
    { name, mimeType: 'application/pdf', dataBase64: bytes.toString('base64') },
    { actorId },
  );
  if (!res.ok) throw new Error(res.error.message);
  return res.value.id;
}

/** How many pixels of a page's canvas are not white: zero means pdf.js drew nothing. */
function inkOn(page: Page, name: string): Promise<number> {
  return page.evaluate((label) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`canvas[aria-label="${label}"]`);
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || canvas.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) ink++;
    return ink;
  }, name);
}

describe.skipIf(!hasChromium)(`course PDFs${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let w: LearningWorld;
  const s = useBrowserApp({
    prepare: async (app) => {
      w = learningWorld(app);
      const handbook = await upload(app, w.adminId, 'Lifting handbook.pdf', HANDBOOK);
      const broken = await upload(
        app,
        w.adminId,
        'Torn page.pdf',
        Buffer.from('%PDF-1.4\nthis is not a PDF'),
      );
      await publishedModule(app, w.adminId, {
        code: 'E2E-PDF',
        title: 'Lifting handbook',
        kind: 'course',
        ownerUnitId: w.orgId,
        selfEnrol: true,
        trainingRecord: false,
        content: {
          kind: 'course',
          steps: [
            { id: 'read', type: 'file', title: 'Read the handbook', required: true, fileId: handbook },
            { id: 'torn', type: 'file', title: 'A damaged file', required: false, fileId: broken },
          ],
        },
      });
    },
  });

  it('draws the PDF into canvases a learner can page through with the keyboard', async () => {
    const page = await signIn(s, LEARNER_EMAIL, 'Find training');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.getByRole('button', { name: 'Register for Lifting handbook' }).click();
    await page.getByRole('link', { name: 'Open Lifting handbook' }).click();
    await page.getByRole('heading', { level: 2, name: 'Read the handbook' }).waitFor();

    const position = page.getByRole('toolbar', { name: 'PDF pages and zoom' }).getByText(/^Page \d+ of \d+$/);
    await expect.poll(() => position.textContent(), { timeout: 15_000 }).toBe('Page 1 of 2');
    const first = 'Page 1 of 2 of Lifting handbook.pdf';
    await page.getByRole('img', { name: first }).waitFor();
    await expect.poll(() => inkOn(page, first), { timeout: 15_000 }).toBeGreaterThan(1000);
    // Drawn for the screen it is on: a HiDPI screen would get more canvas pixels than CSS pixels.
    const sizes = await page.getByRole('img', { name: first }).evaluate((c: HTMLCanvasElement) => ({
      pixels: c.width,
      css: c.getBoundingClientRect().width,
    }));
    expect(sizes.pixels).toBeGreaterThanOrEqual(Math.floor(sizes.css));
    expect(await axeViolations(page)).toEqual([]);

    // Next page by keyboard, from the toolbar button…
    await page.getByRole('button', { name: 'Next page' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => position.textContent()).toBe('Page 2 of 2');
    const second = 'Page 2 of 2 of Lifting handbook.pdf';
    await expect.poll(() => inkOn(page, second), { timeout: 15_000 }).toBeGreaterThan(1000);
    // …and back with the arrow keys inside the pages.
    await page.getByRole('region', { name: 'Pages of Lifting handbook.pdf' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position.textContent()).toBe('Page 1 of 2');

    // Zoom changes the drawn size, fit width brings it back.
    const width = () =>
      page.getByRole('img', { name: first }).evaluate((c) => c.getBoundingClientRect().width);
    const fitted = await width();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(width).toBeGreaterThan(fitted * 1.2);
    await page.getByRole('button', { name: 'Fit width' }).click();
    await expect.poll(width).toBeCloseTo(fitted, 0);
    await page.getByRole('link', { name: 'Download' }).waitFor();

    // A damaged PDF says so and still offers the download.
    await page.getByRole('button', { name: 'Mark as done and continue' }).click();
    await page.getByRole('heading', { level: 2, name: 'A damaged file' }).waitFor();
    await page.getByText(/^This PDF could not be shown: /).waitFor({ timeout: 15_000 });
    await page.getByRole('alert').getByRole('link', { name: 'Download' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
