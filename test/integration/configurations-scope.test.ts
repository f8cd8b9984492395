import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { publishModule, value } from '../helpers/catalog.js';
import { orgFixture } from '../helpers/org-fixture.js';

const course = {
  kind: 'course' as const,
  steps: [{ id: 's', type: 'text' as const, title: 's', required: true, html: '<p>x</p>' }],
};

describe('who a manager may require training of', () => {
  it('not people outside their scope through a group they own', async () => {
    const { app, adminId, u, people } = await orgFixture();
    const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const regional = addPerson(app, {
      email: 'reg@example.com',
      unitId: u('norr'),
      roleId: 'regional-manager',
    });
    const fire = await publishModule(app, adminId, {
      code: 'FIRE',
      title: 'Fire',
      ownerUnitId: u('org'),
      content: course,
    });
    // A regional manager puts someone from Luleå into a group owned by Umeå.
    const group = value(
      await app.invoke(
        'groups.create',
        { kind: 'static', name: 'Crew', ownerUnitId: u('ume'), memberIds: [people.luleaPerson] } as never,
        { actorId: regional },
      ),
    ) as { id: string };
    const refused = await app.invoke(
      'configurations.create',
      {
        name: 'Crew',
        targetType: 'group',
        targetId: group.id,
        items: [{ moduleId: fire, requirement: 'required' }],
      },
      { actorId: mgr },
    );
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    expect(!refused.ok && refused.error.message).toMatch(/outside your scope/);
    expect(app.db.prepare('SELECT count(*) FROM fulfilment').pluck().get()).toBe(0);
    // The regional manager, whose scope covers both sites, may.
    const allowed = await app.invoke(
      'configurations.create',
      {
        name: 'Crew',
        targetType: 'group',
        targetId: group.id,
        items: [{ moduleId: fire, requirement: 'required' }],
      },
      { actorId: regional },
    );
    expect(allowed.ok).toBe(true);
  });

  it('not a person who has moved out of their scope since the configuration was made', async () => {
    const { app, adminId, u, people } = await orgFixture();
    const mgr = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const fire = await publishModule(app, adminId, {
      code: 'FIRE',
      title: 'Fire',
      ownerUnitId: u('org'),
      content: course,
    });
    const config = value(
      await app.invoke(
        'configurations.create',
        {
          name: 'Ulla',
          targetType: 'person',
          targetId: people.umeColleague,
          items: [{ moduleId: fire, requirement: 'optional' }],
        },
        { actorId: mgr },
      ),
    );
    value(
      await app.invoke(
        'people.update',
        { id: people.umeColleague, unitId: u('malmo') },
        { actorId: adminId },
      ),
    );
    const up = await app.invoke(
      'configurations.update',
      { id: config.id, items: [{ moduleId: fire, requirement: 'required' }] },
      { actorId: mgr },
    );
    expect(!up.ok && up.error.code).toBe('forbidden');
    expect(value(await app.invoke('configurations.get', { id: config.id }, { actorId: mgr })).canManage).toBe(
      false,
    );
    expect(
      app.db.prepare("SELECT count(*) FROM notification WHERE kind = 'new_required'").pluck().get(),
    ).toBe(0);
  });
});
