import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMonthsIso, isoDateOf } from '../../shared/dates.js';
import type { App } from '../../src-main/app/create-app.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from '../../src-main/demo/seed-demo.js';
import { axeViolations, hasChromium, SKIP_REASON, useBrowserApp } from './browser.js';

const MANAGER = 'ylva.marklund@demo.fieldbook'; // Manager at Umeå (README)
const LEARNER = 'asa.oberg@demo.fieldbook'; // Åsa Öberg, Member at Umeå: a name with diacritics
const CONFIGURATION = 'Hot work crew';
const SHORT_CODE = /^[A-Z0-9]+-\d{4}-\d{6}-[A-Z2-7]{8}$/;

type Result<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
const must = <T>(res: Result<T>): T => {
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
};

/**
 * Issue 8, as people would do it: a manager turns certificates on for a training configuration, the
 * learner completes its last Required module, downloads the certificate, and the verify screen accepts
 * its short code and rejects an edited one.
 */
describe.skipIf(!hasChromium)(`certificates${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let app: App;
  let adminId = '';
  let learnerId = '';
  let configurationId = '';
  let lastModuleId = '';
  const s = useBrowserApp({
    prepare: async (a) => {
      app = a;
      await seedDemo(a);
      const one = <T>(sql: string, ...args: string[]) => a.db.prepare<string[], T>(sql).get(...args) as T;
      adminId = one<{ id: string }>('SELECT id FROM person WHERE email = ?', DEMO_ADMIN_EMAIL).id;
      learnerId = one<{ id: string }>('SELECT id FROM person WHERE email = ?', LEARNER).id;
      const managerId = one<{ id: string }>('SELECT id FROM person WHERE email = ?', MANAGER).id;
      const site = one<{ unitId: string }>(
        `SELECT g.unit_id AS unitId FROM grant_ g JOIN person p ON p.id = g.person_id
          WHERE p.email = ? AND g.role_id = 'manager'`,
        MANAGER,
      );
      const moduleOf = async (code: string, title: string) => {
        const id = must(
          await a.invoke(
            'modules.create',
            { code, title, kind: 'external', ownerUnitId: site.unitId, provider: 'Brandskyddsföreningen' },
            { actorId: adminId },
          ),
        ).id;
        must(await a.invoke('modules.publish', { id }, { actorId: adminId }));
        return id;
      };
      const first = await moduleOf('E2E-CERT-A', 'Fire watch');
      lastModuleId = await moduleOf('E2E-CERT-B', 'Hot work permit');
      configurationId = must(
        await a.invoke(
          'configurations.create',
          {
            name: CONFIGURATION,
            targetType: 'person',
            targetId: learnerId,
            items: [
              { moduleId: first, requirement: 'required', validityMonths: 12 },
              { moduleId: lastModuleId, requirement: 'required', validityMonths: 24 },
            ],
          },
          { actorId: managerId },
        ),
      ).id;
      // The first of the two is done already; the second is what completes the configuration.
      const lastMonth = addMonthsIso(isoDateOf(new Date()), -1);
      must(
        await a.invoke(
          'results.record',
          { moduleId: first, date: lastMonth, status: 'completed', personIds: [learnerId] },
          { actorId: adminId },
        ),
      );
    },
  });

  async function signIn(email: string): Promise<Page> {
    const context = await s.browser.newContext({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    s.page = page;
    page.setDefaultTimeout(15_000);
    await page.goto(s.server.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').waitFor();
    return page;
  }

  it('issues a certificate when the last module is completed; it downloads as a PDF and verifies', async () => {
    // A manager turns certificates of completion on: nobody qualifies yet.
    const manager = await signIn(MANAGER);
    await manager.goto(`${s.server.url}#/configurations/${configurationId}`);
    await manager.getByRole('heading', { level: 1, name: CONFIGURATION }).waitFor();
    await manager.getByRole('switch', { name: /Certificate of completion/ }).check();
    await manager.getByText('Turned on: issued to 0 people.').waitFor();
    expect(await axeViolations(manager)).toEqual([]);

    // The learner completes the last Required module (recorded as from a paper sheet).
    must(
      await app.invoke(
        'results.record',
        { moduleId: lastModuleId, date: isoDateOf(new Date()), status: 'completed', personIds: [learnerId] },
        { actorId: adminId },
      ),
    );

    // The learner finds it under My certificates and downloads the PDF.
    const learner = await signIn(LEARNER);
    await learner.getByRole('navigation').getByRole('link', { name: 'My certificates' }).click();
    await learner.getByRole('heading', { level: 1, name: 'My certificates' }).waitFor();
    const row = learner.getByRole('row').filter({ hasText: CONFIGURATION });
    await row.getByText('Valid', { exact: true }).waitFor();
    expect(await axeViolations(learner)).toEqual([]);
    const [download] = await Promise.all([
      learner.waitForEvent('download'),
      row.getByRole('button', { name: `Download PDF of ${CONFIGURATION}` }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/i);

    // Its details show the short code printed under the QR code.
    await row.getByRole('button', { name: 'Details' }).click();
    const drawer = learner.getByRole('dialog', { name: 'Certificate' });
    const code = (await drawer.getByText(SHORT_CODE).textContent())!.trim();
    expect(code).toMatch(SHORT_CODE);
    await drawer.getByRole('button', { name: 'Close' }).first().click();

    // The verify screen accepts the code, and calls an edited one forged.
    await learner.getByRole('navigation').getByRole('link', { name: 'Verify certificate' }).click();
    await learner.getByRole('heading', { level: 1, name: 'Verify certificate' }).waitFor();
    const box = learner.getByRole('textbox', { name: 'Short code or QR text' });
    await box.fill(code);
    await learner.getByRole('button', { name: 'Check', exact: true }).click();
    await learner.locator('[data-verdict="valid"]').waitFor();
    const verdict = learner.getByRole('status').filter({ has: learner.locator('[data-verdict]') });
    await verdict.getByText('Åsa Öberg', { exact: true }).waitFor();
    expect(await axeViolations(learner)).toEqual([]);

    const last = code.slice(-1);
    const edited = code.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    await box.fill(edited);
    await learner.getByRole('button', { name: 'Check', exact: true }).click();
    await learner.locator('[data-verdict="forged"]').waitFor();
    await verdict.getByText('Forged or altered').waitFor();

    // The manager exports the certificates in their scope as one merged PDF, zipped with its index.
    await manager.getByRole('navigation').getByRole('link', { name: 'Certificates', exact: true }).click();
    await manager.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
    await manager.getByRole('button', { name: 'Export PDFs' }).click();
    const exportDialog = manager.getByRole('dialog', { name: 'Export PDFs' });
    await exportDialog.getByRole('radio', { name: /One merged PDF/ }).check();
    expect(await axeViolations(manager)).toEqual([]);
    const [zip] = await Promise.all([
      manager.waitForEvent('download'),
      exportDialog.getByRole('button', { name: /^Export \d+ certificates?$/ }).click(),
    ]);
    expect(zip.suggestedFilename()).toMatch(/^certificates-\d{4}-\d{2}-\d{2}\.zip$/);
    const zipBytes = readFileSync((await zip.path())!);
    expect(zipBytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(zipBytes.includes(Buffer.from('/certificates.pdf'))).toBe(true);
    await exportDialog.getByText(/exported to certificates-/).waitFor();
  });

  it('turns on a module’s certificate on completion from the module page, issuing for past completions', async () => {
    const firstAid = app.db.prepare<[], { id: string }>(`SELECT id FROM module WHERE code = 'FA-300'`).get();
    const admin = await signIn(DEMO_ADMIN_EMAIL);
    await admin.goto(`${s.server.url}#/catalog/${firstAid?.id ?? ''}`);
    await admin.getByRole('heading', { level: 1, name: 'First Aid at Work' }).waitFor();
    await admin.getByRole('tab', { name: 'Details' }).click();
    await admin.getByRole('switch', { name: /Certificate on completion/ }).check();
    const said = await admin.getByText(/^Turned on: issued to \d+ (person|people)\.$/).textContent();
    const issued = app.db
      .prepare(`SELECT count(*) FROM certificate WHERE kind = 'module' AND module_id = ?`)
      .pluck()
      .get(firstAid?.id ?? '') as number;
    expect(issued).toBeGreaterThan(0);
    expect(said).toContain(`issued to ${issued} `);
    await admin.getByRole('combobox', { name: 'Template' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
  });
});
