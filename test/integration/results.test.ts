import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api/contract.js';
import { addPerson } from '../helpers/app.js';
import { publishedModule, unwrapOk } from '../helpers/events.js';
import { orgFixture } from '../helpers/org-fixture.js';

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

/** A Manager at Umeå records results for Umeå people; Malmö is outside their scope. */
async function resultsWorld() {
  const f = await orgFixture();
  const { app, u, people, adminId } = f;
  const manager = addPerson(app, { email: 'mgr@example.com', unitId: u('ume'), roleId: 'manager' });
  const anna = addPerson(app, {
    email: 'anna@example.com',
    unitId: u('ume'),
    firstName: 'Anna',
    lastName: 'Ek',
  });
  const fire = await publishedModule(app, adminId, {
    code: 'FIRE',
    title: 'Fire Safety',
    kind: 'course',
    ownerUnitId: u('org'),
    defaultValidityMonths: 12,
    content: {
      kind: 'course',
      steps: [{ id: 's1', type: 'text', title: 'Exits', required: true, html: '<p>Know the exits.</p>' }],
    },
  });
  const draft = await publishedModule(
    app,
    adminId,
    { code: 'DRAFT', title: 'Draft course', kind: 'course', ownerUnitId: u('org') },
    { publish: false },
  );
  return { ...f, manager, anna, fire, draft, ume: people.umeColleague };
}

describe('manual results (001_*)', async () => {
  const w = await resultsWorld();
  const { app, people } = w;
  const record = (input: Partial<CallInput<'results.record'>>, actorId = w.manager) =>
    app.invoke(
      'results.record',
      { moduleId: w.fire, date: '2026-02-20', status: 'passed', personIds: [w.ume, w.anna], ...input },
      { actorId },
    );
  const resultCount = () => (app.db.prepare('SELECT count(*) AS n FROM result').get() as { n: number }).n;

  it('refuses the whole call, naming everyone out of scope, and writes nothing', async () => {
    const res = await record({ personIds: [w.ume, people.malmoPerson, w.anna, people.clientPerson] });
    expect(code(res)).toBe('forbidden');
    expect(!res.ok && res.error.message).toBe(
      'You cannot record results for Maja Malmö (outside your scope) and Alex Acme (outside your scope). Nothing was recorded.',
    );
    expect(!res.ok && res.error.details?.map((d) => d.path)).toEqual(['personIds.1', 'personIds.3']);
    expect(resultCount()).toBe(0);
  });

  it('checks the module, the date and the evidence file', async () => {
    const draft = await record({ moduleId: w.draft });
    expect(!draft.ok && draft.error.details?.[0]?.path).toBe('moduleId');
    const future = await record({ date: '2026-03-02' });
    expect(!future.ok && future.error.details?.[0]).toEqual({
      path: 'date',
      message: 'The date cannot be in the future',
    });
    const unreal = await record({ date: '2026-02-30' });
    expect(!unreal.ok && unreal.error.details?.[0]?.path).toBe('date');
    const noFile = await record({ evidenceFileId: 'no-such-file' });
    expect(!noFile.ok && noFile.error.details?.[0]?.path).toBe('evidenceFileId');
    expect(resultCount()).toBe(0);
  });

  it('records a result for many people at once, with evidence, each in their training record', async () => {
    const file = unwrapOk(
      await app.invoke(
        'files.upload',
        {
          name: 'sheet.pdf',
          mimeType: 'application/pdf',
          dataBase64: Buffer.from('%PDF-1.4 sheet').toString('base64'),
        },
        { actorId: w.manager },
      ),
    );
    const done = unwrapOk(await record({ score: 92, note: 'Drill in the yard', evidenceFileId: file.id }));
    expect(done.rows.map((r) => r.personId)).toEqual([w.ume, w.anna]);
    expect(done.rows.every((r) => r.recordId !== null)).toBe(true);
    const rec = unwrapOk(
      await app.invoke('records.get', { id: done.rows[0]?.recordId ?? '' }, { actorId: w.adminId }),
    );
    expect(rec).toMatchObject({
      recordType: 'course',
      title: 'Fire Safety',
      completionDate: '2026-02-20',
      expiryDate: '2027-02-20',
      source: 'manual',
      evidenceFile: { id: file.id, name: 'sheet.pdf', mimeType: 'application/pdf' },
      module: { id: w.fire, code: 'FIRE', title: 'Fire Safety' },
    });
    const list = unwrapOk(await app.invoke('results.list', { moduleId: w.fire }, { actorId: w.manager }));
    expect(list.total).toBe(2);
    expect(list.rows[0]).toMatchObject({
      status: 'passed',
      score: 92,
      source: 'manual',
      evidenceFileId: file.id,
    });
    // One audit row per person.
    const audits = app.db
      .prepare("SELECT summary FROM audit_log WHERE summary LIKE 'Recorded passed for %' ORDER BY seq")
      .pluck()
      .all();
    expect(audits).toEqual([
      'Recorded passed for Ulla Umeå in Fire Safety on 2026-02-20',
      'Recorded passed for Anna Ek in Fire Safety on 2026-02-20',
    ]);
  });

  it('lists only results of people within results.review reach', async () => {
    unwrapOk(await record({ personIds: [people.malmoPerson], status: 'failed' }, w.adminId));
    const mgr = unwrapOk(await app.invoke('results.list', {}, { actorId: w.manager }));
    expect(mgr.rows.some((r) => r.personId === people.malmoPerson)).toBe(false);
    const admin = unwrapOk(await app.invoke('results.list', { status: 'failed' }, { actorId: w.adminId }));
    expect(admin.rows).toMatchObject([{ personId: people.malmoPerson, status: 'failed', recordId: null }]);
    expect(code(await app.invoke('results.list', {}, { actorId: w.anna }))).toBe('forbidden');
  });
});

