import { describe, expect, it } from 'vitest';
import { syncAll } from '../../src-main/domain/configurations/sync.js';
import { publishModule, value } from '../helpers/catalog.js';
import { orgFixture } from '../helpers/org-fixture.js';

const course = (id: string) => ({
  kind: 'course' as const,
  steps: [{ id, type: 'text' as const, title: id, required: true, html: `<p>${id}</p>` }],
});

async function world() {
  const f = await orgFixture();
  const { app, adminId, u, people } = f;
  const admin = { actorId: adminId };
  // Not self-registration: only the assignment can put them on a learner's dashboard.
  const pub = (code: string, title: string) =>
    publishModule(app, adminId, {
      code,
      title,
      ownerUnitId: u('org'),
      content: course(code),
      selfEnrol: false,
    });
  const fire = await pub('FIRE', 'Fire safety');
  const ladder = await pub('LADDER', 'Ladder work');
  const first = await pub('FIRST', 'First aid');
  const c = value(
    await app.invoke(
      'configurations.create',
      {
        name: 'Umeå',
        targetType: 'unit',
        targetId: u('ume'),
        items: [
          { moduleId: fire, requirement: 'required', due: { kind: 'after_joining', days: 14 } },
          { moduleId: ladder, requirement: 'hidden' },
          { moduleId: first, requirement: 'optional' },
        ],
      },
      admin,
    ),
  );
  const notes = (personId = people.umeColleague) =>
    app.db
      .prepare(
        'SELECT kind, title, body, dedupe_key AS key FROM notification WHERE person_id = ? ORDER BY rowid',
      )
      .all(personId) as { kind: string; title: string; body: string; key: string }[];
  const day = (d: string) => app.clock.set(`${d}T09:00:00.000Z`);
  const items = (res: Awaited<ReturnType<typeof app.invoke<'learning.dashboard'>>>) => value(res).items;
  return { ...f, admin, fire, ladder, first, c, notes, day, items, ulla: { actorId: people.umeColleague } };
}

describe('notifications and the outbox', () => {
  it('tells people about new Required training, never about Hidden or Optional, and queues the email', async () => {
    const { app, c, fire, notes, people } = await world();
    expect(notes()).toEqual([
      {
        kind: 'new_required',
        title: 'New required training: Fire safety',
        body: 'You have been assigned Fire safety (Umeå). Complete it by 2026-03-15.',
        key: `new_required:${c.id}:${fire}:${people.umeColleague}:2026-03-01`,
      },
    ]);
    expect(
      app.db.prepare('SELECT to_email, subject, body, sent_at FROM outbox ORDER BY rowid').all(),
    ).toEqual([
      {
        to_email: 'ume@example.com',
        subject: 'New required training: Fire safety',
        body: 'You have been assigned Fire safety (Umeå). Complete it by 2026-03-15.',
        sent_at: null,
      },
    ]);
    // Running everything again changes nothing.
    syncAll(app.db, '2026-03-01');
    expect(notes()).toHaveLength(1);
    expect(app.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
  });

  it('switching Hidden → Required notifies the people covered; a validity change does not', async () => {
    const { app, admin, c, fire, ladder, first, notes, day, people } = await world();
    day('2026-03-02');
    value(
      await app.invoke(
        'configurations.update',
        {
          id: c.id,
          items: [
            {
              moduleId: fire,
              requirement: 'required',
              validityMonths: 6,
              due: { kind: 'after_joining', days: 14 },
            },
            { moduleId: ladder, requirement: 'required' },
            { moduleId: first, requirement: 'optional' },
          ],
        },
        admin,
      ),
    );
    expect(notes().map((n) => n.key)).toEqual([
      `new_required:${c.id}:${fire}:${people.umeColleague}:2026-03-01`,
      `new_required:${c.id}:${ladder}:${people.umeColleague}:2026-03-02`,
    ]);
    expect(app.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(2);
  });

  it('someone joining the unit later is told; due soon and overdue follow', async () => {
    const { app, admin, fire, notes, day, people, u } = await world();
    day('2026-03-05');
    value(await app.invoke('people.update', { id: people.luleaPerson, unitId: u('ume') }, admin));
    expect(notes(people.luleaPerson).map((n) => n.body)).toEqual([
      'You have been assigned Fire safety (Umeå). Complete it by 2026-03-19.',
    ]);
    syncAll(app.db, '2026-03-10', '2026-03-10T06:00:00.000Z');
    expect(notes().map((n) => [n.kind, n.title])).toEqual([
      ['new_required', 'New required training: Fire safety'],
      ['due_soon', 'Training due soon: Fire safety'],
    ]);
    syncAll(app.db, '2026-03-16', '2026-03-16T06:00:00.000Z');
    syncAll(app.db, '2026-03-17', '2026-03-17T06:00:00.000Z');
    expect(notes().map((n) => n.key)).toEqual([
      expect.stringMatching(/^new_required:/),
      `due_soon:${people.umeColleague}:${fire}:2026-03-15`,
      `overdue:${people.umeColleague}:${fire}:2026-03-15`,
    ]);
    expect(
      app.db.prepare('SELECT count(*) FROM outbox WHERE to_email = ?').pluck().get('ume@example.com'),
    ).toBe(3);
  });
});

describe('the learner side of assignments', () => {
  it('shows Required and Optional items with due dates, overdue first, never Hidden', async () => {
    const { app, items, ulla, day } = await world();
    day('2026-03-20');
    const list = items(await app.invoke('learning.dashboard', {}, ulla));
    expect(list.map((i) => [i.code, i.origin, i.dueDate, i.state])).toEqual([
      ['FIRE', 'assigned', '2026-03-15', 'not_started'],
      ['FIRST', 'assigned', null, 'not_started'],
    ]);
  });

  it('a Member takes an assigned module without registering, but not a Hidden one', async () => {
    const { app, items, ulla, fire, ladder } = await world();
    value(await app.invoke('learning.completeStep', { moduleId: fire, stepId: 'FIRE' }, ulla));
    const hidden = await app.invoke('learning.completeStep', { moduleId: ladder, stepId: 'LADDER' }, ulla);
    expect(!hidden.ok && hidden.error.code).toBe('forbidden');
    const fireItem = items(await app.invoke('learning.dashboard', {}, ulla)).find((i) => i.code === 'FIRE');
    expect(fireItem).toMatchObject({ state: 'completed', lastCompletionDate: '2026-03-01' });
  });

  it('a person moved out of the unit loses the assigned items from their dashboard', async () => {
    const { app, admin, items, ulla, day, people, u } = await world();
    day('2026-03-03');
    value(await app.invoke('people.update', { id: people.umeColleague, unitId: u('malmo') }, admin));
    expect(items(await app.invoke('learning.dashboard', {}, ulla))).toEqual([]);
  });
});
