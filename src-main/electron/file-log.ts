import { createWriteStream, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { streamLogger, type Logger } from '../app/logger.js';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Appends JSON lines to `file`, keeping one previous file (`.1`) once it passes
 * 5 MB at startup, so a kiosk left running for years does not fill its disk.
 */
export function fileLogger(file: string): { log: Logger; close: () => void } {
  mkdirSync(dirname(file), { recursive: true });
  try {
    if (statSync(file).size > MAX_BYTES) renameSync(file, file.replace(/(\.log)?$/, '.1$1'));
  } catch {
    // no log yet
  }
  const stream = createWriteStream(file, { flags: 'a' });
  // A full disk must not take the app down with it: logging is best effort.
  stream.on('error', () => undefined);
  return { log: streamLogger((line) => stream.write(line)), close: () => stream.end() };
}
