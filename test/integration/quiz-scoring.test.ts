import { describe, expect, it } from 'vitest';
import { addPerson, setUpApp } from '../helpers/app.js';
import { publishModule, publishNewVersion, quiz, value } from '../helpers/catalog.js';

const hygieneQuiz = (extra: Parameters<typeof quiz>[0] = {}) =>
  quiz({
    passMark: 80,
    sections: [
      {
        id: 's-basics',
        title: 'Basics',
        questions: [
          {
            id: 'q1',
            type: 'single',
            text: 'Wash hands for how long?',
            points: 2,
            options: [
              { id: 'a', text: '20 seconds', correct: true },
              { id: 'b', text: '2 seconds', correct: false },
            ],
          },
          {
            id: 'q2',
            type: 'multiple',
            text: 'Which are allergens?',
            points: 2,
            options: [
              { id: 'a', text: 'Peanuts', correct: true },
              { id: 'b', text: 'Milk', correct: true },
              { id: 'c', text: 'Water', correct: false },
            ],
          },
          {
            id: 'q3',
            type: 'true_false',
            text: 'Raw chicken goes on the bottom shelf.',
            points: 1,
            answer: true,
          },
        ],
      },
      {
        id: 's-temps',
        title: 'Temperatures',
        questions: [
          {
            id: 'q4',
            type: 'short_answer',
            text: 'Name the dessert with a burnt sugar top.',
            points: 1,
            accepted: ['Crème brûlée'],
          },
          {
            id: 'q5',
            type: 'single',
            text: 'Fridge temperature?',
            points: 4,
            options: [
              { id: 'a', text: '5 °C or below', correct: true },
              { id: 'b', text: '12 °C', correct: false },
            ],
          },
        ],
      },
    ],
    ...extra,
  });

const allRight = { q1: ['a'], q2: ['b', 'a'], q3: ['true'], q4: ['creme brulee'], q5: ['a'] };

async function world(content = hygieneQuiz(), opts: { trainingRecord?: boolean; validity?: number } = {}) {
  const { app, adminId, orgId } = await setUpApp();
  const learner = addPerson(app, {
    email: 'lea@example.com',
    unitId: orgId,
    firstName: 'Lea',
    lastName: 'Lärling',
  });
  const quizId = await publishModule(app, adminId, {
    code: 'FH-Q',
    title: 'Food Hygiene quiz',
    ownerUnitId: orgId,
    content,
    trainingRecord: opts.trainingRecord ?? true,
    defaultValidityMonths: opts.validity ?? 12,
  });
  value(await app.invoke('learning.enrol', { moduleId: quizId }, { actorId: learner }));
  const as = { actorId: learner };
  return { app, adminId, orgId, learner, quizId, as };
}

