import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The certificate fonts: DejaVu Sans (regular and bold) shipped in assets/fonts,
 * always embedded, never a standard PDF font (which cannot print "Åsa Öberg"
 * reliably). pdfkit must read them by absolute path from real files (DESIGN
 * pitfall), and parsing a 750 KB TTF costs ~20 ms, so each thread parses them
 * once and hands pdfkit the parsed font for every document.
 */
export const REGULAR = 'DejaVuSans.ttf';
export const BOLD = 'DejaVuSans-Bold.ttf';

let explicitDir: string | null = null;

/** The packaged app names the folder (process.resourcesPath/fonts); the worker gets it from its parent. */
export function setFontDir(dir: string | null): void {
  explicitDir = dir;
  loaded = null;
}

const hasFonts = (dir: string) => existsSync(join(dir, REGULAR)) && existsSync(join(dir, BOLD));

/**
 * The folder holding the fonts: the one set explicitly, FIELDBOOK_FONTS, Electron's
 * resources folder, else assets/fonts found walking up from this file (src-main/pdf
 * in dev and tests, out/main[/chunks] when built), with app.asar mapped to its
 * unpacked twin (electron-builder.yml unpacks assets/fonts).
 */
export function fontDir(): string {
  const candidates: string[] = [];
  if (explicitDir) candidates.push(explicitDir);
  if (process.env.FIELDBOOK_FONTS) candidates.push(resolve(process.env.FIELDBOOK_FONTS));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'fonts'));
  for (let dir = dirname(fileURLToPath(import.meta.url)), i = 0; i < 6; i++, dir = dirname(dir)) {
    candidates.push(join(dir, 'assets', 'fonts').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'));
  }
  candidates.push(join(process.cwd(), 'assets', 'fonts'));
  const found = candidates.find(hasFonts);
  if (!found)
    throw new Error(`The certificate fonts (${REGULAR}) were not found in: ${candidates.join(', ')}`);
  return found;
}

/** What pdfkit's `doc.font()` accepts: a parsed fontkit font (fast) or the file's bytes. */
export type FontSource = Buffer | { layout: (...args: never[]) => unknown };

export interface CertificateFonts {
  regular: FontSource;
  bold: FontSource;
}

let loaded: CertificateFonts | null = null;

/**
 * pdfkit's own fontkit parses the bytes; resolved through pdfkit so it is the
 * same copy pdfkit checks against. If that ever fails, the Buffers still work
 * (pdfkit then parses per document: slower, same output).
 */
function parser(): ((bytes: Buffer) => FontSource) | null {
  try {
    const fromHere = createRequire(import.meta.url);
    const fontkit = createRequire(fromHere.resolve('pdfkit'))('fontkit') as {
      create(bytes: Buffer): FontSource;
    };
    return (bytes) => fontkit.create(bytes);
  } catch {
    return null;
  }
}

/** The fonts, read and parsed on the first call in this thread. */
export function certificateFonts(): CertificateFonts {
  if (loaded) return loaded;
  const dir = fontDir();
  const parse = parser() ?? ((b: Buffer) => b);
  loaded = { regular: parse(readFileSync(join(dir, REGULAR))), bold: parse(readFileSync(join(dir, BOLD))) };
  return loaded;
}
