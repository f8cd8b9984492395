import DOMPurify from 'dompurify';
import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { IconCircleCheck, IconExternalLink, IconWifi } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlayerStep } from '../../../shared/api/schemas/learning';
import { FileViewer } from './FileViewer';
import { moduleLink } from './learning-format';
import classes from './learning.module.css';

/** The body of one course step; the server sanitized text already, and it is sanitized again here. */
export function StepView({ step }: { step: PlayerStep }) {
  const { t } = useTranslation();
  switch (step.type) {
    case 'text':
      return (
        <div
          className={classes.richText}
          // Sanitized twice on purpose: a database edited by hand must not run script in the renderer.
          dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(step.html ?? '') }}
        />
      );
    case 'file':
      return step.file ? <FileViewer file={step.file} /> : null;
    case 'link':
      return step.url ? (
        <Alert color="blue" variant="light" icon={<IconWifi size={18} aria-hidden />}>
          <Text size="sm" mb="xs">
            {t('learningScreens.course.needsInternet')}
          </Text>
          <Anchor href={step.url} target="_blank" rel="noopener noreferrer" fw={600}>
            <Group gap={4} component="span" wrap="nowrap" display="inline-flex">
              {step.url}
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        </Alert>
      ) : null;
    case 'quiz':
      return step.quiz ? (
        <Group gap="md">
          <Text size="sm">{t('learningScreens.course.quizStep', { title: step.quiz.title })}</Text>
          {step.done ? (
            <Group gap={4}>
              <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
              <Text size="sm" fw={600}>
                {t('learningScreens.course.quizPassed')}
              </Text>
            </Group>
          ) : (
            <Button component={Link} to={moduleLink(step.quiz.id)}>
              {t('learningScreens.course.openQuiz')}
            </Button>
          )}
        </Group>
      ) : null;
  }
}
