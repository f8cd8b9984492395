import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QuestionType, type Question } from '../../../shared/api/schemas/catalog';
import { newId, removed, replaced } from './list-ops';
import { ItemHeader, type OrderedItemProps } from './MoveButtons';

type Choice = Extract<Question, { type: 'single' | 'multiple' }>;
type Option = Choice['options'][number];

const newOption = (): Option => ({ id: newId(), text: '', correct: false });

/** A question of another type, keeping its id, text and points. */
export function withType(q: Question, type: QuestionType): Question {
  const base = { id: q.id, text: q.text, points: q.points };
  const options = 'options' in q ? q.options : [newOption(), newOption()];
  switch (type) {
    case 'single': {
      let seen = false;
      // Single choice has one right answer: keep the first that was marked.
      const single = options.map((o) => {
        const correct = o.correct && !seen;
        if (o.correct) seen = true;
        return { ...o, correct };
      });
      return { ...base, type, options: single };
    }
    case 'multiple':
      return { ...base, type, options };
    case 'true_false':
      return { ...base, type, answer: null };
    case 'short_answer':
      return { ...base, type, accepted: [] };
  }
}

export const newQuestion = (): Question => ({
  id: newId(),
  text: '',
  points: 1,
  type: 'single',
  options: [newOption(), newOption()],
});

function ChoiceOptions({
  q,
  base,
  onChange,
  readOnly,
}: {
  q: Choice;
  base: string;
  onChange: (q: Question) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = (options: Option[]) => onChange({ ...q, options });
  const mark = (i: number, on: boolean) =>
    set(
      q.options.map((o, j) =>
        j === i ? { ...o, correct: on } : q.type === 'single' && on ? { ...o, correct: false } : o,
      ),
    );
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('catalogScreens.quiz.options')}
      </Text>
      {q.type === 'multiple' && (
        <Text size="xs" c="dimmed">
          {t('catalogScreens.quiz.multipleHint')}
        </Text>
      )}
      {q.options.map((o, i) => {
        const n = i + 1;
        const correctLabel = t('catalogScreens.quiz.correctOption', { n });
        const Mark = q.type === 'single' ? Radio : Checkbox;
        return (
          <Group key={o.id} gap="sm" wrap="nowrap">
            <Mark
              aria-label={correctLabel}
              checked={o.correct}
              onChange={(e) => mark(i, e.currentTarget.checked)}
              disabled={readOnly}
              name={q.type === 'single' ? `${q.id}-correct` : undefined}
            />
            <TextInput
              id={`${base}-options-${i}-text`}
              aria-label={t('catalogScreens.quiz.optionN', { n })}
              placeholder={t('catalogScreens.quiz.optionN', { n })}
              value={o.text}
              onChange={(e) => set(replaced(q.options, i, { ...o, text: e.currentTarget.value }))}
              readOnly={readOnly}
              style={{ flex: 1 }}
            />
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('catalogScreens.move.remove', {
                  name: t('catalogScreens.quiz.optionN', { n }),
                })}
                onClick={() => set(removed(q.options, i))}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        );
      })}
      {!readOnly && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => set([...q.options, newOption()])}
        >
          {t('catalogScreens.quiz.addOption')}
        </Button>
      )}
    </Stack>
  );
}

/** One question: type, text, points and its answer(s). */
export function QuestionEditor({
  q,
  base,
  listId,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  readOnly,
}: {
  q: Question;
  /** Id prefix matching the server's path, e.g. `content-sections-0-questions-1`. */
  base: string;
  listId: string;
} & OrderedItemProps<Question>) {
  const { t } = useTranslation();
  const name = t('catalogScreens.quiz.questionN', { n: index + 1 });
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={name}>
      <Stack gap="sm">
        <ItemHeader
          readOnly={readOnly}
          itemId={q.id}
          listId={listId}
          name={name}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
        >
          <Text fw={600} size="sm">
            {name}
          </Text>
        </ItemHeader>
        <Group gap="md" align="flex-end">
          <Select
            id={`${base}-type`}
            label={t('catalogScreens.quiz.questionType')}
            data={QuestionType.options.map((v) => ({ value: v, label: t(`catalogScreens.quiz.type.${v}`) }))}
            value={q.type}
            onChange={(v) => v && onChange(withType(q, v as QuestionType))}
            allowDeselect={false}
            readOnly={readOnly}
            w={200}
          />
          <NumberInput
            id={`${base}-points`}
            label={t('catalogScreens.quiz.points')}
            value={q.points}
            onChange={(v) => onChange({ ...q, points: typeof v === 'number' ? v : 1 })}
            min={1}
            max={100}
            allowDecimal={false}
            readOnly={readOnly}
            w={100}
          />
        </Group>
        <Textarea
          id={`${base}-text`}
          label={t('catalogScreens.quiz.questionText')}
          value={q.text}
          onChange={(e) => onChange({ ...q, text: e.currentTarget.value })}
          autosize
          minRows={1}
          readOnly={readOnly}
        />
        {(q.type === 'single' || q.type === 'multiple') && (
          <ChoiceOptions q={q} base={base} onChange={onChange} readOnly={readOnly} />
        )}
        {q.type === 'true_false' && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`${base}-answer-label`}>
              {t('catalogScreens.quiz.answer')}
            </Text>
            <SegmentedControl
              id={`${base}-answer`}
              aria-labelledby={`${base}-answer-label`}
              w="fit-content"
              value={q.answer === null ? '' : String(q.answer)}
              onChange={(v) => onChange({ ...q, answer: v === 'true' })}
              readOnly={readOnly}
              data={[
                { value: 'true', label: t('catalogScreens.quiz.true') },
                { value: 'false', label: t('catalogScreens.quiz.false') },
              ]}
            />
          </Stack>
        )}
        {q.type === 'short_answer' && (
          <TagsInput
            id={`${base}-accepted`}
            label={t('catalogScreens.quiz.accepted')}
            description={t('catalogScreens.quiz.acceptedHint')}
            value={q.accepted}
            onChange={(accepted) => onChange({ ...q, accepted })}
            readOnly={readOnly}
          />
        )}
      </Stack>
    </Paper>
  );
}
