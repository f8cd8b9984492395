import type { ErrorDetail } from '../../../shared/api/errors.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { AppError } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { moduleRepo, type ModuleDbRow } from './module-repo.js';
import { isModuleVisibleTo } from './visibility-repo.js';

/** The path from `from` to `to` over `edges` (module → the modules it requires), or null. */
function pathBetween(edges: Map<string, string[]>, from: string, to: string): string[] | null {
  const seen = new Set<string>();
  const walk = (id: string): string[] | null => {
    if (id === to) return [id];
    if (seen.has(id)) return null;
    seen.add(id);
    for (const next of edges.get(id) ?? []) {
      const rest = walk(next);
      if (rest) return [id, ...rest];
    }
    return null;
  };
  return walk(from);
}

/**
 * A module's new prerequisite list: each one exists, is visible to the actor
 * (in their catalog reach, or owned above them),
 * is not the module itself, and does not already (directly or through others)
 * require this module, which would make neither of them ever startable.
 */
export function checkPrerequisites(ctx: AuthedCtx, m: ModuleDbRow, ids: readonly string[]): void {
  const repo = moduleRepo(ctx.db);
  const edges = new Map<string, string[]>();
  for (const e of repo.prerequisiteEdges()) {
    if (e.module_id === m.id) continue; // this module's own list is being replaced
    edges.set(e.module_id, [...(edges.get(e.module_id) ?? []), e.requires_module_id]);
  }
  const reach = reachOf(ctx.actor.grants, 'catalog.view');
  const titleOf = (id: string) => (id === m.id ? m.title : (repo.byId(id)?.title ?? id));
  const details: ErrorDetail[] = [];
  ids.forEach((id, i) => {
    const path = `prerequisiteIds.${i}`;
    const p = repo.byId(id);
    if (!p || !isModuleVisibleTo(ctx.db, ctx.actor.id, p.id, reach)) {
      details.push({ path, message: `There is no module ${id} that you can see` });
      return;
    }
    if (p.id === m.id) {
      details.push({ path, message: `${m.title} cannot be its own prerequisite` });
      return;
    }
    const back = pathBetween(edges, p.id, m.id);
    if (back)
      details.push({
        path,
        message: `${p.title} already needs ${m.title}, so requiring it would make a loop: ${[m.id, ...back].map(titleOf).join(' → ')}`,
      });
  });
  const first = details[0];
  if (first) throw new AppError('invalid_input', `${first.message}.`, { details });
}
