import { describe, expect, it } from 'vitest';
import { PRIVILEGE_INFO } from '../../shared/permissions/privileges.js';
import { BUILTIN_ROLES } from '../../shared/permissions/roles.js';

describe('built-in roles', () => {
  it('rank in the order of 004: Member < Manager < Regional Manager < Organisation Admin < Master Admin', () => {
    const rank = (id: string) => BUILTIN_ROLES.find((r) => r.id === id)?.rank ?? -1;
    expect(rank('member')).toBeLessThan(rank('manager'));
    expect(rank('manager')).toBeLessThan(rank('regional-manager'));
    expect(rank('regional-manager')).toBeLessThan(rank('organisation-admin'));
    expect(rank('organisation-admin')).toBeLessThan(rank('master-admin'));
  });

  it('give every Reports-Only variant the scope of its counterpart and nothing that changes data', () => {
    for (const r of BUILTIN_ROLES.filter((x) => x.reportsOnly)) {
      const base = BUILTIN_ROLES.find((x) => `${x.id}-reports` === r.id);
      expect(base?.scope, r.id).toBe(r.scope);
      const writes = r.privileges.filter((p) =>
        /manage|import|admin|record$|edit\.(subordinate|all)/.test(p),
      );
      expect(writes, r.id).toEqual([]);
      expect(r.privileges).toContain('reports.view');
    }
  });

  it('carry the training-record privileges of 000 at the right levels', () => {
    const has = (id: string, p: string) =>
      BUILTIN_ROLES.find((r) => r.id === id)?.privileges.includes(p as never);
    expect(has('member', 'records.view.own') && has('member', 'records.view.subordinate')).toBe(true);
    expect(has('member', 'records.view.all')).toBe(false);
    expect(has('manager', 'records.edit.all')).toBe(true);
    expect(has('organisation-admin', 'records.admin')).toBe(true);
    expect(PRIVILEGE_INFO['records.view.subordinate'].reach).toBe('subordinate');
  });
});
