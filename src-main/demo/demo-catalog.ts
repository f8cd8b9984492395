import type { CallInput } from '../../shared/api/contract.js';
import type { DemoApi } from './demo-api.js';
import { FIRE_SAFETY_QUIZ, FOOD_HYGIENE_QUIZ } from './demo-quizzes.js';

/** The demo's modules and qualification codes, by the names the history uses. */
export interface DemoCatalog {
  fireSafety: string;
  fireSafetyQuiz: string;
  manualHandling: string;
  foodHygiene: string;
  firstAid: string;
  forklift: string;
  induction: string;
  workingAtHeight: string;
  fireSafety2019: string;
  qualifications: { forklift: string; firstAid: string; cscs: string };
}

export interface CatalogPeople {
  orgId: string;
  umeaId: string;
  adminId: string;
  /** Manager at Umeå: her draft shows what a site manager is working on. */
  ylvaId: string;
}

const text = (id: string, title: string, html: string) => ({
  id,
  title,
  type: 'text' as const,
  html,
  required: true,
});

/** Days before today each part of the catalog was built (the history that uses it comes after). */
export const BUILT = { old: 2600, core: 2500, fireSafety: 500, induction: 480, draft: 12 };

/**
 * Builds the catalog as an administrator would, in the app's own steps (create,
 * publish, set prerequisites, archive), dated along the demo's timeline.
 */
