import { describe, expect, it } from 'vitest';
import { addPerson, setUpApp } from '../helpers/app.js';

describe('searching people ignores case and accents', async () => {
  const { app, adminId, orgId } = await setUpApp();
  addPerson(app, { email: 'jorgen@example.com', unitId: orgId, firstName: 'Jörgen', lastName: 'Ämtöft' });
  addPerson(app, {
    email: 'siobhan@example.com',
    unitId: orgId,
    firstName: 'Siobhán',
    lastName: 'Ó Súilleabháin',
  });
  addPerson(app, { email: 'soren@example.com', unitId: orgId, firstName: 'Søren', lastName: 'Kierkegaard' });
  const find = async (search: string) => {
    const res = await app.invoke('people.list', { search, status: 'all' }, { actorId: adminId });
    if (!res.ok) throw new Error(res.error.message);
    return res.value.rows.map((r) => r.email);
  };

  it.each([
    ['åsa öberg', 'asa.oberg@example.com'],
    ['ASA OBERG', 'asa.oberg@example.com'],
    ['Öberg', 'asa.oberg@example.com'],
    ['jorgen amtoft', 'jorgen@example.com'],
    ['ÄMTÖFT', 'jorgen@example.com'],
    ['o suilleabhain', 'siobhan@example.com'],
    ['soren', 'soren@example.com'],
  ])('“%s” finds %s', async (search, email) => {
    expect(await find(search)).toEqual([email]);
  });

  it('treats % and _ as the characters they are', async () => {
    expect(await find('%')).toEqual([]);
    expect(await find('_')).toEqual([]);
  });
});