describe('quiz scoring', () => {
  it('scores per section; a partial multiple-choice answer is wrong; short answers ignore case and accents', async () => {
    const { app, quizId, as } = await world();
    const attempt = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    const res = value(
      await app.invoke(
        'learning.submitAttempt',
        {
          attemptId: attempt.attemptId,
          answers: { q1: ['a'], q2: ['a'], q3: ['true'], q4: ['  CREME   Brûlée '], q5: ['b'] },
        },
        as,
      ),
    );
    // 2 + 0 + 1 + 1 + 0 of 10 points.
    expect(res.scorePercent).toBe(40);
    expect(res.passed).toBe(false);
    expect(res.recordId).toBeNull();
    expect(res.sectionScores).toEqual([
      { sectionId: 's-basics', title: 'Basics', score: 3, max: 5, percent: 60 },
      { sectionId: 's-temps', title: 'Temperatures', score: 1, max: 5, percent: 20 },
    ]);
    const dash = await app.invoke('learning.open', { moduleId: quizId }, as);
    expect(value(dash).state).toBe('failed');
  });

  it('a pass creates a training record from the organisation with expiry from the validity, and is audited', async () => {
    const { app, quizId, as, learner } = await world();
    const attempt = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    const res = value(
      await app.invoke('learning.submitAttempt', { attemptId: attempt.attemptId, answers: allRight }, as),
    );
    expect(res).toMatchObject({ scorePercent: 100, passed: true, number: 1, late: false });
    expect(res.recordId).not.toBeNull();
    const record = app.db
      .prepare(
        'SELECT record_type, title, provider, completion_date, expiry_date FROM training_record WHERE id = ?',
      )
      .get(res.recordId);
    expect(record).toEqual({
      record_type: 'quiz',
      title: 'Food Hygiene quiz',
      provider: 'Norrland Mining',
      completion_date: '2026-03-01',
      expiry_date: '2027-03-01',
    });
    const summaries = app.db.prepare('SELECT summary FROM audit_log').pluck().all();
    expect(summaries).toContain('Lea Lärling passed “Food Hygiene quiz” (100%)');
    const open = value(await app.invoke('learning.open', { moduleId: quizId }, as));
    expect(open).toMatchObject({ state: 'completed', progressPercent: 100, expiryDate: '2027-03-01' });
    const history = value(await app.invoke('learning.attempts', { moduleId: quizId }, as));
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]?.personId).toBe(learner);
    expect(history.rows[0]?.answers.find((a) => a.questionId === 'q2')).toMatchObject({
      given: ['Milk', 'Peanuts'],
      correct: null,
    });
  });

  it('no training record when the quiz does not count as one', async () => {
    const { app, quizId, as } = await world(hygieneQuiz(), { trainingRecord: false });
    const attempt = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    const res = value(
      await app.invoke('learning.submitAttempt', { attemptId: attempt.attemptId, answers: allRight }, as),
    );
    expect(res.passed).toBe(true);
    expect(res.recordId).toBeNull();
    expect(app.db.prepare('SELECT count(*) FROM training_record').pluck().get()).toBe(0);
  });

  it('never sends the learner the correct answers', async () => {
    const { app, quizId, as } = await world();
    const attempt = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    const json = JSON.stringify(attempt);
    expect(json).not.toMatch(/correct|accepted|"answer"/);
    expect(json).not.toContain('Crème');
    expect(attempt.sections[0]?.questions[0]?.options).toEqual([
      { id: 'a', text: '20 seconds' },
      { id: 'b', text: '2 seconds' },
    ]);
    const open = value(await app.invoke('learning.open', { moduleId: quizId }, as));
    expect(JSON.stringify(open)).not.toMatch(/correct|accepted/);
  });

  it('resumes the open attempt with the answers saved so far', async () => {
    const { app, quizId, as, adminId } = await world();
    const first = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    value(
      await app.invoke('learning.saveAnswers', { attemptId: first.attemptId, answers: { q1: ['a'] } }, as),
    );
    value(
      await app.invoke(
        'learning.saveAnswers',
        { attemptId: first.attemptId, answers: { q3: ['false'] } },
        as,
      ),
    );
    const again = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    expect(again.attemptId).toBe(first.attemptId);
    expect(again.answers).toEqual({ q1: ['a'], q3: ['false'] });
    const open = value(await app.invoke('learning.open', { moduleId: quizId }, as));
    expect(open.kind === 'quiz' && open.openAttemptId).toBe(first.attemptId);
    // Nobody else may write into it.
    const other = await app.invoke(
      'learning.saveAnswers',
      { attemptId: first.attemptId, answers: { q1: ['b'] } },
      { actorId: adminId },
    );
    expect(!other.ok && other.error.code).toBe('not_found');
  });

  it('enforces max attempts; attempts reset by a manager no longer count', async () => {
    const { app, quizId, as } = await world(hygieneQuiz({ maxAttempts: 2 }));
    for (const n of [1, 2]) {
      const a = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
      expect(a.number).toBe(n);
      const r = value(
        await app.invoke('learning.submitAttempt', { attemptId: a.attemptId, answers: { q1: ['b'] } }, as),
      );
      expect(r.attemptsLeft).toBe(2 - n);
    }
    const refused = await app.invoke('learning.startAttempt', { moduleId: quizId }, as);
    expect(!refused.ok && refused.error.message).toBe(
      'You have used all 2 attempts at “Food Hygiene quiz”. Ask a manager to reset them.',
    );
    app.db
      .prepare(
        "UPDATE attempt SET reset_at = '2026-03-01T10:00:00.000Z', reset_reason = 'Fire alarm' WHERE rowid = 1",
      )
      .run();
    const open = value(await app.invoke('learning.open', { moduleId: quizId }, as));
    expect(open.kind === 'quiz' && open.attemptsLeft).toBe(1);
    expect(open.kind === 'quiz' && open.attempts.map((a) => a.reset)).toEqual([true, false]);
    const third = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    expect(third.number).toBe(3);
    const history = value(await app.invoke('learning.attempts', { moduleId: quizId }, as));
    expect(history.rows[0]?.reset?.reason).toBe('Fire alarm');
  });

  it('after the time limit, answers saved by then count and later ones are ignored', async () => {
    const { app, quizId, as } = await world(hygieneQuiz({ timeLimitMinutes: 10 }));
    const a = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    expect(a.deadlineAt).toBe('2026-03-01T09:10:00.000Z');
    value(await app.invoke('learning.saveAnswers', { attemptId: a.attemptId, answers: { q5: ['a'] } }, as));
    app.clock.advance(11 * 60_000);
    const late = await app.invoke('learning.saveAnswers', { attemptId: a.attemptId, answers: allRight }, as);
    expect(!late.ok && late.error.code).toBe('conflict');
    const res = value(
      await app.invoke('learning.submitAttempt', { attemptId: a.attemptId, answers: allRight }, as),
    );
    expect(res).toMatchObject({ late: true, scorePercent: 40, passed: false, timeTakenSeconds: 600 });
  });

  it('an attempt whose time ran out unsubmitted is scored when the next one starts', async () => {
    const { app, quizId, as } = await world(hygieneQuiz({ timeLimitMinutes: 5 }));
    const a = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    value(await app.invoke('learning.saveAnswers', { attemptId: a.attemptId, answers: allRight }, as));
    app.clock.advance(60 * 60_000);
    const b = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    expect(b.attemptId).not.toBe(a.attemptId);
    const history = value(await app.invoke('learning.attempts', { moduleId: quizId }, as));
    expect(history.rows[0]).toMatchObject({ scorePercent: 100, passed: true, timeTakenSeconds: 300 });
  });

  it('an attempt started on version 1 is scored against version 1 after version 2 is published', async () => {
    const { app, quizId, as, adminId } = await world();
    const a = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    // Version 2 makes "2 seconds" the right answer to q1 and drops q5.
    const v2 = hygieneQuiz();
    if (v2.kind !== 'quiz') throw new Error('quiz');
    const [basics] = v2.sections;
    if (!basics) throw new Error('section');
    v2.sections = [
      {
        ...basics,
        questions: basics.questions.map((q) =>
          q.id === 'q1' && q.type === 'single'
            ? { ...q, options: q.options.map((o) => ({ ...o, correct: o.id === 'b' })) }
            : q,
        ),
      },
    ];
    await publishNewVersion(app, adminId, quizId, v2);
    const res = value(
      await app.invoke('learning.submitAttempt', { attemptId: a.attemptId, answers: allRight }, as),
    );
    expect(res.scorePercent).toBe(100);
    expect(app.db.prepare('SELECT version FROM result').pluck().get()).toBe(1);
    const b = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    expect(b.sections).toHaveLength(1);
    const res2 = value(
      await app.invoke('learning.submitAttempt', { attemptId: b.attemptId, answers: allRight }, as),
    );
    expect(res2.scorePercent).toBe(60);
  });

  it('shuffles questions and options per attempt, reproducibly, and scores by id', async () => {
    const { app, quizId, as } = await world(hygieneQuiz({ shuffleQuestions: true, shuffleOptions: true }));
    const a = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    const ids = a.sections.map((s) => s.questions.map((q) => q.id).sort());
    expect(ids).toEqual([
      ['q1', 'q2', 'q3'],
      ['q4', 'q5'],
    ]);
    const again = value(await app.invoke('learning.startAttempt', { moduleId: quizId }, as));
    expect(again.sections).toEqual(a.sections);
    const res = value(
      await app.invoke('learning.submitAttempt', { attemptId: a.attemptId, answers: allRight }, as),
    );
    expect(res.scorePercent).toBe(100);
  });
});
