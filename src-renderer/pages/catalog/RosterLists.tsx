import { useState } from 'react';
import { Button, Table, Text } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Roster, RosterRow } from '../../../shared/api/schemas/events';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import { formatDateTime } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import classes from '../tables.module.css';

function PeopleTable({
  caption,
  rows,
  empty,
  canManage,
  onRemove,
}: {
  caption: string;
  rows: readonly RosterRow[];
  empty: string;
  canManage: boolean;
  onRemove: (r: RosterRow) => void;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text size="sm">{empty}</Text>;
  const cols = ['name', 'unit', 'registeredAt', ...(canManage ? ['actions'] : [])] as const;
  return (
    <Table.ScrollContainer
      minWidth={600}
      type="native"
      tabIndex={0}
      aria-label={t('common.tableScrollRegion')}
    >
      <Table verticalSpacing="xs" aria-label={caption}>
        <Table.Thead className={classes.thead}>
          <Table.Tr>
            {cols.map((c) => (
              <Table.Th key={c} scope="col">
                {t(`catalogScreens.session.columns.${c as 'name'}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.personId}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.email}
                </Text>
              </Table.Td>
              <Table.Td>{r.unitName}</Table.Td>
              <Table.Td className={classes.nowrap}>{formatDateTime(r.registeredAt)}</Table.Td>
              {canManage && (
                <Table.Td>
                  {r.attendance === 'attended' ? (
                    // The server refuses to remove someone marked attended; say what to do instead.
                    <Text size="xs" c="dimmed" maw={220}>
                      {t('catalogScreens.session.attendedNoRemove')}
                    </Text>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      leftSection={<IconUserMinus size={14} aria-hidden />}
                      aria-label={t('catalogScreens.people.remove', { name: r.name })}
                      onClick={() => onRemove(r)}
                    >
                      {t('catalogScreens.session.remove')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Who has a place and who is waiting, in order; managers may remove people not yet marked attended. */
export function RosterLists({ roster, onChanged }: { roster: Roster; onChanged: () => void }) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<RosterRow | null>(null);
  const s = (k: string) => t(`catalogScreens.session.${k}` as 'catalogScreens.session.title');
  const registered = roster.rows.filter((r) => r.status === 'registered');
  const waiting = roster.rows.filter((r) => r.status === 'waitlisted');
  const common = { canManage: roster.canManage && !roster.session.cancelled, onRemove: setRemoving };
  return (
    <>
      <Panel title={`${s('registered')} (${registered.length}/${roster.session.capacity})`}>
        <PeopleTable caption={s('registered')} rows={registered} empty={s('noneRegistered')} {...common} />
      </Panel>
      <Panel title={`${s('waitlisted')} (${waiting.length})`}>
        {waiting.length > 0 && (
          <Text size="sm" c="dimmed" mb="sm">
            {s('waitlistedHint')}
          </Text>
        )}
        <PeopleTable caption={s('waitlisted')} rows={waiting} empty={s('noneWaiting')} {...common} />
      </Panel>
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('catalogScreens.session.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={s('remove')}
        danger
        onConfirm={async () => {
          if (!removing) return null;
          const res = await client.invoke('events.unregister', {
            sessionId: roster.session.id,
            personId: removing.personId,
          });
          if (!res.ok) return res.error.message;
          notifyDone(t('catalogScreens.session.removed', { name: removing.name }));
          onChanged();
          return null;
        }}
      >
        {s('removeBody')}
      </ConfirmDialog>
    </>
  );
}
