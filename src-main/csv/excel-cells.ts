import { unescapeFormula } from './write-csv.js';

/**
 * Undoing what a spreadsheet (or Fieldbook's own export) did to a cell, so a
 * file that went through Excel imports as the values it was written with.
 */

/** `1.23E+05`, `4,5E-03`: how Excel shows a long number it took from a code-like cell. */
const SCIENTIFIC = /^-?\d+(?:[.,]\d+)?E[+-]\d+$/i;

/** Undo what a spreadsheet did to an identifier cell (Record Id, Object Id, Qualification Code, Name): trims, removes Fieldbook's formula escape and Excel's leading ' text marker. Returns an error message for scientific notation like 1.23E+05. */
export function cleanIdCell(raw: string): { value: string; error?: string } {
  let value = raw.trim();
  // One leading `'` is either Fieldbook's formula escape or Excel's "this is text" marker: both go.
  if (value.startsWith("'")) value = value.slice(1).trim();
  if (SCIENTIFIC.test(value))
    return {
      value,
      error: `Excel turned this value into a number (${value}): format the column as Text and type the value again.`,
    };
  return { value };
}

/** A text cell (Title, Other Information…): trimmed, formula escape removed (unescapeFormula). */
export function cleanTextCell(raw: string): string {
  return unescapeFormula(raw.trim()).trim();
}