export async function seedCatalog(api: DemoApi, p: CatalogPeople): Promise<DemoCatalog> {
  const as = p.adminId;
  const make = async (input: CallInput<'modules.create'>, publish = true, actorId = as) => {
    const m = await api.call('modules.create', input, actorId);
    if (publish) await api.call('modules.publish', { id: m.id }, actorId);
    return m.id;
  };

  api.setTime(api.at(BUILT.old));
  const fireSafety2019 = await make({
    code: 'FS-2019',
    title: 'Fire Safety 2019',
    kind: 'course',
    ownerUnitId: p.orgId,
    description: 'The fire safety course used until Fire Safety Awareness replaced it.',
    tags: ['safety'],
    defaultValidityMonths: 12,
    content: {
      kind: 'course',
      steps: [text('intro', 'Fire safety at Nordvik', '<p>Know your exits, alarms and extinguishers.</p>')],
    },
  });

  api.setTime(api.at(BUILT.core));
  const forkliftQual = await api.call(
    'qualifications.create',
    { code: 'FLT-B', name: 'Forklift counterbalance (category B)', defaultValidityMonths: 60 },
    as,
  );
  const firstAidQual = await api.call(
    'qualifications.create',
    { code: 'FA-L3', name: 'First Aid Level 3', defaultValidityMonths: 36 },
    as,
  );
  const cscs = await api.call(
    'qualifications.create',
    { code: 'CSCS', name: 'Construction skills card (CSCS)', defaultValidityMonths: 60 },
    as,
  );

  const manualHandling = await make({
    code: 'MH-201',
    title: 'Manual Handling',
    kind: 'course',
    ownerUnitId: p.orgId,
    description: 'Lifting, carrying and pushing loads without injury.',
    tags: ['safety', 'induction'],
    defaultValidityMonths: 36,
    selfEnrol: true,
    content: {
      kind: 'course',
      steps: [
        text('risks', 'Why it matters', '<p>Most workplace injuries come from lifting and carrying.</p>'),
        text(
          'tile',
          'Assess the load: TILE',
          '<p><strong>T</strong>ask, <strong>I</strong>ndividual, <strong>L</strong>oad, <strong>E</strong>nvironment.</p>',
        ),
        text(
          'lift',
          'A good lift',
          '<ol><li>Plan</li><li>Get close</li><li>Bend your knees</li><li>Keep your back straight</li></ol>',
        ),
      ],
    },
  });
  const foodHygiene = await make({
    code: 'FH-110',
    title: 'Food Hygiene quiz',
    kind: 'quiz',
    ownerUnitId: p.orgId,
    description: 'For everyone who handles food in our canteens and break rooms.',
    tags: ['hygiene', 'induction'],
    defaultValidityMonths: 24,
    selfEnrol: true,
    content: FOOD_HYGIENE_QUIZ,
  });
  const firstAid = await make({
    code: 'FA-300',
    title: 'First Aid at Work',
    kind: 'event',
    ownerUnitId: p.orgId,
    description: 'A one-day classroom course with a practical assessment by the instructor.',
    tags: ['safety', 'first aid'],
    defaultValidityMonths: 36,
    selfEnrol: true,
    content: { kind: 'event', graded: true },
  });
  const forklift = await make({
    code: 'EXT-FLT',
    title: 'Forklift licence',
    kind: 'external',
    ownerUnitId: p.orgId,
    description: 'Counterbalance forklift training and licence, supplied by iHasco.',
    tags: ['logistics'],
    defaultValidityMonths: 60,
    provider: 'iHasco',
    content: { kind: 'external', externalId: 'IH-FLT-CB', url: 'https://www.ihasco.co.uk/' },
  });

  api.setTime(api.at(BUILT.fireSafety));
  const fireSafetyQuiz = await make({
    code: 'FS-101-Q',
    title: 'Fire Safety check',
    kind: 'quiz',
    ownerUnitId: p.orgId,
    description: 'The check at the end of Fire Safety Awareness.',
    tags: ['safety'],
    trainingRecord: false,
    content: FIRE_SAFETY_QUIZ,
  });
  const fireSafety = await make({
    code: 'FS-101',
    title: 'Fire Safety Awareness',
    kind: 'course',
    ownerUnitId: p.orgId,
    description: 'Preventing fires, raising the alarm and leaving the building safely. Renew every year.',
    tags: ['safety', 'induction'],
    defaultValidityMonths: 12,
    selfEnrol: true,
    content: {
      kind: 'course',
      steps: [
        text(
          'prevent',
          'Preventing fires',
          '<p>Keep walkways clear, report damaged cables and never block a fire door.</p>',
        ),
        text(
          'alarm',
          'Raising the alarm',
          '<p>Break the nearest call point, shout “Fire!” and leave by the nearest exit.</p>',
        ),
        {
          id: 'video',
          title: 'Fire safety at work (HSE)',
          type: 'link',
          url: 'https://www.hse.gov.uk/toolbox/fire.htm',
          required: true,
        },
        {
          id: 'check',
          title: 'Fire Safety check',
          type: 'quiz',
          quizModuleId: fireSafetyQuiz,
          required: true,
        },
      ],
    },
  });

  api.setTime(api.at(BUILT.induction));
  const induction = await make({
    code: 'IND-001',
    title: 'Site Induction',
    kind: 'learning_path',
    ownerUnitId: p.orgId,
    description: 'Everything a newcomer completes in their first weeks on site.',
    tags: ['induction'],
    selfEnrol: true,
    content: {
      kind: 'learning_path',
      items: [
        { moduleId: fireSafety, required: true, requiresPrevious: false },
        { moduleId: manualHandling, required: true, requiresPrevious: true },
        { moduleId: foodHygiene, required: true, requiresPrevious: false },
      ],
    },
  });

  // A site manager's draft, not yet published: it needs Manual Handling first.
  api.setTime(api.at(BUILT.draft, 14));
  const workingAtHeight = await make(
    {
      code: 'WAH-150',
      title: 'Working at Height',
      kind: 'course',
      ownerUnitId: p.umeaId,
      description: 'Ladders, scaffolds and harnesses at the Umeå plant.',
      tags: ['safety'],
      defaultValidityMonths: 12,
      content: {
        kind: 'course',
        steps: [
          text('plan', 'Plan the work', '<p>Avoid working at height when you can; if not, plan it.</p>'),
          text('ladders', 'Ladders and steps', '<p>Three points of contact, and never on the top step.</p>'),
        ],
      },
    },
    false,
    p.ylvaId,
  );
  await api.call('modules.update', { id: workingAtHeight, prerequisiteIds: [manualHandling] }, p.ylvaId);

  return {
    fireSafety,
    fireSafetyQuiz,
    manualHandling,
    foodHygiene,
    firstAid,
    forklift,
    induction,
    workingAtHeight,
    fireSafety2019,
    qualifications: { forklift: forkliftQual.id, firstAid: firstAidQual.id, cscs: cscs.id },
  };
}
