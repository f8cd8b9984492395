import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createApp, type App } from '../../src-main/app/create-app.js';
import { memoryLogger } from '../../src-main/app/logger.js';
import { openDatabase } from '../../src-main/db/open.js';
import { TEST_COST } from '../../src-main/domain/auth/password.js';
import { RENDERER_DIR } from '../../src-main/server/renderer-build.js';
import { startServer, type RunningServer } from '../../src-main/server/http-server.js';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_REASON = `no Chromium at ${CHROMIUM}: install one with "apt-get install -y chromium" (or set CHROMIUM=/path) to run the end-to-end tests`;

const ARTIFACTS = join(process.cwd(), 'test-results');

/**
 * A real Fieldbook in browser mode (file database, real server, built renderer)
 * and a real Chromium page on it. A failing test leaves a screenshot in
 * test-results/.
 */
export function useBrowserApp(opts: { prepare?: (app: App) => void | Promise<void> } = {}) {
  const state = {} as { app: App; server: RunningServer; browser: Browser; page: Page; dir: string };

  beforeAll(async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    state.dir = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-'));
    state.app = createApp({
      db: openDatabase(join(state.dir, 'e2e.db')),
      log: memoryLogger(),
      passwordCost: TEST_COST,
    });
    await opts.prepare?.(state.app);
    state.server = await startServer({ app: state.app, rendererDir: RENDERER_DIR });
    state.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--headless=new',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
  });

  beforeAll(async () => {
    const context = await state.browser.newContext({ viewport: { width: 1280, height: 800 } });
    state.page = await context.newPage();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && state.page) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await state.page
        .screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
        .catch(() => undefined);
    }
  });

  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
    state.app?.close();
    if (state.dir) (await import('node:fs')).rmSync(state.dir, { recursive: true, force: true });
  });

  return state;
}

/** WCAG 2 A/AA violations on the page as it is now, one readable line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => {
    const n = v.nodes[0];
    return `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${n?.target.join(' ')}: ${n?.failureSummary ?? ''})`;
  });
}
