import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { can, describeGrant, rankOf, type EngineGrant } from '../../../shared/permissions/engine.js';
import { isPrivilege, PRIVILEGE_INFO, PRIVILEGES } from '../../../shared/permissions/privileges.js';
import { AppError, forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { loadGrants } from '../auth/actor-repo.js';
import { loadTarget, personTarget } from './target-repo.js';

const SCOPE_WORDS: Record<string, string> = {
  self: 'themselves',
  unit: 'that unit',
  subtree: 'that unit and below',
  organisation: 'the organisation',
  organisation_and_clients: 'the organisation and its clients',
};
const REACH_WORDS = { own: 'their own', subordinate: 'their reports', scoped: '' } as const;

function subject(ctx: AuthedCtx, personId: string) {
  const person = personTarget(ctx.db, personId);
  if (!person) throw notFound('That person');
  return { person, grants: loadGrants(ctx.db, person.id, person.unit.id) };
}

const reachText = (g: EngineGrant, privilege: keyof typeof PRIVILEGE_INFO) => {
  const reach = PRIVILEGE_INFO[privilege].reach;
  return reach === 'scoped' ? (SCOPE_WORDS[g.scope] ?? g.scope) : REACH_WORDS[reach];
};

export function effectivePermissions(
  input: ParsedInput<'permissions.effective'>,
  ctx: AuthedCtx,
): CallOutput<'permissions.effective'> {
  const { person, grants } = subject(ctx, input.personId);
  return {
    personId: person.id,
    personName: person.name,
    rank: rankOf(grants),
    grants: grants.map((g) => ({
      roleId: g.roleId,
      roleName: g.roleName,
      unitName: g.unit.name,
      scope: g.scope,
      implied: g.implied ?? null,
    })),
    privileges: PRIVILEGES.flatMap((p) => {
      const sources = grants.filter((g) => g.privileges.has(p));
      if (!sources.length) return [];
      return [
        {
          privilege: p,
          group: PRIVILEGE_INFO[p].group,
          label: PRIVILEGE_INFO[p].label,
          sources: sources.map((g) => ({
            roleName: g.roleName,
            unitName: g.unit.name,
            scope: g.scope,
            reach: PRIVILEGE_INFO[p].reach,
            implied: g.implied ?? null,
            description: `${describeGrant(g)}: ${reachText(g, p)}`,
          })),
        },
      ];
    }),
  };
}

/** "Why can / can't X do Y to Z", answered in a sentence (000_*: View effective permissions). */
export function explainPermission(
  input: ParsedInput<'permissions.explain'>,
  ctx: AuthedCtx,
): CallOutput<'permissions.explain'> {
  if (!isPrivilege(input.privilege)) {
    throw new AppError('invalid_input', `There is no privilege named “${input.privilege}”.`, {
      details: [{ path: 'privilege', message: 'Unknown privilege' }],
    });
  }
  const { person, grants } = subject(ctx, input.personId);
  const ref = input.targetPersonId
    ? { person: input.targetPersonId }
    : input.targetUnitId
      ? { unit: input.targetUnitId }
      : null;
  const target = ref ? loadTarget(ctx.db, ref) : { kind: 'none' as const };
  if (!target) throw notFound(ref && 'person' in ref ? 'That person' : 'That unit');
  // Asking about someone must not reveal people outside the asker's own view.
  if (target.kind !== 'none' && !can(ctx.actor, 'people.view', target).allowed) {
    throw forbidden('That person or unit is outside the people you can see.');
  }
  const decision = can({ id: person.id, grants }, input.privilege, target);
  const what = PRIVILEGE_INFO[input.privilege].label.toLowerCase();
  const on =
    target.kind === 'person'
      ? ` for ${target.name}`
      : target.kind === 'unit'
        ? ` at ${target.unit.name}`
        : '';
  return {
    allowed: decision.allowed,
    sentence: `${person.name} ${decision.allowed ? 'can' : 'cannot'} ${what}${on}. ${decision.reason}`,
  };
}
