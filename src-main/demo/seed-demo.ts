import type { App } from '../app/create-app.js';
import { auditRepo } from '../domain/audit/repo.js';
import { hashPassword } from '../domain/auth/password.js';
import { orgRepo } from '../domain/org/repo.js';
import { peopleRepo } from '../domain/people/repo.js';
import {
  DEPARTMENTS,
  ENGLISH_FIRST,
  ENGLISH_LAST,
  STAFF_TITLES,
  SWEDISH_FIRST,
  SWEDISH_LAST,
} from './names.js';
import { CLIENT, DEMO_ORGANISATION, REGIONS, STAFF_PER_SITE } from './demo-org.js';
import { demoApi } from './demo-api.js';
import { seedCatalog } from './demo-catalog.js';
import { seedHistory } from './demo-history.js';
import type { DemoRoster, DemoSiteRoster } from './demo-roster.js';

export const DEMO_ADMIN_EMAIL = 'admin@demo.fieldbook';
export const DEMO_PASSWORD = 'fieldbook-demo';
export { DEMO_ORGANISATION } from './demo-org.js';

/** A small deterministic generator: the demo is the same on every machine, so docs and tests can name people in it. */
function rng(seed: number) {
  let s = seed >>> 0;
  return <T>(list: readonly T[]): T => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return list[s % list.length] as T;
  };
}

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

export interface DemoSummary {
  organisation: string;
  administrator: string;
  regions: number;
  sites: number;
  clients: number;
  people: number;
  /** Modules in the demo catalog. */
  modules: number;
  /** Results recorded by managers and external records added, over the demo's history. */
  results: number;
}

/**
 * A realistic organisation to try Fieldbook with: two regions, six sites, ~300
 * people with Swedish and English names, departments, job titles, a management
 * line and role grants at every level, then a training catalog and years of
 * training history written through the app's own calls. Every demo account
 * shares DEMO_PASSWORD.
 */
export async function seedDemo(app: App): Promise<DemoSummary> {
  // One transaction around the whole demo (each call's own becomes a savepoint inside it): a
  // demo that fails half-way leaves an empty database, and one commit is much faster than a thousand.
  app.db.exec('BEGIN');
  try {
    const summary = await seedEverything(app);
    app.db.exec('COMMIT');
    return summary;
  } catch (e) {
    if (app.db.inTransaction) app.db.exec('ROLLBACK');
    throw e;
  }
}

async function seedEverything(app: App): Promise<DemoSummary> {
  const { summary, roster } = seedOrganisation(app);
  const api = demoApi(app);
  const umea = roster.sites.find((s) => s.code === 'S-UME');
  if (!umea) throw new Error('Demo data: no Umeå site');
  const catalog = await seedCatalog(api, {
    orgId: roster.orgId,
    umeaId: umea.unitId,
    adminId: roster.adminId,
    ylvaId: roster.person('ylva.marklund@demo.fieldbook'),
  });
  const history = await seedHistory(api, catalog, roster);
  return {
    ...summary,
    modules: Object.values(catalog).filter((v) => typeof v === 'string').length,
    results: history.results + history.externalRecords,
  };
}

/**
 * Only the organisation, its people and grants (no catalog or history), synchronously:
 * for benchmarks and tests that need people and nothing else.
 */
export function seedDemoOrganisation(app: App): Omit<DemoSummary, 'modules' | 'results'> {
  return seedOrganisation(app).summary;
}

