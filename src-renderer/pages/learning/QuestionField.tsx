import { Checkbox, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttemptView } from '../../../shared/api/schemas/learning';
import classes from './learning.module.css';

type Question = AttemptView['sections'][number]['questions'][number];

/**
 * One question as a fieldset: its legend is the question, so every radio,
 * checkbox or text box is announced with it. Radios share a name, so the arrow
 * keys move between options as in any native form.
 */
export function QuestionField({
  question,
  n,
  value,
  onChange,
}: {
  question: Question;
  n: number;
  value: readonly string[];
  onChange: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  const hintId = `hint-${question.id}`;
  const name = `q-${question.id}`;
  let input;
  switch (question.type) {
    case 'single':
    case 'true_false': {
      const options =
        question.type === 'true_false'
          ? [
              { id: 'true', text: t('learningScreens.attempt.true') },
              { id: 'false', text: t('learningScreens.attempt.false') },
            ]
          : question.options;
      input = (
        <Stack gap="xs">
          {options.map((o) => (
            <Radio
              key={o.id}
              name={name}
              value={o.id}
              label={o.text}
              checked={value[0] === o.id}
              onChange={() => onChange([o.id])}
            />
          ))}
        </Stack>
      );
      break;
    }
    case 'multiple':
      input = (
        <Stack gap="xs">
          {question.options.map((o) => (
            <Checkbox
              key={o.id}
              name={name}
              label={o.text}
              checked={value.includes(o.id)}
              onChange={(e) =>
                onChange(
                  e.currentTarget.checked
                    ? [...value.filter((v) => v !== o.id), o.id]
                    : value.filter((v) => v !== o.id),
                )
              }
            />
          ))}
        </Stack>
      );
      break;
    case 'short_answer':
      input = (
        <TextInput
          label={t('learningScreens.attempt.answerLabel')}
          value={value[0] ?? ''}
          onChange={(e) => onChange(e.currentTarget.value === '' ? [] : [e.currentTarget.value])}
          maxLength={1000}
          maw={480}
          autoComplete="off"
        />
      );
      break;
  }
  const hint =
    question.type === 'multiple'
      ? t('learningScreens.attempt.chooseMany')
      : question.type === 'short_answer'
        ? null
        : t('learningScreens.attempt.chooseOne');

  return (
    <fieldset
      className={classes.question}
      id={`question-${question.id}`}
      {...(hint ? { 'aria-describedby': hintId } : {})}
    >
      <legend>
        <Text span size="xs" c="dimmed" fw={600} display="block">
          {t('learningScreens.attempt.questionN', { n })} ·{' '}
          {t('learningScreens.attempt.points', { count: question.points })}
        </Text>
        <Text span display="block" fw={600} mb="xs" style={{ whiteSpace: 'pre-line' }}>
          {question.text}
        </Text>
      </legend>
      {hint && (
        <Text size="xs" c="dimmed" mb="xs" id={hintId}>
          {hint}
        </Text>
      )}
      {input}
    </fieldset>
  );
}
