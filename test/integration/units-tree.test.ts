import { describe, expect, it } from 'vitest';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { copyRole, failure, ok } from '../helpers/units.js';

async function setUp() {
  const f = await orgFixture();
  const as = { actorId: f.adminId };
  return { ...f, as };
}

describe('units tree', () => {
  it('lists every unit in order with its path, level, people and children', async () => {
    const { app, as } = await setUp();
    const { units } = ok(await app.invoke('units.tree', {}, as));
    expect(units.map((u) => u.path)).toEqual([
      'Norrland Mining',
      'Norrland Mining / Acme Contracting',
      'Norrland Mining / Acme Contracting / Acme Site',
      'Norrland Mining / Norr',
      'Norrland Mining / Norr / Luleå',
      'Norrland Mining / Norr / Umeå',
      'Norrland Mining / Syd',
      'Norrland Mining / Syd / Malmö',
    ]);
    const ume = units.find((u) => u.name === 'Umeå');
    expect(ume).toMatchObject({
      code: 'S-UME',
      level: 'Site',
      peopleCount: 1,
      childCount: 0,
      outOfScope: false,
    });
    expect(units.find((u) => u.name === 'Norr')?.childCount).toBe(2);
  });

  it("shows a Manager their unit, with the units above it only as the tree's frame", async () => {
    const { app, u } = await setUp();
    const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const { units } = ok(await app.invoke('units.tree', {}, { actorId: mgr }));
    expect(units.map((x) => [x.name, x.outOfScope, x.peopleCount])).toEqual([
      ['Norrland Mining', true, null],
      ['Norr', true, null],
      ['Umeå', false, 2],
    ]);
  });

  it('leaves archived units out unless asked', async () => {
    const { app, u, as } = await setUp();
    const old = ok(await app.invoke('units.create', { parentId: u('lulea'), name: 'Old Shaft' }, as));
    ok(await app.invoke('units.archive', { id: old.id }, as));
    const names = async (includeArchived: boolean) =>
      ok(await app.invoke('units.tree', { includeArchived }, as)).units.map((x) => x.name);
    expect(await names(false)).not.toContain('Old Shaft');
    expect(await names(true)).toContain('Old Shaft');
  });

  it('lists level names in use once each', async () => {
    const { app, u, as } = await setUp();
    ok(await app.invoke('units.create', { parentId: u('ume'), name: 'Shaft 2', level: 'Area' }, as));
    ok(await app.invoke('units.create', { parentId: u('ume'), name: 'Shaft 3', level: 'area' }, as));
    expect(ok(await app.invoke('units.levels', {}, as)).levels).toEqual([
      'Area',
      'Client',
      'Organisation',
      'Region',
      'Site',
    ]);
  });
});

