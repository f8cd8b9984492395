import { expiringUntil } from '../../../shared/compliance/status.js';
import { syncCertificates } from '../certificates/issue-service.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import type { EngineScope } from '../compliance/engine-sql.js';
import { expiringDays } from '../compliance/service.js';
import { groupsOfPerson } from '../groups/membership-repo.js';
import { fulfilmentRepo } from './fulfilment-repo.js';
import { notificationRepo } from './notification-repo.js';

/** "Due soon" means due within this many days. */
export const DUE_SOON_DAYS = 7;

export interface SyncScope {
  configurationId?: string;
  personId?: string;
}

/**
 * Makes the fulfilment rows match who each configuration covers today
 * (membership is dynamic: people join and leave units and groups), then
 * notifies those who gained a Required module. Set-based: one INSERT and one
 * UPDATE per configuration touched, never a loop over people.
 *
 * - `configurationId`: that configuration only (after it was written);
 * - `personId`: only that person, across the configurations that may cover
 *   them (after they were edited, moved, deactivated or reactivated);
 * - neither: every configuration (see syncAll).
 *
 * `now` is the timestamp notifications carry; it defaults to `today` at midnight.
 */
export function syncFulfilments(
  db: Db,
  today: string,
  opts: SyncScope & { now?: string } = {},
): { added: number; removed: number; notified: number } {
  const repo = fulfilmentRepo(db);
  let targets;
  if (opts.configurationId) {
    const t = repo.target(opts.configurationId);
    targets = t ? [t] : [];
  } else if (opts.personId)
    targets = repo.configurationsForPerson(
      opts.personId,
      groupsOfPerson(db, opts.personId).map((g) => g.id),
    );
  else targets = repo.allTargets();
  let added = 0;
  let removed = 0;
  let notified = 0;
  for (const t of targets) {
    const r = repo.sync(t, today, opts.personId);
    added += r.added;
    removed += r.removed;
    // Only new fulfilments, or a configuration just written (its items may have become
    // Required), can make news: a sync that changed nothing costs no notification query.
    if (r.added > 0 || opts.configurationId)
      notified += notifyNewRequired(db, today, { ...opts, configurationId: t.id });
  }
  return { added, removed, notified };
}

/**
 * Notifies (in-app and outbox) everyone who gained a Required module today.
 * Idempotent: running it again creates nothing new.
 */
export function notifyNewRequired(db: Db, today: string, opts: SyncScope & { now?: string } = {}): number {
  const { now, ...filter } = opts;
  return notificationRepo(db).newRequired(today, now ?? `${today}T00:00:00.000Z`, filter);
}

/**
 * Due soon and overdue notifications for Required modules never completed, then
 * expiring and expired ones for Required modules completed before. The latter
 * take their statuses from the compliance engine (validity, expiry window), so a
 * notice never disagrees with the person page. Returns how many were created.
 */
export function queueDueNotifications(db: Db, today: string, opts: { personId?: string; now?: string } = {}) {
  const repo = notificationRepo(db);
  const now = opts.now ?? `${today}T00:00:00.000Z`;
  const due = repo.due(today, now, DUE_SOON_DAYS, opts.personId);
  return due + repo.expiry(everyoneScope(db, today, opts.personId), now);
}

/** The engine's scope over everyone (or one person), not a viewer's reach: the system tells each person. */
function everyoneScope(db: Db, today: string, personId?: string): EngineScope {
  const reach: Reach = {
    any: true,
    // One person: their own "self" reach; everyone: every top unit's subtree.
    self: personId !== undefined,
    subordinates: false,
    units: [],
    subtrees: personId === undefined ? notificationRepo(db).rootUnitIds() : [],
    organisations: [],
    organisationTrees: [],
  };
  return {
    reach,
    selfId: personId ?? '',
    asOf: today,
    until: expiringUntil(today, expiringDays(db)),
    personId,
  };
}

/**
 * Everything in step as of today: every configuration's fulfilments, then due
 * notifications. The due and expiry pass reads every open Required item of every
 * covered person, so it runs once per day (a setting remembers the day); what is
 * assigned later that day gets its due-soon notice tomorrow, and its
 * new-required notice (with the due date) at once.
 */
export function syncAll(db: Db, today: string, now?: string) {
  const r = syncFulfilments(db, today, now ? { now } : {});
  const repo = notificationRepo(db);
  let due = 0;
  if (repo.dueQueuedOn() !== today) {
    due = queueDueNotifications(db, today, now ? { now } : {});
    repo.setDueQueuedOn(today);
  }
  return { ...r, notified: r.notified + due };
}

/** One person in step (their dashboard): cheaper than syncAll and enough for what they see. */
export function syncPerson(db: Db, today: string, personId: string, now?: string) {
  syncFulfilments(db, today, { personId, ...(now ? { now } : {}) });
  queueDueNotifications(db, today, { personId, ...(now ? { now } : {}) });
}

/** After a group's members or rule changed: the configurations targeting it. */
export function syncGroup(db: Db, today: string, groupId: string, now?: string): void {
  for (const id of fulfilmentRepo(db).groupConfigurationIds(groupId)) {
    syncFulfilments(db, today, { configurationId: id, ...(now ? { now } : {}) });
    // Members who joined or left the group gain or lose that configuration's certificate.
    syncCertificates(db, today, { configurationId: id, now });
  }
}
