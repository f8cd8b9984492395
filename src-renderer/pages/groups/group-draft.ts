import type { CallOutput } from '../../../shared/api/contract';
import type { GroupMember } from '../../../shared/api/schemas/groups';
import { emptyRule, type RuleDraft } from './group-rule';

export type Detail = CallOutput<'groups.get'>;
export type Kind = Detail['kind'];

export const FIELDS = ['name', 'description', 'ownerUnitId', 'kind', 'memberIds', 'rule'] as const;
export type Field = (typeof FIELDS)[number];

export interface Draft {
  name: string;
  description: string;
  ownerUnitId: string | null;
  kind: Kind;
  members: GroupMember[];
  rule: RuleDraft;
}

export const draftFrom = (
  detail: Detail | null,
  members: GroupMember[],
  defaultOwner: string | null,
): Draft => ({
  name: detail?.name ?? '',
  description: detail?.description ?? '',
  ownerUnitId: detail?.ownerUnitId ?? defaultOwner,
  kind: detail?.kind ?? 'static',
  members,
  rule: detail?.rule ? { ...detail.rule } : emptyRule(),
});

export const sameDraft = (a: Draft, b: Draft) =>
  a.name === b.name &&
  a.description === b.description &&
  a.ownerUnitId === b.ownerUnitId &&
  a.kind === b.kind &&
  JSON.stringify(a.members.map((m) => m.id).sort()) === JSON.stringify(b.members.map((m) => m.id).sort()) &&
  JSON.stringify(a.rule) === JSON.stringify(b.rule);
