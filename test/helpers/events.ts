import type { CallInput } from '../../shared/api/contract.js';
import type { App } from '../../src-main/app/create-app.js';

/** Any app, test or file-backed: only invoke is used. */
type Invoker = Pick<App, 'invoke'>;

const ok = <T>(res: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
};

/** A published module made the way a manager makes one: modules.create then modules.publish. */
export async function publishedModule(
  app: Invoker,
  actorId: string,
  m: Partial<CallInput<'modules.create'>> & { code: string; title: string; ownerUnitId: string },
  opts: { publish?: boolean } = {},
): Promise<string> {
  const created = ok(await app.invoke('modules.create', { kind: 'event', ...m }, { actorId }));
  if (opts.publish !== false) ok(await app.invoke('modules.publish', { id: created.id }, { actorId }));
  return created.id;
}

/** A published event (graded or not) owned by a unit, self-registration as asked. */
export function eventModule(
  app: Invoker,
  actorId: string,
  e: { code: string; title: string; ownerUnitId: string; selfEnrol?: boolean; graded?: boolean },
  opts: { publish?: boolean } = {},
): Promise<string> {
  return publishedModule(
    app,
    actorId,
    {
      code: e.code,
      title: e.title,
      ownerUnitId: e.ownerUnitId,
      kind: 'event',
      selfEnrol: e.selfEnrol ?? false,
      content: { kind: 'event', graded: e.graded ?? false },
    },
    opts,
  );
}

/** A session of an event; times default to 10:00–16:00 UTC on the given day. */
export async function addSession(
  app: Invoker,
  actorId: string,
  s: Partial<CallInput<'events.createSession'>> & { moduleId: string; day?: string },
): Promise<string> {
  const { day = '2026-04-01', ...rest } = s;
  const created = ok(
    await app.invoke(
      'events.createSession',
      {
        startsAt: `${day}T10:00:00.000Z`,
        endsAt: `${day}T16:00:00.000Z`,
        place: 'Training room 1',
        capacity: 10,
        ...rest,
      },
      { actorId },
    ),
  );
  return created.id;
}

export const unwrapOk = ok;
