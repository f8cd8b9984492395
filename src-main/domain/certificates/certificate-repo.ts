import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import {
  COVERS,
  complianceCte,
  IN_FORCE,
  registerComplianceFunctions,
  type EngineScope,
} from '../compliance/engine-sql.js';

export type CertificateStatusName = 'valid' | 'invalid' | 'revoked' | 'superseded';
export type CertificateKindName = 'configuration' | 'module' | 'manual';

export interface CertificateDbRow {
  id: string;
  number: string;
  person_id: string;
  kind: CertificateKindName;
  configuration_id: string | null;
  module_id: string | null;
  title: string;
  completed_on: string | null;
  issued_on: string;
  expires_on: string | null;
  status: CertificateStatusName;
  status_reason: string | null;
  superseded_by: string | null;
  payload: string;
  signature: string;
  key_id: string;
  template_id: string | null;
  issued_by: string | null;
  created_at: string;
  first_name: string;
  last_name: string;
  email: string;
  unit_id: string;
  unit_name: string;
}

export const SELECT_CERTIFICATE = `SELECT c.id, c.number, c.person_id, c.kind, c.configuration_id, c.module_id, c.title,
    c.completed_on, c.issued_on, c.expires_on, c.status, c.status_reason, c.superseded_by, c.payload,
    c.signature, c.key_id, c.template_id, c.issued_by, c.created_at,
    p.first_name, p.last_name, p.email, p.unit_id, u.name AS unit_name
  FROM certificate c JOIN person p ON p.id = c.person_id JOIN unit u ON u.id = p.unit_id`;

/** One covered person's standing against one certificate-enabled configuration's Required items. */
export interface StandingRow {
  configuration_id: string;
  title: string;
  template_id: string | null;
  person_id: string;
  required: number;
  met: number;
  /** Earliest expiry among the Required modules (null: none expires). */
  expires_on: string | null;
  /** Latest completion among them. */
  completed_on: string | null;
  /** JSON array of the Required items not met: { title, status, expiry, since }. */
  failing: string;
}

export interface FailingItem {
  title: string;
  status: string;
  expiry: string | null;
  since: string;
}

/** A completion of a certificate-enabled module that has no certificate yet. */
export interface ModuleCompletionRow {
  record_id: string;
  person_id: string;
  module_id: string;
  title: string;
  template_id: string | null;
  completion_date: string;
  expiry_date: string | null;
}

export interface CertificateInsert {
  id: string;
  number: string;
  personId: string;
  kind: CertificateKindName;
  configurationId: string | null;
  moduleId: string | null;
  recordId: string | null;
  title: string;
  completedOn: string | null;
  issuedOn: string;
  expiresOn: string | null;
  payload: string;
  signature: string;
  keyId: string;
  templateId: string | null;
  issuedBy: string | null;
  now: string;
}

/** Certificates (alias c) of a set of people, bound as @personIds (a JSON array). */
const PEOPLE_IN = 'c.person_id IN (SELECT value FROM json_each(@personIds))';
const peopleParam = (ids: readonly string[] | undefined) => JSON.stringify(ids ?? []);

/** Everyone, as a compliance-engine reach: the system judges every covered person. */
const EVERYONE = (rootUnits: string[]): Reach => ({
  any: true,
  self: false,
  subordinates: false,
  units: [],
  subtrees: rootUnits,
  organisations: [],
  organisationTrees: [],
});

