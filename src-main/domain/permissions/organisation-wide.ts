import { can } from '../../../shared/permissions/engine.js';
import type { Privilege } from '../../../shared/permissions/privileges.js';
import { forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { orgRepo } from '../org/repo.js';
import { unitFacts } from '../org/unit-facts-repo.js';

/**
 * Lists the whole organisation shares (departments, job titles, qualification
 * codes) change only for someone whose privilege reaches the organisation root:
 * a site-level grant must not rewrite what every other site uses.
 */
export function requireOrganisationWide(ctx: AuthedCtx, privilege: Privilege, what: string): void {
  const root = orgRepo(ctx.db).organisation();
  const unit = root ? unitFacts(ctx.db, root.id) : undefined;
  if (!unit) throw notFound('The organisation');
  if (!can(ctx.actor, privilege, { kind: 'unit', unit }, 'you').allowed) {
    throw forbidden(
      `${what} are shared by the whole organisation; only an organisation administrator can change them.`,
    );
  }
}
