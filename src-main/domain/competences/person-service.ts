import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { competenceStatus } from '../../../shared/competences/status.js';
import { isoDateOf } from '../../../shared/dates.js';
import type { AuthedCtx } from '../../app/context.js';
import { expiringDays } from '../compliance/service.js';
import { recordAccess } from '../records/access.js';
import { competenceRepo } from './competence-repo.js';
import { heldRepo } from './held-repo.js';
import { mappingRepo } from './mapping-repo.js';
import { ancestorNames } from './tree-view.js';

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });

/** Orders by category path, then name: the way the tree reads. */
function compareHeld(a: { path: string[]; name: string }, b: { path: string[]; name: string }): number {
  const ka = [...a.path, a.name];
  const kb = [...b.path, b.name];
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const d = byText(ka[i] ?? '', kb[i] ?? '');
    if (d) return d;
  }
  return ka.length - kb.length;
}

/**
 * The competences a person holds on a day (`003_*`): per competence the grant
 * reaching furthest decides (held-repo.ts), with every completion that gave it.
 * Who may see it follows who may see the person's training records.
 */
export function personCompetences(
  input: ParsedInput<'competences.person'>,
  ctx: AuthedCtx,
): CallOutput<'competences.person'> {
  recordAccess(ctx, input.personId, 'view');
  const asOf = input.asOf ?? isoDateOf(ctx.clock.now());
  const held = heldRepo(ctx.db);
  const deciding = held.forPerson(input.personId, asOf);
  const grants = held.grantsOfPerson(input.personId, asOf);
  const nodes = competenceRepo(ctx.db).all();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const paths = ancestorNames(nodes);
  const modules = mappingRepo(ctx.db).modulesNamed(grants.map((g) => g.module_id));
  const warning = expiringDays(ctx.db);
  const rows = deciding.flatMap((h) => {
    const c = byId.get(h.competence_id);
    if (!c) return [];
    const source = modules.get(h.module_id);
    return [
      {
        competenceId: c.id,
        code: c.code,
        name: c.name,
        path: paths.get(c.id) ?? [],
        validFrom: h.completion_date,
        validUntil: h.valid_until,
        status: competenceStatus({ validUntil: h.valid_until }, asOf, warning),
        archived: c.archived_at !== null,
        // A deleted module has no code left; its id still names the source.
        source: {
          moduleId: h.module_id,
          code: source && source.code !== h.module_id ? source.code : null,
          title: source?.title ?? h.module_id,
        },
        grants: grants
          .filter((g) => g.competence_id === c.id)
          .map((g) => ({
            moduleId: g.module_id,
            moduleTitle: modules.get(g.module_id)?.title ?? g.module_id,
            completionDate: g.completion_date,
            validUntil: g.valid_until,
          })),
      },
    ];
  });
  return { asOf, rows: rows.sort(compareHeld) };
}
