import { describe, expect, it } from 'vitest';
import { runDaily } from '../../src-main/app/daily.js';
import { statusOn } from '../../src-main/domain/certificates/status-on.js';
import { value } from '../helpers/catalog.js';
import { certificateWorld } from '../helpers/certificates.js';
import { importRecords } from '../helpers/records-import-flow.js';

describe('certificates of completion per configuration', () => {
  it('issues one when every Required module is done: numbered, expiring with the earliest module', async () => {
    const { app, passed, mine, mails, notices, fire, ladder, first } = await certificateWorld();
    await passed(first, '2026-02-20'); // Optional: counts for nothing
    await passed(ladder, '2026-02-10');
    expect(await mine()).toEqual([]);
    await passed(fire, '2026-02-25');
    const [cert, ...more] = await mine();
    expect(more).toEqual([]);
    expect(cert).toMatchObject({
      kind: 'configuration',
      title: 'Umeå site training',
      status: 'valid',
      completedOn: '2026-02-25',
      issuedOn: '2026-03-01',
      // Fire safety (12 months) runs out before Ladder work (24 months).
      expiresOn: '2027-02-25',
      expired: false,
      statusReason: null,
    });
    expect(cert?.number).toMatch(/^[A-Z0-9-]+-2026-000001$/);
    expect(mails()).toContain('Your certificate: Umeå site training');
    expect(notices()).toEqual([]);
    // The holder is told in the bell too, linked to the certificate.
    expect(
      app.db
        .prepare(
          `SELECT title, certificate_id IS NOT NULL AS linked FROM notification WHERE kind = 'certificate_issued'`,
        )
        .all(),
    ).toEqual([{ title: 'Your certificate: Umeå site training', linked: 1 }]);
  });

  it('turning certificates on issues at once to everyone already compliant', async () => {
    const { app, admin, config, passed, mine, fire, ladder } = await certificateWorld();
    value(
      await app.invoke('certificates.configuration', { configurationId: config.id, enabled: false }, admin),
    );
    await passed(fire, '2026-02-25');
    await passed(ladder, '2026-02-25');
    expect(await mine()).toEqual([]);
    const on = value(
      await app.invoke('certificates.configuration', { configurationId: config.id, enabled: true }, admin),
    );
    expect(on).toEqual({ enabled: true, issued: 1 });
    expect((await mine()).map((c) => c.status)).toEqual(['valid']);
  });

  it('becomes invalid when a Required module expires (daily run), and the person is told', async () => {
    const { app, passed, mine, notices, mails, daily, fire, ladder, ulla } = await certificateWorld();
    await passed(fire, '2026-02-25');
    await passed(ladder, '2026-02-25');
    expect(daily('2027-02-24')).toBe(true);
    expect((await mine())[0]?.status).toBe('valid');
    expect(daily('2027-02-24')).toBe(false); // once a day
    daily('2027-02-26');
    const [cert] = await mine();
    expect(cert).toMatchObject({ status: 'invalid', statusReason: 'Fire safety expired on 2027-02-25' });
    expect(notices()).toEqual([
      {
        title: 'Certificate no longer valid: Umeå site training',
        body: expect.stringContaining('Fire safety expired on 2027-02-25') as string,
      },
    ]);
    expect(mails()).toContain('Certificate no longer valid: Umeå site training');
    // Idempotent: the next days add nothing.
    daily('2027-02-27');
    expect(notices()).toHaveLength(1);
    // As of a date, from the history: valid on the day before expiry, invalid from the expiry date.
    const id = cert?.id ?? '';
    expect(statusOn(app.db, id, '2027-02-24')?.status).toBe('valid');
    expect(statusOn(app.db, id, '2027-02-25')).toMatchObject({ status: 'invalid' });
    expect(statusOn(app.db, id, '2026-02-28')).toBeNull(); // not issued yet
    expect(ulla).toBeTruthy();
  });

  it('becomes invalid when new Required training is added; completing it issues a new number and supersedes the old', async () => {
    const { app, admin, config, items, passed, mine, notices, fire, ladder, forklift, day } =
      await certificateWorld();
    await passed(fire, '2026-02-25');
    await passed(ladder, '2026-02-25');
    const [first] = await mine();
    day('2026-04-01');
    value(
      await app.invoke(
        'configurations.update',
        {
          id: config.id,
          items: [...items, { moduleId: forklift, requirement: 'required', validityMonths: null }],
        },
        admin,
      ),
    );
    const [invalid] = await mine();
    expect(invalid).toMatchObject({
      id: first?.id,
      status: 'invalid',
      statusReason: 'New Required training: Forklift',
    });
    expect(notices().map((n) => n.title)).toEqual(['Certificate no longer valid: Umeå site training']);

    await passed(forklift, '2026-04-03');
    const rows = await mine();
    expect(rows.map((r) => [r.status, r.issuedOn])).toEqual([
      ['valid', '2026-04-03'],
      ['superseded', '2026-03-01'],
    ]);
    expect(rows[0]?.number).not.toBe(first?.number);
    expect(rows[0]?.number).toMatch(/-2026-000002$/);
    expect(rows[0]?.completedOn).toBe('2026-04-03');
    const old = value(await app.invoke('certificates.get', { id: first?.id ?? '' }, admin));
    expect(old.supersededBy).toBe(rows[0]?.id);
    expect(old.history.map((h) => h.status)).toEqual(['valid', 'invalid', 'superseded']);
  });

  it('new Required training added on the day of issue invalidates it as new training', async () => {
    const { app, admin, config, items, passed, mine, fire, ladder, forklift } = await certificateWorld();
    await passed(fire, '2026-02-25');
    await passed(ladder, '2026-02-25');
    const [first] = await mine();
    expect(first).toMatchObject({ status: 'valid', issuedOn: '2026-03-01' });
    // Still 2026-03-01: the certificate was issued before this change, on the same day.
    value(
      await app.invoke(
        'configurations.update',
        {
          id: config.id,
          items: [...items, { moduleId: forklift, requirement: 'required', validityMonths: 12 }],
        },
        admin,
      ),
    );
    expect(await mine()).toMatchObject([
      { id: first?.id, status: 'invalid', statusReason: 'New Required training: Forklift' },
    ]);
  });

  it('a renewal that moves the expiry replaces the certificate', async () => {
    const { passed, mine, fire, ladder } = await certificateWorld();
    await passed(fire, '2026-02-25');
    await passed(ladder, '2026-02-25');
    await passed(fire, '2026-06-01');
    const rows = await mine();
    expect(rows.map((r) => [r.status, r.expiresOn])).toEqual([
      ['valid', '2027-06-01'],
      ['superseded', '2027-02-25'],
    ]);
  });
});

