import { sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../src-main/server/static-files.js';

const ROOT = `${sep}srv${sep}renderer`;

describe('static file paths', () => {
  it('resolves ordinary asset paths inside the folder', () => {
    expect(resolveStaticPath(ROOT, '')).toBe(`${ROOT}${sep}index.html`);
    expect(resolveStaticPath(ROOT, 'assets/index-abc.js')).toBe(`${ROOT}${sep}assets${sep}index-abc.js`);
  });

  it('never resolves outside the folder, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '..',
            '.',
            '%2e%2e',
            '%2f',
            '%5c',
            'a',
            'assets',
            '/',
            '\\',
            '%00',
            '%',
            'renderer2',
          ),
          { maxLength: 12 },
        ),
        (parts) => {
          const out = resolveStaticPath(ROOT, parts.join('/'));
          return out === null || out.startsWith(ROOT + sep);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a sibling folder whose name merely starts the same', () => {
    expect(resolveStaticPath(ROOT, '../renderer-secrets/x')).toBeNull();
  });
});
