import { useState } from 'react';
import { Alert, Button, DataList } from '@mantine/core';
import { IconBan, IconInfoCircle, IconUserPlus } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Roster } from '../../../shared/api/schemas/events';
import { BackLink } from '../../components/BackLink';
import { LoadError } from '../../components/LoadError';
import { LoadingPage } from '../../components/LoadingPage';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { useCall } from '../../lib/use-call';
import { AttendancePanel } from './AttendancePanel';
import { RegisterDialog } from './RegisterDialog';
import { RosterLists } from './RosterLists';
import { formatSessionTime } from './session-format';

/**
 * A session's roster and attendance. Reached from the catalog (managers) and
 * from /training (instructors who are Members), so everything comes from the
 * roster call, not from the route.
 */
export function SessionPage() {
  const { sessionId = '' } = useParams();
  return <SessionView key={sessionId} sessionId={sessionId} />;
}

function SessionFacts({ roster }: { roster: Roster }) {
  const { t } = useTranslation();
  const s = roster.session;
  const item = (label: string, value: string) => (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );
  return (
    <Panel title={t('catalogScreens.session.facts')}>
      <DataList withDivider labelWidth={140}>
        {item(t('catalogScreens.session.when'), formatSessionTime(s.startsAt, s.endsAt))}
        {item(t('catalogScreens.session.place'), s.place)}
        {item(
          t('catalogScreens.session.capacity'),
          t('catalogScreens.event.places', { registered: s.registered, capacity: s.capacity }),
        )}
        {item(
          t('catalogScreens.session.instructors'),
          s.instructors.map((i) => i.name).join(', ') || t('catalogScreens.session.noInstructors'),
        )}
        {s.notes && item(t('catalogScreens.session.notes'), s.notes)}
      </DataList>
    </Panel>
  );
}

function SessionView({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { moduleId } = useParams();
  const { data, error, reload } = useCall('events.roster', { id: sessionId });
  const [fresh, setFresh] = useState<Roster | null>(null);
  const [registering, setRegistering] = useState(false);
  // Rendering reads the clock once per load: attendance opens when the session starts.
  const [now] = useState(() => new Date());
  const roster = fresh ?? data;
  const back = moduleId
    ? {
        to: `/catalog/${encodeURIComponent(moduleId)}`,
        label: t('catalogScreens.session.backToModule', { title: roster?.session.moduleTitle ?? '' }),
      }
    : { to: '/training', label: t('catalogScreens.session.backToTraining') };

  if (!roster && !error) return <LoadingPage height={360} />;
  if (!roster) {
    return (
      <Page title={t('catalogScreens.session.title')}>
        <BackLink {...back} />
        <LoadError
          title={t('catalogScreens.session.loadFailed')}
          message={error?.message ?? ''}
          onRetry={reload}
        />
      </Page>
    );
  }
  const s = roster.session;
  const reloadAll = () => {
    setFresh(null);
    reload();
  };
  return (
    <Page
      title={s.moduleTitle}
      description={`${s.moduleCode} · ${formatSessionTime(s.startsAt, s.endsAt)} · ${s.place}`}
      maw={1000}
      actions={
        roster.canManage &&
        !s.cancelled && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setRegistering(true)}>
            {t('catalogScreens.session.register')}
          </Button>
        )
      }
    >
      <BackLink {...back} />
      {s.cancelled && (
        <Alert color="gray" icon={<IconBan />}>
          {t('catalogScreens.session.cancelledNote')}
        </Alert>
      )}
      <SessionFacts roster={roster} />
      {roster.canMark ? (
        <AttendancePanel key={JSON.stringify(roster.rows)} roster={roster} now={now} onSaved={setFresh} />
      ) : (
        <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
          {t('catalogScreens.session.cannotMark')}
        </Alert>
      )}
      <RosterLists roster={roster} onChanged={reloadAll} />
      <RegisterDialog
        opened={registering}
        sessionId={s.id}
        onClose={(changed) => {
          setRegistering(false);
          if (changed) reloadAll();
        }}
      />
    </Page>
  );
}
