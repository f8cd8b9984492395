import { describe, expect, it } from 'vitest';
import { publishModule, value } from '../helpers/catalog.js';
import { orgFixture } from '../helpers/org-fixture.js';

const course = {
  kind: 'course' as const,
  steps: [{ id: 's', type: 'text' as const, title: 's', required: true, html: '<p>x</p>' }],
};

describe('the learner’s dashboard and their compliance', () => {
  it('agree on expiry when an assignment sets a shorter validity than the module’s', async () => {
    const { app, adminId, u, people } = await orgFixture();
    const admin = { actorId: adminId };
    app.clock.set('2025-01-01T09:00:00.000Z');
    const fire = await publishModule(app, adminId, {
      code: 'FIRE',
      title: 'Fire drill',
      ownerUnitId: u('org'),
      content: course,
      defaultValidityMonths: 12,
    });
    value(
      await app.invoke(
        'configurations.create',
        {
          name: 'Umeå',
          targetType: 'unit',
          targetId: u('ume'),
          items: [{ moduleId: fire, requirement: 'required', validityMonths: 6 }],
        },
        admin,
      ),
    );
    app.clock.set('2025-02-01T09:00:00.000Z');
    value(
      await app.invoke(
        'results.record',
        { moduleId: fire, date: '2025-02-01', status: 'passed', personIds: [people.umeColleague] },
        admin,
      ),
    );
    app.clock.set('2025-09-01T09:00:00.000Z');
    const me = { actorId: people.umeColleague };
    const mine = value(await app.invoke('compliance.mine', {}, me)).rows.find((r) => r.moduleId === fire);
    const item = value(await app.invoke('learning.dashboard', {}, me)).items.find((i) => i.moduleId === fire);
    expect(mine?.status).toBe('expired');
    expect(mine?.expiryDate).toBe('2025-08-01');
    expect(item?.state).toBe('expired');
    expect(item?.expiryDate).toBe('2025-08-01');
  });
});
