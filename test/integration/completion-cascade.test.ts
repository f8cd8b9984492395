import { describe, expect, it } from 'vitest';
import { addPerson, setUpApp } from '../helpers/app.js';
import { publishModule, publishNewVersion, quiz, value } from '../helpers/catalog.js';

const oneQuestionQuiz = quiz({
  passMark: 100,
  sections: [
    {
      id: 's',
      title: 'Safety',
      questions: [{ id: 'q', type: 'true_false', text: 'Exits stay clear.', points: 1, answer: true }],
    },
  ],
});

async function world() {
  const { app, adminId, orgId } = await setUpApp();
  const learner = addPerson(app, {
    email: 'lea@example.com',
    unitId: orgId,
    firstName: 'Lea',
    lastName: 'Lärling',
  });
  return { app, adminId, orgId, learner, as: { actorId: learner } };
}

const records = (app: Awaited<ReturnType<typeof world>>['app'], personId: string) =>
  app.db
    .prepare(
      `SELECT record_type, title, provider, completion_date, expiry_date, source FROM training_record
       WHERE person_id = ? ORDER BY created_at, rowid`,
    )
    .all(personId);

describe('course completion', () => {
  it('completes when every required step is done, once, with a training record from the organisation', async () => {
    const { app, adminId, orgId, learner, as } = await world();
    const courseId = await publishModule(app, adminId, {
      code: 'FIRE',
      title: 'Fire Safety',
      ownerUnitId: orgId,
      defaultValidityMonths: 12,
      content: {
        kind: 'course',
        steps: [
          { id: 'intro', type: 'text', title: 'Introduction', required: true, html: '<p>Hello</p>' },
          { id: 'more', type: 'link', title: 'Further reading', required: false, url: 'https://example.com' },
          { id: 'exits', type: 'text', title: 'Exits', required: true, html: '<p>Exits</p>' },
        ],
      },
    });
    value(await app.invoke('learning.enrol', { moduleId: courseId }, as));
    const first = value(
      await app.invoke('learning.completeStep', { moduleId: courseId, stepId: 'intro' }, as),
    );
    expect(first).toMatchObject({
      state: 'in_progress',
      progressPercent: 50,
      kind: 'course',
      lastStepId: 'intro',
    });
    expect(first.kind === 'course' && first.steps[0]?.html).toBe('<p>Hello</p>');
    app.clock.advance(24 * 3600_000);
    const done = value(
      await app.invoke('learning.completeStep', { moduleId: courseId, stepId: 'exits' }, as),
    );
    expect(done).toMatchObject({
      state: 'completed',
      progressPercent: 100,
      lastCompletionDate: '2026-03-02',
    });
    expect(done.expiryDate).toBe('2027-03-02');
    // Marking a step again changes nothing.
    value(await app.invoke('learning.completeStep', { moduleId: courseId, stepId: 'more' }, as));
    expect(records(app, learner)).toEqual([
      {
        record_type: 'course',
        title: 'Fire Safety',
        provider: 'Norrland Mining',
        completion_date: '2026-03-02',
        expiry_date: '2027-03-02',
        source: 'completion',
      },
    ]);
    expect(app.db.prepare('SELECT summary FROM audit_log').pluck().all()).toContain(
      'Lea Lärling completed “Fire Safety”',
    );
  });

  it('leaves no training record when the course does not count as one', async () => {
    const { app, adminId, orgId, learner, as } = await world();
    const courseId = await publishModule(app, adminId, {
      code: 'TOUR',
      ownerUnitId: orgId,
      trainingRecord: false,
      content: {
        kind: 'course',
        steps: [{ id: 'a', type: 'text', title: 'A', required: true, html: '<p>A</p>' }],
      },
    });
    value(await app.invoke('learning.enrol', { moduleId: courseId }, as));
    const done = value(await app.invoke('learning.completeStep', { moduleId: courseId, stepId: 'a' }, as));
    expect(done.state).toBe('completed');
    expect(records(app, learner)).toEqual([]);
    expect(app.db.prepare("SELECT count(*) FROM result WHERE status = 'completed'").pluck().get()).toBe(1);
  });

  it('a quiz step is done only by passing the quiz, which then completes the course', async () => {
    const { app, adminId, orgId, learner, as } = await world();
    const quizId = await publishModule(app, adminId, {
      code: 'FIRE-Q',
      title: 'Fire quiz',
      ownerUnitId: orgId,
      selfEnrol: false,
      content: oneQuestionQuiz,
    });
    const courseId = await publishModule(app, adminId, {
      code: 'FIRE',
      title: 'Fire Safety',
      ownerUnitId: orgId,
      content: {
        kind: 'course',
        steps: [
          { id: 'read', type: 'text', title: 'Read', required: true, html: '<p>Read</p>' },
          { id: 'test', type: 'quiz', title: 'Test', required: true, quizModuleId: quizId },
        ],
      },
    });
    value(await app.invoke('learning.enrol', { moduleId: courseId }, as));
    const refused = await app.invoke('learning.completeStep', { moduleId: courseId, stepId: 'test' }, as);
    expect(!refused.ok && refused.error.message).toBe('This step is done when you pass “Fire quiz”.');
    value(await app.invoke('learning.completeStep', { moduleId: courseId, stepId: 'read' }, as));
    // The embedded quiz may be taken because the course may.
    const a = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    value(
      await app.invoke('learning.submitAttempt', { attemptId: a.attemptId, answers: { q: ['true'] } }, as),
    );
    const course = value(await app.invoke('learning.open', { moduleId: courseId }, as));
    expect(course.state).toBe('completed');
    expect(course.kind === 'course' && course.steps.map((s) => s.done)).toEqual([true, true]);
    expect(records(app, learner).map((r) => (r as { title: string }).title)).toEqual([
      'Fire quiz',
      'Fire Safety',
    ]);
  });

  it('a newer version after a completion can be retaken (recertification)', async () => {
    const { app, adminId, orgId, learner, as } = await world();
    const steps = [{ id: 'a', type: 'text' as const, title: 'A', required: true, html: '<p>A</p>' }];
    const courseId = await publishModule(app, adminId, {
      code: 'C',
      ownerUnitId: orgId,
      content: { kind: 'course', steps },
    });
    value(await app.invoke('learning.enrol', { moduleId: courseId }, as));
    value(await app.invoke('learning.completeStep', { moduleId: courseId, stepId: 'a' }, as));
    await publishNewVersion(app, adminId, courseId, {
      kind: 'course',
      steps: [...steps, { id: 'b', type: 'text', title: 'B', required: true, html: '<p>B</p>' }],
    });
    const view = value(await app.invoke('learning.open', { moduleId: courseId }, as));
    expect(view).toMatchObject({ version: 2, state: 'completed' });
    expect(view.kind === 'course' && view.steps.map((s) => s.done)).toEqual([false, false]);
    app.clock.advance(24 * 3600_000);
    value(await app.invoke('learning.completeStep', { moduleId: courseId, stepId: 'a' }, as));
    value(await app.invoke('learning.completeStep', { moduleId: courseId, stepId: 'b' }, as));
    expect(app.db.prepare('SELECT version FROM result ORDER BY rowid').pluck().all()).toEqual([1, 2]);
    expect(records(app, learner)).toHaveLength(2);
  });
});

