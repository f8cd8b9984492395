import { useCallback, useEffect, useState } from 'react';
import type { ModuleDetail } from '../../../shared/api/schemas/catalog';
import type { ApiErrorBody } from '../../../shared/api/errors';
import { client } from '../../api/client';

interface Loaded {
  key: string;
  detail: ModuleDetail | null;
  error: ApiErrorBody | null;
}

/**
 * One module. Writes answer with the fresh module, which `replace` shows at
 * once, so a save never needs a second round trip.
 */
export function useModule(id: string) {
  const [attempt, setAttempt] = useState(0);
  const key = `${id}#${attempt}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let cancelled = false;
    void client.invoke('modules.get', { id }).then((res) => {
      if (cancelled) return;
      setLoaded(res.ok ? { key, detail: res.value, error: null } : { key, detail: null, error: res.error });
    });
    return () => {
      cancelled = true;
    };
  }, [id, key]);
  const replace = useCallback(
    (detail: ModuleDetail) => setLoaded((l) => l && { ...l, detail, error: null }),
    [],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { loaded: loaded?.key === key ? loaded : loaded?.detail ? loaded : null, reload, replace };
}