describe('revoking and issuing by hand', () => {
  it('revokes with a reason, audited; a revoked certificate is not re-issued until new training', async () => {
    const { app, admin, passed, mine, fire, ladder, ulla } = await certificateWorld();
    await passed(fire, '2026-02-25');
    await passed(ladder, '2026-02-25');
    const [cert] = await mine();
    const revoked = value(
      await app.invoke('certificates.revoke', { id: cert?.id ?? '', reason: 'Issued in error' }, admin),
    );
    expect(revoked).toMatchObject({ status: 'revoked', statusReason: 'Issued in error', canRevoke: false });
    expect(revoked.history.at(-1)).toMatchObject({ status: 'revoked', reason: 'Issued in error' });
    const audit = app.db
      .prepare(`SELECT summary FROM audit_log WHERE summary LIKE 'Revoked certificate%'`)
      .pluck()
      .all() as string[];
    expect(audit).toEqual([
      `Revoked certificate ${cert?.number} (Umeå site training) of Ulla Umeå: Issued in error`,
    ]);
    const again = await app.invoke('certificates.revoke', { id: cert?.id ?? '', reason: 'Twice' }, admin);
    expect(again.ok).toBe(false);
    // A daily run does not bring it back…
    app.clock.set('2026-03-02T09:00:00.000Z');
    runDaily(app);
    expect((await mine(ulla)).map((c) => c.status)).toEqual(['revoked']);
    // …new training does.
    await passed(fire, '2026-03-05');
    expect((await mine(ulla)).map((c) => c.status)).toEqual(['valid', 'revoked']);
  });

  it('issues a certificate by hand with a reason', async () => {
    const { app, admin, people, mine } = await certificateWorld();
    const cert = value(
      await app.invoke(
        'certificates.issue',
        {
          personId: people.malmoPerson,
          title: 'Confined space entry',
          completedOn: '2026-02-14',
          expiresOn: '2028-02-14',
          reason: 'Trained by an outside provider before Fieldbook',
        },
        admin,
      ),
    );
    expect(cert).toMatchObject({
      kind: 'manual',
      status: 'valid',
      personName: 'Maja Malmö',
      title: 'Confined space entry',
      completedOn: '2026-02-14',
      expiresOn: '2028-02-14',
    });
    expect(cert.shortCode).toMatch(new RegExp(`^${cert.number}-[A-Z2-7]{8}$`));
    expect(cert.qrText).toMatch(/^FBC1\./);
    expect(cert.history[0]?.reason).toBe('Trained by an outside provider before Fieldbook');
    expect((await mine(people.malmoPerson)).map((c) => c.id)).toEqual([cert.id]);
    const bad = await app.invoke(
      'certificates.issue',
      {
        personId: people.malmoPerson,
        title: 'X',
        completedOn: '2026-02-14',
        expiresOn: '2026-01-01',
        reason: 'r',
      },
      admin,
    );
    expect(bad.ok).toBe(false);
  });
});

