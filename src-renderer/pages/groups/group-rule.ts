import type { UnitNode } from '../../../shared/api/schemas/units';

export interface RuleDraft {
  unitIds: string[];
  departmentIds: string[];
  jobTitleIds: string[];
}

export const emptyRule = (): RuleDraft => ({ unitIds: [], departmentIds: [], jobTitleIds: [] });

export const ruleIsEmpty = (r: RuleDraft): boolean =>
  r.unitIds.length + r.departmentIds.length + r.jobTitleIds.length === 0;

export interface UnitOption {
  value: string;
  label: string;
  /** "Norrland / Umeå": the path below the organisation, to tell same-named units apart. */
  path: string;
  depth: number;
}

/**
 * Units that can be chosen (within scope, not archived), in tree order. A name
 * that occurs twice is shown with its path, so "Maintenance" in two sites differ.
 */
export function unitOptions(units: readonly UnitNode[]): UnitOption[] {
  const usable = units.filter((u) => !u.outOfScope && !u.archived);
  const counts = new Map<string, number>();
  for (const u of usable) counts.set(u.name, (counts.get(u.name) ?? 0) + 1);
  return usable.map((u) => {
    const parts = u.path.split(' / ');
    const path = parts.length > 1 ? parts.slice(1).join(' / ') : u.path;
    return {
      value: u.id,
      label: (counts.get(u.name) ?? 0) > 1 ? path : u.name,
      path,
      depth: parts.length - 1,
    };
  });
}

/** "Umeå or Luleå": a list joined the way the language says "either of these". */
export function orList(items: readonly string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { type: 'disjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
