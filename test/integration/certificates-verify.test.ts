import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  keyIdOf,
  payloadOf,
  qrTextOf,
  shortCodeOf,
  signCertificate,
} from '../../src-main/domain/certificates/signing.js';
import { addPerson, setUpApp, type TestApp } from '../helpers/app.js';

type Status = 'valid' | 'invalid' | 'revoked' | 'superseded';

/**
 * A certificate issued here, as the issuing service will store it: signed with the
 * installation's key, inserted with its first event (the issuing service is built beside this).
 */
function issue(
  app: TestApp,
  personId: string,
  c: {
    number: string;
    expiresOn?: string | null;
    status?: Status;
    reason?: string;
    changedOn?: string;
    supersededBy?: string;
  },
) {
  const now = app.clock.now().toISOString();
  const fields = {
    number: c.number,
    person: 'Åsa Öberg',
    title: 'Underground safety',
    completedOn: '2026-01-10',
    issuedOn: '2026-01-12',
    expiresOn: c.expiresOn === undefined ? '2027-01-10' : c.expiresOn,
  };
  const s = signCertificate(app.db, fields, now);
  const id = app.ids.uuid();
  app.db
    .prepare(
      `INSERT INTO certificate (id, number, person_id, kind, title, completed_on, issued_on, expires_on, status,
         status_reason, superseded_by, payload, signature, key_id, created_at)
       VALUES (?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      c.number,
      personId,
      fields.title,
      fields.completedOn,
      fields.issuedOn,
      fields.expiresOn,
      c.status ?? 'valid',
      c.reason ?? null,
      c.supersededBy ?? null,
      s.payload,
      s.signature,
      s.keyId,
      now,
    );
  const event = app.db.prepare(
    'INSERT INTO certificate_event (certificate_id, effective_on, at, status, reason) VALUES (?, ?, ?, ?, ?)',
  );
  event.run(id, fields.issuedOn, now, 'valid', 'Issued');
  if (c.status && c.status !== 'valid')
    event.run(id, c.changedOn ?? '2026-02-01', now, c.status, c.reason ?? c.status);
  return {
    id,
    ...s,
    shortCode: shortCodeOf(c.number, s.signature),
    qrText: qrTextOf(s.payload, s.signature),
  };
}

/** Another Fieldbook site's key pair and a certificate it signed. */
function otherSite(number = 'SYD-2026-000007', expiresOn: string | null = '2027-06-01') {
  const pair = generateKeyPairSync('ed25519');
  const spki = pair.publicKey.export({ type: 'spki', format: 'der' });
  const publicKey = spki.subarray(spki.length - 32).toString('base64');
  const payload = payloadOf({
    number,
    person: 'Jörgen Ämtöft',
    title: 'First aid',
    completedOn: '2026-01-05',
    issuedOn: '2026-01-06',
    expiresOn,
    issuer: 'Syd Contracting',
    keyId: keyIdOf(publicKey),
  });
  const signature = sign(null, Buffer.from(payload, 'utf8'), pair.privateKey).toString('base64url');
  return { publicKey, qrText: qrTextOf(payload, signature) };
}

const fakePdf = (qrText: string) =>
  Buffer.from(
    `%PDF-1.3\n1 0 obj\n<< /Title (Underground safety) /Keywords (${qrText}) /Producer (PDFKit) >>\nendobj\n%%EOF\n`,
    'latin1',
  ).toString('base64');

async function setUp() {
  const s = await setUpApp();
  const verify = async (input: { code?: string; pdf?: string }, actorId = s.adminId) => {
    const r = await s.app.invoke('certificates.verify', input, { actorId });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  return { ...s, verify };
}

describe('certificate signing keys', () => {
  it('creates the installation key once and reuses it', async () => {
    const { app, adminId } = await setUp();
    const first = await app.invoke('certificates.keys', {}, { actorId: adminId });
    const again = await app.invoke('certificates.keys', {}, { actorId: adminId });
    if (!first.ok || !again.ok) throw new Error('keys failed');
    expect(first.value.own).toMatchObject({ name: 'Norrland Mining', own: true });
    expect(Buffer.from(first.value.own.publicKey, 'base64')).toHaveLength(32);
    expect(first.value.own.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(again.value.own).toEqual(first.value.own);
    expect(first.value.canManage).toBe(true);
    expect(app.db.prepare('SELECT count(*) FROM signing_key').pluck().get()).toBe(1);
    // Signing uses the same key.
    const signed = signCertificate(
      app.db,
      {
        number: 'FB-2026-000001',
        person: 'Åsa Öberg',
        title: 'X',
        completedOn: null,
        issuedOn: '2026-03-01',
        expiresOn: null,
      },
      app.clock.now().toISOString(),
    );
    expect(signed.keyId).toBe(first.value.own.id);
  });

  it('trusts a pasted key once, refuses our own key, and lets only organisation settings managers change trust', async () => {
    const { app, adminId, orgId } = await setUp();
    const other = otherSite();
    const keys = await app.invoke('certificates.keys', {}, { actorId: adminId });
    if (!keys.ok) throw new Error(keys.error.message);

    const own = await app.invoke(
      'certificates.trust',
      { name: 'Us', publicKey: keys.value.own.publicKey },
      { actorId: adminId },
    );
    expect(own.ok ? null : own.error.message).toMatch(/own key/);

    const bad = await app.invoke(
      'certificates.trust',
      { name: 'Syd', publicKey: 'not a key' },
      { actorId: adminId },
    );
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    const short = await app.invoke(
      'certificates.trust',
      { name: 'Syd', publicKey: Buffer.alloc(16).toString('base64') },
      { actorId: adminId },
    );
    expect(short.ok ? null : short.error.message).toMatch(/44-character/);

    const trusted = await app.invoke(
      'certificates.trust',
      { name: 'Syd Contracting', publicKey: other.publicKey },
      { actorId: adminId },
    );
    if (!trusted.ok) throw new Error(trusted.error.message);
    expect(trusted.value).toMatchObject({
      name: 'Syd Contracting',
      own: false,
      publicKey: other.publicKey,
      id: keyIdOf(other.publicKey),
    });
    const twice = await app.invoke(
      'certificates.trust',
      { name: 'Syd again', publicKey: other.publicKey },
      { actorId: adminId },
    );
    expect(twice.ok ? null : twice.error.message).toMatch(/already trusted, as "Syd Contracting"/);

    const list = await app.invoke('certificates.keys', {}, { actorId: adminId });
    expect(list.ok && list.value.trusted.map((k) => k.name)).toEqual(['Syd Contracting']);

    // An Organisation Admin of a client organisation holds settings.manage, but not over the licensee.
    const client = app.ids.uuid();
    app.db
      .prepare(
        "INSERT INTO unit (id, parent_id, kind, name, level, created_at) VALUES (?, ?, 'client', 'Acme', 'Client', ?)",
      )
      .run(client, orgId, app.clock.now().toISOString());
    const clientAdmin = addPerson(app, {
      email: 'site@example.com',
      roleId: 'organisation-admin',
      unitId: client,
    });
    const theirs = await app.invoke('certificates.keys', {}, { actorId: clientAdmin });
    expect(theirs.ok && theirs.value.canManage).toBe(false);
    const refused = await app.invoke(
      'certificates.untrust',
      { id: trusted.value.id },
      { actorId: clientAdmin },
    );
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
  });
});

describe('certificates.verify', () => {
  it('says valid for a certificate issued here, by short code, QR text and PDF', async () => {
    const { app, adminId, verify } = await setUp();
    const c = issue(app, adminId, { number: 'FB-2026-000001' });
    const byCode = await verify({ code: c.shortCode });
    expect(byCode).toMatchObject({
      verdict: 'valid',
      issuedHere: true,
      signed: {
        number: 'FB-2026-000001',
        person: 'Åsa Öberg',
        title: 'Underground safety',
        issuer: 'Norrland Mining',
        expiresOn: '2027-01-10',
      },
    });
    expect(byCode.message).toMatch(/FB-2026-000001 is valid.*expires on 2027-01-10/);
    // Typed in lower case with spaces, as people do.
    expect(
      (await verify({ code: ` ${c.shortCode.toLowerCase().replace('-2026', ' -2026')} ` })).verdict,
    ).toBe('valid');
    expect(await verify({ code: c.qrText })).toEqual(byCode);
    expect(await verify({ pdf: fakePdf(c.qrText) })).toEqual(byCode);
  });

  it('says forged for an altered payload, a wrong check or a key not trusted; unknown for an unknown number', async () => {
    const { app, adminId, verify } = await setUp();
    const c = issue(app, adminId, { number: 'FB-2026-000002' });
    const [, body, sig] = c.qrText.split('.');
    const altered = Buffer.from(body ?? '', 'base64url')
      .toString('utf8')
      .replace('Åsa Öberg', 'Eve Impostor');
    const tampered = `FBC1.${Buffer.from(altered, 'utf8').toString('base64url')}.${sig}`;
    expect(await verify({ code: tampered })).toMatchObject({ verdict: 'forged', signed: null });
    expect((await verify({ pdf: fakePdf(tampered) })).verdict).toBe('forged');

    const check = c.shortCode.slice(-8);
    const wrong = `FB-2026-000002-${check.startsWith('A') ? 'B' : 'A'}${check.slice(1)}`;
    const forged = await verify({ code: wrong });
    expect(forged.verdict).toBe('forged');
    expect(forged.message).toMatch(/does not match certificate FB-2026-000002/);

    const unknown = await verify({ code: 'FB-2026-999999-ABCDEFGH' });
    expect(unknown.verdict).toBe('unknown');
    expect(unknown.message).toMatch(/No certificate numbered FB-2026-999999/);
    expect((await verify({ code: 'FB-2026-000002' })).message).toMatch(/whole short code/);

    const notAPdf = await verify({ pdf: Buffer.from('%PDF-1.3 nothing here').toString('base64') });
    expect(notAPdf.verdict).toBe('unknown');
    const empty = await app.invoke('certificates.verify', { code: '  ' }, { actorId: adminId });
    expect(empty.ok ? null : empty.error.code).toBe('invalid_input');
  });

  it("verifies a trusted site's certificate as valid but not issued here, and no longer once the key is removed", async () => {
    const { app, adminId, verify } = await setUp();
    const other = otherSite();
    const before = await verify({ code: other.qrText });
    expect(before.verdict).toBe('forged');
    expect(before.message).toMatch(/does not know or trust/);

    const trusted = await app.invoke(
      'certificates.trust',
      { name: 'Syd Contracting', publicKey: other.publicKey },
      { actorId: adminId },
    );
    if (!trusted.ok) throw new Error(trusted.error.message);
    const after = await verify({ pdf: fakePdf(other.qrText) });
    expect(after).toMatchObject({
      verdict: 'valid',
      issuedHere: false,
      signed: { person: 'Jörgen Ämtöft', issuer: 'Syd Contracting', number: 'SYD-2026-000007' },
    });
    expect(after.message).toMatch(/revoked since can only be checked at the site that issued it/);
    expect((await verify({ code: otherSite('SYD-2025-000001', '2026-03-01').qrText })).verdict).toBe(
      'forged',
    );

    const removed = await app.invoke('certificates.untrust', { id: trusted.value.id }, { actorId: adminId });
    expect(removed.ok).toBe(true);
    const gone = await verify({ code: other.qrText });
    expect(gone.verdict).toBe('forged');
    expect(gone.message).toMatch(/Syd Contracting, which is no longer trusted here/);
    const list = await app.invoke('certificates.keys', {}, { actorId: adminId });
    expect(list.ok && list.value.trusted).toEqual([]);
    // The key stays on record for history.
    expect(app.db.prepare('SELECT count(*) FROM signing_key WHERE own = 0').pluck().get()).toBe(1);
    const again = await app.invoke('certificates.untrust', { id: trusted.value.id }, { actorId: adminId });
    expect(again.ok ? null : again.error.code).toBe('not_found');
    // Trusting it again brings it back.
    const back = await app.invoke(
      'certificates.trust',
      { name: 'Syd AB', publicKey: other.publicKey },
      { actorId: adminId },
    );
    expect(back.ok && back.value.name).toBe('Syd AB');
    expect((await verify({ code: other.qrText })).verdict).toBe('valid');
  });

  it('says expired for a trusted site certificate past its expiry date', async () => {
    const { app, adminId, verify } = await setUp();
    const other = otherSite('SYD-2025-000001', '2026-03-01');
    await app.invoke('certificates.trust', { name: 'Syd', publicKey: other.publicKey }, { actorId: adminId });
    const v = await verify({ code: other.qrText });
    expect(v).toMatchObject({ verdict: 'expired', issuedHere: false });
    expect(v.message).toMatch(/expired on 2026-03-01/);
  });

  it('reports revoked, superseded, invalid and expired certificates issued here, with when and why', async () => {
    const { app, adminId, verify } = await setUp();
    const newer = issue(app, adminId, { number: 'FB-2026-000010' });
    const revoked = issue(app, adminId, {
      number: 'FB-2026-000011',
      status: 'revoked',
      reason: 'Issued to the wrong person',
      changedOn: '2026-02-15',
    });
    const superseded = issue(app, adminId, {
      number: 'FB-2026-000012',
      status: 'superseded',
      supersededBy: newer.id,
      changedOn: '2026-02-20',
    });
    const invalid = issue(app, adminId, {
      number: 'FB-2026-000013',
      status: 'invalid',
      reason: 'Fire safety expired on 2026-02-10',
      changedOn: '2026-02-10',
    });
    const expired = issue(app, adminId, { number: 'FB-2026-000014', expiresOn: '2026-03-01' });
    const noExpiry = issue(app, adminId, { number: 'FB-2026-000015', expiresOn: null });

    const r = await verify({ code: revoked.shortCode });
    expect(r.verdict).toBe('revoked');
    expect(r.message).toBe(
      'Certificate FB-2026-000011 was revoked on 2026-02-15: Issued to the wrong person.',
    );
    const s = await verify({ code: superseded.qrText });
    expect(s.verdict).toBe('superseded');
    expect(s.message).toBe(
      'Certificate FB-2026-000012 was replaced by certificate FB-2026-000010 on 2026-02-20.',
    );
    const i = await verify({ pdf: fakePdf(invalid.qrText) });
    expect(i.verdict).toBe('invalid');
    expect(i.message).toBe(
      'Certificate FB-2026-000013 is no longer valid since 2026-02-10: Fire safety expired on 2026-02-10.',
    );
    const e = await verify({ code: expired.shortCode });
    expect(e.verdict).toBe('expired');
    expect(e.message).toBe('Certificate FB-2026-000014 expired on 2026-03-01.');
    expect((await verify({ code: noExpiry.shortCode })).message).toMatch(/does not expire/);
    // Signed details come with every verdict on a genuine certificate.
    expect(r.signed?.number).toBe('FB-2026-000011');
  });

  it('still says revoked when the signature text differs only in unused bits of its last character', async () => {
    const { app, adminId, verify } = await setUp();
    const revoked = issue(app, adminId, {
      number: 'FB-2026-000030',
      status: 'revoked',
      reason: 'Issued to the wrong person',
      changedOn: '2026-02-15',
    });
    // A 64-byte signature is 86 base64url characters: the last one carries 4 bits nobody reads.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(revoked.qrText.at(-1) ?? '');
    const variants = [1, 2, 3, 15].map((bits) => revoked.qrText.slice(0, -1) + alphabet[last ^ bits]);
    for (const qrText of variants) {
      const sig = qrText.split('.')[2] ?? '';
      expect(sig).not.toBe(revoked.signature);
      expect(Buffer.from(sig, 'base64url').equals(Buffer.from(revoked.signature, 'base64url'))).toBe(true);
      for (const input of [{ code: qrText }, { pdf: fakePdf(qrText) }]) {
        const r = await verify(input);
        expect([r.verdict, r.message]).toEqual([
          'revoked',
          'Certificate FB-2026-000030 was revoked on 2026-02-15: Issued to the wrong person.',
        ]);
      }
    }
  });

  it('lets anyone signed in verify', async () => {
    const { app, adminId, orgId, verify } = await setUp();
    const c = issue(app, adminId, { number: 'FB-2026-000020' });
    const learner = addPerson(app, { email: 'learner@example.com', roleId: 'member', unitId: orgId });
    expect((await verify({ code: c.shortCode }, learner)).verdict).toBe('valid');
    const anonymous = await app.invoke('certificates.verify', { code: c.shortCode }, {});
    expect(anonymous.ok ? null : anonymous.error.code).toBe('unauthenticated');
  });
});
