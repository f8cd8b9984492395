import type { ResultStatus } from '../../shared/api/schemas/results.js';
import type { DemoApi } from './demo-api.js';
import type { DemoRoster } from './demo-roster.js';
import { BUILT, type DemoCatalog } from './demo-catalog.js';
import { FIRE_SAFETY_QUIZ, FOOD_HYGIENE_QUIZ, answersFor } from './demo-quizzes.js';
import { planConfigurations } from './demo-configurations.js';
import { planFirstAid, type Later } from './demo-sessions.js';

/** A seeded generator of numbers in [0, 1): the demo's history is the same on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How a module's completions spread over the staff: a share never did it, a
 * share did it so long ago it has expired, a share is about to expire (within
 * the 30-day warning window), and the rest are spread over its training days.
 * Each entry is days before today; people done on the same day form one batch.
 */
interface Spread {
  none: number;
  expired: [share: number, days: number[]];
  expiring: [share: number, days: number[]];
  valid: number[];
}

// Validity: Fire Safety 12 months, Manual Handling 36, Food Hygiene 24, First Aid 36, Forklift 60.
const FIRE: Spread = {
  none: 0.12,
  expired: [0.12, [380, 415, 452]],
  expiring: [0.08, [342, 355]],
  valid: [28, 61, 95, 124, 158, 190, 219, 251, 283, 312],
};
const MANUAL: Spread = {
  none: 0.12,
  expired: [0.12, [1130, 1215, 1290]],
  expiring: [0.05, [1075, 1086]],
  valid: [75, 210, 388, 566, 742, 905],
};
const FOOD: Spread = {
  none: 0.35,
  expired: [0.08, [765, 840]],
  expiring: [0.05, [712, 722]],
  valid: [48, 140, 265, 402, 530, 660],
};
const FIRST_AID: Spread = {
  none: 0.7,
  expired: [0.05, [1150]],
  expiring: [0.04, [1080]],
  valid: [420, 690, 960],
};

const UK = ['S-LDS', 'S-BRS', 'S-ABZ'];

interface Action {
  at: string;
  run(): Promise<void>;
}

export interface HistorySummary {
  results: number;
  externalRecords: number;
}

/**
 * A year (and, for long validities, more) of training before the demo's today,
 * written through the real calls in date order: managers record results for
 * their sites in batches, learners enrol and take quizzes and courses
 * themselves, a First Aid session is held and marked, and managers add
 * external certificates. The README's people get scripted histories.
 */