describe('creating and changing units', () => {
  it('creates a unit with a free-text level, unique code and audit entry', async () => {
    const { app, u, as } = await setUp();
    const unit = ok(
      await app.invoke(
        'units.create',
        { parentId: u('ume'), name: 'Workshop', code: 'UME-WS', level: 'Area' },
        as,
      ),
    );
    expect(unit).toMatchObject({
      path: 'Norrland Mining / Norr / Umeå / Workshop',
      level: 'Area',
      kind: 'other',
    });
    const dup = failure(
      await app.invoke('units.create', { parentId: u('lulea'), name: 'Other', code: 'ume-ws' }, as),
    );
    expect(dup.code).toBe('conflict');
    expect(dup.message).toContain('"ume-ws" is already used by Workshop');
    const audit = ok(await app.invoke('audit.list', { limit: 5 }, as));
    expect(audit.rows[0]?.summary).toContain('Workshop');
  });

  it('refuses two units with one name under the same parent, and "/" in names', async () => {
    const { app, u, as } = await setUp();
    expect(failure(await app.invoke('units.create', { parentId: u('norr'), name: 'umeå' }, as)).code).toBe(
      'conflict',
    );
    const slash = failure(await app.invoke('units.create', { parentId: u('norr'), name: 'A/B' }, as));
    expect(slash.code).toBe('invalid_input');
  });

  it('creates client organisations only directly under the organisation', async () => {
    const { app, u, orgId, as } = await setUp();
    const bad = failure(
      await app.invoke('units.create', { parentId: u('norr'), name: 'Beta', isClient: true }, as),
    );
    expect(bad.code).toBe('invalid_input');
    expect(bad.message).toContain('directly under Norrland Mining');
    const client = ok(
      await app.invoke('units.create', { parentId: orgId, name: 'Beta', isClient: true }, as),
    );
    expect(client).toMatchObject({ kind: 'client', level: 'Client' });
  });

  it('does not let an Organisation Admin create a client organisation, which would be outside their scope', async () => {
    const { app, orgId } = await setUp();
    const admin = addPerson(app, { email: 'oa@example.com', unitId: orgId, roleId: 'organisation-admin' });
    const res = await app.invoke(
      'units.create',
      { parentId: orgId, name: 'Beta', isClient: true },
      { actorId: admin },
    );
    expect(failure(res).code).toBe('forbidden');
    ok(
      await app.invoke(
        'units.create',
        { parentId: orgId, name: 'Väst', level: 'Region' },
        { actorId: admin },
      ),
    );
  });

  it('renames and re-levels a unit, keeping codes unique', async () => {
    const { app, u, as } = await setUp();
    const r = ok(await app.invoke('units.update', { id: u('ume'), name: 'Umeå Mine', level: 'Mine' }, as));
    expect(r).toMatchObject({ name: 'Umeå Mine', level: 'Mine', code: 'S-UME', kind: 'other' });
    expect(failure(await app.invoke('units.update', { id: u('ume'), code: 's-lla' }, as)).code).toBe(
      'conflict',
    );
    expect(ok(await app.invoke('units.update', { id: u('ume'), code: '' }, as)).code).toBeNull();
  });
});

describe('moving units', () => {
  it('moves a unit and everything below it', async () => {
    const { app, u, as } = await setUp();
    ok(await app.invoke('units.create', { parentId: u('ume'), name: 'Workshop' }, as));
    const moved = ok(await app.invoke('units.move', { id: u('ume'), parentId: u('syd') }, as));
    expect(moved.path).toBe('Norrland Mining / Syd / Umeå');
    const tree = ok(await app.invoke('units.tree', {}, as)).units;
    expect(tree.find((x) => x.name === 'Workshop')?.path).toBe('Norrland Mining / Syd / Umeå / Workshop');
  });

  it('refuses to move a unit under itself or under something inside it, naming both', async () => {
    const { app, u, as } = await setUp();
    const self = failure(await app.invoke('units.move', { id: u('norr'), parentId: u('norr') }, as));
    expect(self.code).toBe('invalid_input');
    const below = failure(await app.invoke('units.move', { id: u('norr'), parentId: u('ume') }, as));
    expect(below).toMatchObject({ code: 'invalid_input' });
    expect(below.message).toContain('Norr cannot be moved under Umeå');
  });

  it('never moves the organisation itself, nor a client organisation away from it', async () => {
    const { app, u, orgId, as } = await setUp();
    expect(failure(await app.invoke('units.move', { id: orgId, parentId: u('norr') }, as)).code).toBe(
      'invalid_input',
    );
    expect(
      failure(await app.invoke('units.move', { id: u('client'), parentId: u('norr') }, as)).message,
    ).toContain('client organisation');
  });
});

