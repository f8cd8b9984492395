import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { publishModule, value } from '../helpers/catalog.js';
import { orgFixture } from '../helpers/org-fixture.js';

const course = {
  kind: 'course' as const,
  steps: [{ id: 's', type: 'text' as const, title: 's', required: true, html: '<p>x</p>' }],
};

describe('reminding people of training they still need', () => {
  it('sends one reminder per row, worded after the status, and nothing when any row is wrong', async () => {
    const { app, adminId, u, people } = await orgFixture();
    const mgr = addPerson(app, {
      email: 'mgr@example.com',
      unitId: u('ume'),
      roleId: 'manager',
      firstName: 'Mona',
      lastName: 'Manager',
    });
    const fire = await publishModule(app, adminId, {
      code: 'FIRE',
      title: 'Fire drill',
      ownerUnitId: u('org'),
      content: course,
    });
    value(
      await app.invoke(
        'configurations.create',
        {
          name: 'Umeå basics',
          targetType: 'unit',
          targetId: u('ume'),
          items: [{ moduleId: fire, requirement: 'required', due: { kind: 'fixed', date: '2026-02-01' } }],
        },
        { actorId: mgr },
      ),
    );
    const reminders = () =>
      app.db.prepare("SELECT kind, title, body FROM notification WHERE title LIKE 'Reminder:%'").all();

    // Someone outside Mona's scope among the rows: nothing is sent, and the row is named.
    const refused = await app.invoke(
      'configurations.remind',
      {
        rows: [
          { personId: people.umeColleague, moduleId: fire },
          { personId: people.luleaPerson, moduleId: fire },
        ],
      },
      { actorId: mgr },
    );
    expect(!refused.ok && refused.error.details?.[0]?.path).toBe('rows.1');
    expect(reminders()).toEqual([]);

    const sent = value(
      await app.invoke(
        'configurations.remind',
        { rows: [{ personId: people.umeColleague, moduleId: fire }], note: 'The drill is on Friday.' },
        { actorId: mgr },
      ),
    );
    expect(sent.sent).toBe(1);
    expect(reminders()).toEqual([
      {
        kind: 'overdue',
        title: 'Reminder: Fire drill',
        body: 'Mona Manager reminds you to complete Fire drill. It was due on 2026-02-01. The drill is on Friday.',
      },
    ]);
    expect(
      app.db.prepare("SELECT count(*) FROM outbox WHERE subject = 'Reminder: Fire drill'").pluck().get(),
    ).toBe(1);

    // Once done, there is nothing to remind about.
    value(
      await app.invoke(
        'results.record',
        { moduleId: fire, date: '2026-02-20', status: 'completed', personIds: [people.umeColleague] },
        { actorId: adminId },
      ),
    );
    const done = await app.invoke(
      'configurations.remind',
      { rows: [{ personId: people.umeColleague, moduleId: fire }] },
      { actorId: mgr },
    );
    expect(!done.ok && done.error.message).toMatch(/has already done Fire drill/);
  });
});
