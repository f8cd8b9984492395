import type { Scope } from '../../shared/permissions/roles.js';
import { builtinRole } from '../../shared/permissions/roles.js';
import type { Privilege } from '../../shared/permissions/privileges.js';
import { rolesRepo } from '../../src-main/domain/roles/repo.js';
import type { TestApp } from './app.js';

/**
 * A custom role copied from a built-in one with extra privileges: the built-in
 * Manager and Regional Manager do not manage units, but an organisation may
 * give a copy of them that right (issue 4: custom roles).
 */
export function copyRole(
  app: TestApp,
  from: string,
  extra: Privilege[],
  opts: { id?: string; scope?: Scope } = {},
): string {
  const base = builtinRole(from);
  if (!base) throw new Error(`no built-in role ${from}`);
  const id = opts.id ?? `${from}-plus`;
  rolesRepo(app.db).insertCustom({
    id,
    name: `${base.name} + ${extra.join(', ')}`,
    description: null,
    rank: base.rank,
    scope: opts.scope ?? base.scope,
    basedOn: from,
    privileges: [...new Set([...base.privileges, ...extra])],
    now: app.clock.now().toISOString(),
  });
  return id;
}

/** The value of a call that must succeed, or the test fails with its error. */
export function ok<T>(
  res: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value;
}

/** The error code and message of a call that must fail. */
export function failure(res: { ok: boolean; error?: { code: string; message: string; details?: unknown } }) {
  if (res.ok || !res.error) throw new Error('expected the call to fail');
  return res.error;
}
