import sanitizeHtml from 'sanitize-html';
import type { ModuleContent, ModuleKind } from '../../../shared/api/schemas/catalog.js';

/**
 * Course text is written in the editor and shown to learners on shared machines:
 * it keeps structure and emphasis, links to the web or mail (opened outside the
 * app), and nothing that runs, styles or loads anything. The renderer sanitizes
 * again before showing it (DOMPurify); this is the stored copy's guarantee.
 */
const HTML_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'b',
    'i',
    'strong',
    'em',
    'u',
    's',
    'a',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' },
    }),
  },
};

export const sanitizeCourseHtml = (html: string): string => sanitizeHtml(html, HTML_OPTIONS);

/** What a new module of each kind starts with. */
export function emptyContent(kind: ModuleKind): ModuleContent {
  switch (kind) {
    case 'course':
      return { kind, steps: [] };
    case 'quiz':
      return {
        kind,
        passMark: 80,
        maxAttempts: null,
        timeLimitMinutes: null,
        shuffleQuestions: false,
        shuffleOptions: false,
        sections: [],
      };
    case 'event':
      return { kind, graded: false };
    case 'learning_path':
      return { kind, items: [] };
    case 'external':
      return { kind, externalId: null, url: null };
  }
}

/** Content as stored: rich text sanitized. */
export function cleanContent(content: ModuleContent): ModuleContent {
  if (content.kind !== 'course') return content;
  return {
    ...content,
    steps: content.steps.map((s) => (s.type === 'text' ? { ...s, html: sanitizeCourseHtml(s.html) } : s)),
  };
}

/**
 * A quiz without its answer key: no option marked correct, no accepted answers,
 * no true/false answer. What someone who may see a quiz but not edit it gets
 * (a reports-only manager, or a site manager who must take an organisation's
 * quiz themselves); the shape stays valid content so a read-only view still works.
 */
export function withoutAnswerKeys(content: ModuleContent): ModuleContent {
  if (content.kind !== 'quiz') return content;
  return {
    ...content,
    sections: content.sections.map((section) => ({
      ...section,
      questions: section.questions.map((q) => {
        switch (q.type) {
          case 'single':
          case 'multiple':
            return { ...q, options: q.options.map((o) => ({ ...o, correct: false })) };
          case 'true_false':
            return { ...q, answer: null };
          case 'short_answer':
            return { ...q, accepted: [] };
        }
      }),
    })),
  };
}
