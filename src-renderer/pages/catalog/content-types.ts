import type { ModuleContent } from '../../../shared/api/schemas/catalog';

export type ContentOf<K extends ModuleContent['kind']> = Extract<ModuleContent, { kind: K }>;
export type CourseContent = ContentOf<'course'>;
export type QuizContent = ContentOf<'quiz'>;
export type EventContent = ContentOf<'event'>;
export type PathContent = ContentOf<'learning_path'>;
export type Step = CourseContent['steps'][number];
export type StepType = Step['type'];

/** What a kind-specific editor gets: the draft content, a way to change it, and whether it may. */
export interface EditorProps<C> {
  moduleId: string;
  content: C;
  onChange: (content: C) => void;
  readOnly: boolean;
}
