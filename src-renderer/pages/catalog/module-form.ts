import type { ModuleDetail, ModuleKind } from '../../../shared/api/schemas/catalog';

/** The details a manager edits, as the form holds them (validity as typed text). */
export interface DetailsDraft {
  kind: ModuleKind;
  code: string;
  title: string;
  description: string;
  ownerUnitId: string | null;
  tags: string[];
  defaultValidityMonths: string;
  trainingRecord: boolean;
  selfEnrol: boolean;
  provider: string;
}

/** In form order, for focusing the first field with an error; ids are `module-${field}`. */
export const DETAIL_FIELDS = [
  'kind',
  'title',
  'code',
  'defaultValidityMonths',
  'description',
  'ownerUnitId',
  'tags',
  'trainingRecord',
  'selfEnrol',
  'provider',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export const FORM_ID = 'module';

export const emptyDetails = (ownerUnitId: string | null): DetailsDraft => ({
  kind: 'course',
  code: '',
  title: '',
  description: '',
  ownerUnitId,
  tags: [],
  defaultValidityMonths: '',
  trainingRecord: true,
  selfEnrol: false,
  provider: '',
});

export const detailsOf = (m: ModuleDetail): DetailsDraft => ({
  kind: m.kind,
  code: m.code,
  title: m.title,
  description: m.description ?? '',
  ownerUnitId: m.ownerUnitId,
  tags: m.tags,
  defaultValidityMonths: m.defaultValidityMonths === null ? '' : String(m.defaultValidityMonths),
  trainingRecord: m.trainingRecord,
  selfEnrol: m.selfEnrol,
  provider: m.provider ?? '',
});

/** Blank = never expires; anything else goes to the server as typed so its message names the problem. */
export const validityValue = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** The fields the create and update calls share, from the form. */
export function detailsBody(d: DetailsDraft) {
  return {
    code: d.code,
    title: d.title,
    description: d.description.trim() || null,
    ownerUnitId: d.ownerUnitId ?? '',
    tags: d.tags,
    defaultValidityMonths: validityValue(d.defaultValidityMonths),
    trainingRecord: d.trainingRecord,
    selfEnrol: d.selfEnrol,
  };
}

export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The id of an input named by a server path such as `content.sections.0.questions.1.text`. */
export const fieldIdFor = (path: string): string =>
  path.startsWith('content') ? path.replaceAll('.', '-') : `${FORM_ID}-${path.split('.')[0] ?? ''}`;
