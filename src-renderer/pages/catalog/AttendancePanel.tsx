import { useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconChecks, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Roster, RosterRow } from '../../../shared/api/schemas/events';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';
import { SaveBar } from '../../components/SaveBar';
import { UnsavedChangesPrompt } from '../../components/UnsavedChangesPrompt';
import { formatDateTime } from '../../lib/format';
import { notifyDone } from '../../lib/notify';
import classes from '../tables.module.css';
import { sameJson } from './module-form';

type Attendance = 'attended' | 'absent';
type Outcome = 'passed' | 'failed';
interface Mark {
  attendance: Attendance | null;
  outcome: Outcome | null;
}
type Marks = Record<string, Mark>;

const marksOf = (rows: readonly RosterRow[]): Marks =>
  Object.fromEntries(rows.map((r) => [r.personId, { attendance: r.attendance, outcome: r.outcome }]));

/** Everyone registered, each marked attended or absent (and passed or failed when graded), saved in one go. */
export function AttendancePanel({
  roster,
  onSaved,
  now,
}: {
  roster: Roster;
  onSaved: (r: Roster) => void;
  now: Date;
}) {
  const { t } = useTranslation();
  const s = (k: string) => t(`catalogScreens.session.${k}` as 'catalogScreens.session.title');
  const rows = roster.rows.filter((r) => r.status === 'registered');
  const initial = marksOf(rows);
  const [draft, setDraft] = useState<Marks | null>(null);
  const marks = draft ?? initial;
  const dirty = draft !== null && !sameJson(draft, initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const started = new Date(roster.session.startsAt) <= now;
  const disabled = !started || roster.session.cancelled || busy;

  const set = (personId: string, mark: Partial<Mark>) => {
    setError(null);
    setDraft((d) => {
      const base = d ?? initial;
      const prev = base[personId] ?? { attendance: null, outcome: null };
      return { ...base, [personId]: { ...prev, ...mark } };
    });
  };
  const markAll = () =>
    setDraft(
      Object.fromEntries(
        rows.map((r) => [
          r.personId,
          { ...(marks[r.personId] ?? { outcome: null }), attendance: 'attended' as const },
        ]),
      ),
    );

  async function save() {
    const list = rows
      .map((r) => ({ personId: r.personId, ...(marks[r.personId] ?? { attendance: null, outcome: null }) }))
      .filter(
        (m): m is { personId: string; attendance: Attendance; outcome: Outcome | null } =>
          m.attendance !== null,
      );
    if (roster.graded && list.some((m) => m.attendance === 'attended' && !m.outcome))
      return setError(s('pickOutcome'));
    if (list.length === 0) return;
    setBusy(true);
    const res = await client.invoke('events.markAttendance', {
      sessionId: roster.session.id,
      marks: list.map((m) => ({
        personId: m.personId,
        attendance: m.attendance,
        outcome: m.attendance === 'attended' ? m.outcome : null,
      })),
    });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setDraft(null);
    onSaved(res.value);
    notifyDone(s('attendanceSaved'));
  }

  return (
    <Panel title={s('attendance')}>
      <UnsavedChangesPrompt when={dirty} />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {s('attendanceHint')}
        </Text>
        {!started && !roster.session.cancelled && (
          <Alert color="blue" variant="light" icon={<IconClock />}>
            {t('catalogScreens.session.notStarted', { when: formatDateTime(roster.session.startsAt) })}
          </Alert>
        )}
        {rows.length === 0 ? (
          <Text size="sm" role="status">
            {s('nobodyToMark')}
          </Text>
        ) : (
          <>
            <Table.ScrollContainer
              minWidth={640}
              type="native"
              tabIndex={0}
              aria-label={t('common.tableScrollRegion')}
            >
              <Table verticalSpacing="xs" aria-label={s('attendance')}>
                <Table.Thead className={classes.thead}>
                  <Table.Tr>
                    <Table.Th scope="col">{t('catalogScreens.session.columns.name')}</Table.Th>
                    <Table.Th scope="col">{s('attendance')}</Table.Th>
                    {roster.graded && (
                      <Table.Th scope="col">
                        {s('passed')} / {s('failed')}
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => {
                    const m = marks[r.personId] ?? { attendance: null, outcome: null };
                    return (
                      <Table.Tr key={r.personId}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {r.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {r.markedAt
                              ? t('catalogScreens.session.markedAt', { when: formatDateTime(r.markedAt) })
                              : s('unmarked')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <SegmentedControl
                            aria-label={t('catalogScreens.session.attendanceOf', { name: r.name })}
                            value={m.attendance ?? ''}
                            onChange={(v) => set(r.personId, { attendance: v as Attendance })}
                            disabled={disabled}
                            data={[
                              { value: 'attended', label: s('attended') },
                              { value: 'absent', label: s('absent') },
                            ]}
                          />
                        </Table.Td>
                        {roster.graded && (
                          <Table.Td>
                            <SegmentedControl
                              aria-label={t('catalogScreens.session.outcomeOf', { name: r.name })}
                              value={m.outcome ?? ''}
                              onChange={(v) => set(r.personId, { outcome: v as Outcome })}
                              disabled={disabled || m.attendance !== 'attended'}
                              data={[
                                { value: 'passed', label: s('passed') },
                                { value: 'failed', label: s('failed') },
                              ]}
                            />
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ErrorAlert message={error} title={t('common.errorTitle')} />
            <SaveBar>
              <Button
                variant="default"
                leftSection={<IconChecks size={16} aria-hidden />}
                onClick={markAll}
                disabled={disabled}
              >
                {s('markAll')}
              </Button>
              <Group gap="sm" ml="auto">
                {dirty && (
                  <Text size="sm" c="dimmed" role="status">
                    {t('catalogScreens.editor.unsaved')}
                  </Text>
                )}
                <Button variant="default" disabled={!dirty || busy} onClick={() => setDraft(null)}>
                  {t('catalogScreens.editor.discard')}
                </Button>
                <Button onClick={() => void save()} loading={busy} disabled={disabled || !dirty}>
                  {s('saveAttendance')}
                </Button>
              </Group>
            </SaveBar>
          </>
        )}
      </Stack>
    </Panel>
  );
}
