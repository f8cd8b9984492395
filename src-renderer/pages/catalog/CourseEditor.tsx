import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFile, IconLink, IconListCheck, IconTextCaption } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FileInfo } from '../../../shared/api/schemas/files';
import { Panel } from '../../components/Panel';
import type { CourseContent, EditorProps, Step, StepType } from './content-types';
import { CourseStepCard } from './CourseStepCard';
import { moved, newId, removed, replaced } from './list-ops';

const ICONS = { text: IconTextCaption, file: IconFile, link: IconLink, quiz: IconListCheck } as const;

function newStep(type: StepType): Step {
  const base = { id: newId(), title: '', required: true };
  switch (type) {
    case 'text':
      return { ...base, type, html: '' };
    case 'file':
      return { ...base, type, fileId: null };
    case 'link':
      return { ...base, type, url: '' };
    case 'quiz':
      return { ...base, type, quizModuleId: null };
  }
}

/** A course's ordered steps: add, edit, reorder with buttons, remove. */
export function CourseEditor({
  moduleId,
  content,
  files,
  onChange,
  readOnly,
}: EditorProps<CourseContent> & { files: readonly FileInfo[] }) {
  const { t } = useTranslation();
  const steps = content.steps;
  const setSteps = (next: Step[]) => onChange({ ...content, steps: next });
  return (
    <Panel title={t('catalogScreens.course.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('catalogScreens.course.hint')}
        </Text>
        {steps.length === 0 ? (
          <Text size="sm" role="status">
            {t('catalogScreens.course.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {steps.map((s, i) => (
              <CourseStepCard
                key={s.id}
                moduleId={moduleId}
                step={s}
                files={files}
                index={i}
                count={steps.length}
                readOnly={readOnly}
                onChange={(step) => setSteps(replaced(steps, i, step))}
                onMove={(to) => setSteps(moved(steps, i, to))}
                onRemove={() => setSteps(removed(steps, i))}
              />
            ))}
          </Stack>
        )}
        {!readOnly && (
          <Group gap="sm" role="group" aria-label={t('catalogScreens.course.add')}>
            {(['text', 'file', 'link', 'quiz'] as const).map((type) => {
              const Icon = ICONS[type];
              return (
                <Button
                  key={type}
                  {...(type === 'text' ? { 'data-add-to': 'steps' } : {})}
                  variant="light"
                  leftSection={<Icon size={16} aria-hidden />}
                  onClick={() => setSteps([...steps, newStep(type)])}
                >
                  {t('catalogScreens.course.addType', {
                    type: t(`catalogScreens.course.type.${type}`).toLowerCase(),
                  })}
                </Button>
              );
            })}
          </Group>
        )}
      </Stack>
    </Panel>
  );
}
