import type { DemoApi } from './demo-api.js';
import type { DemoCatalog } from './demo-catalog.js';
import type { Later } from './demo-sessions.js';

export interface ConfigurationPeople {
  orgId: string;
  umeaId: string;
  /** Organisation Admin: sets what everyone in the group must do. */
  henrik: string;
  /** Manager at Umeå: adds her site's own requirements. */
  ylva: string;
}

/** Days before today each configuration was made (before "6 months ago", so the as-of picker has history). */
export const CONFIGURED = { essentials: 380, forklift: 330, umea: 300, forkliftDue: -45 };

/**
 * Training configurations as a coordinator and a site manager would set them up,
 * through configurations.create on the demo's timeline: everyone covered then
 * gets a fulfilment from that day, so "as of" any date since gives real answers.
 *
 * - Nordvik Group essentials (the whole organisation): Fire Safety Awareness and
 *   Manual Handling (due 30 days after joining) Required, Food Hygiene Optional.
 * - Forklift drivers (a rule group by job title): the Forklift licence Required,
 *   due in six weeks, so drivers who only hold a licence card show as missing.
 * - Umeå site safety (Ylva's site): First Aid at Work Required, renewed every 36 months.
 */
export function planConfigurations(
  api: DemoApi,
  later: Later,
  cat: DemoCatalog,
  p: ConfigurationPeople,
): void {
  later(api.at(CONFIGURED.essentials, 11), async () => {
    await api.call(
      'configurations.create',
      {
        name: 'Nordvik Group essentials',
        description: 'What everyone at Nordvik completes, whatever their site.',
        targetType: 'unit',
        targetId: p.orgId,
        items: [
          { moduleId: cat.fireSafety, requirement: 'required', validityMonths: null, due: { kind: 'none' } },
          {
            moduleId: cat.manualHandling,
            requirement: 'required',
            validityMonths: null,
            due: { kind: 'after_joining', days: 30 },
          },
          { moduleId: cat.foodHygiene, requirement: 'optional', validityMonths: null, due: { kind: 'none' } },
        ],
      },
      p.henrik,
    );
  });

  later(api.at(CONFIGURED.forklift, 11), async () => {
    const titles = await api.call('lookups.list', { list: 'job_title', includeArchived: false }, p.henrik);
    const driver = titles.rows.find((t) => t.name === 'Forklift Driver');
    if (!driver) throw new Error('Demo data: no Forklift Driver job title');
    const group = await api.call(
      'groups.create',
      {
        kind: 'rule',
        name: 'Forklift drivers',
        description: 'Everyone whose job title is Forklift Driver, at any site.',
        ownerUnitId: p.orgId,
        rule: { unitIds: [], departmentIds: [], jobTitleIds: [driver.id] },
      },
      p.henrik,
    );
    await api.call(
      'configurations.create',
      {
        name: 'Forklift licence',
        description: 'Drivers holding only a licence card complete the iHasco course by the due date.',
        targetType: 'group',
        targetId: group.id,
        items: [
          {
            moduleId: cat.forklift,
            requirement: 'required',
            validityMonths: null,
            due: { kind: 'fixed', date: api.daysAgo(CONFIGURED.forkliftDue) },
          },
        ],
      },
      p.henrik,
    );
  });

  later(api.at(CONFIGURED.umea, 11), async () => {
    await api.call(
      'configurations.create',
      {
        name: 'Umeå site safety',
        description: 'First aiders on every shift at the Umeå plant.',
        targetType: 'unit',
        targetId: p.umeaId,
        items: [
          { moduleId: cat.firstAid, requirement: 'required', validityMonths: 36, due: { kind: 'none' } },
        ],
      },
      p.ylva,
    );
  });
}
