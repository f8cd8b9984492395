import type { Answers } from '../../shared/api/schemas/learning.js';
import type { Question, QuizContent } from '../../shared/api/schemas/catalog.js';

/** The demo's two quizzes, with every question type, and the answers its learners give. */

const opt = (id: string, text: string, correct = false) => ({ id, text, correct });

export const FIRE_SAFETY_QUIZ: QuizContent = {
  kind: 'quiz',
  passMark: 80,
  maxAttempts: 3,
  timeLimitMinutes: null,
  shuffleQuestions: false,
  shuffleOptions: false,
  sections: [
    {
      id: 'prevent',
      title: 'Preventing fires',
      questions: [
        {
          id: 'fs-cause',
          type: 'single',
          points: 1,
          text: 'What causes most fires in workplaces like ours?',
          options: [
            opt('a', 'Faulty electrical equipment and overloaded sockets', true),
            opt('b', 'Lightning strikes'),
            opt('c', 'Sunlight through windows'),
          ],
        },
        {
          id: 'fs-triangle',
          type: 'multiple',
          points: 1,
          text: 'Which three things does a fire need? (choose all that apply)',
          options: [
            opt('a', 'Heat', true),
            opt('b', 'Fuel', true),
            opt('c', 'Oxygen', true),
            opt('d', 'Water'),
          ],
        },
        {
          id: 'fs-doors',
          type: 'true_false',
          points: 1,
          text: 'A fire door may be wedged open on a hot day.',
          answer: false,
        },
      ],
    },
    {
      id: 'alarm',
      title: 'When the alarm sounds',
      questions: [
        {
          id: 'fs-first',
          type: 'single',
          points: 1,
          text: 'You discover a fire. What do you do first?',
          options: [
            opt('a', 'Raise the alarm', true),
            opt('b', 'Finish what you were doing'),
            opt('c', 'Collect your belongings'),
          ],
        },
        {
          id: 'fs-gather',
          type: 'short_answer',
          points: 1,
          text: 'Where does everyone gather after leaving the building? (two words)',
          accepted: ['assembly point', 'the assembly point'],
        },
        {
          id: 'fs-lift',
          type: 'true_false',
          points: 1,
          text: 'Use the lift to leave the building quickly.',
          answer: false,
        },
      ],
    },
  ],
};

export const FOOD_HYGIENE_QUIZ: QuizContent = {
  kind: 'quiz',
  passMark: 75,
  maxAttempts: 3,
  timeLimitMinutes: null,
  shuffleQuestions: false,
  shuffleOptions: false,
  sections: [
    {
      id: 'personal',
      title: 'Personal hygiene',
      questions: [
        {
          id: 'fh-wash',
          type: 'single',
          points: 1,
          text: 'How long should you wash your hands with soap?',
          options: [
            opt('a', 'At least 20 seconds', true),
            opt('b', '3 seconds'),
            opt('c', 'Only if they look dirty'),
          ],
        },
        {
          id: 'fh-ill',
          type: 'multiple',
          points: 1,
          text: 'Which of these mean you must not handle food? (choose all that apply)',
          options: [
            opt('a', 'Vomiting in the last 48 hours', true),
            opt('b', 'Diarrhoea in the last 48 hours', true),
            opt('c', 'A paper cut covered with a blue plaster'),
          ],
        },
        {
          id: 'fh-jewellery',
          type: 'true_false',
          points: 1,
          text: 'A plain wedding band is the only jewellery allowed in a food area.',
          answer: true,
        },
      ],
    },
    {
      id: 'storage',
      title: 'Storage and temperatures',
      questions: [
        {
          id: 'fh-fridge',
          type: 'short_answer',
          points: 1,
          text: 'At most how many degrees Celsius should a fridge be? (a number)',
          accepted: ['5', '5°C', '5 °C', '5 degrees'],
        },
        {
          id: 'fh-raw',
          type: 'single',
          points: 1,
          text: 'Where does raw meat go in the fridge?',
          options: [
            opt('a', 'On the bottom shelf, below ready-to-eat food', true),
            opt('b', 'On the top shelf'),
            opt('c', 'Anywhere, if it is wrapped'),
          ],
        },
        {
          id: 'fh-refreeze',
          type: 'true_false',
          points: 1,
          text: 'Thawed raw food can safely be frozen again.',
          answer: false,
        },
      ],
    },
  ],
};

function right(q: Question): string[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.options.filter((o) => o.correct).map((o) => o.id);
    case 'true_false':
      return [String(q.answer)];
    case 'short_answer':
      return [q.accepted[0] ?? ''];
  }
}

function wrong(q: Question): string[] {
  switch (q.type) {
    case 'single':
      return [q.options.find((o) => !o.correct)?.id ?? ''];
    // A partial answer, as learners give: right only when exactly the correct options are chosen.
    case 'multiple':
      return q.options
        .filter((o) => o.correct)
        .slice(0, 1)
        .map((o) => o.id);
    case 'true_false':
      return [String(!q.answer)];
    case 'short_answer':
      return ['the car park'];
  }
}

/** A learner's answers: every question right except the first `mistakes` of them. */
export function answersFor(quiz: QuizContent, mistakes: number): Answers {
  const out: Answers = {};
  let n = 0;
  for (const s of quiz.sections)
    for (const q of s.questions) out[q.id] = n++ < mistakes ? wrong(q) : right(q);
  return out;
}
