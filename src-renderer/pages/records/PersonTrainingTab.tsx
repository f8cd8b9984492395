import { useState } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import { PersonAttempts } from './PersonAttempts';
import { ResultsTable } from './ResultsTable';
import { TrainingRecordPanel } from './TrainingRecordPanel';

const PAGE_SIZE = 25;

/**
 * Whether the viewer may add to this person's record, as far as the renderer
 * can tell (`000_*`: own, subordinate, everyone's, administrator). The server
 * decides; a refusal it gives is shown in the form.
 */
export function mayAddRecords(
  user: ReturnType<typeof useUser>,
  person: { id: string; managerId: string | null },
): boolean {
  if (person.id === user.id)
    return hasPrivilege(user, 'records.edit.own') || hasPrivilege(user, 'records.admin');
  if (hasPrivilege(user, 'records.edit.all') || hasPrivilege(user, 'records.admin')) return true;
  return hasPrivilege(user, 'records.edit.subordinate') && person.managerId === user.id;
}

function PersonResults({ personId, personName }: { personId: string; personName: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useCall('results.list', {
    personId,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  return (
    <Paper withBorder radius="md">
      <Title order={2} fz="lg" p="md" pb="xs">
        {t('recordsScreens.results.personTitle')}
      </Title>
      {error ? (
        <LoadError title={t('recordsScreens.results.loadFailed')} message={error.message} onRetry={reload} />
      ) : data && data.rows.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md" role="status">
          {t('recordsScreens.results.personEmpty', { name: personName })}
        </Text>
      ) : (
        <ResultsTable
          rows={data?.rows ?? []}
          withPerson={false}
          caption={t('recordsScreens.results.personCaption', { name: personName })}
          loading={loading}
          firstLoad={loading && !data}
          paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
        />
      )}
    </Paper>
  );
}

/** A person page's Training tab: their record, and for reviewers their results and quiz attempts. */
export function PersonTrainingTab({
  person,
}: {
  person: { id: string; firstName: string; lastName: string; managerId: string | null };
}) {
  const { t } = useTranslation();
  const user = useUser();
  const name = `${person.firstName} ${person.lastName}`;
  const reviews = hasPrivilege(user, 'results.review');
  return (
    <Stack gap="lg">
      <Title order={2} fz="lg" mb={-8}>
        {t('recordsScreens.person.recordTitle')}
      </Title>
      <TrainingRecordPanel personId={person.id} personName={name} canAdd={mayAddRecords(user, person)} />
      {reviews && <PersonResults personId={person.id} personName={name} />}
      {reviews && (
        <PersonAttempts
          personId={person.id}
          personName={name}
          canReset={hasPrivilege(user, 'results.record')}
        />
      )}
    </Stack>
  );
}
