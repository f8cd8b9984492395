/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name that is safe on Windows, macOS and Linux: no <>:"/\|?* or control
 * characters, no trailing dots or spaces, not a reserved device name, at most
 * 200 characters before the extension. Letters with diacritics stay.
 */
export function safeFileName(stem: string, ext: string): string {
  let s = stem
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200)
    .replace(/[. ]+$/, '');
  if (!s) s = 'certificate';
  if (RESERVED.test(s.split('.')[0] ?? '')) s = `_${s}`;
  return `${s}${ext}`;
}

/** `<Last> <First> - <Title> - <Number>.pdf`, sanitized. */
export const certificateFileName = (c: {
  first_name: string;
  last_name: string;
  title: string;
  number: string;
}): string => safeFileName(`${c.last_name} ${c.first_name} - ${c.title} - ${c.number}`, '.pdf');
