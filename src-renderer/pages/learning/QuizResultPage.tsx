import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconCircleX, IconHistory, IconRefresh } from '@tabler/icons-react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AttemptResult } from '../../../shared/api/schemas/learning';
import { client } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { LoadError } from '../../components/LoadError';
import { LoadingPage } from '../../components/LoadingPage';
import { Page } from '../../components/Page';
import { hasPrivilege, useUser } from '../../state/user-context';
import { formatDuration, moduleLink } from './learning-format';
import classes from './learning.module.css';
import { SectionScoresTable } from './SectionScoresTable';
import { useAction } from './use-action';
import { BigFact } from './BigFact';

/**
 * The result handed over by the submit, or rebuilt from the attempts history
 * and the quiz (after a reload, or from a link).
 */
async function fetchResult(moduleId: string, attemptId: string): Promise<AttemptResult | string> {
  const [hist, open] = await Promise.all([
    client.invoke('learning.attempts', { moduleId }),
    client.invoke('learning.open', { moduleId }),
  ]);
  if (!hist.ok) return hist.error.message;
  if (!open.ok) return open.error.message;
  const a = hist.value.rows.find((r) => r.id === attemptId);
  if (!a || a.scorePercent === null || a.passed === null) return '';
  const quiz = open.value.kind === 'quiz' ? open.value : null;
  return {
    attemptId,
    moduleId,
    title: a.moduleTitle,
    number: a.number,
    scorePercent: a.scorePercent,
    passed: a.passed,
    passMark: quiz?.passMark ?? 0,
    sectionScores: a.sectionScores,
    attemptsLeft: quiz?.attemptsLeft ?? null,
    timeTakenSeconds: a.timeTakenSeconds ?? 0,
    late: false,
    recordId: null,
  };
}

function useResult(moduleId: string, attemptId: string, handed: AttemptResult | undefined, retry: number) {
  const [state, setState] = useState<{ key: string; value: AttemptResult | string } | null>(null);
  const key = `${attemptId}/${retry}`;
  useEffect(() => {
    if (handed?.attemptId === attemptId) return;
    let gone = false;
    void fetchResult(moduleId, attemptId).then((value) => !gone && setState({ key, value }));
    return () => {
      gone = true;
    };
  }, [moduleId, attemptId, handed, key]);
  if (handed?.attemptId === attemptId) return handed;
  return state?.key === key ? state.value : null;
}

export function QuizResultPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const params = useParams();
  const moduleId = params.moduleId ?? '';
  const attemptId = params.attemptId ?? '';
  const handed = (useLocation().state as { result?: AttemptResult } | null)?.result;
  const [retry, setRetry] = useState(0);
  const result = useResult(moduleId, attemptId, handed, retry);
  const action = useAction();
  const base = moduleLink(moduleId);

  if (result === null) return <LoadingPage height={320} />;
  if (typeof result === 'string')
    return (
      <Page title={t('learningScreens.result.loadFailed')}>
        <BackLink to={base} label={t('learningScreens.history.back')} />
        <LoadError
          title={t('learningScreens.result.loadFailed')}
          message={result || t('learningScreens.result.notFound')}
          onRetry={() => setRetry((n) => n + 1)}
        />
      </Page>
    );

  const canRetake = !result.passed && result.attemptsLeft !== 0;
  async function retake() {
    const attempt = await action.run('retake', 'learning.startAttempt', { moduleId });
    if (attempt) void navigate(`${base}/attempt/${encodeURIComponent(attempt.attemptId)}`);
  }

  return (
    <Page title={t('learningScreens.result.title', { title: result.title })}>
      <Paper withBorder radius="md" p="xl">
        <Group gap="lg" wrap="nowrap" align="center">
          <ThemeIcon size={72} radius="xl" color={result.passed ? 'teal' : 'red'} variant="light" aria-hidden>
            {result.passed ? <IconCircleCheck size={44} /> : <IconCircleX size={44} />}
          </ThemeIcon>
          <Stack gap={2}>
            <Text
              component="p"
              className={classes.verdict}
              c={result.passed ? 'teal.8' : 'red.8'}
              role="status"
            >
              {result.passed ? t('learningScreens.result.passed') : t('learningScreens.result.notPassed')}
            </Text>
            <Text fz="xl" fw={600}>
              {t('learningScreens.result.score', { score: result.scorePercent })}
            </Text>
            <Text c="dimmed">{t('learningScreens.result.passMark', { passMark: result.passMark })}</Text>
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xl">
          <BigFact label={t('learningScreens.quiz.colNumber')} value={String(result.number)} />
          <BigFact
            label={t('learningScreens.result.timeTaken')}
            value={formatDuration(result.timeTakenSeconds)}
          />
          <BigFact
            label={t('learningScreens.result.attemptsLeft')}
            value={
              result.attemptsLeft === null
                ? t('learningScreens.result.unlimited')
                : String(result.attemptsLeft)
            }
          />
        </SimpleGrid>
        {result.late && (
          <Alert color="orange" mt="md">
            {t('learningScreens.result.late')}
          </Alert>
        )}
        {result.recordId && (
          <Alert color="teal" mt="md" title={t('learningScreens.result.recorded')}>
            {hasPrivilege(user, 'records.view.own') && (
              <Button component={Link} to="/my-record" variant="white" size="xs">
                {t('learningScreens.result.seeRecord')}
              </Button>
            )}
          </Alert>
        )}
        {action.error && (
          <Alert color="red" role="alert" mt="md">
            {action.error}
          </Alert>
        )}
        <Group mt="xl" gap="sm">
          {canRetake && (
            <Button
              leftSection={<IconRefresh size={16} aria-hidden />}
              loading={action.busy === 'retake'}
              onClick={() => void retake()}
            >
              {t('learningScreens.result.retake')}
            </Button>
          )}
          <Button
            component={Link}
            to="/training"
            variant={canRetake ? 'default' : 'filled'}
            leftSection={<IconArrowLeft size={16} aria-hidden />}
          >
            {t('learningScreens.result.back')}
          </Button>
          <Button
            component={Link}
            to={`${base}/attempts`}
            variant="default"
            leftSection={<IconHistory size={16} aria-hidden />}
          >
            {t('learningScreens.result.history')}
          </Button>
        </Group>
      </Paper>
      {result.sectionScores.length > 0 && (
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="lg" mb="md">
            {t('learningScreens.result.sections')}
          </Title>
          <SectionScoresTable scores={result.sectionScores} caption={t('learningScreens.result.sections')} />
        </Paper>
      )}
    </Page>
  );
}
