import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api/contract.js';
import { addPerson } from '../helpers/app.js';
import { publishModule, quiz } from '../helpers/catalog.js';
import { unwrapOk } from '../helpers/events.js';
import { orgFixture } from '../helpers/org-fixture.js';

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

const course = {
  kind: 'course' as const,
  steps: [{ id: 's1', type: 'text' as const, title: 'Read', required: true, html: '<p>x</p>' }],
};

/** Managers at Umeå (Mats, Mona) and Malmö (Max); courses owned by the organisation, by Umeå and by Malmö. */
async function guardsWorld() {
  const f = await orgFixture();
  const { app, u, adminId } = f;
  const mats = addPerson(app, { email: 'mats@example.com', unitId: u('ume'), roleId: 'manager' });
  const mona = addPerson(app, { email: 'mona@example.com', unitId: u('ume'), roleId: 'manager' });
  const max = addPerson(app, { email: 'max@example.com', unitId: u('malmo'), roleId: 'manager' });
  const orgCourse = await publishModule(app, adminId, {
    code: 'ORG',
    title: 'Fire Safety',
    ownerUnitId: u('org'),
    content: course,
  });
  const umeCourse = await publishModule(app, adminId, {
    code: 'UME',
    title: 'Umeå Yard Rules',
    ownerUnitId: u('ume'),
    content: course,
  });
  const oldUme = await publishModule(app, adminId, {
    code: 'OLD',
    title: 'Old Yard Rules',
    ownerUnitId: u('ume'),
    content: course,
  });
  unwrapOk(await app.invoke('modules.archive', { id: oldUme }, { actorId: adminId }));
  return { ...f, mats, mona, max, orgCourse, umeCourse, oldUme };
}

describe('results.record: which modules a manager may record results for', async () => {
  const w = await guardsWorld();
  const { app, people } = w;
  const record = (input: Partial<CallInput<'results.record'>>, actorId: string) =>
    app.invoke(
      'results.record',
      { moduleId: w.orgCourse, date: '2026-02-20', status: 'completed', personIds: [], ...input },
      { actorId },
    );
  const resultCount = () => app.db.prepare('SELECT count(*) FROM result').pluck().get() as number;

  it('refuses a module outside the actor’s catalog, naming its owner, and writes nothing', async () => {
    // Max cannot even open Umeå's course...
    expect(code(await app.invoke('modules.get', { id: w.umeCourse }, { actorId: w.max }))).not.toBe('ok');
    // ...so he cannot certify his own people on it either.
    const res = await record({ moduleId: w.umeCourse, personIds: [people.malmoPerson] }, w.max);
    expect(code(res)).toBe('forbidden');
    expect(!res.ok && res.error.message).toBe(
      'You cannot record results for “Umeå Yard Rules”: it belongs to Umeå, outside your catalog.',
    );
    expect(!res.ok && res.error.details?.map((d) => d.path)).toEqual(['moduleId']);
    expect(resultCount()).toBe(0);
  });

  it('allows modules in the actor’s catalog, modules they see as a learner, and archived ones', async () => {
    // Owned above Max: his people see it, so he records it.
    unwrapOk(await record({ personIds: [people.malmoPerson] }, w.max));
    // Umeå's own course, for an Umeå person.
    unwrapOk(await record({ moduleId: w.umeCourse, personIds: [people.umeColleague] }, w.mats));
    // History recorded after the module was archived.
    unwrapOk(await record({ moduleId: w.oldUme, personIds: [people.umeColleague] }, w.mats));
    expect(resultCount()).toBe(3);
  });
});

describe('results.record: evidence files', async () => {
  const w = await guardsWorld();
  const { app, people } = w;

  it('refuses a file the actor neither uploaded nor may open, as if it did not exist', async () => {
    const upload = async (actorId: string) =>
      unwrapOk(
        await app.invoke(
          'files.upload',
          {
            name: 'private.pdf',
            mimeType: 'application/pdf',
            dataBase64: Buffer.from('%PDF-1.4 private').toString('base64'),
          },
          { actorId },
        ),
      ).id;
    const majasFile = await upload(people.malmoPerson);
    const record = (evidenceFileId: string) =>
      app.invoke(
        'results.record',
        {
          moduleId: w.orgCourse,
          date: '2026-02-20',
          status: 'completed',
          personIds: [people.umeColleague],
          evidenceFileId,
        },
        { actorId: w.mats },
      );
    for (const id of [majasFile, 'no-such-file']) {
      const res = await record(id);
      expect(code(res)).toBe('invalid_input');
      expect(!res.ok && res.error.details).toEqual([
        { path: 'evidenceFileId', message: 'That file is not one you uploaded or may open.' },
      ]);
    }
    expect(app.db.prepare('SELECT count(*) FROM result').pluck().get()).toBe(0);
    unwrapOk(await record(await upload(w.mats)));
  });
});

