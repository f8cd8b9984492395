import { randomUUID } from 'node:crypto';
import { expiringUntil } from '../../../shared/compliance/status.js';
import type { Db } from '../../db/open.js';
import { expiringDays } from '../compliance/service.js';
import {
  certificateRepo,
  type CertificateDbRow,
  type CertificateKindName,
  type FailingItem,
  type StandingRow,
} from './certificate-repo.js';
import { certificateNoticeRepo } from './notice-repo.js';
import { nextCertificateNumber } from './numbers.js';
import { signCertificate } from './signing.js';

/** What a sync looks at: one person or a set, one configuration, one module, or (none) everything. */
export interface CertificateSyncScope {
  personId?: string | undefined;
  /** Several people at once (a bulk result, an attendance sheet): one statement for all, not one per person. */
  personIds?: readonly string[] | undefined;
  configurationId?: string | undefined;
  moduleId?: string | undefined;
  /** The timestamp rows carry; defaults to `today` at midnight. */
  now?: string | undefined;
  /** Ids for new rows (the call's ids in a handler). */
  uuid?: (() => string) | undefined;
}

export interface SyncOutcome {
  issued: number;
  invalidated: number;
  superseded: number;
}

export interface IssueFields {
  personId: string;
  kind: CertificateKindName;
  configurationId: string | null;
  moduleId: string | null;
  /** The completion record a module certificate is for (it follows that record's corrections). */
  recordId?: string | null;
  title: string;
  completedOn: string | null;
  expiresOn: string | null;
  templateId: string | null;
  issuedOn: string;
  now: string;
  issuedBy: string | null;
  /** Why it was issued: the first line of its history. */
  reason: string;
  uuid: () => string;
}

/**
 * Issues one certificate: the next number, the signed payload, the row, its
 * first history event, and the email that delivers it (`002_*`). Returns its id.
 */
export function issueCertificate(db: Db, f: IssueFields): string {
  const repo = certificateRepo(db);
  const person = repo.person(f.personId);
  if (!person) throw new Error(`No person ${f.personId} to issue a certificate to.`);
  const id = f.uuid();
  const number = nextCertificateNumber(db, f.issuedOn);
  const signed = signCertificate(
    db,
    {
      number,
      person: `${person.first_name} ${person.last_name}`,
      title: f.title,
      completedOn: f.completedOn,
      issuedOn: f.issuedOn,
      expiresOn: f.expiresOn,
    },
    f.now,
  );
  repo.insert({
    id,
    number,
    personId: f.personId,
    kind: f.kind,
    configurationId: f.configurationId,
    moduleId: f.moduleId,
    recordId: f.recordId ?? null,
    title: f.title,
    completedOn: f.completedOn,
    issuedOn: f.issuedOn,
    expiresOn: f.expiresOn,
    templateId: f.templateId,
    issuedBy: f.issuedBy,
    now: f.now,
    ...signed,
  });
  repo.event({
    id,
    status: 'valid',
    reason: f.reason,
    effectiveOn: f.issuedOn,
    at: f.now,
    actorId: f.issuedBy,
  });
  certificateNoticeRepo(db).issued({
    id: f.uuid(),
    certificateId: id,
    personId: f.personId,
    title: f.title,
    number,
    expiresOn: f.expiresOn,
    now: f.now,
  });
  return id;
}

/** Marks a certificate invalid (from the day it took effect) and tells its holder. */
function invalidate(
  db: Db,
  c: CertificateDbRow,
  reason: string,
  effectiveOn: string,
  now: string,
  uuid: () => string,
) {
  certificateRepo(db).setStatus({ id: c.id, status: 'invalid', reason, effectiveOn, at: now, actorId: null });
  certificateNoticeRepo(db).invalidated({
    id: uuid(),
    certificateId: c.id,
    personId: c.person_id,
    configurationId: c.configuration_id,
    moduleId: c.module_id,
    title: c.title,
    number: c.number,
    reason,
    now,
  });
}

