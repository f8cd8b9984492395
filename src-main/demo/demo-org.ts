/**
 * The demo organisation's shape and its named role holders. Names are fixed so
 * the README can tell a newcomer whom to sign in as for each view; everyone
 * else is generated (deterministically) from the name pools.
 */
export const DEMO_ORGANISATION = 'Nordvik Group';

export interface DemoSite {
  code: string;
  name: string;
  manager: [first: string, last: string];
}

export interface DemoRegion {
  code: string;
  name: string;
  swedish: boolean;
  regionalManager: [first: string, last: string];
  sites: DemoSite[];
}

export const REGIONS: DemoRegion[] = [
  {
    code: 'R-NORR',
    name: 'Norrland',
    swedish: true,
    regionalManager: ['Björn', 'Näslund'],
    sites: [
      { code: 'S-UME', name: 'Umeå', manager: ['Ylva', 'Marklund'] },
      { code: 'S-LLA', name: 'Luleå', manager: ['Per', 'Engström'] },
      { code: 'S-KIR', name: 'Kiruna', manager: ['Stina', 'Öhman'] },
    ],
  },
  {
    code: 'R-UK',
    name: 'United Kingdom',
    swedish: false,
    regionalManager: ['Oliver', 'Hughes'],
    sites: [
      { code: 'S-LDS', name: 'Leeds', manager: ['James', 'Walker'] },
      { code: 'S-BRS', name: 'Bristol', manager: ['Seren', 'Davies'] },
      { code: 'S-ABZ', name: 'Aberdeen', manager: ['Callum', 'MacLeod'] },
    ],
  },
];

/** A contractor organisation that works on Nordvik's sites: the Master Admin's "clients" of 004. */
export const CLIENT = {
  code: 'C-ARCTIC',
  name: 'Arctic Contractors AB',
  site: { code: 'C-ARCTIC-KIR', name: 'Arctic Contractors Kiruna' },
  manager: ['Nils', 'Granlund'] as [string, string],
  people: 8,
};

/** Generated staff per site, besides the site manager and three team leaders. */
export const STAFF_PER_SITE = 45;