describe('managers cannot certify themselves', async () => {
  const w = await guardsWorld();
  const { app, people } = w;
  const resultsOf = (personId: string) =>
    app.db.prepare('SELECT count(*) FROM result WHERE person_id = ?').pluck().get(personId) as number;

  it('refuses recording the actor’s own result, even among others, and writes nothing', async () => {
    const res = await app.invoke(
      'results.record',
      {
        moduleId: w.orgCourse,
        date: '2026-02-20',
        status: 'completed',
        personIds: [people.umeColleague, w.mats],
      },
      { actorId: w.mats },
    );
    expect(code(res)).toBe('forbidden');
    expect(!res.ok && res.error.message).toBe('You cannot record your own results; ask another manager.');
    expect(!res.ok && res.error.details).toEqual([
      { path: 'personIds.1', message: 'You cannot record your own results; ask another manager' },
    ]);
    expect(resultsOf(people.umeColleague)).toBe(0);
    // Another manager vouches for Mats.
    unwrapOk(
      await app.invoke(
        'results.record',
        { moduleId: w.orgCourse, date: '2026-02-20', status: 'completed', personIds: [w.mats] },
        { actorId: w.mona },
      ),
    );
    expect(resultsOf(w.mats)).toBe(1);
  });

  it('refuses resetting the actor’s own attempts; another manager may', async () => {
    const q = await publishModule(app, w.adminId, {
      code: 'Q',
      title: 'Yard quiz',
      ownerUnitId: w.u('org'),
      content: quiz({
        passMark: 100,
        maxAttempts: 1,
        sections: [
          {
            id: 's',
            title: 'S',
            questions: [{ id: 'q1', type: 'true_false', text: 'Sky blue?', points: 1, answer: true }],
          },
        ],
      }),
    });
    unwrapOk(await app.invoke('learning.enrol', { moduleId: q }, { actorId: w.mats }));
    const a = unwrapOk(await app.invoke('learning.startAttempt', { moduleId: q }, { actorId: w.mats }));
    unwrapOk(
      await app.invoke(
        'learning.submitAttempt',
        { attemptId: a.attemptId, answers: { q1: ['false'] } },
        { actorId: w.mats },
      ),
    );
    const own = await app.invoke(
      'results.resetAttempts',
      { personId: w.mats, moduleId: q, reason: 'Bad luck' },
      { actorId: w.mats },
    );
    expect(code(own)).toBe('forbidden');
    expect(!own.ok && own.error.message).toBe('You cannot reset your own attempts; ask another manager.');
    expect(
      app.db
        .prepare('SELECT count(*) FROM attempt WHERE person_id = ? AND reset_at IS NULL')
        .pluck()
        .get(w.mats),
    ).toBe(1);
    expect(
      unwrapOk(
        await app.invoke(
          'results.resetAttempts',
          { personId: w.mats, moduleId: q, reason: 'Fire alarm' },
          { actorId: w.mona },
        ),
      ),
    ).toEqual({ reset: 1 });
  });
});

describe('results.attempts reads as the learner’s history does', async () => {
  const w = await guardsWorld();
  const { app, people } = w;
  const ulla = people.umeColleague;

  it('shows option texts as the given answers and counts time only up to the deadline', async () => {
    const q = await publishModule(app, w.adminId, {
      code: 'QC',
      title: 'Fruit',
      ownerUnitId: w.u('ume'),
      content: quiz({
        passMark: 50,
        timeLimitMinutes: 10,
        sections: [
          {
            id: 's',
            title: 'Fruit',
            questions: [
              {
                id: 'q1',
                type: 'single',
                text: 'Which is yellow?',
                points: 1,
                options: [
                  { id: 'opt-a', text: 'Apples', correct: false },
                  { id: 'opt-b', text: 'Bananas', correct: true },
                ],
              },
            ],
          },
        ],
      }),
    });
    unwrapOk(await app.invoke('learning.enrol', { moduleId: q }, { actorId: ulla }));
    const a = unwrapOk(await app.invoke('learning.startAttempt', { moduleId: q }, { actorId: ulla }));
    unwrapOk(
      await app.invoke(
        'learning.saveAnswers',
        { attemptId: a.attemptId, answers: { q1: ['opt-b'] } },
        { actorId: ulla },
      ),
    );
    // Ulla leaves the quiz open for half an hour; only the ten minutes allowed were hers.
    app.clock.set('2026-03-01T09:30:00.000Z');
    unwrapOk(
      await app.invoke('learning.submitAttempt', { attemptId: a.attemptId, answers: {} }, { actorId: ulla }),
    );
    const review = unwrapOk(
      await app.invoke('results.attempts', { personId: ulla, moduleId: q }, { actorId: w.mats }),
    );
    expect(review.rows[0]?.answers).toEqual([
      {
        questionId: 'q1',
        sectionTitle: 'Fruit',
        text: 'Which is yellow?',
        given: ['Bananas'],
        correct: true,
      },
    ]);
    expect(review.rows[0]?.timeTakenSeconds).toBe(600);
    const mine = unwrapOk(await app.invoke('learning.attempts', { moduleId: q }, { actorId: ulla }));
    expect(mine.rows[0]?.answers[0]?.given).toEqual(['Bananas']);
    expect(mine.rows[0]?.timeTakenSeconds).toBe(600);
  });
});
