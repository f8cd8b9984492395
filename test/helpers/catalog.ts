import type { CallInput } from '../../shared/api/contract.js';
import type { TestApp } from './app.js';

type Content = NonNullable<CallInput<'modules.create'>['content']>;

export interface ModuleSpec {
  code: string;
  title?: string;
  ownerUnitId: string;
  content: Content;
  trainingRecord?: boolean;
  selfEnrol?: boolean;
  defaultValidityMonths?: number | null;
  prerequisiteIds?: string[];
}

/** Creates and publishes a module through the catalog calls, as a manager would; returns its id. */
export async function publishModule(app: TestApp, actorId: string, spec: ModuleSpec): Promise<string> {
  const created = await app.invoke(
    'modules.create',
    {
      code: spec.code,
      title: spec.title ?? spec.code,
      kind: spec.content.kind,
      ownerUnitId: spec.ownerUnitId,
      trainingRecord: spec.trainingRecord ?? true,
      selfEnrol: spec.selfEnrol ?? true,
      defaultValidityMonths: spec.defaultValidityMonths ?? null,
      content: spec.content,
    },
    { actorId },
  );
  if (!created.ok) throw new Error(`create ${spec.code}: ${created.error.message}`);
  const id = created.value.id;
  if (spec.prerequisiteIds?.length) {
    const res = await app.invoke(
      'modules.update',
      { id, prerequisiteIds: spec.prerequisiteIds },
      { actorId },
    );
    if (!res.ok) throw new Error(`prerequisites ${spec.code}: ${res.error.message}`);
  }
  await republish(app, actorId, id);
  return id;
}

/** Replaces the draft content and publishes it as the next version. */
export async function publishNewVersion(app: TestApp, actorId: string, id: string, content: Content) {
  const res = await app.invoke('modules.update', { id, content }, { actorId });
  if (!res.ok) throw new Error(`update: ${res.error.message}`);
  await republish(app, actorId, id);
}

async function republish(app: TestApp, actorId: string, id: string) {
  const res = await app.invoke('modules.publish', { id }, { actorId });
  if (!res.ok) throw new Error(`publish: ${res.error.message} ${JSON.stringify(res.error.details ?? [])}`);
}

/** Expect ok and return the value, or fail the test with the error message. */
export function value<T>(res: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

/** A quiz's content with sensible defaults. */
export function quiz(partial: Partial<Extract<Content, { kind: 'quiz' }>> = {}): Content {
  return {
    kind: 'quiz',
    passMark: 80,
    maxAttempts: null,
    timeLimitMinutes: null,
    shuffleQuestions: false,
    shuffleOptions: false,
    sections: [],
    ...partial,
  };
}
