import { readFileSync } from 'node:fs';
import { ImportEncoding } from '../../shared/api/schemas/import.js';
import { usageError } from './cli-error.js';

/**
 * A CSV file as every import call takes it: its name, its bytes in base64 and
 * the encoding asked for (`--encoding`, else detected). A bad option or an
 * unreadable file is a usage error (exit 2) before anything is sent.
 */
export function readImportFile(file: string, encodingOption: string | undefined) {
  const encoding = ImportEncoding.safeParse((encodingOption ?? 'auto').toLowerCase());
  if (!encoding.success)
    throw usageError(
      `--encoding must be one of ${ImportEncoding.options.join(', ')}, not "${encodingOption}"`,
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw usageError(`Cannot read the file ${file}`);
  }
  return {
    fileName: file.split(/[\\/]/).pop() ?? file,
    content: bytes.toString('base64'),
    encoding: encoding.data,
  };
}
