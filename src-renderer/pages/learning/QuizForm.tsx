import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCloudCheck, IconSend } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Answers, AttemptView } from '../../../shared/api/schemas/learning';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { moduleLink } from './learning-format';
import classes from './learning.module.css';
import { QuestionField } from './QuestionField';
import { QuizTimer } from './QuizTimer';
import { useAutosave, type SaveStatus } from './use-autosave';

const isAnswered = (a: readonly string[] | undefined) => !!a && a.some((v) => v.trim() !== '');

function SaveState({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  if (status === 'idle') return null;
  if (status === 'saving')
    return (
      <Text size="sm" c="dimmed">
        {t('learningScreens.attempt.saving')}
      </Text>
    );
  if (status === 'saved')
    return (
      <Group gap={4} wrap="nowrap">
        <IconCloudCheck size={16} aria-hidden />
        <Text size="sm" c="dimmed">
          {t('learningScreens.attempt.saved')}
        </Text>
      </Group>
    );
  return null;
}

/**
 * The whole quiz on one scrolling page, a heading per section: at 1366×768 a
 * learner can scroll back to any answer without paging, and the bar with the
 * clock, the count and Submit stays in view.
 */
export function QuizForm({ attempt }: { attempt: AttemptView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<Answers>(attempt.answers);
  const latest = useRef(answers);
  useEffect(() => {
    latest.current = answers;
  }, [answers]);
  const autosave = useAutosave(attempt.attemptId, answers);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const questions = attempt.sections.flatMap((s) => s.questions);
  const answered = questions.filter((q) => isAnswered(answers[q.id])).length;
  const unanswered = questions.length - answered;

  const cancelAutosave = autosave.cancel;
  const submit = useCallback(async (): Promise<string | null> => {
    cancelAutosave();
    setSubmitting(true);
    setError(null);
    const res = await client.invoke('learning.submitAttempt', {
      attemptId: attempt.attemptId,
      answers: latest.current,
    });
    setSubmitting(false);
    if (!res.ok) {
      setError(res.error.message);
      return res.error.message;
    }
    void navigate(`${moduleLink(attempt.moduleId)}/result/${encodeURIComponent(attempt.attemptId)}`, {
      state: { result: res.value },
      replace: true,
    });
    return null;
  }, [attempt.attemptId, attempt.moduleId, cancelAutosave, navigate]);

  const onExpire = useCallback(() => void submit(), [submit]);
  const numberOf = new Map(questions.map((q, i) => [q.id, i + 1]));

  return (
    <Page
      title={t('learningScreens.attempt.title', { title: attempt.title, number: attempt.number })}
      description={t('learningScreens.attempt.passMarkNote', { passMark: attempt.passMark })}
    >
      <Paper withBorder radius="md" p="sm" px="md" className={classes.timer} shadow="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Text size="sm" fw={600} role="status">
              {t('learningScreens.attempt.answered', { done: answered, total: questions.length })}
            </Text>
            <SaveState status={autosave.status} />
          </Group>
          <Group gap="lg" wrap="nowrap">
            {attempt.deadlineAt && <QuizTimer deadlineAt={attempt.deadlineAt} onExpire={onExpire} />}
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              loading={submitting}
              onClick={() => (unanswered > 0 ? setConfirming(true) : void submit())}
            >
              {t('learningScreens.attempt.submit')}
            </Button>
          </Group>
        </Group>
      </Paper>
      {typeof autosave.status === 'object' && (
        <ErrorAlert
          message={t('learningScreens.attempt.saveFailed', { message: autosave.status.error })}
          title={t('common.errorTitle')}
        />
      )}
      <ErrorAlert message={error} title={t('learningScreens.attempt.submitFailed')} />
      {attempt.sections.map((section, si) => (
        <Stack key={section.id} gap="md" component="section" aria-labelledby={`section-${section.id}`}>
          <Title order={2} fz="lg" id={`section-${section.id}`}>
            {section.title
              ? t('learningScreens.attempt.section', { n: si + 1, title: section.title })
              : t('learningScreens.attempt.sectionN', { n: si + 1 })}
          </Title>
          {section.questions.map((q) => (
            <QuestionField
              key={q.id}
              question={q}
              n={numberOf.get(q.id) ?? 0}
              value={answers[q.id] ?? []}
              onChange={(v) => setAnswers((prev) => ({ ...prev, [q.id]: v }))}
            />
          ))}
        </Stack>
      ))}
      <Group justify="flex-end">
        <Button
          size="md"
          leftSection={<IconSend size={16} aria-hidden />}
          loading={submitting}
          onClick={() => (unanswered > 0 ? setConfirming(true) : void submit())}
        >
          {t('learningScreens.attempt.submit')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('learningScreens.attempt.submitTitle')}
        confirmLabel={t('learningScreens.attempt.submitConfirm')}
        onConfirm={submit}
      >
        {t('learningScreens.attempt.submitBody', { count: unanswered })}
      </ConfirmDialog>
    </Page>
  );
}
