import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { publishModule, quiz, value, type ModuleSpec } from '../helpers/catalog.js';
import { orgFixture } from '../helpers/org-fixture.js';

const course = (id: string) => ({
  kind: 'course' as const,
  steps: [
    { id, type: 'text' as const, title: id, required: true, html: `<p>${id}</p>` },
    { id: `${id}-2`, type: 'text' as const, title: `${id} 2`, required: true, html: `<p>${id}</p>` },
  ],
});
const tfQuiz = quiz({
  passMark: 100,
  maxAttempts: 3,
  sections: [
    {
      id: 's',
      title: 'S',
      questions: [{ id: 'q', type: 'true_false', text: 'Ok?', points: 1, answer: true }],
    },
  ],
});

async function world() {
  const f = await orgFixture();
  const { app, adminId, u } = f;
  const learner = addPerson(app, {
    email: 'lea@example.com',
    unitId: u('ume'),
    firstName: 'Lea',
    lastName: 'Lärling',
  });
  const pub = (
    code: string,
    title: string,
    ownerUnitId: string,
    content: ModuleSpec['content'] = course(code),
    extra = {},
  ) =>
    publishModule(app, adminId, { code, title, ownerUnitId, content, defaultValidityMonths: 12, ...extra });
  return { ...f, learner, as: { actorId: learner }, pub };
}

describe('learner catalog and registration', () => {
  it('lists published self-registration modules the person can see, and registers idempotently', async () => {
    const { app, u, as, pub, adminId, learner } = await world();
    const fire = await pub('FIRE', 'Fire Safety', u('org'));
    await pub('UME-ONLY', 'Umeå forklift', u('ume'));
    await pub('MALMO', 'Malmö harbour', u('malmo'));
    await pub('MGR', 'Manager only', u('org'), course('m'), { selfEnrol: false });
    const draft = value(
      await app.invoke(
        'modules.create',
        { code: 'DRAFT', title: 'Draft', kind: 'course', ownerUnitId: u('org'), selfEnrol: true },
        { actorId: adminId },
      ),
    );
    const rows = value(await app.invoke('learning.catalog', {}, as)).rows;
    expect(rows.map((r) => r.title)).toEqual(['Fire Safety', 'Umeå forklift']);
    expect(value(await app.invoke('learning.catalog', { search: 'umea' }, as)).rows).toHaveLength(1);

    value(await app.invoke('learning.enrol', { moduleId: fire }, as));
    value(await app.invoke('learning.enrol', { moduleId: fire }, as));
    expect(value(await app.invoke('learning.catalog', {}, as)).rows[0]?.enrolled).toBe(true);
    expect(
      app.db.prepare("SELECT count(*) FROM audit_log WHERE summary LIKE '%registered on%'").pluck().get(),
    ).toBe(1);
    const malmo = app.db.prepare("SELECT id FROM module WHERE code = 'MALMO'").pluck().get() as string;
    const hidden = await app.invoke('learning.enrol', { moduleId: malmo }, as);
    expect(!hidden.ok && hidden.error.code).toBe('not_found');
    const notPublished = await app.invoke('learning.enrol', { moduleId: draft.id }, as);
    expect(!notPublished.ok && notPublished.error.code).toBe('conflict');

    // Unregistering keeps the history.
    value(await app.invoke('learning.completeStep', { moduleId: fire, stepId: 'FIRE' }, as));
    value(await app.invoke('learning.unenrol', { moduleId: fire }, as));
    expect(value(await app.invoke('learning.dashboard', {}, as)).items).toEqual([]);
    expect(app.db.prepare('SELECT count(*) FROM progress WHERE person_id = ?').pluck().get(learner)).toBe(1);
  });

  it('a manager’s enrolment cannot be removed by the learner', async () => {
    const { app, u, as, pub, learner, adminId } = await world();
    const id = await pub('MGR', 'Manager only', u('org'), course('m'), { selfEnrol: false });
    app.db
      .prepare("INSERT INTO enrolment VALUES (?, ?, 'manager', '2026-03-01T09:00:00.000Z', ?)")
      .run(learner, id, adminId);
    const res = await app.invoke('learning.unenrol', { moduleId: id }, as);
    expect(!res.ok && res.error.code).toBe('forbidden');
    expect(value(await app.invoke('learning.dashboard', {}, as)).items[0]?.origin).toBe('manager');
  });
});

describe('learner dashboard', () => {
  it('shows state, progress, expiry and attempts left, most urgent first', async () => {
    const { app, u, as, pub, adminId, learner } = await world();
    const done = await pub('DONE', 'Done course', u('org'));
    const expired = await pub('OLD', 'Expired course', u('org'));
    const started = await pub('HALF', 'Half course', u('org'));
    const fresh = await pub('NEW', 'New course', u('org'));
    const failed = await pub('QUIZ', 'A quiz', u('org'), tfQuiz);
    for (const id of [done, expired, started, fresh, failed])
      value(await app.invoke('learning.enrol', { moduleId: id }, as));
    for (const step of ['DONE', 'DONE-2'])
      value(await app.invoke('learning.completeStep', { moduleId: done, stepId: step }, as));
    value(await app.invoke('learning.completeStep', { moduleId: started, stepId: 'HALF' }, as));
    const a = value(await app.invoke('learning.startAttempt', { moduleId: failed }, as));
    value(
      await app.invoke('learning.submitAttempt', { attemptId: a.attemptId, answers: { q: ['false'] } }, as),
    );
    // A completion from long ago, recorded by a manager.
    value(
      await app.invoke(
        'results.record',
        { moduleId: expired, date: '2024-01-15', status: 'completed', personIds: [learner] },
        { actorId: adminId },
      ),
    );
    const dash = value(await app.invoke('learning.dashboard', {}, as));
    expect(dash.items.map((i) => [i.title, i.state, i.progressPercent])).toEqual([
      ['Expired course', 'expired', 0],
      ['A quiz', 'failed', 0],
      ['Half course', 'in_progress', 50],
      ['New course', 'not_started', 0],
      ['Done course', 'completed', 100],
    ]);
    expect(dash.items[0]).toMatchObject({ expiryDate: '2025-01-15', expiryStatus: 'expired', dueDate: null });
    expect(dash.items[1]?.attemptsLeft).toBe(2);
    expect(dash.items[4]).toMatchObject({
      lastCompletionDate: '2026-03-01',
      expiryDate: '2027-03-01',
      expiryStatus: 'valid',
      origin: 'self',
    });
    expect(dash.upcomingSessions).toEqual([]);
  });
});
