import type { Db } from '../../db/open.js';

/** One grant: a source completion that gives a person a competence. */
export interface GrantRow {
  person_id: string;
  competence_id: string;
  module_id: string;
  completion_date: string;
  valid_until: string | null;
}

/**
 * What a person holds of a competence on a day: among the grants from
 * completions on or before that day, the one reaching furthest (no end date
 * beats any date; ties go to the latest completion, then the module id) — so
 * the answer is the same whatever order the grants arrived in.
 */
export interface HeldRow extends GrantRow {
  /** How many grants the person has for this competence up to the day. */
  grants: number;
}

/**
 * The window that picks the deciding grant; `where` filters person_competence
 * (aliased pc) before ranking and must not reference @asOf itself.
 */
export const heldSql = (where: string): string => `
  SELECT person_id, competence_id, module_id, completion_date, valid_until, grants FROM (
    SELECT pc.person_id, pc.competence_id, pc.module_id, pc.completion_date, pc.valid_until,
           COUNT(*) OVER (PARTITION BY pc.person_id, pc.competence_id) AS grants,
           ROW_NUMBER() OVER (PARTITION BY pc.person_id, pc.competence_id
             ORDER BY pc.valid_until IS NULL DESC, pc.valid_until DESC, pc.completion_date DESC, pc.module_id) AS rn
      FROM person_competence pc
     WHERE pc.completion_date <= @asOf AND (${where})
  ) WHERE rn = 1`;

export function heldRepo(db: Db) {
  const forPerson = db.prepare<{ asOf: string; personId: string }, HeldRow>(
    heldSql('pc.person_id = @personId'),
  );
  const grantsOfPerson = db.prepare<{ asOf: string; personId: string }, GrantRow>(
    `SELECT person_id, competence_id, module_id, completion_date, valid_until FROM person_competence
      WHERE person_id = @personId AND completion_date <= @asOf
      ORDER BY competence_id, completion_date DESC, module_id`,
  );
  return {
    /** The deciding grant per competence the person holds on `asOf`. */
    forPerson: (personId: string, asOf: string): HeldRow[] => forPerson.all({ personId, asOf }),
    /** Every grant of the person up to `asOf`, newest completion first per competence. */
    grantsOfPerson: (personId: string, asOf: string): GrantRow[] => grantsOfPerson.all({ personId, asOf }),
  };
}
