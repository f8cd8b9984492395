import type { Db } from '../../db/open.js';
import { DUE_SQL } from './notification-repo.js';

export interface AssignedModule {
  module_id: string;
  requirement: 'required' | 'optional';
  /** Earliest due date among the Required items (null: none has one, or only Optional). */
  due_date: string | null;
}

/**
 * The modules a person's open fulfilments put on their dashboard now, one row
 * per module: Required beats Optional beats Hidden, so a module Hidden in one
 * configuration and Required in another is Required, and one Hidden everywhere
 * is not listed at all (Hidden means prepared, not shown).
 */
export function assignedModules(db: Db, personId: string): AssignedModule[] {
  return db
    .prepare<[string], AssignedModule>(
      `SELECT i.module_id,
         CASE max(CASE i.requirement WHEN 'required' THEN 2 WHEN 'optional' THEN 1 ELSE 0 END)
           WHEN 2 THEN 'required' ELSE 'optional' END AS requirement,
         min(CASE WHEN i.requirement = 'required' THEN ${DUE_SQL} END) AS due_date
       FROM fulfilment f
       JOIN training_configuration c ON c.id = f.configuration_id AND c.archived_at IS NULL
       JOIN configuration_item i ON i.configuration_id = c.id AND i.valid_to IS NULL
       WHERE f.person_id = ? AND f.removed_on IS NULL
       GROUP BY i.module_id
       HAVING max(i.requirement <> 'hidden') = 1`,
    )
    .all(personId);
}
