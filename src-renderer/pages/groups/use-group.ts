import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import type { GroupMember } from '../../../shared/api/schemas/groups';
import type { ApiErrorBody } from '../../../shared/api/errors';
import { client } from '../../api/client';

type Detail = CallOutput<'groups.get'>;

/** The most members groups.get answers at once; a static group's members are all loaded to edit them. */
const FETCH_PAGE = 500;

interface Loaded {
  key: string;
  detail: Detail | null;
  members: GroupMember[];
  error: ApiErrorBody | null;
}

/** A group with all its members the actor can see (a static group is edited as a whole list). */
export function useGroup(id: string | null) {
  const [attempt, setAttempt] = useState(0);
  const key = `${id}#${attempt}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    void (async () => {
      const first = await client.invoke('groups.get', { id, offset: 0, limit: FETCH_PAGE });
      if (!first.ok) {
        if (!cancelled) setLoaded({ key, detail: null, members: [], error: first.error });
        return;
      }
      let members = first.value.members.rows;
      while (first.value.kind === 'static' && members.length < first.value.members.total) {
        const next = await client.invoke('groups.get', { id, offset: members.length, limit: FETCH_PAGE });
        if (!next.ok || next.value.members.rows.length === 0) break;
        members = members.concat(next.value.members.rows);
      }
      if (!cancelled) setLoaded({ key, detail: first.value, members, error: null });
    })();
    return () => {
      cancelled = true;
    };
  }, [id, key]);
  const current = loaded?.key === key ? loaded : null;
  return { loaded: current, reload: () => setAttempt((n) => n + 1) };
}
