import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { unwrapOk } from '../helpers/events.js';
import { orgFixture } from '../helpers/org-fixture.js';

describe('evidence files on training records', async () => {
  const { app, adminId, people } = await orgFixture();
  const upload = async (name: string) =>
    unwrapOk(
      await app.invoke(
        'files.upload',
        { name, mimeType: 'application/pdf', dataBase64: Buffer.from(`%PDF-1.4 ${name}`).toString('base64') },
        { actorId: adminId },
      ),
    );
  const addCertificate = (evidenceFileId: string | null) =>
    app.invoke(
      'records.addExternal',
      {
        personId: people.umeColleague,
        recordType: 'certificate',
        title: 'Forklift licence',
        provider: 'Truck School',
        completionDate: '2025-09-01',
        evidenceFileId,
      },
      { actorId: adminId },
    );

  it('keeps the scan of a certificate with the record, and lets it be replaced or removed', async () => {
    const scan = await upload('licence.pdf');
    const rec = unwrapOk(await addCertificate(scan.id));
    expect(rec.evidenceFile).toEqual({
      id: scan.id,
      name: 'licence.pdf',
      mimeType: 'application/pdf',
      size: scan.size,
    });
    expect(rec.module).toBeNull();

    const better = await upload('licence-both-sides.pdf');
    const replaced = unwrapOk(
      await app.invoke('records.update', { id: rec.id, evidenceFileId: better.id }, { actorId: adminId }),
    );
    expect(replaced.evidenceFile?.name).toBe('licence-both-sides.pdf');
    const audit = app.db
      .prepare("SELECT before, after FROM audit_log WHERE call = 'records.update' ORDER BY seq DESC LIMIT 1")
      .get() as { before: string; after: string };
    expect(JSON.parse(audit.before)).toEqual({ evidenceFileId: scan.id });
    expect(JSON.parse(audit.after)).toEqual({ evidenceFileId: better.id });

    const removed = unwrapOk(
      await app.invoke('records.update', { id: rec.id, evidenceFileId: null }, { actorId: adminId }),
    );
    expect(removed.evidenceFile).toBeNull();
  });

  it('refuses an evidence file that does not exist, naming the field', async () => {
    const res = await addCertificate('no-such-file');
    expect(!res.ok && res.error).toMatchObject({
      code: 'invalid_input',
      details: [{ path: 'evidenceFileId', message: 'That evidence file was not found' }],
    });
  });
});
