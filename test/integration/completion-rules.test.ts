import { describe, expect, it } from 'vitest';
import { publishModule, quiz, value } from '../helpers/catalog.js';
import { orgFixture } from '../helpers/org-fixture.js';

const oneQuestionQuiz = quiz({
  passMark: 50,
  sections: [
    {
      id: 's',
      title: 'Safety',
      questions: [{ id: 'q1', type: 'true_false', text: 'Exits stay clear.', points: 1, answer: true }],
    },
  ],
});

const textCourse = (step = 't') => ({
  kind: 'course' as const,
  steps: [{ id: step, type: 'text' as const, title: 'Read', required: true, html: '<p>x</p>' }],
});

async function world() {
  const f = await orgFixture();
  const learner = f.people.umeColleague;
  return { ...f, learner, as: { actorId: learner } };
}
type World = Awaited<ReturnType<typeof world>>;

const count = (w: World, moduleId: string) =>
  w.app.db
    .prepare('SELECT count(*) FROM result WHERE module_id = ? AND person_id = ?')
    .pluck()
    .get(moduleId, w.learner);

const recordsOf = (w: World, moduleId: string, personId = w.learner) =>
  w.app.db
    .prepare(
      `SELECT completion_date, expiry_date, provider FROM training_record WHERE object_id = ? AND person_id = ?
       ORDER BY completion_date, created_at`,
    )
    .all(moduleId, personId);

async function passQuiz(w: World, quizId: string) {
  const a = value(await w.app.invoke('learning.startAttempt', { moduleId: quizId }, w.as));
  return value(
    await w.app.invoke('learning.submitAttempt', { attemptId: a.attemptId, answers: { q1: ['true'] } }, w.as),
  );
}

describe('a quiz embedded in a course behind a path lock', () => {
  it('is locked with the course, and passing it elsewhere does not complete the locked course', async () => {
    const w = await world();
    const { app, adminId, u } = w;
    const quizId = await publishModule(app, adminId, {
      code: 'QZ',
      ownerUnitId: u('org'),
      content: oneQuestionQuiz,
    });
    const intro = await publishModule(app, adminId, {
      code: 'INTRO',
      ownerUnitId: u('org'),
      content: textCourse(),
    });
    const c2 = await publishModule(app, adminId, {
      code: 'C2',
      ownerUnitId: u('org'),
      content: {
        kind: 'course',
        steps: [{ id: 'qs', type: 'quiz', title: 'Quiz', required: true, quizModuleId: quizId }],
      },
    });
    const path = await publishModule(app, adminId, {
      code: 'PATH',
      ownerUnitId: u('org'),
      content: {
        kind: 'learning_path',
        items: [
          { moduleId: intro, required: true, requiresPrevious: false },
          { moduleId: c2, required: true, requiresPrevious: true },
        ],
      },
    });
    value(await app.invoke('learning.enrol', { moduleId: path }, w.as));
    const refused = await app.invoke('learning.startAttempt', { moduleId: quizId }, w.as);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Complete “INTRO” first.');

    // Taken directly (its own enrolment), the pass counts for the quiz but not for the locked course.
    value(await app.invoke('learning.enrol', { moduleId: quizId }, w.as));
    await passQuiz(w, quizId);
    expect(count(w, quizId)).toBe(1);
    expect(count(w, c2)).toBe(0);

    // Finishing INTRO opens C2, whose only step is already done: it completes, and so does the path.
    value(await app.invoke('learning.completeStep', { moduleId: intro, stepId: 't' }, w.as));
    expect(count(w, c2)).toBe(1);
    expect(count(w, path)).toBe(1);
  });
});

