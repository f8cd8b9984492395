import type { UnitEntry } from './reference-repo.js';

const norm = (s: string) =>
  s
    .split('/')
    .map((p) => p.trim().replace(/\s+/g, ' ').toLowerCase())
    .filter(Boolean)
    .join(' / ');

export type UnitMatch = { unit: UnitEntry } | { error: string };

/**
 * Resolves the Unit cell of an import row, the ways people write it: a code
 * ("S-UME", any case), the full path ("Nordvik Group / Norrland / Umeå"), the
 * path below the organisation ("Norrland / Umeå"), or a name that only one unit
 * has ("Umeå"). Built once per file from the whole (small) tree.
 */
export function unitResolver(units: readonly UnitEntry[]): (text: string) => UnitMatch {
  const byCode = new Map<string, UnitEntry>();
  // Tried in order, so an exact full path wins over a shorter way of writing another unit.
  const stages = [
    new Map<string, UnitEntry[]>(),
    new Map<string, UnitEntry[]>(),
    new Map<string, UnitEntry[]>(),
  ];
  const add = (stage: Map<string, UnitEntry[]>, key: string, u: UnitEntry) => {
    if (key) stage.set(key, [...(stage.get(key) ?? []), u]);
  };
  for (const u of units) {
    if (u.code) byCode.set(u.code.toLowerCase(), u);
    const full = norm(u.path);
    add(stages[0]!, full, u);
    add(stages[1]!, full.split(' / ').slice(1).join(' / '), u);
    add(stages[2]!, norm(u.name), u);
  }
  return (text) => {
    const code = byCode.get(text.trim().toLowerCase());
    if (code) return { unit: code };
    const key = norm(text);
    for (const stage of stages) {
      const found = stage.get(key) ?? [];
      if (found.length === 1 && found[0]) return { unit: found[0] };
      if (found.length > 1)
        return {
          error: `"${text}" matches ${found.length} units (${found.map((u) => u.path).join('; ')}): write its code or its full path.`,
        };
    }
    return { error: `No unit has the code or path "${text}".` };
  };
}
