import {
  Accordion,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AttemptDetail } from '../../../shared/api/schemas/learning';
import { BackLink } from '../../components/BackLink';
import { LoadError } from '../../components/LoadError';
import { LoadingPage } from '../../components/LoadingPage';
import { Page } from '../../components/Page';
import { TagBadge } from '../../components/TagBadge';
import { formatDateTime } from '../../lib/format';
import { useCall } from '../../lib/use-call';
import tableClasses from '../tables.module.css';
import { formatDuration, moduleLink } from './learning-format';
import { SectionScoresTable } from './SectionScoresTable';

function Verdict({ a }: { a: AttemptDetail }) {
  const { t } = useTranslation();
  if (a.passed === null) return <TagBadge color="gray">{t('learningScreens.quiz.inProgress')}</TagBadge>;
  return a.passed ? (
    <TagBadge color="teal">{t('learningScreens.quiz.passed')}</TagBadge>
  ) : (
    <TagBadge color="red">{t('learningScreens.quiz.notPassed')}</TagBadge>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function AnswersTable({ a }: { a: AttemptDetail }) {
  const { t } = useTranslation();
  const showCorrect = a.answers.some((x) => x.correct !== null);
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table verticalSpacing="xs">
        <VisuallyHidden component="caption">
          {t('learningScreens.history.caption', { number: a.number })}
        </VisuallyHidden>
        <Table.Thead className={tableClasses.thead}>
          <Table.Tr>
            <Table.Th>{t('learningScreens.history.question')}</Table.Th>
            <Table.Th>{t('learningScreens.history.given')}</Table.Th>
            {showCorrect && <Table.Th>{t('learningScreens.history.outcome')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {a.answers.map((x) => (
            <Table.Tr key={x.questionId}>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {x.sectionTitle}
                </Text>
                <Text size="sm">{x.text}</Text>
              </Table.Td>
              <Table.Td>
                {x.given.length === 0 ? (
                  <Text size="sm" c="dimmed" fs="italic">
                    {t('learningScreens.history.noAnswer')}
                  </Text>
                ) : (
                  <Text size="sm">{x.given.join('; ')}</Text>
                )}
              </Table.Td>
              {showCorrect && (
                <Table.Td>
                  {x.correct === null ? null : x.correct ? (
                    <TagBadge color="teal">{t('learningScreens.history.correct')}</TagBadge>
                  ) : (
                    <TagBadge color="red">{t('learningScreens.history.wrong')}</TagBadge>
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

function AttemptItem({ a }: { a: AttemptDetail }) {
  const { t } = useTranslation();
  return (
    <Accordion.Item value={a.id}>
      <Accordion.Control>
        <Group gap="md" wrap="nowrap">
          <Text fw={600} w={100}>
            {t('learningScreens.history.attempt', { number: a.number })}
          </Text>
          <Text size="sm" className={tableClasses.numeric} w={60}>
            {a.scorePercent === null ? '—' : `${a.scorePercent}%`}
          </Text>
          <Verdict a={a} />
          {a.reset && <TagBadge color="gray">{t('learningScreens.quiz.reset')}</TagBadge>}
          <Text size="sm" c="dimmed">
            {formatDateTime(a.startedAt)}
          </Text>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Fact label={t('learningScreens.history.started')} value={formatDateTime(a.startedAt)} />
            <Fact
              label={t('learningScreens.history.submitted')}
              value={a.submittedAt ? formatDateTime(a.submittedAt) : '—'}
            />
            <Fact label={t('learningScreens.history.timeTaken')} value={formatDuration(a.timeTakenSeconds)} />
            <Fact
              label={t('learningScreens.history.score')}
              value={a.scorePercent === null ? '—' : `${a.scorePercent}%`}
            />
          </SimpleGrid>
          {a.reset && (
            <Text size="sm" c="dimmed">
              {t('learningScreens.history.resetBy', {
                date: formatDateTime(a.reset.at),
                name: a.reset.byName ?? t('common.unknownPerson'),
                reason: a.reset.reason,
              })}
            </Text>
          )}
          {a.sectionScores.length > 0 && (
            <SectionScoresTable scores={a.sectionScores} caption={t('learningScreens.history.sections')} />
          )}
          <Title order={3} fz="sm">
            {t('learningScreens.history.answers')}
          </Title>
          <AnswersTable a={a} />
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** Every attempt the learner made at a quiz, newest first, each opening to its answers. */
export function AttemptsHistoryPage() {
  const { t } = useTranslation();
  const moduleId = useParams().moduleId ?? '';
  const { data, error, reload } = useCall('learning.attempts', { moduleId });
  const back = <BackLink to={moduleLink(moduleId)} label={t('learningScreens.history.back')} />;

  if (error)
    return (
      <Page title={t('learningScreens.history.titlePlain')}>
        {back}
        <LoadError title={t('learningScreens.history.loadFailed')} message={error.message} onRetry={reload} />
      </Page>
    );
  if (!data) return <LoadingPage height={320} />;
  const rows = [...data.rows].sort((x, y) => y.number - x.number);
  const title = rows[0]?.moduleTitle;

  return (
    <Page
      title={title ? t('learningScreens.history.title', { title }) : t('learningScreens.history.titlePlain')}
    >
      {back}
      <Paper withBorder radius="md" p="md">
        {rows.length === 0 ? (
          <Text c="dimmed" role="status">
            {t('learningScreens.history.empty')}
          </Text>
        ) : (
          <Accordion multiple variant="separated" defaultValue={rows[0] ? [rows[0].id] : []}>
            {rows.map((a) => (
              <AttemptItem key={a.id} a={a} />
            ))}
          </Accordion>
        )}
      </Paper>
    </Page>
  );
}
