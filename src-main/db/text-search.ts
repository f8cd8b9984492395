/**
 * Search that ignores case and accents in every script: SQLite's LIKE folds only
 * ASCII, so "åsa" would not find "Åsa" and a coordinator on an English keyboard
 * could not type "Ohman" for "Öhman". `fold` is registered as an SQL function on
 * every connection (db/open.ts) and applied to both sides of the comparison.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** `(fold(a) LIKE @search OR fold(b) LIKE @search …)` for the given column expressions. */
export const searchSql = (columns: readonly string[], param = 'search'): string =>
  `(${columns.map((c) => `fold(${c}) LIKE @${param} ESCAPE '\\'`).join(' OR ')})`;

/** The LIKE pattern for what the user typed: folded, with LIKE's wildcards escaped. */
export const searchParam = (typed: string): string =>
  `%${fold(typed.trim()).replace(/[\\%_]/g, (c) => '\\' + c)}%`;
