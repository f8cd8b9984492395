/**
 * The privileges a role can carry, as data: each with the group it is listed
 * under (the sections of `004_*`'s privilege matrix), a label for people, and
 * how far it reaches:
 * - `own`: only the holder's own things (`000_*`: "add/edit/delete their own");
 * - `subordinate`: the holder's direct and indirect reports, following the
 *   manager chain (`000_*`: "view subordinate training records");
 * - `scoped`: everyone and everything within the scope of the grant that
 *   carries it (self, unit, subtree, organisation, organisation and clients).
 * The contract refers to privileges by name, so a typo is a compile error.
 */
export type Reach = 'own' | 'subordinate' | 'scoped';

export const PRIVILEGE_GROUPS = [
  'training',
  'people',
  'organisation',
  'catalog',
  'assignments',
  'results',
  'events',
  'records',
  'reports',
  'certificates',
  'competences',
  'settings',
] as const;
export type PrivilegeGroup = (typeof PRIVILEGE_GROUPS)[number];

interface Info {
  group: PrivilegeGroup;
  label: string;
  reach: Reach;
}

export const PRIVILEGE_INFO = {
  'learning.take': {
    group: 'training',
    label: 'Take assigned training (launch content, attempts)',
    reach: 'own',
  },
  'people.view': { group: 'people', label: 'View users list and user summaries', reach: 'scoped' },
  'people.manage': {
    group: 'people',
    label: 'Add, edit, deactivate users and reset their passwords',
    reach: 'scoped',
  },
  'people.import': { group: 'people', label: 'Import and export users (people CSV sync)', reach: 'scoped' },
  'grants.manage': {
    group: 'people',
    label: 'Grant and remove roles (at or below your own rank)',
    reach: 'scoped',
  },
  'groups.manage': { group: 'people', label: 'Create and edit groups', reach: 'scoped' },
  'units.view': {
    group: 'organisation',
    label: 'View locations, departments and job titles',
    reach: 'scoped',
  },
  'units.manage': {
    group: 'organisation',
    label: 'Add, edit, move and archive locations, departments and job titles',
    reach: 'scoped',
  },
  'roles.manage': { group: 'settings', label: 'Copy and edit custom roles', reach: 'scoped' },
  'catalog.view': { group: 'catalog', label: 'View the activity and course catalog', reach: 'scoped' },
  'catalog.manage': {
    group: 'catalog',
    label: 'Create, edit, publish, archive and delete courses and quizzes',
    reach: 'scoped',
  },
  'assignments.manage': {
    group: 'assignments',
    label: 'Create, edit and delete assignments',
    reach: 'scoped',
  },
  'compliance.view': { group: 'assignments', label: 'View compliance and training plans', reach: 'scoped' },
  'results.review': {
    group: 'results',
    label: 'Review assessment results and attempt history',
    reach: 'scoped',
  },
  'results.record': {
    group: 'results',
    label: 'Record manual results and offline attempts',
    reach: 'scoped',
  },
  'events.manage': {
    group: 'events',
    label: 'Manage event sessions, registrations and attendance',
    reach: 'scoped',
  },
  'records.admin': {
    group: 'records',
    label: 'Training record administrator (full permission on all training records)',
    reach: 'scoped',
  },
  'records.view.own': { group: 'records', label: 'View their own training record', reach: 'own' },
  'records.view.subordinate': {
    group: 'records',
    label: 'View subordinate training records',
    reach: 'subordinate',
  },
  'records.view.all': { group: 'records', label: 'View all training records', reach: 'scoped' },
  'records.edit.own': { group: 'records', label: 'Add/edit/delete their own training records', reach: 'own' },
  'records.edit.subordinate': {
    group: 'records',
    label: 'Add/edit/delete subordinate training records',
    reach: 'subordinate',
  },
  'records.edit.all': {
    group: 'records',
    label: "Add/edit/delete everyone's training records",
    reach: 'scoped',
  },
  'records.import': { group: 'records', label: 'Bulk import and export training records', reach: 'scoped' },
  'records.reports': { group: 'records', label: 'View training record reports', reach: 'scoped' },
  'reports.view': { group: 'reports', label: 'Run reports', reach: 'scoped' },
  'insights.view': { group: 'reports', label: 'View site training insights', reach: 'scoped' },
  'certificates.view': { group: 'certificates', label: 'View their own certificates', reach: 'own' },
  'certificates.manage': { group: 'certificates', label: 'Issue and revoke certificates', reach: 'scoped' },
  'competences.manage': {
    group: 'competences',
    label: 'Manage competences and course mappings',
    reach: 'scoped',
  },
  'settings.manage': { group: 'settings', label: 'Edit organisation settings', reach: 'scoped' },
  'audit.view': { group: 'settings', label: 'View and verify the audit log', reach: 'scoped' },
} as const satisfies Record<string, Info>;

export type Privilege = keyof typeof PRIVILEGE_INFO;

export const PRIVILEGES = Object.keys(PRIVILEGE_INFO) as Privilege[];

export const isPrivilege = (s: string): s is Privilege => Object.hasOwn(PRIVILEGE_INFO, s);

export const privilegeInfo = (p: Privilege): Info => PRIVILEGE_INFO[p];