describe('scope of unit management', () => {
  async function withAdmins() {
    const f = await setUp();
    const siteAdmin = copyRole(f.app, 'manager', ['units.manage']);
    const regionAdmin = copyRole(f.app, 'regional-manager', ['units.manage']);
    const atUme = addPerson(f.app, { email: 'ume-mgr@example.com', unitId: f.u('ume'), roleId: siteAdmin });
    const atNorr = addPerson(f.app, {
      email: 'norr-mgr@example.com',
      unitId: f.u('norr'),
      roleId: regionAdmin,
    });
    return { ...f, atUme, atNorr };
  }

  it('refuses a Manager at Umeå who tries to create under Luleå', async () => {
    const { app, u, atUme } = await withAdmins();
    const res = await app.invoke('units.create', { parentId: u('lulea'), name: 'Shaft' }, { actorId: atUme });
    expect(failure(res).code).toBe('forbidden');
  });

  it('lets a Regional Manager create and move within the region, never out of it', async () => {
    const { app, u, atNorr } = await withAdmins();
    const as = { actorId: atNorr };
    const shaft = ok(await app.invoke('units.create', { parentId: u('lulea'), name: 'Shaft' }, as));
    ok(await app.invoke('units.move', { id: shaft.id, parentId: u('ume') }, as));
    expect(failure(await app.invoke('units.move', { id: shaft.id, parentId: u('malmo') }, as)).code).toBe(
      'forbidden',
    );
    expect(failure(await app.invoke('units.create', { parentId: u('syd'), name: 'X' }, as)).code).toBe(
      'forbidden',
    );
  });

  it('holds back the built-in Manager, who does not manage units at all', async () => {
    const { app, u } = await setUp();
    const mgr = addPerson(app, { email: 'plain@example.com', unitId: u('ume'), roleId: 'manager' });
    const res = await app.invoke('units.create', { parentId: u('ume'), name: 'X' }, { actorId: mgr });
    expect(failure(res).code).toBe('forbidden');
  });
});

describe('archiving and deleting units', () => {
  it('refuses to archive a unit with active people or open units below, with counts', async () => {
    const { app, u, as } = await setUp();
    const people = failure(await app.invoke('units.archive', { id: u('ume') }, as));
    expect(people).toMatchObject({ code: 'conflict' });
    expect(people.message).toContain('1 active person');
    const kids = failure(await app.invoke('units.archive', { id: u('syd') }, as));
    expect(kids.message).toContain('1 unit below it that is not archived');
  });

  it('archives and restores, restoring parents first', async () => {
    const { app, u, as, people } = await setUp();
    app.db.prepare("UPDATE person SET status = 'left' WHERE id = ?").run(people.malmoPerson);
    ok(await app.invoke('units.archive', { id: u('malmo') }, as));
    ok(await app.invoke('units.archive', { id: u('syd') }, as));
    expect(failure(await app.invoke('units.restore', { id: u('malmo') }, as)).message).toContain(
      'restore Syd first',
    );
    ok(await app.invoke('units.restore', { id: u('syd') }, as));
    expect(ok(await app.invoke('units.restore', { id: u('malmo') }, as)).archived).toBe(false);
  });

  it('deletes only a unit nothing refers to, suggesting archive otherwise', async () => {
    const { app, u, as, people } = await setUp();
    app.db.prepare("UPDATE person SET status = 'left' WHERE id = ?").run(people.malmoPerson);
    const withLeft = failure(await app.invoke('units.delete', { id: u('malmo') }, as));
    expect(withLeft.code).toBe('conflict');
    expect(withLeft.message).toMatch(/1 person.*Archive it instead/);
    const empty = ok(await app.invoke('units.create', { parentId: u('syd'), name: 'Empty' }, as));
    orgRepo(app.db).grant({ id: 'g1', personId: people.malmoPerson, roleId: 'manager', unitId: empty.id });
    expect(failure(await app.invoke('units.delete', { id: empty.id }, as)).message).toContain('1 role grant');
    app.db.prepare("DELETE FROM grant_ WHERE id = 'g1'").run();
    ok(await app.invoke('units.delete', { id: empty.id }, as));
    expect(failure(await app.invoke('units.delete', { id: u('norr') }, as)).message).toContain(
      'units below it',
    );
  });
});
