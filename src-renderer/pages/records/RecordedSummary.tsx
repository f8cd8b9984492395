import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatIsoDate } from './record-format';
import type { PickedPerson } from '../../components/PeopleSearch';

export interface Recorded {
  status: 'completed' | 'passed' | 'failed';
  moduleTitle: string;
  date: string;
  people: PickedPerson[];
  records: number;
}

const SHOWN = 20;

/** What was just recorded, for whom, with a way to each person's record and to record more. */
export function RecordedSummary({ recorded, onMore }: { recorded: Recorded; onMore: () => void }) {
  const { t } = useTranslation();
  const rest = recorded.people.length - SHOWN;
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck />}
      role="status"
      title={t('recordsScreens.recordForm.doneTitle', {
        status: t(`recordsScreens.resultStatus.${recorded.status}`).toLowerCase(),
        count: recorded.people.length,
        module: recorded.moduleTitle,
        date: formatIsoDate(recorded.date),
      })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('recordsScreens.recordForm.doneRecords', { count: recorded.records })}</Text>
        <List size="sm" spacing={2}>
          {recorded.people.slice(0, SHOWN).map((p) => (
            <List.Item key={p.id}>
              <Anchor component={Link} to={`/people/${p.id}?tab=training`} size="sm">
                {p.name}
              </Anchor>
            </List.Item>
          ))}
        </List>
        {rest > 0 && <Text size="sm">{t('recordsScreens.recordForm.doneMore', { count: rest })}</Text>}
        <Group gap="sm">
          <Button onClick={onMore}>{t('recordsScreens.recordForm.recordMore')}</Button>
          <Button component={Link} to="/results" variant="default">
            {t('recordsScreens.recordForm.toResults')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
