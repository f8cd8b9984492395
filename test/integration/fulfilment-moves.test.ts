import { describe, expect, it } from 'vitest';
import { publishModule, value } from '../helpers/catalog.js';
import { orgFixture } from '../helpers/org-fixture.js';

const course = {
  kind: 'course' as const,
  steps: [{ id: 's', type: 'text' as const, title: 's', required: true, html: '<p>x</p>' }],
};

describe('configurations follow the organisation as it changes', () => {
  it('a unit moved out of a covered subtree stops being required from the day of the move', async () => {
    const { app, adminId, u, people } = await orgFixture();
    const admin = { actorId: adminId };
    app.clock.set('2025-01-01T09:00:00.000Z');
    const fire = await publishModule(app, adminId, {
      code: 'FIRE',
      title: 'Fire',
      ownerUnitId: u('org'),
      content: course,
    });
    value(
      await app.invoke(
        'configurations.create',
        {
          name: 'Norr',
          targetType: 'unit',
          targetId: u('norr'),
          items: [{ moduleId: fire, requirement: 'required' }],
        },
        admin,
      ),
    );
    app.clock.set('2025-03-01T09:00:00.000Z');
    value(await app.invoke('units.move', { id: u('lulea'), parentId: u('syd') }, admin));
    const asOf = async (d: string) =>
      value(await app.invoke('compliance.person', { personId: people.luleaPerson, asOf: d }, admin)).rows.map(
        (r) => r.status,
      );
    expect(await asOf('2025-02-15')).toEqual(['missing']);
    expect(await asOf('2025-03-01')).toEqual([]);
  });

  it('a group cannot be deleted while a configuration is aimed at it', async () => {
    const { app, adminId, u, people } = await orgFixture();
    const admin = { actorId: adminId };
    const fire = await publishModule(app, adminId, {
      code: 'FIRE',
      title: 'Fire',
      ownerUnitId: u('org'),
      content: course,
    });
    const group = value(
      await app.invoke(
        'groups.create',
        { kind: 'static', name: 'Drivers', ownerUnitId: u('org'), memberIds: [people.umeColleague] } as never,
        admin,
      ),
    ) as { id: string };
    value(
      await app.invoke(
        'configurations.create',
        {
          name: 'Drivers',
          targetType: 'group',
          targetId: group.id,
          items: [{ moduleId: fire, requirement: 'required' }],
        },
        admin,
      ),
    );
    const refused = await app.invoke('groups.delete', { id: group.id }, admin);
    expect(!refused.ok && refused.error.message).toMatch(/training configuration “Drivers” is aimed at it/);
  });
});
