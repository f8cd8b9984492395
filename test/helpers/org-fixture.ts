import { orgRepo } from '../../src-main/domain/org/repo.js';
import { addPerson, setUpApp } from './app.js';

/**
 * A small organisation with every shape of scope:
 *   Norrland Mining ─ Norr ─ Umeå, Luleå
 *                   ─ Syd ─ Malmö
 *                   ─ Acme Contracting (client organisation) ─ Acme Site
 * and one person per built-in role, each granted where its scope is interesting.
 */
export async function orgFixture() {
  const s = await setUpApp();
  const { app, orgId } = s;
  const org = orgRepo(app.db);
  const now = app.clock.now().toISOString();
  const unit = (name: string, parentId: string, kind: 'region' | 'site' | 'client', code: string) => {
    const id = app.ids.uuid();
    org.insertUnit({ id, parentId, kind, name, code, now });
    return id;
  };
  const units = {
    org: orgId,
    norr: unit('Norr', orgId, 'region', 'R-NORR'),
    syd: unit('Syd', orgId, 'region', 'R-SYD'),
    client: unit('Acme Contracting', orgId, 'client', 'ACME'),
  } as Record<string, string>;
  units.ume = unit('Umeå', units.norr ?? '', 'site', 'S-UME');
  units.lulea = unit('Luleå', units.norr ?? '', 'site', 'S-LLA');
  units.malmo = unit('Malmö', units.syd ?? '', 'site', 'S-MMA');
  units.acmeSite = unit('Acme Site', units.client ?? '', 'site', 'S-ACME');
  const u = (k: string) => units[k] ?? '';

  const people = {
    umeColleague: addPerson(app, {
      email: 'ume@example.com',
      unitId: u('ume'),
      firstName: 'Ulla',
      lastName: 'Umeå',
    }),
    luleaPerson: addPerson(app, {
      email: 'lulea@example.com',
      unitId: u('lulea'),
      firstName: 'Lars',
      lastName: 'Luleå',
    }),
    malmoPerson: addPerson(app, {
      email: 'malmo@example.com',
      unitId: u('malmo'),
      firstName: 'Maja',
      lastName: 'Malmö',
    }),
    clientPerson: addPerson(app, {
      email: 'acme@example.com',
      unitId: u('acmeSite'),
      firstName: 'Alex',
      lastName: 'Acme',
    }),
  };
  return { ...s, units, u, people };
}
