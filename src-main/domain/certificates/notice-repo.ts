import type { Db } from '../../db/open.js';
import { SQL_UUID } from '../configurations/fulfilment-repo.js';

/** In-app notifications and outbox emails about a person's certificates (configurations/notification-repo style). */
export function certificateNoticeRepo(db: Db) {
  return {
    /**
     * "Certificate no longer valid" for one certificate, in-app and queued as an
     * email. The dedupe key (one per certificate) makes repeated runs quiet.
     */
    invalidated(n: {
      id: string;
      certificateId: string;
      personId: string;
      configurationId: string | null;
      moduleId: string | null;
      title: string;
      number: string;
      reason: string;
      now: string;
    }): boolean {
      const subject = `Certificate no longer valid: ${n.title}`;
      const body = `Your certificate ${n.number} (${n.title}) is no longer valid: ${n.reason}. Complete the training again to get a new certificate.`;
      const r = db
        .prepare(
          `INSERT OR IGNORE INTO notification
             (id, person_id, kind, module_id, configuration_id, certificate_id, title, body, dedupe_key, created_at)
           VALUES (@id, @personId, 'certificate_invalid', @moduleId, @configurationId, @certificateId, @subject,
             @body, 'certificate_invalid:' || @certificateId, @now)`,
        )
        .run({ ...n, subject, body });
      if (r.changes === 0) return false;
      db.prepare(
        `INSERT INTO outbox (id, notification_id, to_email, subject, body, created_at)
         SELECT ${SQL_UUID}, @id, p.email, @subject, @body, @now FROM person p WHERE p.id = @personId`,
      ).run({ id: n.id, personId: n.personId, subject, body, now: n.now });
      return true;
    },

    /** "Your certificate", in-app and by email (`002_*`: certificates are delivered by email). */
    issued(n: {
      id: string;
      certificateId: string;
      personId: string;
      title: string;
      number: string;
      expiresOn: string | null;
      now: string;
    }) {
      const subject = `Your certificate: ${n.title}`;
      const body =
        `You have been issued certificate ${n.number} for ${n.title}` +
        (n.expiresOn ? `, valid until ${n.expiresOn}.` : '.') +
        ' Download it from Fieldbook under My certificates.';
      const r = db
        .prepare(
          `INSERT OR IGNORE INTO notification
             (id, person_id, kind, certificate_id, title, body, dedupe_key, created_at)
           VALUES (@id, @personId, 'certificate_issued', @certificateId, @subject, @body,
             'certificate_issued:' || @certificateId, @now)`,
        )
        .run({ ...n, subject, body });
      if (r.changes === 0) return;
      db.prepare(
        `INSERT INTO outbox (id, notification_id, to_email, subject, body, created_at)
         SELECT ${SQL_UUID}, @id, p.email, @subject, @body, @now FROM person p WHERE p.id = @personId`,
      ).run({ id: n.id, personId: n.personId, subject, body, now: n.now });
    },
  };
}