describe('recertification', () => {
  it('retakes an expired course: a second record dated today with a new expiry, the first kept', async () => {
    const w = await world();
    const { app, adminId, u } = w;
    const course = await publishModule(app, adminId, {
      code: 'FIRE',
      ownerUnitId: u('org'),
      defaultValidityMonths: 12,
      content: textCourse(),
    });
    value(await app.invoke('learning.enrol', { moduleId: course }, w.as));
    value(await app.invoke('learning.completeStep', { moduleId: course, stepId: 't' }, w.as));
    app.clock.set('2027-06-01T09:00:00.000Z');
    const opened = value(await app.invoke('learning.open', { moduleId: course }, w.as));
    expect(opened).toMatchObject({ state: 'expired', progressPercent: 0 });
    expect(opened.kind === 'course' && opened.steps[0]?.done).toBe(false);
    const done = value(await app.invoke('learning.completeStep', { moduleId: course, stepId: 't' }, w.as));
    expect(done).toMatchObject({
      state: 'completed',
      lastCompletionDate: '2027-06-01',
      expiryDate: '2028-06-01',
    });
    expect(recordsOf(w, course)).toEqual([
      { completion_date: '2026-03-01', expiry_date: '2027-03-01', provider: 'Norrland Mining' },
      { completion_date: '2027-06-01', expiry_date: '2028-06-01', provider: 'Norrland Mining' },
    ]);
    // Not expired any more: marking the step again records nothing.
    value(await app.invoke('learning.completeStep', { moduleId: course, stepId: 't' }, w.as));
    expect(count(w, course)).toBe(2);
  });

  it('renews an expired course made of a quiz when the quiz is passed again', async () => {
    const w = await world();
    const { app, adminId, u } = w;
    const quizId = await publishModule(app, adminId, {
      code: 'QZ',
      ownerUnitId: u('org'),
      content: oneQuestionQuiz,
    });
    const course = await publishModule(app, adminId, {
      code: 'QC',
      ownerUnitId: u('org'),
      defaultValidityMonths: 12,
      content: {
        kind: 'course',
        steps: [{ id: 'qs', type: 'quiz', title: 'Quiz', required: true, quizModuleId: quizId }],
      },
    });
    value(await app.invoke('learning.enrol', { moduleId: course }, w.as));
    await passQuiz(w, quizId);
    expect(count(w, course)).toBe(1);
    app.clock.set('2027-06-01T09:00:00.000Z');
    await passQuiz(w, quizId);
    expect(recordsOf(w, course).map((r) => r)).toMatchObject([
      { completion_date: '2026-03-01' },
      { completion_date: '2027-06-01', expiry_date: '2028-06-01' },
    ]);
  });

  it('completes a path again only from item completions newer than its last completion, whatever the version', async () => {
    const w = await world();
    const { app, adminId, u } = w;
    const a = await publishModule(app, adminId, {
      code: 'A',
      ownerUnitId: u('org'),
      content: oneQuestionQuiz,
    });
    const b = await publishModule(app, adminId, {
      code: 'B',
      ownerUnitId: u('org'),
      content: oneQuestionQuiz,
    });
    const items = {
      kind: 'learning_path' as const,
      items: [
        { moduleId: a, required: true, requiresPrevious: false },
        { moduleId: b, required: true, requiresPrevious: false },
      ],
    };
    const path = await publishModule(app, adminId, { code: 'PATH', ownerUnitId: u('org'), content: items });
    value(await app.invoke('learning.enrol', { moduleId: path }, w.as));
    await passQuiz(w, a);
    await passQuiz(w, b);
    expect(recordsOf(w, path)).toMatchObject([{ completion_date: '2026-03-01' }]);

    // A title change republishes the path; one item done again is not the whole path done again.
    value(await app.invoke('modules.update', { id: path, title: 'PATH (renamed)' }, { actorId: adminId }));
    value(await app.invoke('modules.publish', { id: path }, { actorId: adminId }));
    app.clock.set('2026-03-02T09:00:00.000Z');
    await passQuiz(w, a);
    expect(count(w, path)).toBe(1);

    // Both items done again after the path's completion: it completes again, dated by the last of them.
    app.clock.set('2026-03-04T09:00:00.000Z');
    await passQuiz(w, b);
    expect(recordsOf(w, path)).toMatchObject([
      { completion_date: '2026-03-01' },
      { completion_date: '2026-03-04' },
    ]);
  });
});

describe('training provider', () => {
  it('is the organisation or client organisation that owns the module; an external item keeps its supplier', async () => {
    const w = await world();
    const { app, adminId, u, people } = w;
    const clientCourse = await publishModule(app, adminId, {
      code: 'ACME-IND',
      ownerUnitId: u('acmeSite'),
      content: textCourse(),
    });
    const orgCourse = await publishModule(app, adminId, {
      code: 'ORG',
      ownerUnitId: u('ume'),
      content: textCourse(),
    });
    const created = value(
      await app.invoke(
        'modules.create',
        {
          code: 'EXT',
          title: 'Manual handling',
          kind: 'external',
          ownerUnitId: u('client'),
          provider: 'iHasco',
          content: { kind: 'external', externalId: null, url: null },
        },
        { actorId: adminId },
      ),
    );
    const ext = created.id;
    value(await app.invoke('modules.publish', { id: ext }, { actorId: adminId }));
    for (const moduleId of [clientCourse, orgCourse, ext])
      value(
        await app.invoke(
          'results.record',
          { moduleId, date: '2026-02-01', status: 'completed', personIds: [people.clientPerson] },
          { actorId: adminId },
        ),
      );
    expect(recordsOf(w, clientCourse, people.clientPerson)).toMatchObject([{ provider: 'Acme Contracting' }]);
    expect(recordsOf(w, orgCourse, people.clientPerson)).toMatchObject([{ provider: 'Norrland Mining' }]);
    expect(recordsOf(w, ext, people.clientPerson)).toMatchObject([{ provider: 'iHasco' }]);
  });
});

describe('renewing a quiz with a maximum number of attempts', () => {
  it('starts a fresh set of attempts once the last pass has expired, not before', async () => {
    const w = await world();
    const { app, adminId, u } = w;
    const quizId = await publishModule(app, adminId, {
      code: 'RENEW',
      ownerUnitId: u('org'),
      selfEnrol: true,
      defaultValidityMonths: 12,
      content: { ...oneQuestionQuiz, maxAttempts: 1 } as typeof oneQuestionQuiz,
    });
    value(await app.invoke('learning.enrol', { moduleId: quizId }, w.as));
    expect((await passQuiz(w, quizId)).attemptsLeft).toBe(0);

    // Still valid: no more attempts, and the refusal says why.
    app.clock.set('2027-02-01T09:00:00.000Z');
    const refused = await app.invoke('learning.startAttempt', { moduleId: quizId }, w.as);
    expect(!refused.ok && refused.error.message).toMatch(/used all 1 attempts/);

    // Expired: the learner can renew it, and the new pass counts with a new expiry.
    app.clock.set('2027-03-05T09:00:00.000Z');
    const view = value(await app.invoke('learning.open', { moduleId: quizId }, w.as));
    expect(view.kind === 'quiz' && view.attemptsLeft).toBe(1);
    expect((await passQuiz(w, quizId)).attemptsLeft).toBe(0);
    expect(recordsOf(w, quizId).map((r) => (r as { expiry_date: string }).expiry_date)).toEqual([
      '2027-03-01',
      '2028-03-05',
    ]);
  });
});