/** The organisation, its people and grants, in one transaction (the catalog needs it all in place). */
function seedOrganisation(app: App): {
  summary: Omit<DemoSummary, 'modules' | 'results'>;
  roster: DemoRoster;
} {
  const { db, ids, clock } = app;
  const now = clock.now().toISOString();
  const org = orgRepo(db);
  const people = peopleRepo(db);
  // One hash for every demo account: hashing 300 passwords would take a minute, and they are all the same one.
  const passwordHash = hashPassword(DEMO_PASSWORD);
  const pick = rng(20260301);
  const usedEmails = new Set<string>();
  let employeeNo = 10000;
  let count = 0;

  const email = (first: string, last: string) => {
    const base = `${ascii(first)}.${ascii(last)}`;
    let candidate = `${base}@demo.fieldbook`;
    for (let n = 2; usedEmails.has(candidate); n++) candidate = `${base}${n}@demo.fieldbook`;
    usedEmails.add(candidate);
    return candidate;
  };

  const addPerson = (p: {
    first: string;
    last: string;
    email?: string;
    unitId: string;
    dept?: string;
    title?: string;
    managerId?: string;
    left?: boolean;
  }) => {
    const id = ids.uuid();
    people.insert({
      id,
      email: p.email ?? email(p.first, p.last),
      firstName: p.first,
      lastName: p.last,
      employeeNo: `E${++employeeNo}`,
      unitId: p.unitId,
      departmentId: p.dept ? (deptIds.get(p.dept) ?? null) : null,
      jobTitleId: p.title ? (titleIds.get(p.title) ?? null) : null,
      managerId: p.managerId ?? null,
      passwordHash,
      now,
    });
    if (p.left) people.setStatus(id, 'left', now);
    else staffOf(p.unitId).push({ id, title: p.title ?? '' });
    count++;
    return id;
  };

  const deptIds = new Map<string, string>();
  const titleIds = new Map<string, string>();
  // Who works where, for the training history that follows.
  const staffByUnit = new Map<string, DemoSiteRoster['staff']>();
  const staffOf = (unitId: string) => {
    const list = staffByUnit.get(unitId) ?? [];
    staffByUnit.set(unitId, list);
    return list;
  };
  const sites: DemoSiteRoster[] = [];
  let organisationId = '';
  let administratorId = '';

  const run = db.transaction(() => {
    const orgId = ids.uuid();
    org.insertUnit({
      id: orgId,
      parentId: null,
      kind: 'organisation',
      name: DEMO_ORGANISATION,
      code: 'NORDVIK',
      now,
    });
    for (const d of DEPARTMENTS) {
      deptIds.set(d, ids.uuid());
      org.insertNamed('department', deptIds.get(d) ?? '', d);
    }
    const titles = new Set([
      ...Object.values(STAFF_TITLES).flat(),
      'Site Manager',
      'Team Leader',
      'Regional Manager',
      'Training Coordinator',
    ]);
    for (const t of titles) {
      titleIds.set(t, ids.uuid());
      org.insertNamed('job_title', titleIds.get(t) ?? '', t);
    }

    const adminId = addPerson({
      first: 'Karin',
      last: 'Lindqvist',
      unitId: orgId,
      dept: 'Administration',
      title: 'Training Coordinator',
      email: DEMO_ADMIN_EMAIL,
    });
    org.grant({ id: ids.uuid(), personId: adminId, roleId: 'master-admin', unitId: orgId });
    // One holder of every built-in role (004), so each view can be tried.
    const named = (
      [first, last]: readonly [string, string],
      unitId: string,
      dept: string,
      title: string,
      roleId: string,
      managerId?: string,
    ) => {
      const id = addPerson({ first, last, unitId, dept, title, ...(managerId ? { managerId } : {}) });
      org.grant({ id: ids.uuid(), personId: id, roleId, unitId });
      return id;
    };
    named(
      ['Henrik', 'Forsberg'],
      orgId,
      'Health & Safety',
      'Training Coordinator',
      'organisation-admin',
      adminId,
    );
    named(
      ['Märta', 'Söderberg'],
      orgId,
      'Quality',
      'Quality Inspector',
      'organisation-admin-reports',
      adminId,
    );
    named(['Grace', 'Fraser'], orgId, 'Quality', 'Quality Inspector', 'master-admin-reports', adminId);

    const siteIds = new Map<string, string>();
    for (const region of REGIONS) {
      const regionId = ids.uuid();
      org.insertUnit({
        id: regionId,
        parentId: orgId,
        kind: 'region',
        name: region.name,
        code: region.code,
        now,
      });
      const [firsts, lasts] = region.swedish ? [SWEDISH_FIRST, SWEDISH_LAST] : [ENGLISH_FIRST, ENGLISH_LAST];
      const regional = named(
        region.regionalManager,
        regionId,
        'Operations',
        'Regional Manager',
        'regional-manager',
        adminId,
      );
      if (!region.swedish)
        named(
          ['Siobhan', 'Kelly'],
          regionId,
          'Quality',
          'Quality Inspector',
          'regional-manager-reports',
          regional,
        );

      for (const site of region.sites) {
        const siteId = ids.uuid();
        siteIds.set(site.code, siteId);
        org.insertUnit({
          id: siteId,
          parentId: regionId,
          kind: 'site',
          name: site.name,
          code: site.code,
          now,
        });
        const siteManager = named(site.manager, siteId, 'Operations', 'Site Manager', 'manager', regional);
        sites.push({ code: site.code, unitId: siteId, managerId: siteManager, staff: staffOf(siteId) });
        // A reports-only manager, placed before the generated staff so her name is not taken.
        if (site.code === 'S-KIR')
          named(
            ['Agneta', 'Vikström'],
            siteId,
            'Quality',
            'Quality Inspector',
            'manager-reports',
            siteManager,
          );
        const leaders = [0, 1, 2].map(() =>
          addPerson({
            first: pick(firsts),
            last: pick(lasts),
            unitId: siteId,
            dept: pick(['Operations', 'Maintenance', 'Logistics']),
            title: 'Team Leader',
            managerId: siteManager,
          }),
        );
        // The seeds' own examples, so a newcomer can find them at the first Swedish site.
        const fixed: [string, string][] =
          site.code === 'S-UME'
            ? [
                ['Åsa', 'Öberg'],
                ['Jörgen', 'Ämtöft'],
              ]
            : [];
        for (let i = 0; i < STAFF_PER_SITE; i++) {
          const [first, last] = fixed[i] ?? [pick(firsts), pick(lasts)];
          const dept = pick(DEPARTMENTS);
          addPerson({
            first,
            last,
            unitId: siteId,
            dept,
            title: pick(STAFF_TITLES[dept] ?? ['Operator']),
            managerId: leaders[i % leaders.length] ?? siteManager,
            // A few leavers per site: their history stays, but they cannot sign in.
            left: i % 23 === 22,
          });
        }
      }
    }
    // 001: one person can be Manager at one site and Member at another.
    const umeManager = people.byLogin('ylva.marklund@demo.fieldbook');
    const lulea = siteIds.get('S-LLA');
    if (umeManager && lulea)
      org.grant({ id: ids.uuid(), personId: umeManager.id, roleId: 'member', unitId: lulea });

    const clientId = ids.uuid();
    org.insertUnit({
      id: clientId,
      parentId: orgId,
      kind: 'client',
      name: CLIENT.name,
      code: CLIENT.code,
      now,
    });
    const clientSite = ids.uuid();
    org.insertUnit({
      id: clientSite,
      parentId: clientId,
      kind: 'site',
      name: CLIENT.site.name,
      code: CLIENT.site.code,
      now,
    });
    const clientManager = named(CLIENT.manager, clientSite, 'Operations', 'Site Manager', 'manager');
    sites.push({
      code: CLIENT.site.code,
      unitId: clientSite,
      managerId: clientManager,
      staff: staffOf(clientSite),
    });
    for (let i = 0; i < CLIENT.people; i++) {
      addPerson({
        first: pick(SWEDISH_FIRST),
        last: pick(SWEDISH_LAST),
        unitId: clientSite,
        dept: 'Operations',
        title: 'Machine Operator',
        managerId: clientManager,
      });
    }

    organisationId = orgId;
    administratorId = adminId;
    org.setSetting('demo', '1');
    auditRepo(db).append({
      at: now,
      actorId: adminId,
      call: 'demo.seed',
      targetIds: [orgId],
      summary: `Created the demo organisation ${DEMO_ORGANISATION} with ${count} people`,
      before: undefined,
      after: undefined,
    });
  });
  run();
  const roster: DemoRoster = {
    orgId: organisationId,
    adminId: administratorId,
    sites,
    person: (login) => {
      const p = people.byLogin(login);
      if (!p) throw new Error(`Demo data: nobody signs in as ${login}`);
      return p.id;
    },
  };
  return {
    summary: {
      organisation: DEMO_ORGANISATION,
      administrator: DEMO_ADMIN_EMAIL,
      regions: REGIONS.length,
      sites: REGIONS.reduce((n, r) => n + r.sites.length, 0),
      clients: 1,
      people: count,
    },
    roster,
  };
}