export async function seedHistory(
  api: DemoApi,
  cat: DemoCatalog,
  roster: DemoRoster,
): Promise<HistorySummary> {
  const rand = random(20260301);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const actions: Action[] = [];
  const later: Later = (at, run) => void actions.push({ at, run });
  const summary: HistorySummary = { results: 0, externalRecords: 0 };

  const admin = roster.adminId;
  const asa = roster.person('asa.oberg@demo.fieldbook');
  const ylva = roster.person('ylva.marklund@demo.fieldbook');
  const bjorn = roster.person('bjorn.naslund@demo.fieldbook');
  const henrik = roster.person('henrik.forsberg@demo.fieldbook');
  const james = roster.person('james.walker@demo.fieldbook');
  const scripted = new Set([asa, ylva]);
  const site = (code: string) => {
    const s = roster.sites.find((x) => x.code === code);
    if (!s) throw new Error(`Demo data: no site ${code}`);
    return s;
  };

  // ---- Manual results, batched per module, site, day and outcome ------------------------------------
  const batches = new Map<
    string,
    { moduleId: string; days: number; status: ResultStatus; score: number | null; by: string; ids: string[] }
  >();
  const result = (moduleId: string, days: number, status: ResultStatus, by: string, personId: string) => {
    // Passes carry a score above both quizzes' pass marks.
    const score = status === 'completed' ? null : 80 + ((days * 7) % 21);
    const key = `${moduleId}|${days}|${status}|${by}`;
    const b = batches.get(key) ?? { moduleId, days, status, score, by, ids: [] };
    b.ids.push(personId);
    batches.set(key, b);
  };
  const spread = (
    s: Spread,
    moduleId: string,
    status: ResultStatus,
    by: string,
    personId: string,
  ): boolean => {
    const r = rand();
    if (r < s.none) return false;
    const [pExpired, expired] = s.expired;
    const [pExpiring, expiring] = s.expiring;
    const days =
      r < s.none + pExpired
        ? pick(expired)
        : r < s.none + pExpired + pExpiring
          ? pick(expiring)
          : pick(s.valid);
    result(moduleId, days, status, by, personId);
    return true;
  };

  const liveFood: string[] = [];
  const liveFire: string[] = [];
  const inductees: string[] = [];
  const forklift: { id: string; by: string; n: number }[] = [];
  const external: { id: string; by: string; site: string; title: string }[] = [];

  for (const s of roster.sites) {
    s.staff.forEach((p, i) => {
      if (scripted.has(p.id)) return;
      // A site manager's own results come from head office.
      const by = p.id === s.managerId ? admin : s.managerId;
      if (!spread(FIRE, cat.fireSafety, 'completed', by, p.id) && rand() < 0.5) liveFire.push(p.id);
      spread(MANUAL, cat.manualHandling, 'completed', by, p.id);
      if (!spread(FOOD, cat.foodHygiene, 'passed', by, p.id) && rand() < 0.45) liveFood.push(p.id);
      spread(FIRST_AID, cat.firstAid, 'passed', by, p.id);
      if (['S-UME', 'S-LLA'].includes(s.code) && rand() < 0.5)
        result(cat.fireSafety2019, pick([2350, 2010]), 'completed', by, p.id);
      if (['S-UME', 'S-LLA', 'S-KIR'].includes(s.code) && i % 6 === 0) inductees.push(p.id);
      if (p.title === 'Forklift Driver' || p.title === 'Warehouse Operative')
        forklift.push({ id: p.id, by, n: i });
      external.push({ id: p.id, by, site: s.code, title: p.title });
    });
  }

  // The README's people.
  result(cat.manualHandling, 1250, 'completed', ylva, asa); // expired months ago
  result(cat.fireSafety, 350, 'completed', bjorn, ylva); // expiring within the month
  result(cat.manualHandling, 500, 'completed', bjorn, ylva);
  result(cat.foodHygiene, 402, 'passed', bjorn, ylva);

  // Forklift drivers: half did iHasco's course (a result on the external item), half hold a licence card.
  for (const f of forklift) {
    if (f.n % 2) result(cat.forklift, pick([95, 410, 880, 1420, 1812]), 'completed', f.by, f.id);
    else
      addExternal(f.id, f.by, pick([130, 700, 1500, 1850]), {
        recordType: 'certificate',
        title: 'Forklift licence – counterbalance',
        provider: 'iHasco',
        qualificationId: cat.qualifications.forklift,
        otherInfo: 'Licence card checked by the site manager.',
      });
  }
  // A few first-aiders trained outside, and construction cards on the UK sites.
  external.forEach((p, i) => {
    if (p.title === 'HSE Coordinator')
      addExternal(p.id, p.by, pick([200, 640]), {
        recordType: 'external_course',
        title: 'First Aid at Work Level 3',
        provider: UK.includes(p.site) ? 'St John Ambulance' : 'Röda Korset',
        qualificationId: cat.qualifications.firstAid,
      });
    if (UK.includes(p.site) && ['Engineer', 'Electrician'].includes(p.title) && i % 2 === 0)
      addExternal(p.id, p.by, pick([300, 900, 1700, 1900]), {
        recordType: 'certificate',
        title: 'CSCS card',
        provider: 'CITB',
        qualificationId: cat.qualifications.cscs,
      });
  });

  function addExternal(
    personId: string,
    by: string,
    days: number,
    r: {
      recordType: 'certificate' | 'external_course';
      title: string;
      provider: string;
      qualificationId: string;
      otherInfo?: string;
    },
  ) {
    later(api.at(days, 15, 30), async () => {
      await api.call('records.addExternal', { personId, completionDate: api.daysAgo(days), ...r }, by);
      summary.externalRecords++;
    });
  }

  const noteFor = (moduleId: string) =>
    moduleId === cat.forklift
      ? 'Completed with iHasco; their certificate is on file.'
      : moduleId === cat.foodHygiene
        ? 'Paper test in the canteen, marked by the site manager.'
        : 'Classroom session, signed attendance sheet.';
  for (const b of batches.values())
    later(api.at(b.days, 15), async () => {
      await api.call(
        'results.record',
        {
          moduleId: b.moduleId,
          date: api.daysAgo(b.days),
          status: b.status,
          ...(b.score === null ? {} : { score: b.score }),
          note: noteFor(b.moduleId),
          personIds: b.ids,
        },
        b.by,
      );
      summary.results += b.ids.length;
    });

  // Fire Safety 2019 was replaced by Fire Safety Awareness: archived, its history kept.
  later(api.at(BUILT.fireSafety - 30), async () => {
    await api.call('modules.archive', { id: cat.fireSafety2019 }, admin);
  });

  // ---- Learners on their own ------------------------------------------------------------------------
  const enrol = (personId: string, moduleId: string, days: number, hour = 8) =>
    later(api.at(days, hour), async () => {
      await api.call('learning.enrol', { moduleId }, personId);
    });
  for (const id of inductees) enrol(id, cat.induction, pick([300, 240, 180]));

  /** Takes a quiz as the person, starting at `minute` past 9 on the day, with that many mistakes. */
  const takeQuiz = async (personId: string, moduleId: string, days: number, mistakes: number, minute = 0) => {
    api.setTime(api.at(days, 9, minute));
    const attempt = await api.call('learning.startAttempt', { moduleId }, personId);
    api.setTime(api.at(days, 9, minute + 12));
    const quiz = moduleId === cat.foodHygiene ? FOOD_HYGIENE_QUIZ : FIRE_SAFETY_QUIZ;
    await api.call(
      'learning.submitAttempt',
      { attemptId: attempt.attemptId, answers: answersFor(quiz, mistakes) },
      personId,
    );
  };
  const takeFireSafety = async (personId: string, days: number, mistakes: number[]) => {
    for (const stepId of ['prevent', 'alarm', 'video'])
      await api.call('learning.completeStep', { moduleId: cat.fireSafety, stepId }, personId);
    for (const [n, m] of mistakes.entries())
      await takeQuiz(personId, cat.fireSafetyQuiz, days, m, 20 + n * 15);
  };

  liveFood.forEach((id, n) => {
    const days = pick([20, 44, 71, 103, 137, 166, 198, 232, 265, 301, 330]);
    later(api.at(days, 8), async () => {
      await api.call('learning.enrol', { moduleId: cat.foodHygiene }, id);
      // Most pass first time; some fail and come back two days later; a few have failed once so far.
      if (n % 7 === 3) await takeQuiz(id, cat.foodHygiene, days, 3);
      else if (n % 4 === 1) {
        await takeQuiz(id, cat.foodHygiene, days, 2);
        await takeQuiz(id, cat.foodHygiene, days - 2, 0);
      } else await takeQuiz(id, cat.foodHygiene, days, n % 3 === 0 ? 1 : 0);
    });
  });
  liveFire.forEach((id, n) => {
    const days = pick([15, 39, 88, 146, 205, 270, 320]);
    later(api.at(days, 8), async () => {
      await api.call('learning.enrol', { moduleId: cat.fireSafety }, id);
      await takeFireSafety(id, days, n % 5 === 2 ? [3, 1] : [n % 2]);
    });
  });

  // Åsa: on the Site Induction path, Fire Safety done in the player, Food Hygiene failed once then passed,
  // Manual Handling long expired, and a First Aid session coming up.
  later(api.at(200, 8), async () => {
    await api.call('learning.enrol', { moduleId: cat.induction }, asa);
    await api.call('learning.enrol', { moduleId: cat.manualHandling }, asa);
  });
  later(api.at(121, 8), async () => {
    await api.call('learning.enrol', { moduleId: cat.fireSafety }, asa);
    api.setTime(api.at(121, 8, 30));
    await takeFireSafety(asa, 121, [0]);
  });
  later(api.at(60, 8), async () => {
    await api.call('learning.enrol', { moduleId: cat.foodHygiene }, asa);
    await takeQuiz(asa, cat.foodHygiene, 60, 3);
    await takeQuiz(asa, cat.foodHygiene, 58, 1);
  });

  planFirstAid(api, later, {
    firstAid: cat.firstAid,
    admin,
    instructors: { umea: henrik, leeds: james },
    umea: site('S-UME'),
    leeds: site('S-LDS'),
    ylva,
    asa,
  });
  planConfigurations(api, later, cat, { orgId: roster.orgId, umeaId: site('S-UME').unitId, henrik, ylva });

  actions.sort((a, b) => a.at.localeCompare(b.at));
  for (const a of actions) {
    api.setTime(a.at);
    await a.run();
  }
  return summary;
}