/**
 * Why a person's configuration certificate stopped counting, as one sentence,
 * and the day it took effect: an expiry on its date; new Required training on
 * the day it was added; otherwise today.
 */
function whyNotMet(
  s: StandingRow | undefined,
  cert: CertificateDbRow,
  today: string,
  configurationChanged: boolean,
): { reason: string; effectiveOn: string } {
  if (!s) return { reason: `No longer covered by ${cert.title}`, effectiveOn: today };
  const failing = JSON.parse(s.failing ?? '[]') as (FailingItem | null)[];
  const items = failing.filter((f): f is FailingItem => f !== null);
  const expired = items.find((f) => f.status === 'expired' && f.expiry);
  if (expired?.expiry)
    return {
      reason: `${expired.title} expired on ${expired.expiry}`,
      effectiveOn: min(expired.expiry, today),
    };
  // An item in force since after the issue day is new. One since the issue day itself is new only when
  // this sync follows a change to the configuration: items carry a date, not a time, so on that day
  // "added after the certificate" and "was there when it was issued" (then a record was deleted or undone)
  // look the same, and the edit that triggered this sync is what tells them apart.
  const added = items.find(
    (f) => f.since > cert.issued_on || (f.since === cert.issued_on && configurationChanged),
  );
  if (added) return { reason: `New Required training: ${added.title}`, effectiveOn: min(added.since, today) };
  const first = items[0];
  return {
    reason: first ? `No longer completed: ${first.title}` : 'No longer completed',
    effectiveOn: today,
  };
}

const min = (a: string, b: string) => (a < b ? a : b);

/**
 * Brings certificates in step with the training data on `today` (idempotent):
 *
 * - configuration certificates: for every certificate-enabled configuration in
 *   scope, one compliance-engine statement over its covered people says who has
 *   every Required item compliant or expiring. They get a certificate (expiry =
 *   the earliest module expiry, completed = the latest completion) unless they
 *   hold a valid one with that expiry; a renewal that moves the expiry issues a
 *   new one and supersedes the old. A valid one whose holder no longer meets the
 *   items becomes invalid, with the reason, and the holder is told. A person
 *   whose last certificate was revoked gets a new one only after a new completion.
 * - module certificates: the latest unexpired completion of each
 *   certificate-enabled module without a certificate gets one (expiry = the
 *   record's), superseding the previous one; one whose completion was deleted
 *   becomes invalid.
 * - the sweep: any certificate still valid past its expiry becomes invalid from
 *   its expiry date.
 */
export function syncCertificates(db: Db, today: string, scope: CertificateSyncScope = {}): SyncOutcome {
  const now = scope.now ?? `${today}T00:00:00.000Z`;
  const uuid = scope.uuid ?? randomUUID;
  const out: SyncOutcome = { issued: 0, invalidated: 0, superseded: 0 };
  const people = peopleOf(scope);
  if (people?.length === 0) return out;
  const repo = certificateRepo(db);
  const enabled = repo.enabled();
  // With certificates turned off everywhere (the usual case after a completion) only the sweep runs.
  if (!scope.moduleId && enabled.configurations)
    syncConfigurations(db, today, now, uuid, scope.configurationId, people, out);
  if (!scope.configurationId && enabled.modules)
    syncModules(db, today, now, uuid, scope.moduleId, people, out);
  for (const c of repo.validExpiredBy(today, people)) {
    invalidate(db, c, `Expired on ${c.expires_on ?? today}`, c.expires_on ?? today, now, uuid);
    out.invalidated++;
  }
  return out;
}

/** The people a sync is limited to (undefined: everyone). */
function peopleOf(scope: CertificateSyncScope): readonly string[] | undefined {
  if (!scope.personIds) return scope.personId ? [scope.personId] : undefined;
  const ids = new Set(scope.personIds);
  if (scope.personId) ids.add(scope.personId);
  return [...ids];
}

