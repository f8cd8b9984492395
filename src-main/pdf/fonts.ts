import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The certificate fonts: DejaVu Sans (regular and bold) shipped in assets/fonts,
 * always embedded, never a standard PDF font (which cannot print "Åsa Öberg"
 * reliably). pdfkit must read them by absolute path from real files (DESIGN
 * pitfall). Each thread reads the BYTES once; each pdfkit document parses its
 * own font from them. A parsed fontkit font must never be shared between
 * documents: pdfkit's per-document subset writes glyph state into it, so a name
 * rendered after another (e.g. "Zoë" after "Żak") came out with a wrong glyph in
 * the text layer. A merged PDF is one document, so it still parses once.
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

/** The font files' bytes: pdfkit parses them itself, once per document that uses them. */
export interface CertificateFonts {
  regular: Buffer;
  bold: Buffer;
}

let loaded: CertificateFonts | null = null;

/** The font bytes, read on the first call in this thread (never a parsed font: see above). */
export function certificateFonts(): CertificateFonts {
  if (loaded) return loaded;
  const dir = fontDir();
  loaded = { regular: readFileSync(join(dir, REGULAR)), bold: readFileSync(join(dir, BOLD)) };
  return loaded;
}
