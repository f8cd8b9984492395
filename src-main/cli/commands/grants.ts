import type { Command } from 'commander';
import { findUnitByCodeOrPath } from '../../domain/org/unit-lookup-repo.js';
import { rolesRepo } from '../../domain/roles/repo.js';
import type { App } from '../../app/create-app.js';
import { CliError } from '../cli-error.js';
import { actingPersonId, personIdByLogin, withApp, type GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { unwrap } from '../unwrap.js';

function resolveGrant(app: App, email: string, role: string, unit: string) {
  const r = rolesRepo(app.db).byName(role) ?? rolesRepo(app.db).byId(role);
  if (!r) throw new CliError(`There is no role named "${role}" (see "fieldbook roles list").`);
  const u = findUnitByCodeOrPath(app.db, unit);
  if (!u) throw new CliError(`There is no unit with the code or path "${unit}".`);
  return { personId: personIdByLogin(app, email), roleId: r.id, unitId: u.id };
}

export function registerGrants(program: Command, io: CliIo) {
  const grants = program
    .command('grants')
    .description('Grant and remove roles (by role name, unit code or path)');
  const change = (verb: 'add' | 'remove') =>
    grants
      .command(`${verb} <email> <role> <unit>`)
      .description(
        verb === 'add' ? 'Give a person a role at a unit' : 'Take a role at a unit away from a person',
      )
      .action(async (email: string, role: string, unit: string, _o: unknown, cmd: Command) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        await withApp(g, io, async (app) => {
          const input = resolveGrant(app, email, role, unit);
          const res = unwrap(await app.invoke(`grants.${verb}`, input, { actorId: actingPersonId(app, g) }));
          if (g.json) io.stdout(JSON.stringify(res) + '\n');
          else
            io.stdout(
              verb === 'add'
                ? `Granted ${role} at ${unit} to ${email}.\n`
                : `Removed ${role} at ${unit} from ${email}.\n`,
            );
        });
      });
  change('add');
  change('remove');
  grants
    .command('list')
    .description('Role grants of the people in your scope')
    .option('--person <email>', 'only this person')
    .action(async (opts: { person?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const actorId = actingPersonId(app, g);
        const filter = opts.person ? { personId: personIdByLogin(app, opts.person) } : {};
        const rows = [];
        for (let offset = 0; ; offset += 500) {
          const page = unwrap(
            await app.invoke('grants.list', { ...filter, offset, limit: 500 }, { actorId }),
          );
          rows.push(...page.rows);
          if (rows.length >= page.total || page.rows.length === 0) break;
        }
        if (g.json) return void io.stdout(JSON.stringify(rows) + '\n');
        if (!rows.length) return void io.stdout('No grants.\n');
        for (const r of rows) io.stdout(`${r.email}\t${r.roleName}\t${r.unitPath}\n`);
      });
    });

  const permissions = program.command('permissions').description('Who may do what');
  permissions
    .command('explain <email>')
    .description('Print the effective permissions of a person: every privilege and the grant that gives it')
    .action(async (email: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, io, async (app) => {
        const personId = personIdByLogin(app, email);
        const eff = unwrap(
          await app.invoke('permissions.effective', { personId }, { actorId: actingPersonId(app, g) }),
        );
        if (g.json) return void io.stdout(JSON.stringify(eff) + '\n');
        io.stdout(`${eff.personName} (rank ${eff.rank})\nRoles:\n`);
        for (const gr of eff.grants) {
          const why =
            gr.implied === 'home-unit'
              ? ' (home unit)'
              : gr.implied === 'ancestor'
                ? ' (implied by a role below)'
                : '';
          io.stdout(`  ${gr.roleName} at ${gr.unitName}${why}\n`);
        }
        let group = '';
        for (const p of eff.privileges) {
          if (p.group !== group) io.stdout(`${(group = p.group)[0]?.toUpperCase()}${group.slice(1)}:\n`);
          io.stdout(`  ${p.label}\n${p.sources.map((s) => `      via ${s.description}\n`).join('')}`);
        }
      });
    });
}
