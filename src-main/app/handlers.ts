import { auditHandlers } from '../domain/audit/handlers.js';
import { authHandlers } from '../domain/auth/handlers.js';
import { peopleHandlers } from '../domain/people/handlers.js';
import { grantsHandlers } from '../domain/grants/handlers.js';
import { permissionsHandlers } from '../domain/permissions/handlers.js';
import { rolesHandlers } from '../domain/roles/handlers.js';
import { setupHandlers } from '../domain/setup/handlers.js';
import { unitsHandlers } from '../domain/units/handlers.js';
import { lookupsHandlers } from '../domain/lookups/handlers.js';
import { groupsHandlers } from '../domain/groups/handlers.js';
import { recordsHandlers } from '../domain/records/handlers.js';
import { catalogHandlers } from '../domain/catalog/handlers.js';
import { learningHandlers } from '../domain/learning/handlers.js';
import { eventsHandlers } from '../domain/events/handlers.js';
import { resultsHandlers } from '../domain/results/handlers.js';
import { filesHandlers } from '../domain/files/handlers.js';
import { configurationsHandlers } from '../domain/configurations/handlers.js';
import { complianceHandlers } from '../domain/compliance/handlers.js';
import { importsCatalogHandlers } from '../domain/catalog/import-handlers.js';
import { settingsHandlers } from '../domain/settings/handlers.js';
import { recordsImportHandlers } from '../domain/records/import-handlers.js';
import { certificatesHandlers } from '../domain/certificates/handlers.js';
import { competencesHandlers } from '../domain/competences/handlers.js';
import type { HandlerOptions, Handlers } from './handler-types.js';

export type { HandlerOptions, Handlers } from './handler-types.js';

/** Every module's handlers; the type makes a call without a handler a compile error. */
export function createHandlers(opts: HandlerOptions): Handlers {
  return {
    ...setupHandlers(opts),
    ...authHandlers(opts),
    ...auditHandlers(),
    ...peopleHandlers(opts),
    ...rolesHandlers(),
    ...grantsHandlers(),
    ...permissionsHandlers(),
    ...unitsHandlers(),
    ...lookupsHandlers(),
    ...groupsHandlers(),
    ...recordsHandlers(),
    ...filesHandlers(),
    ...catalogHandlers(),
    ...learningHandlers(),
    ...eventsHandlers(),
    ...resultsHandlers(),
    ...configurationsHandlers(),
    ...complianceHandlers(),
    ...importsCatalogHandlers(),
    ...settingsHandlers(),
    ...recordsImportHandlers(),
    ...certificatesHandlers(),
    ...competencesHandlers(),
  };
}
