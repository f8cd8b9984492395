import type { TFunction } from 'i18next';
import type { CallOutput } from '../../../shared/api/contract';
import { en, type Resources } from '../../i18n/en';

export type Catalog = CallOutput<'roles.privileges'>;
export type PrivilegeEntry = Catalog['privileges'][number];

/** The catalog's groups in order, each with its privileges; groups without any are left out. */
export function grouped(catalog: Catalog): { group: string; privileges: PrivilegeEntry[] }[] {
  return catalog.groups
    .map((group) => ({ group, privileges: catalog.privileges.filter((p) => p.group === group) }))
    .filter((g) => g.privileges.length > 0);
}

type GroupKey = keyof Resources['common']['privilegeGroup'];
export const groupLabel = (t: TFunction, group: string): string =>
  Object.hasOwn(en.common.privilegeGroup, group) ? t(`common.privilegeGroup.${group as GroupKey}`) : group;
