import type { Question, QuizContent } from '../../../shared/api/schemas/catalog.js';
import type { Answers, SectionScore } from '../../../shared/api/schemas/learning.js';
import { fold } from '../../db/text-search.js';

/** How an attempt showed its quiz: sections in order, each with its questions and their options in order. */
export type QuestionOrder = {
  sectionId: string;
  questions: { questionId: string; optionIds: string[] }[];
}[];

const normalise = (s: string) => fold(s.trim()).replace(/\s+/g, ' ');

/**
 * Whether an answer is right. Choice questions need exactly the correct set (a
 * partial answer to a multiple-choice question is wrong); true/false exactly the
 * right value; a short answer matches an accepted one ignoring case, accents and
 * spacing.
 */
export function isRight(q: Question, given: readonly string[] | undefined): boolean {
  const answer = given ?? [];
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const chosen = new Set(answer);
      const correct = q.options.filter((o) => o.correct).map((o) => o.id);
      if (q.type === 'single' && answer.length !== 1) return false;
      return correct.length > 0 && chosen.size === correct.length && correct.every((id) => chosen.has(id));
    }
    case 'true_false':
      return q.answer !== null && answer.length === 1 && answer[0] === String(q.answer);
    case 'short_answer': {
      const typed = answer[0];
      if (typed === undefined || !typed.trim()) return false;
      return q.accepted.some((a) => a.trim() !== '' && normalise(a) === normalise(typed));
    }
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export interface Score {
  scorePercent: number;
  passed: boolean;
  sectionScores: SectionScore[];
}

/** Points earned over points available, overall and per section, to one decimal. */
export function scoreAttempt(quiz: QuizContent, answers: Answers): Score {
  let earned = 0;
  let total = 0;
  const sectionScores = quiz.sections.map((s) => {
    let score = 0;
    let max = 0;
    for (const q of s.questions) {
      max += q.points;
      if (isRight(q, answers[q.id])) score += q.points;
    }
    earned += score;
    total += max;
    return { sectionId: s.id, title: s.title, score, max, percent: max ? round1((score / max) * 100) : 0 };
  });
  const scorePercent = total ? round1((earned / total) * 100) : 0;
  return { scorePercent, passed: scorePercent >= quiz.passMark, sectionScores };
}

/** Keeps only answers to questions of the quiz, so a stored attempt holds nothing foreign. */
export function knownAnswers(quiz: QuizContent, answers: Answers): Answers {
  const ids = new Set(quiz.sections.flatMap((s) => s.questions.map((q) => q.id)));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => ids.has(id)));
}

/** A small seeded PRNG (mulberry32) so each attempt's shuffle is reproducible from its seed. */
function rng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(list: readonly T[], next: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The order an attempt shows its questions (and options) in, shuffled within sections when the quiz says so. */
export function questionOrder(quiz: QuizContent, seed: string): QuestionOrder {
  const next = rng(seed);
  return quiz.sections.map((s) => {
    const questions = quiz.shuffleQuestions ? shuffled(s.questions, next) : s.questions;
    return {
      sectionId: s.id,
      questions: questions.map((q) => {
        const ids = q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => o.id) : [];
        return { questionId: q.id, optionIds: quiz.shuffleOptions ? shuffled(ids, next) : ids };
      }),
    };
  });
}
