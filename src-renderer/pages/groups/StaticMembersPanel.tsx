import { useMemo } from 'react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupMember } from '../../../shared/api/schemas/groups';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { PeopleSearch } from '../../components/PeopleSearch';
import { MembersTable } from './MembersTable';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A static group's members: people to add (when editing) above the list of who is in it. */
export function StaticMembersPanel({
  members,
  readOnly,
  error,
  onChange,
}: {
  members: GroupMember[];
  readOnly: boolean;
  error: string | undefined;
  onChange: (members: GroupMember[]) => void;
}) {
  const { t } = useTranslation();
  const memberIds = useMemo(() => new Set(members.map((m) => m.id)), [members]);
  return (
    <Panel title={`${t('groups.static.membersTitle')} (${formatNumber(members.length)})`}>
      <Stack gap="md">
        {!readOnly && (
          <PeopleSearch
            label={t('groups.static.addPeople')}
            exclude={memberIds}
            onPick={(m) => onChange([...members, m].sort((a, b) => a.name.localeCompare(b.name)))}
          />
        )}
        <ErrorAlert message={error} />
        <MembersTable
          members={members}
          onRemove={readOnly ? undefined : (id) => onChange(members.filter((m) => m.id !== id))}
        />
      </Stack>
    </Panel>
  );
}
