import { useState } from 'react';
import { Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import { client } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { PeopleSearch, type PickedPerson } from '../../components/PeopleSearch';

type Outcome = CallOutput<'events.register'>;

function Result({ outcome, people }: { outcome: Outcome; people: readonly PickedPerson[] }) {
  const { t } = useTranslation();
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const groups = [
    ['gotPlace', outcome.registered],
    ['wentWaiting', outcome.waitlisted],
    ['alreadyOn', outcome.already],
  ] as const;
  return (
    <Stack gap="sm" role="status">
      {groups
        .filter(([, ids]) => ids.length > 0)
        .map(([k, ids]) => (
          <div key={k}>
            <Text size="sm" fw={600}>
              {t(`catalogScreens.session.${k}`)} ({ids.length})
            </Text>
            <List size="sm">
              {ids.map((id) => (
                <List.Item key={id}>{name(id)}</List.Item>
              ))}
            </List>
          </div>
        ))}
    </Stack>
  );
}

function RegisterForm({ sessionId, onDone }: { sessionId: string; onDone: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function register() {
    if (people.length === 0) return;
    setError(null);
    setBusy(true);
    const res = await client.invoke('events.register', { sessionId, personIds: people.map((p) => p.id) });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setOutcome(res.value);
  }

  if (outcome) {
    return (
      <Stack gap="md">
        <Result outcome={outcome} people={people} />
        <DialogActions onCancel={() => onDone(true)} cancelLabel={t('common.close')}>
          {null}
        </DialogActions>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <PeopleSearch label={t('catalogScreens.people.search')} value={people} onChange={setPeople} />
      {people.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('catalogScreens.people.none')}
        </Text>
      )}
      <ErrorAlert message={error} title={t('common.errorTitle')} />
      <DialogActions onCancel={() => onDone(false)}>
        <Button onClick={() => void register()} loading={busy} disabled={people.length === 0}>
          {t('catalogScreens.session.registerAction')}
        </Button>
      </DialogActions>
    </Stack>
  );
}

/** Pick people and register them; the answer says who got a place and who went on the waiting list. */
export function RegisterDialog({
  opened,
  sessionId,
  onClose,
}: {
  opened: boolean;
  sessionId: string;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog
      opened={opened}
      onClose={() => onClose(true)}
      title={t('catalogScreens.session.registerTitle')}
      size="lg"
    >
      <RegisterForm sessionId={sessionId} onDone={onClose} />
    </FormDialog>
  );
}