describe('quiz attempts and resetting them', async () => {
  const w = await resultsWorld();
  const { app } = w;
  const quiz = await publishedModule(app, w.adminId, {
    code: 'HYG',
    title: 'Food Hygiene',
    kind: 'quiz',
    ownerUnitId: w.u('org'),
    selfEnrol: true,
    content: {
      kind: 'quiz',
      passMark: 100,
      maxAttempts: 1,
      timeLimitMinutes: null,
      shuffleQuestions: false,
      shuffleOptions: false,
      sections: [
        {
          id: 's1',
          title: 'Basics',
          questions: [
            {
              id: 'q1',
              type: 'multiple',
              text: 'Which are clean?',
              points: 1,
              options: [
                { id: 'a', text: 'Washed hands', correct: true },
                { id: 'b', text: 'Clean apron', correct: true },
                { id: 'c', text: 'Muddy boots', correct: false },
              ],
            },
            { id: 'q2', type: 'true_false', text: 'Raw chicken may be rinsed.', points: 1, answer: false },
          ],
        },
      ],
    },
  });
  const take = async (answers: Record<string, string[]>) => {
    const a = unwrapOk(await app.invoke('learning.startAttempt', { moduleId: quiz }, { actorId: w.anna }));
    return unwrapOk(
      await app.invoke('learning.submitAttempt', { attemptId: a.attemptId, answers }, { actorId: w.anna }),
    );
  };

  it('shows a reviewer every answer and whether it was right, and resets attempts with a reason', async () => {
    unwrapOk(await app.invoke('learning.enrol', { moduleId: quiz }, { actorId: w.anna }));
    const first = await take({ q1: ['a'], q2: ['false'] });
    expect(first.passed).toBe(false);
    const history = unwrapOk(
      await app.invoke('results.attempts', { personId: w.anna }, { actorId: w.manager }),
    );
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]?.answers).toEqual([
      {
        questionId: 'q1',
        sectionTitle: 'Basics',
        text: 'Which are clean?',
        given: ['Washed hands'],
        correct: false,
      },
      {
        questionId: 'q2',
        sectionTitle: 'Basics',
        text: 'Raw chicken may be rinsed.',
        given: ['False'],
        correct: true,
      },
    ]);
    // The reviewer reads the answers as Anna does in her own history.
    const own = unwrapOk(await app.invoke('learning.attempts', { moduleId: quiz }, { actorId: w.anna }));
    expect(own.rows[0]?.answers.map((a) => a.given)).toEqual(history.rows[0]?.answers.map((a) => a.given));
    // Out of reach: Maja at Malmö.
    expect(
      code(await app.invoke('results.attempts', { personId: w.people.malmoPerson }, { actorId: w.manager })),
    ).toBe('forbidden');

    const reset = unwrapOk(
      await app.invoke(
        'results.resetAttempts',
        { personId: w.anna, moduleId: quiz, reason: 'Fire alarm during the quiz' },
        { actorId: w.manager },
      ),
    );
    expect(reset).toEqual({ reset: 1 });
    const after = unwrapOk(
      await app.invoke('results.attempts', { personId: w.anna, moduleId: quiz }, { actorId: w.manager }),
    );
    expect(after.rows[0]?.reset).toMatchObject({
      reason: 'Fire alarm during the quiz',
      byName: 'Test Person',
    });
    // The reset attempt no longer counts: Anna may try again, and passes.
    expect((await take({ q1: ['a', 'b'], q2: ['false'] })).passed).toBe(true);

    const none = await app.invoke(
      'results.resetAttempts',
      { personId: w.ume, moduleId: quiz, reason: 'Just in case' },
      { actorId: w.manager },
    );
    expect(code(none)).toBe('invalid_input');
    expect(!none.ok && none.error.message).toBe('Ulla Umeå has no attempts at Food Hygiene to reset.');
  });
});
