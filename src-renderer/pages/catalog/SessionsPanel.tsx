import { useState } from 'react';
import { Anchor, Button, Group, Switch, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconPencil, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../shared/api/schemas/learning';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { Panel } from '../../components/Panel';
import { TagBadge } from '../../components/TagBadge';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import classes from '../tables.module.css';
import { SessionDialog } from './SessionDialog';
import { formatSessionTime } from './session-format';

/** An event's sessions: saved at once (not part of the draft), each with a link to its roster. */
export function SessionsPanel({ moduleId, canManage }: { moduleId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [includePast, setIncludePast] = useState(false);
  const { data, error, reload } = useCall('events.sessions', { moduleId, includePast });
  const [editing, setEditing] = useState<SessionRow | 'new' | null>(null);
  const [cancelling, setCancelling] = useState<SessionRow | null>(null);
  const e = (k: string) => t(`catalogScreens.event.${k}` as 'catalogScreens.event.place');
  const rows = data?.rows ?? [];
  const headers = ['when', 'place', 'places', 'instructors', 'actions'] as const;

  return (
    <Panel title={e('sessions')}>
      <Group justify="space-between" mb="sm" gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          {e('sessionsHint')}
        </Text>
        <Group gap="md">
          <Switch
            label={e('showPast')}
            checked={includePast}
            onChange={(ev) => setIncludePast(ev.currentTarget.checked)}
          />
          {canManage && (
            <Button
              leftSection={<IconCalendarPlus size={16} aria-hidden />}
              onClick={() => setEditing('new')}
            >
              {e('addSession')}
            </Button>
          )}
        </Group>
      </Group>
      {error ? (
        <LoadError title={e('loadFailed')} message={error.message} onRetry={reload} />
      ) : data && rows.length === 0 ? (
        <Text size="sm" role="status">
          {e('noSessions')}
        </Text>
      ) : (
        <Table.ScrollContainer
          minWidth={760}
          type="native"
          tabIndex={0}
          aria-label={t('common.tableScrollRegion')}
        >
          <Table verticalSpacing="xs" aria-label={e('sessions')}>
            <Table.Thead className={classes.thead}>
              <Table.Tr>
                {headers.map((h) => (
                  <Table.Th key={h} scope="col">
                    {t(`catalogScreens.event.columns.${h}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => {
                const when = formatSessionTime(s.startsAt, s.endsAt);
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/catalog/${encodeURIComponent(moduleId)}/sessions/${encodeURIComponent(s.id)}`}
                        size="sm"
                        fw={600}
                      >
                        {when}
                      </Anchor>
                      {s.cancelled && (
                        <TagBadge color="gray" ml="xs">
                          {e('cancelled')}
                        </TagBadge>
                      )}
                    </Table.Td>
                    <Table.Td>{s.place}</Table.Td>
                    <Table.Td className={classes.numeric}>
                      {t('catalogScreens.event.places', { registered: s.registered, capacity: s.capacity })}
                      {s.waitlisted > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('catalogScreens.event.waiting', { count: s.waitlisted })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{s.instructors.map((i) => i.name).join(', ')}</Table.Td>
                    <Table.Td>
                      {canManage && !s.cancelled && (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            leftSection={<IconPencil size={14} aria-hidden />}
                            onClick={() => setEditing(s)}
                            aria-label={`${e('editSession')}: ${when}`}
                          >
                            {e('editSession')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            leftSection={<IconX size={14} aria-hidden />}
                            onClick={() => setCancelling(s)}
                            aria-label={`${e('cancelSession')}: ${when}`}
                          >
                            {e('cancelSession')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <SessionDialog
        opened={editing !== null}
        moduleId={moduleId}
        session={editing === 'new' ? null : editing}
        onClose={(saved) => {
          setEditing(null);
          if (saved) reload();
        }}
      />
      <ConfirmDialog
        opened={cancelling !== null}
        onClose={() => setCancelling(null)}
        title={t('catalogScreens.event.cancelTitle', {
          when: cancelling ? formatSessionTime(cancelling.startsAt, cancelling.endsAt) : '',
        })}
        confirmLabel={e('cancelSession')}
        danger
        onConfirm={async () => {
          if (!cancelling) return null;
          const res = await client.invoke('events.cancelSession', { id: cancelling.id });
          if (!res.ok) return res.error.message;
          notifyDone(e('sessionCancelled'));
          reload();
          return null;
        }}
      >
        {e('cancelBody')}
      </ConfirmDialog>
    </Panel>
  );
}
