import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';

const NOT_ATTACHABLE = 'That file is not one you uploaded or may open.';
const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);
type Detail = { path: string; message: string };
const details = (res: { ok: true } | { ok: false; error: { details?: Detail[] | undefined } }) =>
  res.ok ? [] : (res.error.details ?? []);

/**
 * A Manager at Umeå who has uploaded a private file (a medical certificate) and
 * made it evidence in Ulla's training record; a Manager at Malmö; Maja at Malmö.
 */
async function attachWorld() {
  const f = await orgFixture();
  const { app, u, people } = f;
  const umeManager = addPerson(app, { email: 'ume.mgr@example.com', unitId: u('ume'), roleId: 'manager' });
  const malmoManager = addPerson(app, {
    email: 'malmo.mgr@example.com',
    unitId: u('malmo'),
    roleId: 'manager',
  });
  const upload = async (name: string, actorId: string) => {
    const res = await app.invoke(
      'files.upload',
      { name, mimeType: 'application/pdf', dataBase64: Buffer.from(`%PDF-1.4 ${name}`).toString('base64') },
      { actorId },
    );
    if (!res.ok) throw new Error(res.error.message);
    return res.value.id;
  };
  const addCertificate = (personId: string, evidenceFileId: string | null, actorId: string) =>
    app.invoke(
      'records.addExternal',
      {
        personId,
        recordType: 'certificate',
        title: 'First aid',
        provider: 'Red Cross',
        completionDate: '2026-01-01',
        evidenceFileId,
      },
      { actorId },
    );
  const secret = await upload('ulla-medical.pdf', umeManager);
  const held = await addCertificate(people.umeColleague, secret, umeManager);
  if (!held.ok) throw new Error(held.error.message);
  const get = (id: string, actorId: string) => app.invoke('files.get', { id }, { actorId });
  return { ...f, umeManager, malmoManager, upload, addCertificate, secret, get };
}

describe('attaching a stored file', () => {
  it('refuses to make someone else’s file evidence in a record, without naming it', async () => {
    const { app, people, secret, addCertificate, get } = await attachWorld();
    const maja = people.malmoPerson;
    const refused = await addCertificate(maja, secret, maja);
    expect(code(refused)).toBe('invalid_input');
    expect(details(refused)).toEqual([{ path: 'evidenceFileId', message: NOT_ATTACHABLE }]);
    expect(JSON.stringify(refused)).not.toMatch(/ulla-medical/);

    // Nor by changing the evidence of a record Maja may edit.
    const own = await addCertificate(maja, null, maja);
    if (!own.ok) throw new Error(own.error.message);
    const changed = await app.invoke(
      'records.update',
      { id: own.value.id, evidenceFileId: secret },
      { actorId: maja },
    );
    expect(details(changed)).toEqual([{ path: 'evidenceFileId', message: NOT_ATTACHABLE }]);

    const still = await get(secret, maja);
    expect(code(still)).toBe('forbidden');
    expect(JSON.stringify(still)).not.toMatch(/ulla-medical/);
  });

  it('lets people attach files they uploaded or may already open', async () => {
    const { app, adminId, people, upload, secret, addCertificate } = await attachWorld();
    const maja = people.malmoPerson;
    const mine = await upload('maja-scan.pdf', maja);
    expect(code(await addCertificate(maja, mine, maja))).toBe('ok');
    // The administrator may view Ulla's records, so may open (and reuse) her evidence.
    expect(code(await addCertificate(people.umeColleague, secret, adminId))).toBe('ok');
    // A missing file is still reported as missing.
    const missing = await app.invoke(
      'records.addExternal',
      {
        personId: maja,
        recordType: 'certificate',
        title: 'x',
        provider: 'y',
        completionDate: '2026-01-01',
        evidenceFileId: 'no-such-file',
      },
      { actorId: maja },
    );
    expect(details(missing)).toEqual([
      { path: 'evidenceFileId', message: 'That evidence file was not found' },
    ]);
  });

  it('refuses a course file step naming a file the editor may not open, on create and on update', async () => {
    const { app, adminId, u, malmoManager, upload, secret, get } = await attachWorld();
    const fileStep = (id: string, fileId: string | null, title = 'Read') => ({
      id,
      type: 'file' as const,
      title,
      required: true,
      fileId,
    });
    const steps = (fileId: string | null) => [
      { id: 'intro', type: 'text' as const, title: 'Intro', required: true, html: '<p>Hi</p>' },
      fileStep('doc', fileId),
    ];
    const created = await app.invoke(
      'modules.create',
      {
        code: 'MMC',
        title: 'Malmö course',
        kind: 'course',
        ownerUnitId: u('malmo'),
        content: { kind: 'course', steps: steps(secret) },
      },
      { actorId: malmoManager },
    );
    expect(code(created)).toBe('invalid_input');
    expect(details(created)).toEqual([{ path: 'content.steps.1.fileId', message: NOT_ATTACHABLE }]);

    const own = await upload('malmo-handbook.pdf', malmoManager);
    const course = await app.invoke(
      'modules.create',
      {
        code: 'MMC',
        title: 'Malmö course',
        kind: 'course',
        ownerUnitId: u('malmo'),
        content: { kind: 'course', steps: steps(own) },
      },
      { actorId: malmoManager },
    );
    if (!course.ok) throw new Error(course.error.message);
    const id = course.value.id;
    const swapped = await app.invoke(
      'modules.update',
      { id, content: { kind: 'course', steps: steps(secret) } },
      { actorId: malmoManager },
    );
    expect(details(swapped)).toEqual([{ path: 'content.steps.1.fileId', message: NOT_ATTACHABLE }]);
    expect(code(await get(secret, malmoManager))).toBe('forbidden');

    // A file someone else put in the course is one its editors may open: editing around it works.
    const byAdmin = await upload('org-policy.pdf', adminId);
    const added = await app.invoke(
      'modules.update',
      { id, content: { kind: 'course', steps: [...steps(own), fileStep('policy', byAdmin)] } },
      { actorId: adminId },
    );
    expect(code(added)).toBe('ok');
    const retitled = await app.invoke(
      'modules.update',
      {
        id,
        content: {
          kind: 'course',
          steps: [...steps(own), fileStep('policy', byAdmin, 'Policy')],
        },
      },
      { actorId: malmoManager },
    );
    expect(code(retitled)).toBe('ok');
  });
});