describe('learning paths', () => {
  it('completes after its required items and leaves a learning_path record; items open in order', async () => {
    const { app, adminId, orgId, learner, as } = await world();
    const text = (id: string) => ({
      kind: 'course' as const,
      steps: [{ id, type: 'text' as const, title: id, required: true, html: `<p>${id}</p>` }],
    });
    const a = await publishModule(app, adminId, {
      code: 'A',
      title: 'Welcome',
      ownerUnitId: orgId,
      selfEnrol: false,
      content: text('a'),
    });
    const b = await publishModule(app, adminId, {
      code: 'B',
      title: 'Site rules',
      ownerUnitId: orgId,
      selfEnrol: false,
      content: text('b'),
    });
    const c = await publishModule(app, adminId, {
      code: 'C',
      title: 'Optional extra',
      ownerUnitId: orgId,
      selfEnrol: false,
      content: text('c'),
    });
    const path = await publishModule(app, adminId, {
      code: 'INDUCTION',
      title: 'Induction',
      ownerUnitId: orgId,
      content: {
        kind: 'learning_path',
        items: [
          { moduleId: a, required: true, requiresPrevious: false },
          { moduleId: b, required: true, requiresPrevious: true },
          { moduleId: c, required: false, requiresPrevious: false },
        ],
      },
    });
    // Items are not self-registrable, but the path makes them takeable.
    const before = await app.invoke('learning.open', { moduleId: a }, as);
    expect(!before.ok && before.error.code).toBe('forbidden');
    value(await app.invoke('learning.enrol', { moduleId: path }, as));
    const view = value(await app.invoke('learning.open', { moduleId: path }, as));
    expect(view.kind === 'learning_path' && view.items.map((i) => i.lockedReason)).toEqual([
      null,
      'Complete “Welcome” first.',
      null,
    ]);
    const locked = await app.invoke('learning.completeStep', { moduleId: b, stepId: 'b' }, as);
    expect(!locked.ok && locked.error.message).toBe('Complete “Welcome” first.');
    value(await app.invoke('learning.completeStep', { moduleId: a, stepId: 'a' }, as));
    const half = value(await app.invoke('learning.dashboard', {}, as));
    expect(half.items.map((i) => [i.title, i.state, i.progressPercent])).toEqual([
      ['Induction', 'in_progress', 50],
    ]);
    value(await app.invoke('learning.completeStep', { moduleId: b, stepId: 'b' }, as));
    const done = value(await app.invoke('learning.open', { moduleId: path }, as));
    expect(done).toMatchObject({ state: 'completed', progressPercent: 100 });
    expect(
      app.db
        .prepare("SELECT title FROM training_record WHERE person_id = ? AND record_type = 'learning_path'")
        .pluck()
        .all(learner),
    ).toEqual(['Induction']);
    // Completing the optional item later does not complete the path again.
    value(await app.invoke('learning.completeStep', { moduleId: c, stepId: 'c' }, as));
    expect(app.db.prepare('SELECT count(*) FROM result WHERE module_id = ?').pluck().get(path)).toBe(1);
  });

  it('a manager’s manual result for an item cascades to the path', async () => {
    const { app, adminId, orgId, learner, as } = await world();
    const ext = await publishModule(app, adminId, {
      code: 'FORK',
      title: 'Forklift licence',
      ownerUnitId: orgId,
      selfEnrol: false,
      content: { kind: 'external', externalId: null, url: null },
    });
    const path = await publishModule(app, adminId, {
      code: 'WH',
      title: 'Warehouse',
      ownerUnitId: orgId,
      content: { kind: 'learning_path', items: [{ moduleId: ext, required: true, requiresPrevious: false }] },
    });
    value(await app.invoke('learning.enrol', { moduleId: path }, as));
    value(
      await app.invoke(
        'results.record',
        { moduleId: ext, date: '2026-02-01', status: 'completed', personIds: [learner] },
        { actorId: adminId },
      ),
    );
    const view = value(await app.invoke('learning.open', { moduleId: path }, as));
    expect(view).toMatchObject({ state: 'completed', lastCompletionDate: '2026-02-01' });
  });
});
