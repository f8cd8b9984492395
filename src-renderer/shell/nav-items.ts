import type { ComponentType } from 'react';
import type { Icon } from '@tabler/icons-react';
import {
  IconHierarchy2,
  IconHome,
  IconListCheck,
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
    id: 'audit',
    path: '/audit',
    labelKey: 'nav.items.audit',
    icon: IconListCheck,
    area: 'admin',
    privilege: 'audit.view',
    page: AuditPage,
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
