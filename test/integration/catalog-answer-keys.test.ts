import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { publishModule, quiz, value } from '../helpers/catalog.js';

describe('quiz answer keys in modules.get', () => {
  it('shows the answers only to those who may edit the quiz', async () => {
    const { app, u, adminId } = await orgFixture();
    const reportsOnly = addPerson(app, {
      email: 'reports@example.com',
      unitId: u('lulea'),
      roleId: 'manager-reports',
    });
    const siteManager = addPerson(app, { email: 'ume.mgr@example.com', unitId: u('ume'), roleId: 'manager' });
    const id = await publishModule(app, adminId, {
      code: 'Q1',
      ownerUnitId: u('org'),
      content: quiz({
        passMark: 100,
        sections: [
          {
            id: 'sec',
            title: 'Safety',
            questions: [
              {
                id: 'q1',
                type: 'single',
                text: 'Pick one',
                points: 1,
                options: [
                  { id: 'a', text: 'Wrong', correct: false },
                  { id: 'b', text: 'Right', correct: true },
                ],
              },
              {
                id: 'q2',
                type: 'multiple',
                text: 'Pick all',
                points: 1,
                options: [
                  { id: 'c', text: 'Yes', correct: true },
                  { id: 'd', text: 'Also', correct: true },
                ],
              },
              { id: 'q3', type: 'true_false', text: 'True?', points: 1, answer: true },
              { id: 'q4', type: 'short_answer', text: 'Word', points: 1, accepted: ['helmet'] },
            ],
          },
        ],
      }),
    });

    for (const viewer of [reportsOnly, siteManager]) {
      const detail = value(await app.invoke('modules.get', { id }, { actorId: viewer }));
      expect(detail.canManage).toBe(false);
      const json = JSON.stringify(detail);
      expect(json).not.toMatch(/"correct":true/);
      expect(json).not.toMatch(/helmet/);
      expect(json).not.toMatch(/"answer":true/);
      // The questions themselves are still there for a read-only view.
      expect(json).toMatch(/Pick one/);
    }

    const editor = value(await app.invoke('modules.get', { id }, { actorId: adminId }));
    expect(editor.canManage).toBe(true);
    expect(JSON.stringify(editor)).toMatch(/"correct":true/);
    expect(JSON.stringify(editor)).toMatch(/helmet/);
  });
});
