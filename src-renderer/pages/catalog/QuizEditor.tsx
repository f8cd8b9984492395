import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QuizSection } from '../../../shared/api/schemas/catalog';
import { Panel } from '../../components/Panel';
import type { EditorProps, QuizContent } from './content-types';
import { moved, newId, removed, replaced } from './list-ops';
import { ItemHeader, type OrderedItemProps } from './MoveButtons';
import { newQuestion, QuestionEditor } from './QuestionEditor';

/** Blank stays blank (null); anything typed is a whole number. */
const optionalNumber = (v: string | number): number | null => (v === '' ? null : Number(v));

function QuizSettings({ content, onChange, readOnly }: Omit<EditorProps<QuizContent>, 'moduleId'>) {
  const { t } = useTranslation();
  const set = <K extends keyof QuizContent>(k: K, v: QuizContent[K]) => onChange({ ...content, [k]: v });
  return (
    <Panel title={t('catalogScreens.quiz.settings')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput
            id="content-passMark"
            label={t('catalogScreens.quiz.passMark')}
            value={content.passMark}
            onChange={(v) => set('passMark', typeof v === 'number' ? v : 0)}
            min={0}
            max={100}
            allowDecimal={false}
            suffix="%"
            readOnly={readOnly}
          />
          <NumberInput
            id="content-maxAttempts"
            label={t('catalogScreens.quiz.maxAttempts')}
            description={t('catalogScreens.quiz.maxAttemptsHint')}
            value={content.maxAttempts ?? ''}
            onChange={(v) => set('maxAttempts', optionalNumber(v))}
            min={1}
            max={100}
            allowDecimal={false}
            readOnly={readOnly}
          />
          <NumberInput
            id="content-timeLimitMinutes"
            label={t('catalogScreens.quiz.timeLimit')}
            description={t('catalogScreens.quiz.timeLimitHint')}
            value={content.timeLimitMinutes ?? ''}
            onChange={(v) => set('timeLimitMinutes', optionalNumber(v))}
            min={1}
            max={600}
            allowDecimal={false}
            readOnly={readOnly}
          />
        </SimpleGrid>
        <Group gap="xl">
          <Switch
            id="content-shuffleQuestions"
            label={t('catalogScreens.quiz.shuffleQuestions')}
            checked={content.shuffleQuestions}
            onChange={(e) => set('shuffleQuestions', e.currentTarget.checked)}
            disabled={readOnly}
          />
          <Switch
            id="content-shuffleOptions"
            label={t('catalogScreens.quiz.shuffleOptions')}
            checked={content.shuffleOptions}
            onChange={(e) => set('shuffleOptions', e.currentTarget.checked)}
            disabled={readOnly}
          />
        </Group>
      </Stack>
    </Panel>
  );
}

function SectionEditor({
  section,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  readOnly,
}: {
  section: QuizSection;
} & OrderedItemProps<QuizSection>) {
  const { t } = useTranslation();
  const base = `content-sections-${index}`;
  const qs = section.questions;
  const setQs = (questions: QuizSection['questions']) => onChange({ ...section, questions });
  const name = section.title || t('catalogScreens.quiz.sectionN', { n: index + 1 });
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={name}
      bg="var(--mantine-color-default-hover)"
    >
      <Stack gap="md">
        <ItemHeader
          readOnly={readOnly}
          align="flex-end"
          itemId={section.id}
          listId="sections"
          name={name}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
        >
          <TextInput
            id={`${base}-title`}
            label={t('catalogScreens.quiz.sectionTitle')}
            placeholder={t('catalogScreens.quiz.sectionN', { n: index + 1 })}
            value={section.title}
            onChange={(e) => onChange({ ...section, title: e.currentTarget.value })}
            readOnly={readOnly}
            style={{ flex: 1 }}
            maw={480}
          />
        </ItemHeader>
        {qs.length === 0 ? (
          <Text size="sm" c="dimmed" id={`${base}-questions`} tabIndex={-1}>
            {t('catalogScreens.quiz.noQuestions')}
          </Text>
        ) : (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {qs.map((q, i) => (
              <QuestionEditor
                key={q.id}
                q={q}
                base={`${base}-questions-${i}`}
                listId={`questions-${section.id}`}
                index={i}
                count={qs.length}
                readOnly={readOnly}
                onChange={(nq) => setQs(replaced(qs, i, nq))}
                onMove={(to) => setQs(moved(qs, i, to))}
                onRemove={() => setQs(removed(qs, i))}
              />
            ))}
          </Stack>
        )}
        {!readOnly && (
          <Button
            variant="light"
            w="fit-content"
            leftSection={<IconPlus size={16} aria-hidden />}
            data-add-to={`questions-${section.id}`}
            onClick={() => setQs([...qs, newQuestion()])}
          >
            {t('catalogScreens.quiz.addQuestion')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** A quiz's settings and its sections of questions. */
export function QuizEditor({ content, onChange, readOnly }: EditorProps<QuizContent>) {
  const { t } = useTranslation();
  const sections = content.sections;
  const setSections = (next: QuizSection[]) => onChange({ ...content, sections: next });
  return (
    <Stack gap="lg">
      <QuizSettings content={content} onChange={onChange} readOnly={readOnly} />
      <Panel title={t('catalogScreens.quiz.sections')}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('catalogScreens.quiz.sectionsHint')}
          </Text>
          {sections.length === 0 && (
            <Text size="sm" role="status" id="content-sections" tabIndex={-1}>
              {t('catalogScreens.quiz.noSections')}
            </Text>
          )}
          {sections.map((s, i) => (
            <SectionEditor
              key={s.id}
              section={s}
              index={i}
              count={sections.length}
              readOnly={readOnly}
              onChange={(ns) => setSections(replaced(sections, i, ns))}
              onMove={(to) => setSections(moved(sections, i, to))}
              onRemove={() => setSections(removed(sections, i))}
            />
          ))}
          {!readOnly && (
            <Button
              variant="light"
              w="fit-content"
              leftSection={<IconPlus size={16} aria-hidden />}
              data-add-to="sections"
              onClick={() => setSections([...sections, { id: newId(), title: '', questions: [] }])}
            >
              {t('catalogScreens.quiz.addSection')}
            </Button>
          )}
        </Stack>
      </Panel>
    </Stack>
  );
}
