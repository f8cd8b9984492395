import type { z } from '../zod.js';
import type { CallSpec } from './call-spec.js';
import { auditCalls } from './calls/audit.js';
import { authCalls } from './calls/auth.js';
import { peopleCalls } from './calls/people.js';
import { grantsCalls } from './calls/grants.js';
import { permissionsCalls } from './calls/permissions.js';
import { rolesCalls } from './calls/roles.js';
import { setupCalls } from './calls/setup.js';
import { unitsCalls } from './calls/units.js';
import { lookupsCalls } from './calls/lookups.js';
import { groupsCalls } from './calls/groups.js';
import { qualificationsCalls, recordsCalls } from './calls/records.js';
import { catalogCalls } from './calls/catalog.js';
import { learningCalls } from './calls/learning.js';
import { eventsCalls } from './calls/events.js';
import { resultsCalls } from './calls/results.js';
import { filesCalls } from './calls/files.js';
import { configurationsCalls } from './calls/configurations.js';
import { complianceCalls } from './calls/compliance.js';
import { importsCatalogCalls } from './calls/imports-catalog.js';
import { settingsCalls } from './calls/settings.js';
import { recordsImportCalls } from './calls/records-import.js';
import { certificatesCalls } from './calls/certificates.js';
import { competencesCalls } from './calls/competences.js';

export type { Access, CallSpec, TargetRef } from './call-spec.js';

/**
 * Every call the renderer, the CLI and the tests can make, once. Each business
 * module lists its calls in calls/<module>.ts; this is their union. The
 * dispatcher, the preload, the typed client and the permission-matrix test
 * derive from it; nothing it does not name is forwarded.
 */
export const contract = {
  ...setupCalls,
  ...authCalls,
  ...auditCalls,
  ...peopleCalls,
  ...rolesCalls,
  ...grantsCalls,
  ...permissionsCalls,
  ...unitsCalls,
  ...lookupsCalls,
  ...groupsCalls,
  ...qualificationsCalls,
  ...recordsCalls,
  ...filesCalls,
  ...catalogCalls,
  ...learningCalls,
  ...eventsCalls,
  ...resultsCalls,
  ...configurationsCalls,
  ...complianceCalls,
  ...importsCatalogCalls,
  ...settingsCalls,
  ...recordsImportCalls,
  ...certificatesCalls,
  ...competencesCalls,
} as const satisfies Record<string, CallSpec>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<C extends CallName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends CallName> = z.output<Contract[C]['input']>;
export type CallOutput<C extends CallName> = z.output<Contract[C]['output']>;

export const callNames = Object.keys(contract) as CallName[];
export const isCallName = (s: string): s is CallName => Object.hasOwn(contract, s);
