import type { UnitKind } from '../org/repo.js';

/**
 * Level names are free text; the stored kind only matters to the permission
 * engine for organisations and clients (where an organisation's scope starts
 * and stops). Region and Site keep their kinds so older data and the demo agree.
 */
export function kindForLevel(level: string | null, current?: UnitKind): UnitKind {
  if (current === 'organisation' || current === 'client') return current;
  const l = level?.trim().toLowerCase();
  return l === 'region' ? 'region' : l === 'site' ? 'site' : 'other';
}

export const isOrganisationKind = (kind: UnitKind) => kind === 'organisation' || kind === 'client';
