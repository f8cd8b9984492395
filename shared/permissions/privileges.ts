/**
 * The privileges a role can carry. Names follow the seeds: record permissions of
 * `000_*`, the per-site Member/Manager/Admin actions of `001_*`, and the privilege
 * matrix of `004_*`. Later features add theirs here; the contract refers to them
 * by name, so a typo is a compile error.
 */
export const PRIVILEGES = [
  // organisation settings and audit
  'settings.manage',
  'audit.view',
  // organisation structure and people
  'units.view',
  'units.manage',
  'people.view',
  'people.manage',
  'people.import',
  'groups.manage',
  'roles.manage',
  // catalog and learning
  'learning.take',
  'catalog.view',
  'catalog.manage',
  'results.review',
  'results.record',
  'assignments.manage',
  'compliance.view',
  // training records (000_*)
  'records.view.own',
  'records.view.subordinate',
  'records.view.all',
  'records.edit.own',
  'records.edit.subordinate',
  'records.edit.all',
  'records.import',
  'records.reports',
  // certificates and competences
  'certificates.view',
  'certificates.manage',
  'competences.manage',
  // reports and insights
  'reports.view',
  'insights.view',
] as const;

export type Privilege = (typeof PRIVILEGES)[number];

export const isPrivilege = (s: string): s is Privilege => (PRIVILEGES as readonly string[]).includes(s);
