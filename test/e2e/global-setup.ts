import { ensureRendererBuilt } from '../../src-main/server/renderer-build.js';
import { hasChromium, SKIP_REASON } from './browser.js';

/** Builds the renderer the tests drive, and insists on Chromium in CI. */
export default function setup(): void {
  if (!hasChromium) {
    if (process.env.CI === 'true')
      throw new Error(`End-to-end tests are mandatory in CI, but there is ${SKIP_REASON}.`);
    console.warn(`Skipping end-to-end tests: ${SKIP_REASON}.`);
    return;
  }
  const error = ensureRendererBuilt((line) => console.log(line));
  if (error) throw new Error(error);
}
