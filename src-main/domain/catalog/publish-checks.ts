import type { ErrorDetail } from '../../../shared/api/errors.js';
import type { ModuleContent, QuizSection } from '../../../shared/api/schemas/catalog.js';
import type { Db } from '../../db/open.js';
import { fileRepo } from '../files/file-repo.js';
import { moduleRepo, type ModuleDbRow } from './module-repo.js';

type Content<K extends ModuleContent['kind']> = Extract<ModuleContent, { kind: K }>;

function courseProblems(db: Db, c: Content<'course'>): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (c.steps.length === 0) out.push({ path: 'content.steps', message: 'Add at least one step' });
  const modules = moduleRepo(db);
  c.steps.forEach((s, i) => {
    const at = `content.steps.${i}`;
    const n = i + 1;
    if (!s.title) out.push({ path: `${at}.title`, message: `Step ${n} needs a title` });
    if (s.type === 'file' && !(s.fileId && fileRepo(db).byId(s.fileId)))
      out.push({ path: `${at}.fileId`, message: `Step ${n} needs a file` });
    if (s.type === 'link' && !/^https?:\/\/\S+$/i.test(s.url))
      out.push({
        path: `${at}.url`,
        message: `Step ${n} needs a web address starting with http:// or https://`,
      });
    if (s.type === 'quiz') {
      const q = s.quizModuleId ? modules.byId(s.quizModuleId) : undefined;
      if (!q || q.kind !== 'quiz')
        out.push({ path: `${at}.quizModuleId`, message: `Step ${n} needs a quiz` });
      else if (q.status !== 'published' || q.current_version === null)
        out.push({ path: `${at}.quizModuleId`, message: `Step ${n}: publish the quiz “${q.title}” first` });
    }
  });
  return out;
}

function sectionProblems(section: QuizSection, si: number): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  section.questions.forEach((q, qi) => {
    const at = `content.sections.${si}.questions.${qi}`;
    const name = `Question ${qi + 1}${section.title ? ` in “${section.title}”` : ` of section ${si + 1}`}`;
    if (!q.text) out.push({ path: `${at}.text`, message: `${name} has no text` });
    switch (q.type) {
      case 'single':
      case 'multiple': {
        const correct = q.options.filter((o) => o.correct).length;
        if (q.options.length < 2)
          out.push({ path: `${at}.options`, message: `${name} needs at least two options` });
        else if (q.type === 'single' && correct !== 1)
          out.push({ path: `${at}.options`, message: `${name} needs exactly one correct option` });
        else if (q.type === 'multiple' && correct < 1)
          out.push({ path: `${at}.options`, message: `${name} needs at least one correct option` });
        q.options.forEach((o, oi) => {
          if (!o.text)
            out.push({ path: `${at}.options.${oi}.text`, message: `${name}: option ${oi + 1} has no text` });
        });
        break;
      }
      case 'true_false':
        if (q.answer === null)
          out.push({ path: `${at}.answer`, message: `${name} needs its answer: true or false` });
        break;
      case 'short_answer':
        if (!q.accepted.some((a) => a.length > 0))
          out.push({ path: `${at}.accepted`, message: `${name} needs at least one accepted answer` });
        break;
    }
  });
  return out;
}

function quizProblems(c: Content<'quiz'>): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!c.sections.some((s) => s.questions.length > 0))
    out.push({ path: 'content.sections', message: 'Add at least one question' });
  c.sections.forEach((s, si) => out.push(...sectionProblems(s, si)));
  return out;
}

/** Whether the published path `pathId` contains `target`, directly or through paths inside it. */
function pathContains(db: Db, pathId: string, target: string, seen = new Set<string>()): boolean {
  if (seen.has(pathId)) return false;
  seen.add(pathId);
  const repo = moduleRepo(db);
  const v = repo.currentVersion(pathId);
  const content = v ? repo.versionContent(pathId, v) : undefined;
  if (content?.kind !== 'learning_path') return false;
  return content.items.some((i) => i.moduleId === target || pathContains(db, i.moduleId, target, seen));
}

function pathProblems(db: Db, m: ModuleDbRow, c: Content<'learning_path'>): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (c.items.length === 0) out.push({ path: 'content.items', message: 'Add at least one module' });
  const repo = moduleRepo(db);
  const seen = new Set<string>();
  c.items.forEach((item, i) => {
    const at = `content.items.${i}.moduleId`;
    const n = i + 1;
    const it = repo.byId(item.moduleId);
    if (item.moduleId === m.id) out.push({ path: at, message: `Item ${n} is this learning path itself` });
    else if (!it) out.push({ path: at, message: `Item ${n} is not a module` });
    else if (it.status !== 'published' || it.current_version === null)
      out.push({ path: at, message: `Item ${n}: publish “${it.title}” first` });
    else if (it.kind === 'learning_path' && pathContains(db, it.id, m.id))
      out.push({ path: at, message: `Item ${n}: “${it.title}” already contains this learning path` });
    if (seen.has(item.moduleId))
      out.push({ path: at, message: `Item ${n}${it ? ` (“${it.title}”)` : ''} is already in the path` });
    seen.add(item.moduleId);
  });
  return out;
}

/** Everything that stops the draft being taken as it is, each problem with the field at fault. */
export function publishProblems(db: Db, m: ModuleDbRow, content: ModuleContent): ErrorDetail[] {
  switch (content.kind) {
    case 'course':
      return courseProblems(db, content);
    case 'quiz':
      return quizProblems(content);
    case 'learning_path':
      return pathProblems(db, m, content);
    case 'event':
    case 'external':
      return [];
  }
}
