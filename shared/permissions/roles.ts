import type { Privilege } from './privileges.js';

/**
 * How far a role reaches (`004_*` "Scope"): only oneself; the unit the grant is
 * on; that unit and everything below it; the whole organisation; the
 * organisation and its client organisations.
 */
export type Scope = 'self' | 'unit' | 'subtree' | 'organisation' | 'organisation_and_clients';

export interface BuiltinRole {
  id: string;
  /** Everyday name from `001_*`; `004_*`'s name in `equivalent`. */
  name: string;
  equivalent: string;
  rank: number;
  scope: Scope;
  reportsOnly: boolean;
  privileges: readonly Privilege[];
}

// Every active person is a Member at their home unit. Members see their reports'
// records (000_*: "view subordinate") because team leaders are usually Members.
const learner: readonly Privilege[] = [
  'learning.take',
  'records.view.own',
  'records.edit.own',
  'records.view.subordinate',
  'certificates.view',
];

const reporting: readonly Privilege[] = [
  'units.view',
  'people.view',
  'catalog.view',
  'compliance.view',
  'records.view.subordinate',
  'records.view.all',
  'records.reports',
  'reports.view',
  'insights.view',
];

const uniq = (list: readonly Privilege[]): readonly Privilege[] => [...new Set(list)];

const manager: readonly Privilege[] = uniq([
  ...learner,
  ...reporting,
  'catalog.manage',
  'results.review',
  'results.record',
  'assignments.manage',
  'records.edit.subordinate',
  'certificates.manage',
  'groups.manage',
  'events.manage',
  'records.view.all',
  'records.edit.all',
  'people.manage',
  'grants.manage',
]);

const organisationAdmin: readonly Privilege[] = uniq([
  ...manager,
  'people.import',
  'units.manage',
  'roles.manage',
  'records.admin',
  'records.import',
  'competences.manage',
  'settings.manage',
  'audit.view',
]);

/** Reports-Only variants (`004_*`): same scope, only viewing and reports. */
const reportsOnly = (base: readonly Privilege[]): readonly Privilege[] => [
  ...new Set<Privilege>([...learner, ...reporting, ...base.filter((p) => p === 'audit.view')]),
];

export const BUILTIN_ROLES: readonly BuiltinRole[] = [
  {
    id: 'member',
    name: 'Member',
    equivalent: 'Student',
    rank: 10,
    scope: 'self',
    reportsOnly: false,
    privileges: learner,
  },
  {
    id: 'manager',
    name: 'Manager',
    equivalent: 'Local Administrator',
    rank: 20,
    scope: 'unit',
    reportsOnly: false,
    privileges: manager,
  },
  {
    id: 'manager-reports',
    name: 'Manager (Reports Only)',
    equivalent: 'Local Administrator (Reports Only)',
    rank: 19,
    scope: 'unit',
    reportsOnly: true,
    privileges: reportsOnly(manager),
  },
  {
    id: 'regional-manager',
    name: 'Regional Manager',
    equivalent: 'Multiple Location Administrator',
    rank: 30,
    scope: 'subtree',
    reportsOnly: false,
    // 004: a Multiple Location Administrator adds and edits locations within their subtree.
    privileges: uniq([...manager, 'units.manage']),
  },
  {
    id: 'regional-manager-reports',
    name: 'Regional Manager (Reports Only)',
    equivalent: 'Multiple Location Administrator (Reports Only)',
    rank: 29,
    scope: 'subtree',
    reportsOnly: true,
    privileges: reportsOnly(manager),
  },
  {
    id: 'organisation-admin',
    name: 'Organisation Admin',
    equivalent: 'Licensee Administrator',
    rank: 40,
    scope: 'organisation',
    reportsOnly: false,
    privileges: organisationAdmin,
  },
  {
    id: 'organisation-admin-reports',
    name: 'Organisation Admin (Reports Only)',
    equivalent: 'Licensee Administrator (Reports Only)',
    rank: 39,
    scope: 'organisation',
    reportsOnly: true,
    privileges: reportsOnly(organisationAdmin),
  },
  {
    id: 'master-admin',
    name: 'Master Admin',
    equivalent: 'Master Administrator',
    rank: 50,
    scope: 'organisation_and_clients',
    reportsOnly: false,
    privileges: organisationAdmin,
  },
  {
    id: 'master-admin-reports',
    name: 'Master Admin (Reports Only)',
    equivalent: 'Master Administrator (Reports Only)',
    rank: 49,
    scope: 'organisation_and_clients',
    reportsOnly: true,
    privileges: reportsOnly(organisationAdmin),
  },
];

export const builtinRole = (id: string): BuiltinRole | undefined => BUILTIN_ROLES.find((r) => r.id === id);
