import type {
  ConfigurationDetail,
  DueRule,
  ItemInput,
  Requirement,
  TargetType,
} from '../../../shared/api/schemas/configurations';

export interface ItemDraft {
  moduleId: string;
  code: string;
  title: string;
  requirement: Requirement;
  /** '' = the module's default. */
  validity: number | '';
  moduleDefault: number | null | undefined;
  dueKind: DueRule['kind'];
  dueDate: string;
  dueDays: number | '';
}

export interface Draft {
  name: string;
  description: string;
  targetType: TargetType;
  targetId: string | null;
  /** The picked person's name (groups and units are named by their pickers). */
  targetName: string | null;
  items: ItemDraft[];
}

export const FIELDS = ['name', 'description', 'targetId', 'items'] as const;
export type Field = (typeof FIELDS)[number];

export function draftFrom(detail: ConfigurationDetail | null): Draft {
  if (!detail) {
    return { name: '', description: '', targetType: 'unit', targetId: null, targetName: null, items: [] };
  }
  return {
    name: detail.name,
    description: detail.description ?? '',
    targetType: detail.targetType,
    targetId: detail.targetId,
    targetName: detail.targetName,
    items: detail.items.map((i) => ({
      moduleId: i.moduleId,
      code: i.code,
      title: i.title,
      requirement: i.requirement,
      validity: i.validityMonths ?? '',
      moduleDefault: i.moduleDefaultValidityMonths,
      dueKind: i.due.kind,
      dueDate: i.due.kind === 'fixed' ? i.due.date : '',
      dueDays: i.due.kind === 'after_joining' ? i.due.days : '',
    })),
  };
}

function dueOf(
  i: ItemDraft,
): DueRule | { kind: 'fixed'; date: string } | { kind: 'after_joining'; days: number } {
  if (i.dueKind === 'fixed') return { kind: 'fixed', date: i.dueDate };
  // Left blank, the server's "Enter whole days" names the field.
  if (i.dueKind === 'after_joining')
    return { kind: 'after_joining', days: i.dueDays === '' ? NaN : i.dueDays };
  return { kind: 'none' };
}

/** The items as the calls take them. */
export const itemsInput = (items: readonly ItemDraft[]): ItemInput[] =>
  items.map((i) => ({
    moduleId: i.moduleId,
    requirement: i.requirement,
    validityMonths: i.validity === '' ? null : i.validity,
    due: dueOf(i) as DueRule,
  }));

export const sameDraft = (a: Draft, b: Draft): boolean =>
  JSON.stringify({ ...a, items: itemsInput(a.items) }) ===
  JSON.stringify({ ...b, items: itemsInput(b.items) });
