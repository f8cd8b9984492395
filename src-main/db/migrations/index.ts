import type { Database } from 'better-sqlite3';
import initial from './0001-initial.js';
import organisation from './0002-organisation.js';
import trainingRecords from './0003-training-records.js';
import catalog from './0004-catalog.js';
import assignments from './0005-assignments.js';
import history from './0006-history.js';
import recordImports from './0007-record-imports.js';
import certificates from './0008-certificates.js';
import competences from './0009-competences.js';

export type Migration = (db: Database) => void;

/**
 * Every migration in order; `user_version` counts how many have run. Listed
 * statically so that bundling keeps them. Never edit one that has shipped: add
 * the next file instead.
 */
export const migrations: readonly Migration[] = [
  initial,
  organisation,
  trainingRecords,
  catalog,
  assignments,
  history,
  recordImports,
  certificates,
  competences,
];
