import type { AuthedCtx } from '../../app/context.js';
import { isModuleVisibleTo } from '../catalog/visibility-repo.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { personTarget } from '../permissions/target-repo.js';
import { recordDecision } from '../records/access.js';
import { reaches } from '../units/require-reach.js';
import { fileRepo, type StoredFileRow } from './file-repo.js';

/**
 * Who may read a stored file: whoever uploaded it; anyone who may view a course
 * using it (catalog.view on its owner unit, for the draft too), or who may see
 * the module as a learner (published versions only: drafts are for editors); and
 * anyone who may view the training records of a person it is evidence for.
 * Attaching a file (attach.ts) needs the same, so a reference can never widen it.
 */
export function mayReadFile(ctx: AuthedCtx, f: StoredFileRow): boolean {
  if (f.created_by === ctx.actor.id) return true;
  const repo = fileRepo(ctx.db);
  for (const m of repo.referencingModules(f.id)) {
    const owner = unitFacts(ctx.db, m.owner_unit_id);
    if (owner && reaches(ctx.actor, 'catalog.view', owner)) return true;
    if (m.in_version && isModuleVisibleTo(ctx.db, ctx.actor.id, m.id)) return true;
  }
  return repo.evidenceOwners(f.id).some((personId) => {
    const target = personTarget(ctx.db, personId);
    return !!target && recordDecision(ctx, target, 'view').allowed;
  });
}
