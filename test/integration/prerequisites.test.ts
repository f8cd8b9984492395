import { describe, expect, it } from 'vitest';
import { addPerson, setUpApp } from '../helpers/app.js';
import { publishModule, quiz, value } from '../helpers/catalog.js';

const course = (id: string) => ({
  kind: 'course' as const,
  steps: [{ id, type: 'text' as const, title: id, required: true, html: `<p>${id}</p>` }],
});

describe('prerequisites', () => {
  it('block starting and finishing steps until completed; the player opens and says why', async () => {
    const { app, adminId, orgId } = await setUpApp();
    const learner = addPerson(app, { email: 'lea@example.com', unitId: orgId });
    const as = { actorId: learner };
    const basics = await publishModule(app, adminId, {
      code: 'BASICS',
      title: 'Fire basics',
      ownerUnitId: orgId,
      content: course('b'),
    });
    const hazards = await publishModule(app, adminId, {
      code: 'HAZ',
      title: 'Hazards',
      ownerUnitId: orgId,
      content: course('h'),
    });
    const advanced = await publishModule(app, adminId, {
      code: 'ADV',
      title: 'Fire warden',
      ownerUnitId: orgId,
      content: course('a'),
      prerequisiteIds: [basics, hazards],
    });
    const wardenQuiz = await publishModule(app, adminId, {
      code: 'ADV-Q',
      title: 'Warden quiz',
      ownerUnitId: orgId,
      content: quiz({
        sections: [
          {
            id: 's',
            title: 'S',
            questions: [{ id: 'q', type: 'true_false', text: 'Ok?', points: 1, answer: true }],
          },
        ],
      }),
      prerequisiteIds: [basics],
    });
    for (const id of [basics, hazards, advanced, wardenQuiz])
      value(await app.invoke('learning.enrol', { moduleId: id }, as));

    const catalog = value(await app.invoke('learning.catalog', {}, as));
    expect(catalog.rows.find((r) => r.moduleId === advanced)?.blockedBy.map((m) => m.title)).toEqual([
      'Fire basics',
      'Hazards',
    ]);
    const open = value(await app.invoke('learning.open', { moduleId: advanced }, as));
    expect(open.blockedBy.map((m) => m.title)).toEqual(['Fire basics', 'Hazards']);
    const step = await app.invoke('learning.completeStep', { moduleId: advanced, stepId: 'a' }, as);
    expect(!step.ok && step.error.message).toBe('Complete “Fire basics” and “Hazards” first.');
    const attempt = await app.invoke('learning.startAttempt', { moduleId: wardenQuiz }, as);
    expect(!attempt.ok && attempt.error.message).toBe('Complete “Fire basics” first.');

    value(await app.invoke('learning.completeStep', { moduleId: basics, stepId: 'b' }, as));
    const dash = value(await app.invoke('learning.dashboard', {}, as));
    expect(dash.items.find((i) => i.moduleId === advanced)?.blockedBy.map((m) => m.title)).toEqual([
      'Hazards',
    ]);
    expect(dash.items.find((i) => i.moduleId === wardenQuiz)?.blockedBy).toEqual([]);
    value(await app.invoke('learning.startAttempt', { moduleId: wardenQuiz }, as));

    value(await app.invoke('learning.completeStep', { moduleId: hazards, stepId: 'h' }, as));
    const done = value(await app.invoke('learning.completeStep', { moduleId: advanced, stepId: 'a' }, as));
    expect(done.state).toBe('completed');
  });
});