export function certificateRepo(db: Db) {
  /** Turns a configuration's or module's certificates on or off; an undefined template keeps the current one. */
  const setSwitch = (
    table: 'training_configuration' | 'module',
    id: string,
    enabled: boolean,
    templateId: string | null | undefined,
  ): void => {
    db.prepare(
      `UPDATE ${table} SET certificate_enabled = @enabled,
         certificate_template_id = CASE WHEN @keep THEN certificate_template_id ELSE @templateId END
       WHERE id = @id`,
    ).run({
      id,
      enabled: enabled ? 1 : 0,
      keep: templateId === undefined ? 1 : 0,
      templateId: templateId ?? null,
    });
  };
  return {
    /** Whether any configuration or module issues certificates: most syncs can stop here. */
    enabled(): { configurations: boolean; modules: boolean } {
      const r = db
        .prepare<[], { c: number; m: number }>(
          `SELECT EXISTS (SELECT 1 FROM training_configuration WHERE certificate_enabled = 1 AND archived_at IS NULL) AS c,
             EXISTS (SELECT 1 FROM module WHERE certificate_enabled = 1) AS m`,
        )
        .get();
      return { configurations: r?.c === 1, modules: r?.m === 1 };
    },

    byId(id: string): CertificateDbRow | undefined {
      return db.prepare<[string], CertificateDbRow>(`${SELECT_CERTIFICATE} WHERE c.id = ?`).get(id);
    },

    byNumber(number: string): CertificateDbRow | undefined {
      return db.prepare<[string], CertificateDbRow>(`${SELECT_CERTIFICATE} WHERE c.number = ?`).get(number);
    },

    /**
     * Per covered person and certificate-enabled configuration: how many of its
     * Required items are compliant or expiring on `asOf`, the earliest expiry and
     * latest completion among them, and what is not met. One statement over the
     * compliance engine (restricted to the configurations' Required modules, or to
     * one person), never a loop over people.
     */
    standings(s: {
      asOf: string;
      until: string;
      personIds?: readonly string[];
      configurationIds?: string[];
    }): StandingRow[] {
      registerComplianceFunctions(db);
      const configFilter = s.configurationIds
        ? 'AND c.id IN (SELECT value FROM json_each(@certConfigs))'
        : '';
      const moduleIds = s.personIds
        ? undefined
        : db
            .prepare<Record<string, unknown>, string>(
              `SELECT DISTINCT ci.module_id FROM configuration_item ci
               JOIN training_configuration c ON c.id = ci.configuration_id
               WHERE c.certificate_enabled = 1 AND c.archived_at IS NULL AND ci.requirement = 'required'
                 AND ${IN_FORCE} ${configFilter}`,
            )
            .pluck()
            .all({ asOf: s.asOf, certConfigs: JSON.stringify(s.configurationIds ?? []) });
      if (moduleIds && !moduleIds.length) return [];
      const roots = db.prepare<[], string>('SELECT id FROM unit WHERE parent_id IS NULL').pluck().all();
      const scope: EngineScope = {
        reach: EVERYONE(roots),
        selfId: '',
        asOf: s.asOf,
        until: s.until,
        personIds: s.personIds,
        moduleIds,
      };
      const cte = complianceCte(scope);
      const notMet = `coalesce(cc.status, 'missing') NOT IN ('compliant', 'expiring')`;
      return db
        .prepare<Record<string, unknown>, StandingRow>(
          `${cte.sql},
           certcell AS MATERIALIZED (
             SELECT person_id, module_id, status, expiry_date, last_completion FROM cell
           )
           SELECT c.id AS configuration_id, c.name AS title, c.certificate_template_id AS template_id,
             f.person_id, COUNT(*) AS required, SUM(NOT (${notMet})) AS met,
             MIN(cc.expiry_date) AS expires_on, MAX(cc.last_completion) AS completed_on,
             json_group_array(json_object('title', m.title, 'status', coalesce(cc.status, 'missing'),
               'expiry', cc.expiry_date, 'since', ci.valid_from)) FILTER (WHERE ${notMet}) AS failing
           FROM training_configuration c
           JOIN fulfilment f ON f.configuration_id = c.id AND ${COVERS}
           JOIN person p ON p.id = f.person_id AND (p.left_on IS NULL OR p.left_on > @asOf)
           JOIN configuration_item ci ON ci.configuration_id = c.id AND ${IN_FORCE}
                                     AND ci.requirement = 'required'
           JOIN module m ON m.id = ci.module_id
           LEFT JOIN certcell cc ON cc.person_id = f.person_id AND cc.module_id = ci.module_id
           WHERE c.certificate_enabled = 1 AND c.archived_at IS NULL ${configFilter}
             ${s.personIds ? 'AND f.person_id IN (SELECT value FROM json_each(@personIds))' : ''}
           GROUP BY c.id, f.person_id`,
        )
        .all({ ...cte.params, certConfigs: JSON.stringify(s.configurationIds ?? []) });
    },

    /** Valid configuration certificates in a sync's scope (to invalidate or keep). */
    validOfConfigurations(f: {
      personIds?: readonly string[] | undefined;
      configurationIds?: string[] | undefined;
    }): CertificateDbRow[] {
      // Turning certificates off (or archiving) stops issuing; what was issued keeps until it expires.
      const conds = [
        `c.kind = 'configuration'`,
        `c.status = 'valid'`,
        `c.configuration_id IN (SELECT id FROM training_configuration
           WHERE certificate_enabled = 1 AND archived_at IS NULL)`,
      ];
      if (f.personIds) conds.push(PEOPLE_IN);
      if (f.configurationIds) conds.push('c.configuration_id IN (SELECT value FROM json_each(@configs))');
      return db
        .prepare<Record<string, unknown>, CertificateDbRow>(
          `${SELECT_CERTIFICATE} WHERE ${conds.join(' AND ')}`,
        )
        .all({ personIds: peopleParam(f.personIds), configs: JSON.stringify(f.configurationIds ?? []) });
    },

    /** The newest certificate for a person and configuration or module (any status). */
    latestFor(
      personId: string,
      by: { configurationId?: string; moduleId?: string },
    ): CertificateDbRow | undefined {
      const col = by.configurationId ? 'c.configuration_id' : 'c.module_id';
      return db
        .prepare<[string, string], CertificateDbRow>(
          `${SELECT_CERTIFICATE} WHERE c.person_id = ? AND ${col} = ? AND c.kind <> 'manual'
           ORDER BY c.created_at DESC, c.rowid DESC LIMIT 1`,
        )
        .get(personId, by.configurationId ?? by.moduleId ?? '');
    },

    /**
     * The latest completion (on or before `asOf`, not expired) of each
     * certificate-enabled module per person, when no certificate was issued for
     * that record as it stands now. A certificate follows its record
     * (certificate.record_id): correcting the record's completion or expiry date
     * makes it uncertified again, so it gets a certificate with the corrected
     * dates (superseding the old one). A revoked certificate for the record
     * counts whatever the dates: revocation sticks until the next completion.
     */
    uncertifiedCompletions(s: {
      asOf: string;
      personIds?: readonly string[];
      moduleId?: string;
    }): ModuleCompletionRow[] {
      const conds = ['m.certificate_enabled = 1', 'tr.completion_date <= @asOf'];
      if (s.personIds) conds.push('tr.person_id IN (SELECT value FROM json_each(@personIds))');
      if (s.moduleId) conds.push('m.id = @moduleId');
      return db
        .prepare<Record<string, unknown>, ModuleCompletionRow>(
          `SELECT tr.id AS record_id, tr.person_id, m.id AS module_id, m.title, m.certificate_template_id AS template_id,
             tr.completion_date, tr.expiry_date
           FROM module m
           JOIN training_record tr ON tr.object_id = m.id
           JOIN person p ON p.id = tr.person_id AND (p.left_on IS NULL OR p.left_on > @asOf)
           WHERE ${conds.join(' AND ')}
             AND (tr.expiry_date IS NULL OR tr.expiry_date > @asOf)
             AND tr.id = (SELECT t2.id FROM training_record t2
                          WHERE t2.person_id = tr.person_id AND t2.object_id = tr.object_id
                            AND t2.completion_date <= @asOf
                          ORDER BY t2.completion_date DESC, t2.rowid DESC LIMIT 1)
             AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.kind = 'module' AND c.record_id = tr.id
                               AND c.module_id = m.id AND c.person_id = tr.person_id
                               AND (c.status = 'revoked'
                                    OR (c.completed_on = tr.completion_date
                                        AND c.expires_on IS tr.expiry_date)))`,
        )
        .all({ asOf: s.asOf, personIds: peopleParam(s.personIds), moduleId: s.moduleId ?? null });
    },

    /**
     * Valid module certificates whose completion no longer stands as certified:
     * the record was deleted (record_id set to NULL), moved to another person or
     * module, or its dates were corrected and no new certificate replaced it
     * (e.g. the completion now lies in the future).
     */
    orphanedModuleCertificates(s: { personIds?: readonly string[]; moduleId?: string }): CertificateDbRow[] {
      const conds = [`c.kind = 'module'`, `c.status = 'valid'`];
      if (s.personIds) conds.push(PEOPLE_IN);
      if (s.moduleId) conds.push('c.module_id = @moduleId');
      return db
        .prepare<Record<string, unknown>, CertificateDbRow>(
          `${SELECT_CERTIFICATE} WHERE ${conds.join(' AND ')}
             AND NOT EXISTS (SELECT 1 FROM training_record tr WHERE tr.id = c.record_id
                               AND tr.person_id = c.person_id AND tr.object_id = c.module_id
                               AND tr.completion_date = c.completed_on AND tr.expiry_date IS c.expires_on)`,
        )
        .all({ personIds: peopleParam(s.personIds), moduleId: s.moduleId ?? null });
    },

    /** Valid certificates past their expiry date on `asOf` (the daily sweep). */
    validExpiredBy(asOf: string, personIds?: readonly string[]): CertificateDbRow[] {
      return db
        .prepare<Record<string, unknown>, CertificateDbRow>(
          `${SELECT_CERTIFICATE} WHERE c.status = 'valid' AND c.expires_on IS NOT NULL AND c.expires_on <= @asOf
           ${personIds ? `AND ${PEOPLE_IN}` : ''}`,
        )
        .all({ asOf, personIds: peopleParam(personIds) });
    },

    insert(c: CertificateInsert): void {
      db.prepare(
        `INSERT INTO certificate (id, number, person_id, kind, configuration_id, module_id, record_id, title,
           completed_on, issued_on, expires_on, status, payload, signature, key_id, template_id, issued_by,
           created_at)
         VALUES (@id, @number, @personId, @kind, @configurationId, @moduleId, @recordId, @title, @completedOn,
           @issuedOn, @expiresOn, 'valid', @payload, @signature, @keyId, @templateId, @issuedBy, @now)`,
      ).run(c);
    },

    /** Sets the current status and keeps the change, from the day it took effect, in the history. */
    setStatus(e: {
      id: string;
      status: CertificateStatusName;
      reason: string;
      effectiveOn: string;
      at: string;
      actorId: string | null;
      supersededBy?: string | null;
    }): void {
      db.prepare(
        `UPDATE certificate SET status = @status, status_reason = @reason,
           superseded_by = coalesce(@supersededBy, superseded_by) WHERE id = @id`,
      ).run({
        id: e.id,
        status: e.status,
        reason: e.status === 'valid' ? null : e.reason,
        supersededBy: e.supersededBy ?? null,
      });
      this.event(e);
    },

    event(e: {
      id: string;
      status: CertificateStatusName;
      reason: string;
      effectiveOn: string;
      at: string;
      actorId: string | null;
    }): void {
      db.prepare(
        `INSERT INTO certificate_event (certificate_id, effective_on, at, status, reason, actor_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(e.id, e.effectiveOn, e.at, e.status, e.reason, e.actorId);
    },

    history(id: string) {
      return db
        .prepare<
          [string],
          {
            effective_on: string;
            at: string;
            status: CertificateStatusName;
            reason: string;
            actor_name: string | null;
          }
        >(
          `SELECT e.effective_on, e.at, e.status, e.reason,
             CASE WHEN a.id IS NULL THEN NULL ELSE a.first_name || ' ' || a.last_name END AS actor_name
           FROM certificate_event e LEFT JOIN person a ON a.id = e.actor_id
           WHERE e.certificate_id = ? ORDER BY e.effective_on, e.at, e.rowid`,
        )
        .all(id);
    },

    /** The status in force on `date` from the history (undefined: not issued yet on that date). */
    statusOn(id: string, date: string): { status: CertificateStatusName; reason: string } | undefined {
      return db
        .prepare<[string, string], { status: CertificateStatusName; reason: string }>(
          `SELECT status, reason FROM certificate_event WHERE certificate_id = ? AND effective_on <= ?
           ORDER BY effective_on DESC, at DESC, rowid DESC LIMIT 1`,
        )
        .get(id, date);
    },

    configuration(id: string) {
      return db
        .prepare<
          [string],
          {
            id: string;
            name: string;
            owner_unit_id: string;
            certificate_enabled: number;
            archived_at: string | null;
          }
        >(
          `SELECT id, name, owner_unit_id, certificate_enabled, archived_at FROM training_configuration WHERE id = ?`,
        )
        .get(id);
    },

    setConfigurationEnabled(id: string, enabled: boolean, templateId: string | null | undefined): void {
      setSwitch('training_configuration', id, enabled, templateId);
    },

    module(id: string) {
      return db
        .prepare<
          [string],
          { id: string; title: string; owner_unit_id: string; certificate_enabled: number; status: string }
        >('SELECT id, title, owner_unit_id, certificate_enabled, status FROM module WHERE id = ?')
        .get(id);
    },

    setModuleEnabled(id: string, enabled: boolean, templateId: string | null | undefined): void {
      setSwitch('module', id, enabled, templateId);
    },

    /** The person as printed and their email, for a manual certificate and notifications. */
    person(id: string) {
      return db
        .prepare<
          [string],
          { id: string; first_name: string; last_name: string; email: string; unit_id: string }
        >('SELECT id, first_name, last_name, email, unit_id FROM person WHERE id = ?')
        .get(id);
    },

    /** Certificates issued here: how many and when the last was (tests and the CLI). */
    count(): number {
      return db.prepare<[], number>('SELECT count(*) FROM certificate').pluck().get() ?? 0;
    },
  };
}

export type CertificateRepo = ReturnType<typeof certificateRepo>;
