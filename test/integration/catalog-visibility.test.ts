import { describe, expect, it } from 'vitest';
import { reachOf } from '../../shared/permissions/scope.js';
import { loadActor } from '../../src-main/domain/auth/actor-repo.js';
import { isModuleVisibleTo, visibleModuleSql } from '../../src-main/domain/catalog/visibility-repo.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { orgFixture } from '../helpers/org-fixture.js';

describe('which modules a learner may see', () => {
  it('follows the owner unit’s subtree, grants below it, and the actor’s catalog reach', async () => {
    const { app, u, adminId, people } = await orgFixture();
    const ids: Record<string, string> = {};
    for (const [code, owner] of [
      ['ORG', 'org'],
      ['NORR', 'norr'],
      ['UME', 'ume'],
      ['MALMO', 'malmo'],
    ] as const) {
      const res = await app.invoke(
        'modules.create',
        { code, title: code, kind: 'event', ownerUnitId: u(owner) },
        { actorId: adminId },
      );
      if (!res.ok) throw new Error(res.error.message);
      ids[code] = res.value.id;
    }
    const visible = (personId: string, reach?: Parameters<typeof visibleModuleSql>[1]) => {
      const vis = visibleModuleSql(personId, reach);
      return app.db
        .prepare<Record<string, unknown>, string>(
          `SELECT m.code FROM module m WHERE ${vis.sql} ORDER BY m.code`,
        )
        .pluck()
        .all(vis.params);
    };
    expect(visible(people.luleaPerson)).toEqual(['NORR', 'ORG']);
    expect(visible(people.umeColleague)).toEqual(['NORR', 'ORG', 'UME']);
    expect(visible(people.malmoPerson)).toEqual(['MALMO', 'ORG']);
    expect(isModuleVisibleTo(app.db, people.luleaPerson, ids.UME ?? '')).toBe(false);
    // A grant at Umeå (even only Member) opens what Umeå owns.
    orgRepo(app.db).grant({
      id: 'g-lars-ume',
      personId: people.luleaPerson,
      roleId: 'member',
      unitId: u('ume'),
    });
    expect(isModuleVisibleTo(app.db, people.luleaPerson, ids.UME ?? '')).toBe(true);
    // The administrator's home is the organisation: site modules show through their catalog reach only.
    expect(visible(adminId)).toEqual(['ORG']);
    const actor = loadActor(app.db, adminId);
    const reach = reachOf(actor?.grants ?? [], 'catalog.view');
    expect(visible(adminId, reach)).toEqual(['MALMO', 'NORR', 'ORG', 'UME']);
    expect(isModuleVisibleTo(app.db, adminId, ids.MALMO ?? '', reach)).toBe(true);
  });
});
