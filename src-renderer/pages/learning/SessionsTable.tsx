import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionRow } from '../../../shared/api/schemas/learning';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TagBadge } from '../../components/TagBadge';
import { client } from '../../api/client';
import { notifyDone } from '../../lib/notify';
import { useUser } from '../../state/user-context';
import classes from '../tables.module.css';
import { formatSessionTime, moduleLink } from './learning-format';
import { useAction } from './use-action';

function PlaceStatus({ s }: { s: SessionRow }) {
  const { t } = useTranslation();
  if (s.cancelled) return <TagBadge color="gray">{t('learningScreens.sessions.cancelled')}</TagBadge>;
  if (s.myStatus === 'registered')
    return <TagBadge color="teal">{t('learningScreens.sessions.registered')}</TagBadge>;
  if (s.myStatus === 'waitlisted')
    return <TagBadge color="orange">{t('learningScreens.sessions.waitlisted')}</TagBadge>;
  return (
    <Text size="sm" c="dimmed">
      {t('learningScreens.sessions.notRegistered')}
    </Text>
  );
}

function Places({ s }: { s: SessionRow }) {
  const { t } = useTranslation();
  const free = s.capacity - s.registered;
  return (
    <Text size="sm" className={classes.numeric}>
      {free > 0
        ? t('learningScreens.sessions.placesLeft', { free, capacity: s.capacity })
        : t('learningScreens.sessions.full', { waiting: s.waitlisted })}
    </Text>
  );
}

/**
 * Event sessions with the learner's own place on each and a button to take or
 * give it up. `showModule` adds the event's title (the dashboard lists several events).
 */
export function SessionsTable({
  sessions,
  showModule,
  onChanged,
}: {
  sessions: readonly SessionRow[];
  showModule: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const { busy, error, run } = useAction();
  const [cancelling, setCancelling] = useState<SessionRow | null>(null);

  async function register(s: SessionRow) {
    if (!(await run(s.id, 'learning.register', { sessionId: s.id }))) return;
    // Whether a place or a waiting-list spot was given is the server's call; ask it.
    const after = await client.invoke('learning.sessions', { moduleId: s.moduleId });
    const mine = after.ok ? after.value.rows.find((r) => r.id === s.id)?.myStatus : 'registered';
    notifyDone(
      t(
        mine === 'waitlisted'
          ? 'learningScreens.sessions.waitlistedDone'
          : 'learningScreens.sessions.registeredDone',
        { title: s.moduleTitle },
      ),
    );
    onChanged();
  }

  if (sessions.length === 0)
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('learningScreens.sessions.empty')}
      </Text>
    );

  return (
    <Stack gap="sm">
      <ErrorAlert message={error} title={t('common.errorTitle')} />
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing="sm" highlightOnHover={false}>
          <VisuallyHidden component="caption">{t('learningScreens.sessions.caption')}</VisuallyHidden>
          <Table.Thead className={classes.thead}>
            <Table.Tr>
              <Table.Th>{t('learningScreens.sessions.when')}</Table.Th>
              <Table.Th>{t('learningScreens.sessions.place')}</Table.Th>
              <Table.Th>{t('learningScreens.sessions.places')}</Table.Th>
              <Table.Th>{t('learningScreens.sessions.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('learningScreens.sessions.register')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => {
              const when = formatSessionTime(s.startsAt, s.endsAt);
              const teaches = s.instructors.some((i) => i.id === user.id);
              const full = s.registered >= s.capacity;
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      {showModule && (
                        <Anchor component={Link} to={moduleLink(s.moduleId)} fw={600} size="sm">
                          {s.moduleTitle}
                        </Anchor>
                      )}
                      <Group gap={6} wrap="nowrap">
                        <IconCalendarEvent size={14} aria-hidden />
                        <Text size="sm">{when}</Text>
                      </Group>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.place}</Text>
                    {s.instructors.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('learningScreens.sessions.instructors')}:{' '}
                        {s.instructors.map((i) => i.name).join(', ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Places s={s} />
                  </Table.Td>
                  <Table.Td>
                    <PlaceStatus s={s} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {teaches && (
                        <Button
                          component={Link}
                          to={`/training/sessions/${encodeURIComponent(s.id)}`}
                          size="xs"
                          variant="default"
                          aria-label={t('learningScreens.sessions.rosterLabel', {
                            title: s.moduleTitle,
                            when,
                          })}
                        >
                          {t('learningScreens.sessions.roster')}
                        </Button>
                      )}
                      {!s.cancelled && s.myStatus && s.canSelfRegister && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setCancelling(s)}
                          aria-label={t('learningScreens.sessions.cancelLabel', {
                            title: s.moduleTitle,
                            when,
                          })}
                        >
                          {t('learningScreens.sessions.cancel')}
                        </Button>
                      )}
                      {!s.cancelled && !s.myStatus && s.canSelfRegister && (
                        <Button
                          size="xs"
                          loading={busy === s.id}
                          onClick={() => void register(s)}
                          aria-label={t('learningScreens.sessions.registerLabel', {
                            title: s.moduleTitle,
                            when,
                          })}
                        >
                          {t(
                            full
                              ? 'learningScreens.sessions.joinWaitlist'
                              : 'learningScreens.sessions.register',
                          )}
                        </Button>
                      )}
                      {!s.cancelled && !s.myStatus && !s.canSelfRegister && (
                        <Text size="xs" c="dimmed">
                          {t('learningScreens.sessions.managerOnly')}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={cancelling !== null}
        onClose={() => setCancelling(null)}
        title={t('learningScreens.sessions.cancelTitle')}
        confirmLabel={t('learningScreens.sessions.cancelConfirm')}
        danger
        onConfirm={async () => {
          const s = cancelling;
          if (!s) return null;
          const res = await client.invoke('learning.cancelRegistration', { sessionId: s.id });
          if (!res.ok) return res.error.message;
          notifyDone(t('learningScreens.sessions.cancelledDone', { title: s.moduleTitle }));
          onChanged();
          return null;
        }}
      >
        {cancelling
          ? t('learningScreens.sessions.cancelBody', {
              title: cancelling.moduleTitle,
              when: formatSessionTime(cancelling.startsAt, cancelling.endsAt),
            })
          : ''}
      </ConfirmDialog>
    </Stack>
  );
}