describe('certificates on completion of a module', () => {
  it('issues one per completion, expiring with the record, superseded by the next', async () => {
    const { app, admin, first, mine, passed, people } = await certificateWorld();
    const maja = people.malmoPerson;
    value(await app.invoke('certificates.module', { moduleId: first, enabled: true }, admin));
    await passed(first, '2026-02-01', maja);
    // The module has no default validity: the record does not expire, nor does the certificate.
    expect(await mine(maja)).toMatchObject([{ kind: 'module', title: 'First aid', expiresOn: null }]);
    await passed(first, '2026-03-01', maja);
    expect((await mine(maja)).map((c) => [c.status, c.completedOn])).toEqual([
      ['valid', '2026-03-01'],
      ['superseded', '2026-02-01'],
    ]);
  });
});

describe('certificates on completion of a module, when the record is corrected', () => {
  const recordOf = (
    app: Awaited<ReturnType<typeof certificateWorld>>['app'],
    personId: string,
    moduleId: string,
  ) =>
    app.db
      .prepare('SELECT id FROM training_record WHERE person_id = ? AND object_id = ?')
      .pluck()
      .get(personId, moduleId) as string;

  it('follows the completion date corrected to an earlier day: a new certificate, the old one superseded', async () => {
    const { app, admin, first, mine, passed, ulla } = await certificateWorld();
    value(await app.invoke('certificates.module', { moduleId: first, enabled: true }, admin));
    await passed(first, '2026-02-25');
    const [original] = await mine();
    expect(original).toMatchObject({ kind: 'module', status: 'valid', completedOn: '2026-02-25' });

    value(
      await app.invoke(
        'records.update',
        { id: recordOf(app, ulla, first), completionDate: '2026-02-20' },
        admin,
      ),
    );
    const rows = await mine();
    expect(rows.map((c) => [c.status, c.completedOn])).toEqual([
      ['valid', '2026-02-20'],
      ['superseded', '2026-02-25'],
    ]);
    expect(rows[0]?.number).not.toBe(original?.number);
    const old = value(await app.invoke('certificates.get', { id: original?.id ?? '' }, admin));
    expect(old.supersededBy).toBe(rows[0]?.id);
    // Idempotent: the next daily run changes nothing.
    runDaily(app);
    expect((await mine()).map((c) => [c.status, c.completedOn])).toEqual([
      ['valid', '2026-02-20'],
      ['superseded', '2026-02-25'],
    ]);
  });

  it('a deleted completion leaves the certificate invalid; entering it again issues a new one', async () => {
    const { app, admin, first, mine, passed, ulla } = await certificateWorld();
    value(await app.invoke('certificates.module', { moduleId: first, enabled: true }, admin));
    await passed(first, '2026-02-25');
    value(await app.invoke('records.delete', { id: recordOf(app, ulla, first) }, admin));
    expect((await mine()).map((c) => [c.status, c.statusReason])).toEqual([
      ['invalid', 'No longer completed: First aid'],
    ]);
    await passed(first, '2026-02-25');
    expect((await mine()).map((c) => [c.status, c.completedOn])).toEqual([
      ['valid', '2026-02-25'],
      ['superseded', '2026-02-25'],
    ]);
  });
});

describe('imported completions', () => {
  it('an import that completes the Required modules issues the certificate', async () => {
    const { app, adminId, mine } = await certificateWorld();
    const HEADER =
      'Record Id,Name,Record Type,Object Id,Title,Training Provider,Completion Date,Other Information,Qualification Code,Delete?';
    const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
    await importRecords(
      app,
      adminId,
      csv(',ume@example.com,Course,FIRE,,,2026-02-01,,,', ',ume@example.com,Course,LADDER,,,2026-02-02,,,'),
      { commit: true },
    );
    const [cert] = await mine();
    expect(cert).toMatchObject({ status: 'valid', completedOn: '2026-02-02', expiresOn: '2027-02-01' });
  });
});
