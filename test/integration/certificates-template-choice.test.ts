import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { syncAll } from '../../src-main/domain/configurations/sync.js';
import { closePdfWorkers } from '../../src-main/pdf/render.js';
import { addPerson } from '../helpers/app.js';
import { value } from '../helpers/catalog.js';
import { certificateWorld } from '../helpers/certificates.js';

afterAll(() => closePdfWorkers());

async function pdfText(base64: string): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(Buffer.from(base64, 'base64')));
  return (await extractText(doc, { mergePages: true })).text;
}

describe('a configuration’s certificate template', () => {
  it('prints the template chosen for the configuration, and the default elsewhere', async () => {
    const { app, admin, config, fire, ladder, passed, mine } = await certificateWorld();
    const save = async (name: string, title: string, isDefault: boolean) =>
      value(
        await app.invoke(
          'certificates.saveTemplate',
          { name, title, body: '{person} has completed {what}.', isDefault },
          admin,
        ),
      );
    await save('Organisation', 'Norrland Certificate', true);
    const diploma = await save('Umeå site', 'Umeå Safety Diploma', false);
    value(
      await app.invoke(
        'certificates.configuration',
        { configurationId: config.id, enabled: true, templateId: diploma.id },
        admin,
      ),
    );
    // Fire safety also issues its own certificate, with no template of its own.
    value(await app.invoke('certificates.module', { moduleId: fire, enabled: true }, admin));
    await passed(fire, '2026-02-20');
    await passed(ladder, '2026-02-21');

    const held = await mine();
    const ofConfiguration = held.find((c) => c.kind === 'configuration');
    const ofModule = held.find((c) => c.kind === 'module');
    expect(ofConfiguration?.title).toBe('Umeå site training');
    expect(ofModule?.title).toBe('Fire safety');
    const pdf = async (id: string) => value(await app.invoke('certificates.pdf', { id }, admin)).content;
    // The title is printed in capitals.
    expect(await pdfText(await pdf(ofConfiguration?.id ?? ''))).toContain('UMEÅ SAFETY DIPLOMA');
    const ofModuleText = await pdfText(await pdf(ofModule?.id ?? ''));
    expect(ofModuleText).toContain('NORRLAND CERTIFICATE');
    expect(ofModuleText).not.toContain('UMEÅ SAFETY DIPLOMA');
  });

  it('refuses a template that does not exist', async () => {
    const { app, admin, config } = await certificateWorld();
    const res = await app.invoke(
      'certificates.configuration',
      { configurationId: config.id, enabled: true, templateId: '00000000-0000-4000-8000-000000000000' },
      admin,
    );
    expect(res.ok ? 'ok' : res.error.details?.[0]?.path).toBe('templateId');
  });
});

/**
 * Three colleagues in Umeå pass Fire safety (which issues its own certificate) and then Ladder work
 * (which completes the configuration's), recorded for all three in one call or in one call each.
 */
async function threeColleagues(together: boolean) {
  const { app, admin, u, ulla, fire, ladder } = await certificateWorld();
  const more = ['Anna', 'Bo'].map((n) =>
    addPerson(app, {
      email: `${n.toLowerCase()}@example.com`,
      unitId: u('ume'),
      firstName: n,
      lastName: 'Umeå',
    }),
  );
  syncAll(app.db, '2026-03-01');
  value(await app.invoke('certificates.module', { moduleId: fire, enabled: true }, admin));
  const ids = [ulla, ...more];
  for (const [moduleId, date] of [
    [fire, '2026-02-20'],
    [ladder, '2026-02-21'],
  ] as const)
    for (const personIds of together ? [ids] : ids.map((id) => [id]))
      value(await app.invoke('results.record', { moduleId, date, status: 'passed', personIds }, admin));
  // Certificate numbers and ids follow the order of writes, which one check for everyone need not keep.
  const numberless = (s: string) =>
    s.replace(/[A-Z]+-\d{4}-\d{6}/g, '<number>').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>');
  const rows = (sql: string) =>
    app.db
      .prepare(sql)
      .all()
      .map((r) => numberless(JSON.stringify(r)))
      .sort();
  return {
    certificates: rows(`SELECT p.email, c.kind, c.title, c.status, c.completed_on, c.issued_on, c.expires_on
      FROM certificate c JOIN person p ON p.id = c.person_id`),
    notifications: rows(`SELECT p.email, n.kind, n.title, n.body
      FROM notification n JOIN person p ON p.id = n.person_id`),
    outbox: rows(`SELECT to_email, subject, body FROM outbox`),
    audit: rows(`SELECT call, summary, after FROM audit_log WHERE call = 'results.record'`),
  };
}

describe('re-checking certificates for many people at once', () => {
  it('issues the same certificates, notices and audit as recording them one by one', async () => {
    const together = await threeColleagues(true);
    const oneByOne = await threeColleagues(false);
    // Three Fire safety certificates (superseded by none) and three of the configuration.
    expect(together.certificates.filter((c) => c.includes('"kind":"configuration"'))).toHaveLength(3);
    expect(together.certificates.filter((c) => c.includes('"kind":"module"'))).toHaveLength(3);
    expect(together.certificates.every((c) => c.includes('"status":"valid"'))).toBe(true);
    expect(together.notifications.filter((n) => n.includes('certificate_issued'))).toHaveLength(6);
    expect(together).toEqual(oneByOne);
  });
});
