import { useState } from 'react';
import {
  Button,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowRight,
  IconCheck,
  IconCircle,
  IconCircleCheckFilled,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlayerView } from '../../../shared/api/schemas/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyDone } from '../../lib/notify';
import classes from './learning.module.css';
import { StepView } from './StepView';
import { useAction } from './use-action';

type CourseView = Extract<PlayerView, { kind: 'course' }>;

function firstStepId(view: CourseView): string | null {
  const steps = view.steps;
  const last = steps.findIndex((s) => s.id === view.lastStepId);
  // Resume on the last step opened unless it is done; then on the next one still to do.
  if (last >= 0 && !steps[last]?.done) return view.lastStepId;
  const after = steps.slice(Math.max(0, last)).find((s) => !s.done) ?? steps.find((s) => !s.done);
  return (after ?? steps[last] ?? steps[0])?.id ?? null;
}

/** A course: the step list on the left, the current step on the right; resumes where the learner left off. */
export function CoursePlayer({ view, onView }: { view: CourseView; onView: (v: PlayerView) => void }) {
  const { t } = useTranslation();
  const [currentId, setCurrentId] = useState<string | null>(() => firstStepId(view));
  const action = useAction();
  const index = Math.max(
    0,
    view.steps.findIndex((s) => s.id === currentId),
  );
  const step = view.steps[index];

  if (!step) return <Text c="dimmed">{t('learningScreens.course.noSteps')}</Text>;
  const next = view.steps[index + 1];
  const prev = view.steps[index - 1];

  const go = (id: string) => {
    setCurrentId(id);
    // Moving focus to the step heading tells keyboard and screen-reader users where they are.
    requestAnimationFrame(() => document.getElementById('step-heading')?.focus());
  };

  async function markDone() {
    if (!step) return;
    const updated = await action.run(step.id, 'learning.completeStep', {
      moduleId: view.moduleId,
      stepId: step.id,
    });
    if (!updated) return;
    onView(updated);
    // The step list's ticks show progress; only finishing the course earns a notification.
    if (updated.state === 'completed' && view.state !== 'completed')
      notifyDone(
        t(
          view.trainingRecord
            ? 'learningScreens.player.completedBanner'
            : 'learningScreens.player.completedNoRecord',
        ),
      );
    go(next?.id ?? step.id);
  }

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, sm: 4, lg: 3 }}>
        <Paper
          withBorder
          radius="md"
          p="sm"
          component="nav"
          aria-label={t('learningScreens.course.stepsNav')}
        >
          <Title order={2} fz="sm" px={10} py={6}>
            {t('learningScreens.course.steps')}
          </Title>
          <ol className={classes.stepList}>
            {view.steps.map((s, i) => (
              <li key={s.id}>
                <UnstyledButton
                  className={classes.stepButton}
                  onClick={() => go(s.id)}
                  aria-current={s.id === step.id ? 'step' : undefined}
                >
                  {s.done ? (
                    <IconCircleCheckFilled size={18} color="var(--mantine-color-teal-7)" aria-hidden />
                  ) : (
                    <IconCircle size={18} color="var(--mantine-color-gray-6)" aria-hidden />
                  )}
                  <Text size="sm" flex={1}>
                    {i + 1}. {s.title || t(`learningScreens.kind.course`)}
                    {s.done && <VisuallyHidden>, {t('learningScreens.course.stepDone')}</VisuallyHidden>}
                  </Text>
                  {s.required ? (
                    <Text size="xs" className={classes.urgent} component="span">
                      <span aria-hidden>*</span>
                      <VisuallyHidden>{t('learningScreens.course.stepRequired')}</VisuallyHidden>
                    </Text>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('learningScreens.course.optional')}
                    </Text>
                  )}
                </UnstyledButton>
              </li>
            ))}
          </ol>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8, lg: 9 }}>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <div>
              <Text size="xs" c="dimmed">
                {t('learningScreens.course.stepOf', { n: index + 1, total: view.steps.length })}
              </Text>
              <Title order={2} fz="xl" id="step-heading" tabIndex={-1}>
                {step.title}
              </Title>
            </div>
            <StepView step={step} />
            <ErrorAlert message={action.error} title={t('common.errorTitle')} />
            <Group justify="space-between" className={classes.stepActions}>
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={16} aria-hidden />}
                disabled={!prev}
                onClick={() => prev && go(prev.id)}
              >
                {t('learningScreens.course.previous')}
              </Button>
              <Group gap="sm">
                {step.done ? (
                  <Group gap={4}>
                    <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
                    <Text size="sm">{t('learningScreens.course.alreadyDone')}</Text>
                  </Group>
                ) : (
                  step.type !== 'quiz' && (
                    <Button loading={action.busy === step.id} onClick={() => void markDone()}>
                      {next ? t('learningScreens.course.markDone') : t('learningScreens.course.markDoneLast')}
                    </Button>
                  )
                )}
                {next && (step.done || step.type === 'quiz' || !step.required) && (
                  <Button
                    variant="default"
                    rightSection={<IconArrowRight size={16} aria-hidden />}
                    onClick={() => go(next.id)}
                  >
                    {t('learningScreens.course.next')}
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
