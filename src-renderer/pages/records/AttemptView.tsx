import { Badge, Group, List, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconQuestionMark, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttemptDetail } from '../../../shared/api/schemas/learning';
import { TagBadge } from '../../components/TagBadge';
import { formatDateTime } from '../../lib/format';

function Mark({ correct }: { correct: boolean | null }) {
  const { t } = useTranslation();
  const [color, Icon, label] =
    correct === null
      ? (['gray', IconQuestionMark, t('recordsScreens.attempts.unmarked')] as const)
      : correct
        ? (['teal', IconCheck, t('recordsScreens.attempts.right')] as const)
        : (['red', IconX, t('recordsScreens.attempts.wrong')] as const);
  return (
    <Group gap={4} wrap="nowrap">
      <ThemeIcon size="sm" radius="xl" color={color} variant="light" aria-hidden>
        <Icon size={12} />
      </ThemeIcon>
      <Text size="xs" fw={600}>
        {label}
      </Text>
    </Group>
  );
}

/** The heading line of an attempt: number, score, pass/fail, when, and whether it was reset. */
export function AttemptSummary({ attempt }: { attempt: AttemptDetail }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap">
      <Text fw={600} size="sm">
        {t('recordsScreens.attempts.number', { n: attempt.number })}
      </Text>
      {attempt.scorePercent !== null && <Text size="sm">{`${attempt.scorePercent} %`}</Text>}
      {attempt.passed !== null && (
        <TagBadge color={attempt.passed ? 'teal' : 'red'}>
          {attempt.passed ? t('recordsScreens.attempts.passed') : t('recordsScreens.attempts.failed')}
        </TagBadge>
      )}
      {attempt.submittedAt === null && (
        <TagBadge color="gray">{t('recordsScreens.attempts.inProgress')}</TagBadge>
      )}
      {attempt.reset && (
        <Badge color="gray" variant="outline">
          {t('recordsScreens.attempts.wasReset')}
        </Badge>
      )}
      <Text size="xs" c="dimmed">
        {formatDateTime(attempt.submittedAt ?? attempt.startedAt)}
      </Text>
    </Group>
  );
}

/** Everything about one attempt: section scores, each answer given and whether it was right. */
export function AttemptBody({ attempt }: { attempt: AttemptDetail }) {
  const { t } = useTranslation();
  const minutes =
    attempt.timeTakenSeconds === null ? null : Math.max(1, Math.round(attempt.timeTakenSeconds / 60));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('recordsScreens.attempts.meta', { version: attempt.version })}
        {minutes !== null && ` · ${t('recordsScreens.attempts.time', { count: minutes })}`}
      </Text>
      {attempt.reset && (
        <Text size="sm">
          {t('recordsScreens.attempts.resetInfo', {
            when: formatDateTime(attempt.reset.at),
            who: attempt.reset.byName ?? t('common.unknownPerson'),
            reason: attempt.reset.reason,
          })}
        </Text>
      )}
      {attempt.sectionScores.length > 0 && (
        <List size="sm" spacing={2} aria-label={t('recordsScreens.attempts.sections')}>
          {attempt.sectionScores.map((s) => (
            <List.Item key={s.sectionId}>
              {t('recordsScreens.attempts.section', {
                title: s.title,
                score: s.score,
                max: s.max,
                percent: s.percent,
              })}
            </List.Item>
          ))}
        </List>
      )}
      {attempt.answers.length > 0 && (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table
            verticalSpacing={6}
            aria-label={t('recordsScreens.attempts.answersCaption', { n: attempt.number })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('recordsScreens.attempts.question')}</Table.Th>
                <Table.Th scope="col">{t('recordsScreens.attempts.given')}</Table.Th>
                <Table.Th scope="col">{t('recordsScreens.attempts.mark')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attempt.answers.map((a) => (
                <Table.Tr key={a.questionId}>
                  <Table.Td>
                    <Text size="sm">{a.text}</Text>
                    <Text size="xs" c="dimmed">
                      {a.sectionTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {a.given.length ? a.given.join(', ') : t('recordsScreens.attempts.noAnswer')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Mark correct={a.correct} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
