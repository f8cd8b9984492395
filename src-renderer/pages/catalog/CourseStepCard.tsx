import { Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FileInfo } from '../../../shared/api/schemas/files';
import classes from './catalog.module.css';
import type { Step } from './content-types';
import { FileStepField } from './FileStepField';
import { ModuleSelect } from './ModuleSelect';
import { ItemHeader, type OrderedItemProps } from './MoveButtons';
import { RichTextField } from './RichTextField';

const QUIZ_SOURCE = { kinds: ['quiz' as const] };

/** One step of a course: its title, whether it is required, and what the learner gets. */
export function CourseStepCard({
  moduleId,
  step,
  files,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  readOnly,
}: {
  moduleId: string;
  step: Step;
  /** What the server knows of the files the saved draft refers to (name, size). */
  files: readonly FileInfo[];
} & OrderedItemProps<Step>) {
  const { t } = useTranslation();
  const c = (k: string) => t(`catalogScreens.course.${k}` as 'catalogScreens.course.title');
  const base = `content-steps-${index}`;
  const name = t('catalogScreens.course.stepLabel', {
    n: index + 1,
    title: step.title || t('catalogScreens.course.untitled'),
  });
  return (
    <Paper withBorder radius="md" p="md" className={classes.stepCard} component="li" aria-label={name}>
      <Stack gap="sm">
        <ItemHeader
          readOnly={readOnly}
          itemId={step.id}
          listId="steps"
          name={name}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
        >
          <Text fw={600} size="sm">
            {index + 1}. {t(`catalogScreens.course.type.${step.type}`)}
          </Text>
        </ItemHeader>
        <Group align="flex-end" gap="md">
          <TextInput
            id={`${base}-title`}
            label={c('stepTitle')}
            value={step.title}
            onChange={(e) => onChange({ ...step, title: e.currentTarget.value })}
            readOnly={readOnly}
            style={{ flex: 1 }}
          />
          <Checkbox
            id={`${base}-required`}
            label={c('required')}
            checked={step.required}
            onChange={(e) => onChange({ ...step, required: e.currentTarget.checked })}
            disabled={readOnly}
            mb={8}
          />
        </Group>
        {step.type === 'text' && (
          <RichTextField
            id={`${base}-html`}
            label={t('catalogScreens.rte.label')}
            value={step.html}
            onChange={(html) => onChange({ ...step, html })}
            readOnly={readOnly}
          />
        )}
        {step.type === 'link' && (
          <TextInput
            id={`${base}-url`}
            label={c('link')}
            description={c('linkHint')}
            placeholder="https://"
            type="url"
            value={step.url}
            onChange={(e) => onChange({ ...step, url: e.currentTarget.value })}
            readOnly={readOnly}
          />
        )}
        {step.type === 'file' && (
          <FileStepField
            id={`${base}-fileId`}
            fileId={step.fileId}
            known={files}
            readOnly={readOnly}
            onUploaded={(info) => onChange({ ...step, fileId: info.id, title: step.title || info.name })}
          />
        )}
        {step.type === 'quiz' && (
          <ModuleSelect
            id={`${base}-quizModuleId`}
            label={c('quiz')}
            description={c('quizHint')}
            placeholder={c('quizPlaceholder')}
            nothingFoundMessage={c('noQuizzes')}
            source={{ ...QUIZ_SOURCE, exclude: new Set([moduleId]) }}
            value={step.quizModuleId}
            onChange={(quizModuleId) => onChange({ ...step, quizModuleId })}
            readOnly={readOnly}
          />
        )}
      </Stack>
    </Paper>
  );
}
