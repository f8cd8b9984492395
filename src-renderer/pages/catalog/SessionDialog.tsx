import { useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../shared/api/schemas/learning';
import { client } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { focusFirstError, showServerErrors, type FieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { withoutError } from '../../lib/without-error';
import { PeopleSearch, type PickedPerson } from '../../components/PeopleSearch';

const FIELDS = ['startsAt', 'endsAt', 'place', 'capacity', 'instructorIds', 'notes'] as const;
type Field = (typeof FIELDS)[number];
const FORM = 'session';

/** The picker's local "YYYY-MM-DD HH:mm:ss" ↔ the API's ISO timestamp. */
const toIso = (local: string | null): string => (local ? dayjs(local).toISOString() : '');
const toLocal = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

function SessionForm({
  moduleId,
  session,
  onDone,
}: {
  moduleId: string;
  session: SessionRow | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [startsAt, setStartsAt] = useState<string | null>(session ? toLocal(session.startsAt) : null);
  const [endsAt, setEndsAt] = useState<string | null>(session ? toLocal(session.endsAt) : null);
  const [place, setPlace] = useState(session?.place ?? '');
  const [capacity, setCapacity] = useState<number | string>(session?.capacity ?? 12);
  const [notes, setNotes] = useState(session?.notes ?? '');
  const [instructors, setInstructors] = useState<PickedPerson[]>(
    (session?.instructors ?? []).map((i) => ({ id: i.id, name: i.name })),
  );
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clear = (f: Field) => setErrors((e) => withoutError(e, f));
  const show = (errs: FieldErrors<Field>) => {
    setErrors(errs);
    focusFirstError(errs, FIELDS, FORM);
  };
  const e = (k: string) => t(`catalogScreens.event.${k}` as 'catalogScreens.event.place');

  async function save(ev: FormEvent) {
    ev.preventDefault();
    setFormError(null);
    const local: FieldErrors<Field> = {};
    if (!startsAt) local.startsAt = e('whenMissing');
    if (!endsAt) local.endsAt = e('whenMissing');
    if (startsAt && endsAt && !dayjs(endsAt).isAfter(dayjs(startsAt))) local.endsAt = e('endBeforeStart');
    if (Object.keys(local).length) return show(local);
    const body = {
      startsAt: toIso(startsAt),
      endsAt: toIso(endsAt),
      place,
      capacity: typeof capacity === 'number' ? capacity : Number(capacity),
      notes: notes.trim() || null,
      instructorIds: instructors.map((i) => i.id),
    };
    setBusy(true);
    const res = session
      ? await client.invoke('events.updateSession', { id: session.id, ...body })
      : await client.invoke('events.createSession', { moduleId, ...body });
    setBusy(false);
    if (!res.ok) return showServerErrors(res.error, FIELDS, show, setFormError);
    notifyDone(t('catalogScreens.event.sessionSaved'));
    onDone(true);
  }

  return (
    <form onSubmit={(ev) => void save(ev)} noValidate>
      <Stack gap="md">
        <ErrorAlert message={formError} title={t('common.errorTitle')} />
        <Group grow align="flex-start">
          <DateTimePicker
            id={`${FORM}-startsAt`}
            label={e('startsAt')}
            value={startsAt}
            onChange={(v) => {
              setStartsAt(v);
              clear('startsAt');
              // A new session usually lasts a few hours on the same day: suggest an end.
              if (v && !endsAt) setEndsAt(dayjs(v).add(3, 'hour').format('YYYY-MM-DD HH:mm:ss'));
            }}
            error={errors.startsAt}
            valueFormat="DD MMM YYYY HH:mm"
            required
            withAsterisk={false}
            data-autofocus
          />
          <DateTimePicker
            id={`${FORM}-endsAt`}
            label={e('endsAt')}
            value={endsAt}
            onChange={(v) => {
              setEndsAt(v);
              clear('endsAt');
            }}
            error={errors.endsAt}
            valueFormat="DD MMM YYYY HH:mm"
            required
            withAsterisk={false}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            id={`${FORM}-place`}
            label={e('place')}
            value={place}
            onChange={(ev) => {
              setPlace(ev.currentTarget.value);
              clear('place');
            }}
            error={errors.place}
            required
          />
          <NumberInput
            id={`${FORM}-capacity`}
            label={e('capacity')}
            value={capacity}
            onChange={(v) => {
              setCapacity(v);
              clear('capacity');
            }}
            error={errors.capacity}
            min={1}
            max={10000}
            allowDecimal={false}
            required
            withAsterisk={false}
            maw={160}
          />
        </Group>
        <PeopleSearch
          id={`${FORM}-instructorIds`}
          label={e('instructors')}
          value={instructors}
          onChange={(v) => {
            setInstructors(v);
            clear('instructorIds');
          }}
          error={errors.instructorIds}
        />
        <Textarea
          id={`${FORM}-notes`}
          label={e('notes')}
          value={notes}
          onChange={(ev) => setNotes(ev.currentTarget.value)}
          error={errors.notes}
          autosize
          minRows={2}
        />
        <DialogActions onCancel={() => onDone(false)}>
          <Button type="submit" loading={busy}>
            {e('save')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}

/** Add a session to an event, or change one. */
export function SessionDialog({
  opened,
  moduleId,
  session,
  onClose,
}: {
  opened: boolean;
  moduleId: string;
  session: SessionRow | null;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog
      opened={opened}
      onClose={() => onClose(false)}
      title={session ? t('catalogScreens.event.editSession') : t('catalogScreens.event.addSession')}
      size="lg"
    >
      <SessionForm moduleId={moduleId} session={session} onDone={onClose} />
    </FormDialog>
  );
}
