import { useState } from 'react';
import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { PeopleSearch, type FoundPerson } from '../../components/PeopleSearch';
import { notifyDone } from '../../lib/notify';
import { todayIso } from '../records/record-format';

type Field = 'personId' | 'title' | 'completedOn' | 'expiresOn' | 'reason';
const NOBODY: ReadonlySet<string> = new Set();

/** "Issue certificate": a person, what for, the dates and why it is done by hand. */
export function IssueDialog({
  opened,
  onClose,
  onIssued,
}: {
  opened: boolean;
  onClose: () => void;
  onIssued: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('certificates.issue.title')} size="lg">
      <IssueForm
        onCancel={onClose}
        onIssued={() => {
          onIssued();
          onClose();
        }}
      />
    </FormDialog>
  );
}

function IssueForm({ onCancel, onIssued }: { onCancel: () => void; onIssued: () => void }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<FoundPerson | null>(null);
  const [title, setTitle] = useState('');
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [expiresOn, setExpiresOn] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const found: Partial<Record<Field, string>> = {};
    if (!person) found.personId = t('certificates.issue.choosePerson');
    if (!title.trim()) found.title = t('certificates.issue.whatHint');
    if (!completedOn) found.completedOn = t('certificates.issue.completedOn');
    if (!reason.trim()) found.reason = t('certificates.issue.reasonHint');
    setErrors(found);
    setMessage(null);
    if (!person || Object.keys(found).length > 0) return;
    setBusy(true);
    const res = await client.invoke('certificates.issue', {
      personId: person.id,
      title: title.trim(),
      completedOn,
      expiresOn: expiresOn || null,
      reason: reason.trim(),
    });
    setBusy(false);
    if (!res.ok) {
      const byField: Partial<Record<Field, string>> = {};
      for (const d of res.error.details ?? []) byField[d.path as Field] ??= d.message;
      setErrors(byField);
      setMessage(res.error.message);
      return;
    }
    notifyDone(t('certificates.issue.done', { number: res.value.number, name: res.value.personName }));
    onIssued();
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('certificates.issue.intro')}
        </Text>
        {person ? (
          <Group gap="sm" role="status">
            <Text size="sm" fw={600}>
              {t('certificates.issue.chosen', { name: person.name, email: person.email })}
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => setPerson(null)}>
              {t('certificates.issue.change')}
            </Button>
          </Group>
        ) : (
          <PeopleSearch
            label={t('certificates.issue.person')}
            required
            exclude={NOBODY}
            onPick={setPerson}
            error={errors.personId}
          />
        )}
        <TextInput
          label={t('certificates.issue.what')}
          description={t('certificates.issue.whatHint')}
          required
          withAsterisk
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('certificates.issue.completedOn')}
            required
            withAsterisk
            value={completedOn}
            onChange={(e) => setCompletedOn(e.currentTarget.value)}
            error={errors.completedOn}
          />
          <TextInput
            type="date"
            label={t('certificates.issue.expiresOn')}
            description={t('certificates.issue.expiresHint')}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            error={errors.expiresOn}
          />
        </Group>
        <Textarea
          label={t('certificates.issue.reason')}
          description={t('certificates.issue.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <ErrorAlert message={message} title={t('common.errorTitle')} />
        <DialogActions onCancel={onCancel}>
          <Button type="submit" loading={busy}>
            {t('certificates.issue.submit')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}
