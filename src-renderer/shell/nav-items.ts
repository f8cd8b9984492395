import type { ComponentType } from 'react';
import type { Icon } from '@tabler/icons-react';
import {
  IconAdjustmentsHorizontal,
  IconBook2,
  IconClipboardCheck,
  IconCertificate,
  IconAward,
  IconGridDots,
  IconFileImport,
  IconChecklist,
  IconHierarchy2,
  IconLibrary,
  IconSchool,
  IconSearch,
  IconTags,
  IconHome,
  IconListCheck,
  IconSettings,
  IconShieldCheck,
  IconShieldLock,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { SessionUser } from '../../shared/api/schemas/auth';
import type { Privilege } from '../../shared/permissions/privileges';
import type { Resources } from '../i18n/en';
import { AccountPage } from '../pages/AccountPage';
import { AuditPage } from '../pages/AuditPage';
import { GroupPage } from '../pages/groups/GroupPage';
import { GroupsPage } from '../pages/groups/GroupsPage';
import { HomePage } from '../pages/HomePage';
import { OrganisationPage } from '../pages/organisation/OrganisationPage';
import { PeoplePage } from '../pages/PeoplePage';
import { NewPersonPage } from '../pages/people/NewPersonPage';
import { PeopleImportPage } from '../pages/people/PeopleImportPage';
import { PersonPage } from '../pages/people/PersonPage';
import { RolePage } from '../pages/roles/RolePage';
import { RolesPage } from '../pages/roles/RolesPage';
import { hasPrivilege } from '../state/user-context';
import { CatalogPage } from '../pages/catalog/CatalogPage';
import { NewModulePage } from '../pages/catalog/NewModulePage';
import { ModulePage } from '../pages/catalog/ModulePage';
import { SessionPage } from '../pages/catalog/SessionPage';
import { MyTrainingPage } from '../pages/learning/MyTrainingPage';
import { BrowsePage } from '../pages/learning/BrowsePage';
import { PlayerPage } from '../pages/learning/PlayerPage';
import { QuizAttemptPage } from '../pages/learning/QuizAttemptPage';
import { QuizResultPage } from '../pages/learning/QuizResultPage';
import { AttemptsHistoryPage } from '../pages/learning/AttemptsHistoryPage';
import { MyRecordPage } from '../pages/records/MyRecordPage';
import { MyCertificatesPage } from '../pages/records/MyCertificatesPage';
import { ResultsPage } from '../pages/records/ResultsPage';
import { RecordResultsPage } from '../pages/records/RecordResultsPage';
import { QualificationsPage } from '../pages/records/QualificationsPage';
import { MatrixPage } from '../pages/compliance/MatrixPage';
import { AttentionPage } from '../pages/compliance/AttentionPage';
import { ConfigurationsPage } from '../pages/configurations/ConfigurationsPage';
import { ConfigurationPage } from '../pages/configurations/ConfigurationPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { RecordsImportPage } from '../pages/records-import/RecordsImportPage';
import { CertificatesPage } from '../pages/certificates/CertificatesPage';
import { VerifyPage } from '../pages/certificates/VerifyPage';
import { CompetencesPage } from '../pages/competences/CompetencesPage';
import { CompetenceMatrixPage } from '../pages/competences/CompetenceMatrixPage';

export type NavArea = keyof Resources['nav']['areas'];
export type NavItemId = keyof Resources['nav']['items'];

export interface NavItem {
  id: NavItemId;
  /** Route path; '/' is the start page. */
  path: string;
  labelKey: `nav.items.${NavItemId}`;
  icon: Icon;
  area: NavArea;
  /** Needed to see the item and open its page; null = anyone signed in. */
  privilege: Privilege | null;
  page: ComponentType;
  /** Pages below this one (`':id'` → `/groups/:id`), behind the same privilege; the item stays highlighted there. */
  subpages?: readonly { path: string; page: ComponentType }[];
}

export const NAV_AREAS: readonly NavArea[] = ['learner', 'manager', 'admin'];

/** The navigation and the routes behind it. A new screen is one entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: 'home',
    path: '/',
    labelKey: 'nav.items.home',
    icon: IconHome,
    area: 'learner',
    privilege: 'learning.take',
    page: HomePage,
  },
  {
    id: 'myTraining',
    path: '/training',
    labelKey: 'nav.items.myTraining',
    icon: IconSchool,
    area: 'learner',
    privilege: 'learning.take',
    page: MyTrainingPage,
    subpages: [
      // Instructors (often Members) mark attendance here; the page checks they teach the session.
      { path: 'sessions/:sessionId', page: SessionPage },
      { path: ':moduleId', page: PlayerPage },
      { path: ':moduleId/attempts', page: AttemptsHistoryPage },
      { path: ':moduleId/attempt/:attemptId', page: QuizAttemptPage },
      { path: ':moduleId/result/:attemptId', page: QuizResultPage },
    ],
  },
  {
    id: 'browse',
    path: '/browse',
    labelKey: 'nav.items.browse',
    icon: IconSearch,
    area: 'learner',
    privilege: 'learning.take',
    page: BrowsePage,
  },
  {
    id: 'myRecord',
    path: '/my-record',
    labelKey: 'nav.items.myRecord',
    icon: IconBook2,
    area: 'learner',
    privilege: 'records.view.own',
    page: MyRecordPage,
  },
  {
    id: 'myCertificates',
    path: '/my-certificates',
    labelKey: 'nav.items.myCertificates',
    icon: IconCertificate,
    area: 'learner',
    privilege: 'certificates.view',
    page: MyCertificatesPage,
  },
  {
    // Everyone signed in may check a certificate (certificates.verify is open to all); learning.take is the
    // privilege every signed-in person holds, so the item shows for all of them.
    id: 'verify',
    path: '/verify',
    labelKey: 'nav.items.verify',
    icon: IconShieldCheck,
    area: 'learner',
    privilege: 'learning.take',
    page: VerifyPage,
  },
  {
    id: 'account',
    path: '/account',
    labelKey: 'nav.items.account',
    icon: IconUserCircle,
    area: 'learner',
    privilege: null,
    page: AccountPage,
  },
  {
    id: 'people',
    path: '/people',
    labelKey: 'nav.items.people',
    icon: IconUsers,
    area: 'manager',
    privilege: 'people.view',
    page: PeoplePage,
    // import and new check their own privileges (people.import, people.manage) on the page.
    subpages: [
      { path: 'import', page: PeopleImportPage },
      { path: 'new', page: NewPersonPage },
      { path: ':personId', page: PersonPage },
    ],
  },
  {
    id: 'catalog',
    path: '/catalog',
    labelKey: 'nav.items.catalog',
    icon: IconLibrary,
    area: 'manager',
    privilege: 'catalog.view',
    page: CatalogPage,
    // new and editing check catalog.manage on the page; the server checks it against the owner unit.
    subpages: [
      { path: 'new', page: NewModulePage },
      { path: ':moduleId', page: ModulePage },
      { path: ':moduleId/sessions/:sessionId', page: SessionPage },
    ],
  },
  {
    id: 'results',
    path: '/results',
    labelKey: 'nav.items.results',
    icon: IconChecklist,
    area: 'manager',
    privilege: 'results.review',
    page: ResultsPage,
    subpages: [{ path: 'record', page: RecordResultsPage }],
  },
  {
    id: 'compliance',
    path: '/compliance',
    labelKey: 'nav.items.compliance',
    icon: IconClipboardCheck,
    area: 'manager',
    privilege: 'compliance.view',
    page: MatrixPage,
    subpages: [{ path: 'attention', page: AttentionPage }],
  },
  {
    id: 'configurations',
    path: '/configurations',
    labelKey: 'nav.items.configurations',
    icon: IconAdjustmentsHorizontal,
    area: 'manager',
    privilege: 'compliance.view',
    page: ConfigurationsPage,
    // new and editing check assignments.manage on the page; the server checks it against the owner unit.
    subpages: [
      { path: 'new', page: ConfigurationPage },
      { path: ':configurationId', page: ConfigurationPage },
    ],
  },
  {
    id: 'certificates',
    path: '/certificates',
    labelKey: 'nav.items.certificates',
    icon: IconCertificate,
    area: 'manager',
    privilege: 'certificates.manage',
    page: CertificatesPage,
  },
  {
    id: 'groups',
    path: '/groups',
    labelKey: 'nav.items.groups',
    icon: IconUsersGroup,
    area: 'manager',
    privilege: 'people.view',
    page: GroupsPage,
    subpages: [{ path: ':groupId', page: GroupPage }],
  },
  {
    id: 'organisation',
    path: '/organisation',
    labelKey: 'nav.items.organisation',
    icon: IconHierarchy2,
    area: 'admin',
    privilege: 'units.view',
    page: OrganisationPage,
  },
  {
    id: 'roles',
    path: '/roles',
    labelKey: 'nav.items.roles',
    icon: IconShieldLock,
    area: 'admin',
    // roles.list answers anyone signed in; the page is for those who hand roles out (and, with roles.manage, edit them).
    privilege: 'grants.manage',
    page: RolesPage,
    subpages: [{ path: ':roleId', page: RolePage }],
  },
  {
    id: 'qualifications',
    path: '/qualifications',
    labelKey: 'nav.items.qualifications',
    icon: IconTags,
    area: 'admin',
    privilege: 'records.admin',
    page: QualificationsPage,
  },
  {
    id: 'recordsImport',
    path: '/records/import',
    labelKey: 'nav.items.recordsImport',
    icon: IconFileImport,
    area: 'admin',
    privilege: 'records.import',
    page: RecordsImportPage,
  },
  {
    // Readable with reports.view; editing checks competences.manage on the page (and on the server).
    id: 'competences',
    path: '/competences',
    labelKey: 'nav.items.competences',
    icon: IconAward,
    area: 'admin',
    privilege: 'reports.view',
    page: CompetencesPage,
  },
  {
    id: 'competenceMatrix',
    path: '/competences/matrix',
    labelKey: 'nav.items.competenceMatrix',
    icon: IconGridDots,
    area: 'manager',
    privilege: 'reports.view',
    page: CompetenceMatrixPage,
  },
  {
    id: 'audit',
    path: '/audit',
    labelKey: 'nav.items.audit',
    icon: IconListCheck,
    area: 'admin',
    privilege: 'audit.view',
    page: AuditPage,
  },
  {
    id: 'settings',
    path: '/settings',
    labelKey: 'nav.items.settings',
    icon: IconSettings,
    area: 'admin',
    privilege: 'settings.manage',
    page: SettingsPage,
  },
];

export const visibleItems = (user: SessionUser): NavItem[] =>
  NAV_ITEMS.filter((item) => hasPrivilege(user, item.privilege));

/** Visible items grouped by area, in area order; areas with nothing visible are left out. */
export function navSections(user: SessionUser): { area: NavArea; items: NavItem[] }[] {
  const items = visibleItems(user);
  return NAV_AREAS.map((area) => ({ area, items: items.filter((i) => i.area === area) })).filter(
    (s) => s.items.length > 0,
  );
}
