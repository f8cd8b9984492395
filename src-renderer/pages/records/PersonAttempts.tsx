import { useMemo, useState } from 'react';
import { Accordion, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconRotate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttemptDetail } from '../../../shared/api/schemas/learning';
import { LoadError } from '../../components/LoadError';
import { Panel } from '../../components/Panel';
import { useCall } from '../../lib/use-call';
import { AttemptBody, AttemptSummary } from './AttemptView';
import { ResetAttemptsDialog } from './ResetAttemptsDialog';

interface QuizAttempts {
  moduleId: string;
  code: string;
  title: string;
  attempts: AttemptDetail[];
}

/** A person's quiz attempts, per quiz, newest first, with Reset attempts for those who may record results. */
export function PersonAttempts({
  personId,
  personName,
  canReset,
}: {
  personId: string;
  personName: string;
  canReset: boolean;
}) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useCall('results.attempts', { personId });
  const [resetting, setResetting] = useState<{ moduleId: string; title: string } | null>(null);
  const quizzes = useMemo(() => {
    const byModule = new Map<string, QuizAttempts>();
    for (const a of data?.rows ?? []) {
      const q = byModule.get(a.moduleId) ?? {
        moduleId: a.moduleId,
        code: a.moduleCode,
        title: a.moduleTitle,
        attempts: [],
      };
      q.attempts.push(a);
      byModule.set(a.moduleId, q);
    }
    for (const q of byModule.values()) q.attempts.sort((x, y) => y.number - x.number);
    return [...byModule.values()].sort((x, y) => x.title.localeCompare(y.title));
  }, [data]);

  return (
    <Panel title={t('recordsScreens.attempts.title')}>
      {error ? (
        <LoadError title={t('recordsScreens.attempts.loadFailed')} message={error.message} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton height={80} />
      ) : quizzes.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">
          {t('recordsScreens.attempts.empty', { name: personName })}
        </Text>
      ) : (
        <Stack gap="lg">
          {quizzes.map((q) => {
            const counted = q.attempts.filter((a) => !a.reset).length;
            return (
              <Stack key={q.moduleId} gap="xs">
                <Group justify="space-between" align="center">
                  <div>
                    <Title order={3} fz="md">
                      {q.title}
                    </Title>
                    <Text size="xs" c="dimmed">
                      {t('recordsScreens.attempts.count', {
                        code: q.code,
                        count: q.attempts.length,
                        counted,
                      })}
                    </Text>
                  </div>
                  {canReset && counted > 0 && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      leftSection={<IconRotate size={14} aria-hidden />}
                      onClick={() => setResetting({ moduleId: q.moduleId, title: q.title })}
                    >
                      {t('recordsScreens.attempts.resetFor', { title: q.title })}
                    </Button>
                  )}
                </Group>
                <Accordion variant="separated" chevronPosition="left">
                  {q.attempts.map((a) => (
                    <Accordion.Item key={a.id} value={a.id}>
                      <Accordion.Control>
                        <AttemptSummary attempt={a} />
                      </Accordion.Control>
                      <Accordion.Panel>
                        <AttemptBody attempt={a} />
                      </Accordion.Panel>
                    </Accordion.Item>
                  ))}
                </Accordion>
              </Stack>
            );
          })}
        </Stack>
      )}
      <ResetAttemptsDialog
        target={resetting}
        personId={personId}
        personName={personName}
        onClose={() => setResetting(null)}
        onDone={reload}
      />
    </Panel>
  );
}
