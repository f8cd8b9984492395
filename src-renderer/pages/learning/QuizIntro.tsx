import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconHistory, IconPlayerPlay } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import classes from './learning.module.css';
import type { PlayerView } from '../../../shared/api/schemas/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TagBadge } from '../../components/TagBadge';
import { formatDateTime } from '../../lib/format';
import tableClasses from '../tables.module.css';
import { useAction } from './use-action';
import { BigFact } from './BigFact';

type QuizView = Extract<PlayerView, { kind: 'quiz' }>;

/** A quiz before it is taken: its rules, the attempts so far, and Start or Resume. */
export function QuizIntro({ view }: { view: QuizView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useAction();
  const counted = view.attempts.filter((a) => !a.reset && a.submittedAt).length;
  const noneLeft = view.attemptsLeft === 0 && !view.openAttemptId;
  const base = `/training/${encodeURIComponent(view.moduleId)}`;

  async function start() {
    const attempt = await action.run('start', 'learning.startAttempt', { moduleId: view.moduleId });
    if (attempt) void navigate(`${base}/attempt/${encodeURIComponent(attempt.attemptId)}`);
  }

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <Title order={2} fz="lg" mb="md">
          {t('learningScreens.quiz.facts')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} mb="lg">
          <BigFact label={t('learningScreens.quiz.passMark')} value={`${view.passMark}%`} />
          <BigFact label={t('learningScreens.quiz.questions')} value={String(view.questionCount)} />
          <BigFact
            label={t('learningScreens.quiz.timeLimit')}
            value={
              view.timeLimitMinutes
                ? t('learningScreens.quiz.minutes', { count: view.timeLimitMinutes })
                : t('learningScreens.quiz.none')
            }
          />
          <BigFact
            label={t('learningScreens.quiz.attemptsUsed')}
            value={
              view.maxAttempts
                ? t('learningScreens.quiz.attemptsOf', { used: counted, max: view.maxAttempts })
                : t('learningScreens.quiz.unlimited', { used: counted })
            }
          />
        </SimpleGrid>
        <ErrorAlert message={action.error} title={t('learningScreens.quiz.startFailed')} mb="md" />
        {noneLeft ? (
          <Text fw={600} className={classes.urgent} role="status">
            {t('learningScreens.quiz.noneLeft')}
          </Text>
        ) : (
          <Button
            size="md"
            leftSection={<IconPlayerPlay size={18} aria-hidden />}
            loading={action.busy === 'start'}
            onClick={() => void start()}
          >
            {view.openAttemptId
              ? t('learningScreens.quiz.resume')
              : counted > 0
                ? t('learningScreens.quiz.retake')
                : t('learningScreens.quiz.start')}
          </Button>
        )}
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" mb="md">
          <Title order={2} fz="lg">
            {t('learningScreens.quiz.previous')}
          </Title>
          {view.attempts.length > 0 && (
            <Anchor component={Link} to={`${base}/attempts`} size="sm">
              <IconHistory size={14} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} />
              {t('learningScreens.quiz.history')}
            </Anchor>
          )}
        </Group>
        {view.attempts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('learningScreens.quiz.noPrevious')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520} type="native">
            <Table>
              <VisuallyHidden component="caption">{t('learningScreens.quiz.caption')}</VisuallyHidden>
              <Table.Thead className={tableClasses.thead}>
                <Table.Tr>
                  <Table.Th>{t('learningScreens.quiz.colNumber')}</Table.Th>
                  <Table.Th>{t('learningScreens.quiz.colStarted')}</Table.Th>
                  <Table.Th>{t('learningScreens.quiz.colScore')}</Table.Th>
                  <Table.Th>{t('learningScreens.quiz.colResult')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.attempts.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td className={tableClasses.numeric}>{a.number}</Table.Td>
                    <Table.Td className={tableClasses.nowrap}>{formatDateTime(a.startedAt)}</Table.Td>
                    <Table.Td className={tableClasses.numeric}>
                      {a.scorePercent === null ? '—' : `${a.scorePercent}%`}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        {a.passed === null ? (
                          <TagBadge color="gray">{t('learningScreens.quiz.inProgress')}</TagBadge>
                        ) : a.passed ? (
                          <TagBadge color="teal">{t('learningScreens.quiz.passed')}</TagBadge>
                        ) : (
                          <TagBadge color="red">{t('learningScreens.quiz.notPassed')}</TagBadge>
                        )}
                        {a.reset && <TagBadge color="gray">{t('learningScreens.quiz.reset')}</TagBadge>}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
