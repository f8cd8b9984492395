import { useEffect, useRef, useState } from 'react';
import { Group, Text, VisuallyHidden } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './learning.module.css';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Counts down to the attempt's deadline. The visible clock ticks every second;
 * screen readers hear it only when the minute changes, and `onExpire` runs once at zero.
 */
export function QuizTimer({ deadlineAt, onExpire }: { deadlineAt: string; onExpire: () => void }) {
  const { t } = useTranslation();
  const deadline = new Date(deadlineAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  const expired = useRef(false);
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));

  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);

  useEffect(() => {
    if (left === 0 && !expired.current) {
      expired.current = true;
      onExpire();
    }
  }, [left, onExpire]);

  const minutes = Math.ceil(left / 60);
  const low = left < 120;
  return (
    <Group gap={6} wrap="nowrap">
      <IconClock size={18} aria-hidden />
      <Text size="sm" fw={500} aria-hidden>
        {t('learningScreens.attempt.timeLeft')}:
      </Text>
      <Text
        fw={700}
        ff="monospace"
        fz="lg"
        aria-hidden
        {...(low ? { className: classes.urgent } : {})}
      >{`${pad(Math.floor(left / 60))}:${pad(left % 60)}`}</Text>
      <VisuallyHidden aria-live="polite" aria-atomic="true">
        {left === 0
          ? t('learningScreens.attempt.timeUp')
          : t('learningScreens.attempt.minutesLeft', { count: minutes })}
      </VisuallyHidden>
    </Group>
  );
}
