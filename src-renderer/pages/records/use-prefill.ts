import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { ModuleSummary } from '../../../shared/api/schemas/catalog';
import { client } from '../../api/client';
import type { PickedPerson } from '../../components/PeopleSearch';

/**
 * Record results opened from a list that already knows what to record
 * (`?moduleId=…&personIds=a,b`, e.g. the expiring and overdue list): the module
 * and people are looked up once and handed to the form. Anyone the viewer may
 * not see is simply left out; the form still checks everything on submit.
 */
export function usePrefill(onModule: (m: ModuleSummary) => void, onPeople: (p: PickedPerson[]) => void) {
  const [params] = useSearchParams();
  const moduleId = params.get('moduleId');
  const personIds = params.get('personIds');
  useEffect(() => {
    let gone = false;
    if (moduleId)
      void client.invoke('modules.get', { id: moduleId }).then((res) => {
        if (!gone && res.ok) {
          const { id, code, title, kind, status } = res.value;
          onModule({ id, code, title, kind, status });
        }
      });
    const ids = (personIds ?? '').split(',').filter(Boolean).slice(0, 500);
    if (ids.length)
      void Promise.all(ids.map((id) => client.invoke('people.get', { id }))).then((all) => {
        if (gone) return;
        onPeople(
          all.flatMap((res) =>
            res.ok
              ? [
                  {
                    id: res.value.id,
                    name: `${res.value.firstName} ${res.value.lastName}`,
                    email: res.value.email,
                    unitName: res.value.unitName,
                  },
                ]
              : [],
          ),
        );
      });
    return () => {
      gone = true;
    };
    // Only the address decides what to prefill; the setters are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [moduleId, personIds]);
}
