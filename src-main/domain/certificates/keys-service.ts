import type { z } from '../../../shared/zod.js';
import type { CertificateRef, SigningKey, TrustKey } from '../../../shared/api/schemas/certificates.js';
import { AppError, conflict, forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { mayEdit } from '../settings/access.js';
import { fingerprintOf, keyIdOf, ownKey, publicKeyObject, SPKI_ED25519_PREFIX } from './signing.js';
import { signingKeyRepo, type SigningKeyDbRow } from './signing-key-repo.js';

/**
 * The installation's public key (shown in settings, printable, to hand to other
 * sites) and the other sites' keys it trusts. Trust is installation-wide, so
 * changing it takes settings.manage at the organisation itself, like the other
 * organisation settings.
 */

type SigningKey = z.infer<typeof SigningKey>;

const view = (k: SigningKeyDbRow): SigningKey => ({
  id: k.id,
  name: k.name,
  publicKey: k.public_key,
  fingerprint: fingerprintOf(k.public_key),
  own: k.own === 1,
  createdAt: k.created_at,
});

export function signingKeys(ctx: AuthedCtx) {
  const now = ctx.clock.now().toISOString();
  const repo = signingKeyRepo(ctx.db);
  const own = repo.byId(ownKey(ctx.db, now).id);
  if (!own) throw new Error('The signing key could not be read back.');
  return { own: view(own), trusted: repo.trusted().map(view), canManage: mayEdit(ctx) };
}

/**
 * The raw 32-byte key, base64, from what someone pasted: the 44-character text
 * Fieldbook shows (standard or URL-safe base64), or a DER public key holding it.
 */
function rawPublicKey(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return null;
  let bytes = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length === 44 && bytes.subarray(0, 12).equals(SPKI_ED25519_PREFIX)) bytes = bytes.subarray(12);
  if (bytes.length !== 32) return null;
  const raw = bytes.toString('base64');
  try {
    publicKeyObject(raw);
  } catch {
    return null;
  }
  return raw;
}

const mustManage = (ctx: AuthedCtx) => {
  if (!mayEdit(ctx))
    throw forbidden(
      'Only someone who may edit organisation settings for the whole organisation can change trusted keys.',
    );
};

export function trustKey(ctx: AuthedCtx, input: z.output<typeof TrustKey>): SigningKey {
  mustManage(ctx);
  const now = ctx.clock.now().toISOString();
  const publicKey = rawPublicKey(input.publicKey);
  if (!publicKey)
    throw new AppError(
      'invalid_input',
      'That is not a Fieldbook public key: paste the 44-character key shown in the other site’s settings.',
      { details: [{ path: 'publicKey', message: 'Paste the 44-character public key' }] },
    );
  if (publicKey === ownKey(ctx.db, now).publicKey)
    throw conflict('That is this installation’s own key: its certificates already verify here.');
  const repo = signingKeyRepo(ctx.db);
  const existing = repo.byPublicKey(publicKey);
  if (existing && !existing.removed_at) throw conflict(`That key is already trusted, as "${existing.name}".`);
  const id = existing?.id ?? keyIdOf(publicKey);
  if (existing) repo.restoreTrusted(id, input.name);
  else repo.insertTrusted({ id, name: input.name, publicKey, actorId: ctx.actor.id, now });
  const row = repo.byId(id);
  if (!row) throw new Error('The trusted key could not be read back.');
  const key = view(row);
  ctx.audit({
    targetIds: [id],
    summary: `Trusted the certificate key of ${key.name} (${key.fingerprint})`,
    before: existing ? { name: existing.name, removedAt: existing.removed_at } : null,
    after: { name: key.name, publicKey: key.publicKey },
  });
  return key;
}

export function untrustKey(ctx: AuthedCtx, input: z.output<typeof CertificateRef>): Record<string, never> {
  mustManage(ctx);
  const repo = signingKeyRepo(ctx.db);
  const key = repo.byId(input.id);
  if (key?.own) throw conflict('This installation’s own key cannot be removed.');
  if (!key || key.removed_at) throw notFound('That trusted key');
  repo.remove(key.id, ctx.clock.now().toISOString());
  ctx.audit({
    targetIds: [key.id],
    summary: `Stopped trusting the certificate key of ${key.name} (${fingerprintOf(key.public_key)})`,
    before: { name: key.name, publicKey: key.public_key },
    after: null,
  });
  return {};
}