function supersede(db: Db, old: CertificateDbRow, newId: string, today: string, now: string): void {
  certificateRepo(db).setStatus({
    id: old.id,
    status: 'superseded',
    reason: 'Replaced by a newer certificate',
    effectiveOn: today,
    at: now,
    actorId: null,
    supersededBy: newId,
  });
}

function syncConfigurations(
  db: Db,
  today: string,
  now: string,
  uuid: () => string,
  configurationId: string | undefined,
  people: readonly string[] | undefined,
  out: SyncOutcome,
): void {
  const repo = certificateRepo(db);
  const configurationIds = configurationId ? [configurationId] : undefined;
  const standings = repo.standings({
    asOf: today,
    until: expiringUntil(today, expiringDays(db)),
    ...(people ? { personIds: people } : {}),
    ...(configurationIds ? { configurationIds } : {}),
  });
  const key = (configurationId: string | null, personId: string) => `${configurationId ?? ''}|${personId}`;
  const valid = new Map(
    repo
      .validOfConfigurations({ personIds: people, configurationIds })
      .map((c) => [key(c.configuration_id, c.person_id), c]),
  );
  const byKey = new Map<string, StandingRow>();
  for (const s of standings) {
    const k = key(s.configuration_id, s.person_id);
    byKey.set(k, s);
    if (s.required === 0 || s.met < s.required) continue;
    const held = valid.get(k);
    if (held && held.expires_on === s.expires_on) {
      valid.delete(k);
      continue;
    }
    const latest = held ?? repo.latestFor(s.person_id, { configurationId: s.configuration_id });
    // A revocation sticks until there is newer training to certify.
    if (latest?.status === 'revoked' && (s.completed_on ?? '') <= (latest.completed_on ?? '')) continue;
    const id = issueCertificate(db, {
      personId: s.person_id,
      kind: 'configuration',
      configurationId: s.configuration_id,
      moduleId: null,
      title: s.title,
      completedOn: s.completed_on,
      expiresOn: s.expires_on,
      templateId: s.template_id,
      issuedOn: today,
      now,
      issuedBy: null,
      reason: `Every Required training of ${s.title} completed`,
      uuid,
    });
    out.issued++;
    if (latest && (latest.status === 'valid' || latest.status === 'invalid')) {
      supersede(db, latest, id, today, now);
      out.superseded++;
    }
    valid.delete(k);
  }
  for (const [k, cert] of valid) {
    const why = whyNotMet(byKey.get(k), cert, today, configurationId !== undefined);
    invalidate(db, cert, why.reason, why.effectiveOn, now, uuid);
    out.invalidated++;
  }
}

function syncModules(
  db: Db,
  today: string,
  now: string,
  uuid: () => string,
  moduleId: string | undefined,
  people: readonly string[] | undefined,
  out: SyncOutcome,
): void {
  const repo = certificateRepo(db);
  const filter = {
    ...(people ? { personIds: people } : {}),
    ...(moduleId ? { moduleId } : {}),
  };
  for (const r of repo.uncertifiedCompletions({ asOf: today, ...filter })) {
    const previous = repo.latestFor(r.person_id, { moduleId: r.module_id });
    const id = issueCertificate(db, {
      personId: r.person_id,
      kind: 'module',
      configurationId: null,
      moduleId: r.module_id,
      recordId: r.record_id,
      title: r.title,
      completedOn: r.completion_date,
      expiresOn: r.expiry_date,
      templateId: r.template_id,
      issuedOn: today,
      now,
      issuedBy: null,
      reason: `Completed ${r.title} on ${r.completion_date}`,
      uuid,
    });
    out.issued++;
    if (previous && (previous.status === 'valid' || previous.status === 'invalid')) {
      supersede(db, previous, id, today, now);
      out.superseded++;
    }
  }
  for (const c of repo.orphanedModuleCertificates(filter)) {
    invalidate(db, c, `No longer completed: ${c.title}`, today, now, uuid);
    out.invalidated++;
  }
}
