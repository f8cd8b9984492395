import { describe, expect, it } from 'vitest';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const b64 = (b: Buffer) => b.toString('base64');

async function filesWorld() {
  const f = await orgFixture();
  const { app, u, adminId } = f;
  const umeManager = addPerson(app, { email: 'ume.mgr@example.com', unitId: u('ume'), roleId: 'manager' });
  const upload = async (name: string, mimeType: string, bytes: Buffer, actorId = adminId) =>
    app.invoke('files.upload', { name, mimeType, dataBase64: b64(bytes) }, { actorId });
  const get = (id: string, actorId: string) => app.invoke('files.get', { id }, { actorId });
  return { ...f, umeManager, upload, get };
}

describe('files', () => {
  it('stores a file and gives the same bytes back to whoever uploaded it', async () => {
    const { app, adminId, upload, get } = await filesWorld();
    const up = await upload('Handbook.pdf', 'application/pdf', PDF);
    expect(up.ok && up.value).toMatchObject({
      name: 'Handbook.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
    });
    if (!up.ok) return;
    const back = await get(up.value.id, adminId);
    expect(back.ok && Buffer.from(back.value.dataBase64, 'base64').equals(PDF)).toBe(true);
    expect(app.db.prepare('SELECT summary FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe(
      `Uploaded file Handbook.pdf (${PDF.length} B)`,
    );
  });

  it('refuses a file whose bytes are not what it says, bad base64, empty files and unknown types', async () => {
    const { app, adminId, upload } = await filesWorld();
    const lying = await upload('invoice.pdf', 'application/pdf', PNG);
    expect(code(lying)).toBe('invalid_input');
    expect(lying.ok ? '' : lying.error.message).toBe(
      'The file says it is a PDF but is not one: invoice.pdf.',
    );
    expect(code(await upload('pic.png', 'image/png', PNG))).toBe('ok');
    expect(code(await upload('notes.txt', 'text/plain', Buffer.from('hello')))).toBe('ok');
    const garbled = await app.invoke(
      'files.upload',
      { name: 'x.txt', mimeType: 'text/plain', dataBase64: 'not base64!' },
      { actorId: adminId },
    );
    expect(garbled.ok ? '' : garbled.error.details?.[0]?.path).toBe('dataBase64');
    const empty = await upload('empty.txt', 'text/plain', Buffer.alloc(0));
    expect(empty.ok ? '' : empty.error.message).toBe('empty.txt is empty.');
    const exe = await upload('setup.exe', 'application/x-msdownload', Buffer.from('MZ'));
    expect(exe.ok ? '' : exe.error.details?.[0]?.path).toBe('mimeType');
  });

  it('lets learners open a file of a published course they can see, and nobody else', async () => {
    const { app, adminId, u, people, umeManager, upload, get } = await filesWorld();
    const up = await upload('Handbook.pdf', 'application/pdf', PDF);
    if (!up.ok) throw new Error(up.error.message);
    const fileId = up.value.id;
    expect(code(await get(fileId, people.umeColleague))).toBe('forbidden');

    const course = await app.invoke(
      'modules.create',
      {
        code: 'UME-HB',
        title: 'Umeå handbook',
        kind: 'course',
        ownerUnitId: u('ume'),
        content: {
          kind: 'course',
          steps: [{ id: 's1', title: 'Read', type: 'file', fileId, required: true }],
        },
      },
      { actorId: adminId },
    );
    if (!course.ok) throw new Error(course.error.message);
    // A draft is for editors: the site's manager may open it, its learners not yet.
    expect(code(await get(fileId, umeManager))).toBe('ok');
    expect(code(await get(fileId, people.umeColleague))).toBe('forbidden');
    const pub = await app.invoke('modules.publish', { id: course.value.id }, { actorId: adminId });
    expect(code(pub)).toBe('ok');
    expect(code(await get(fileId, people.umeColleague))).toBe('ok');
    const refused = await get(fileId, people.malmoPerson);
    expect(code(refused)).toBe('forbidden');
    expect(refused.ok ? '' : refused.error.message).toBe(
      'You cannot open that file: it belongs to a module or training record you may not see.',
    );
  });

  it('lets whoever may view a person’s training records open the evidence attached to them', async () => {
    const { app, adminId, people, upload, get } = await filesWorld();
    const up = await upload('certificate.pdf', 'application/pdf', PDF);
    if (!up.ok) throw new Error(up.error.message);
    const rec = await app.invoke(
      'records.addExternal',
      {
        personId: people.umeColleague,
        recordType: 'certificate',
        title: 'First aid',
        provider: 'Red Cross',
        completionDate: '2025-06-01',
      },
      { actorId: adminId },
    );
    if (!rec.ok) throw new Error(rec.error.message);
    app.db
      .prepare('UPDATE training_record SET evidence_file_id = ? WHERE id = ?')
      .run(up.value.id, rec.value.id);
    expect(code(await get(up.value.id, people.umeColleague))).toBe('ok');
    expect(code(await get(up.value.id, people.luleaPerson))).toBe('forbidden');
    expect(code(await get('no-such-file', adminId))).toBe('not_found');
  });
});
