import { useEffect, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AttemptView } from '../../../shared/api/schemas/learning';
import { client } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { LoadError } from '../../components/LoadError';
import { LoadingPage } from '../../components/LoadingPage';
import { Page } from '../../components/Page';
import { moduleLink } from './learning-format';
import { QuizForm } from './QuizForm';

type Loaded = { attempt: AttemptView } | { submitted: true } | { error: string };

/**
 * Opens an attempt by resuming the open one, with the answers saved so far
 * (router state is not used: it survives a reload and would bring back stale
 * answers). An attempt already submitted shows its result instead, so
 * reloading this page never starts a new attempt by accident.
 */
function useAttempt(moduleId: string, attemptId: string, retry: number) {
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded } | null>(null);
  const key = `${moduleId}/${attemptId}/${retry}`;
  useEffect(() => {
    let gone = false;
    void (async () => {
      const open = await client.invoke('learning.open', { moduleId });
      let value: Loaded;
      if (!open.ok) value = { error: open.error.message };
      else if (open.value.kind !== 'quiz' || open.value.openAttemptId !== attemptId)
        value = { submitted: true };
      else {
        const res = await client.invoke('learning.startAttempt', { moduleId });
        value = res.ok ? { attempt: res.value } : { error: res.error.message };
      }
      if (!gone) setLoaded({ key, value });
    })();
    return () => {
      gone = true;
    };
  }, [moduleId, attemptId, key]);
  return loaded?.key === key ? loaded.value : null;
}

export function QuizAttemptPage() {
  const { t } = useTranslation();
  const params = useParams();
  const moduleId = params.moduleId ?? '';
  const attemptId = params.attemptId ?? '';
  const [retry, setRetry] = useState(0);
  const loaded = useAttempt(moduleId, attemptId, retry);

  if (!loaded) return <LoadingPage height={420} />;
  if ('submitted' in loaded)
    return <Navigate to={`${moduleLink(moduleId)}/result/${encodeURIComponent(attemptId)}`} replace />;
  if ('error' in loaded)
    return (
      <Page title={t('learningScreens.attempt.loadFailed')}>
        <BackLink to={moduleLink(moduleId)} label={t('learningScreens.history.back')} />
        <LoadError
          title={t('learningScreens.attempt.loadFailed')}
          message={loaded.error}
          onRetry={() => setRetry((n) => n + 1)}
        />
      </Page>
    );
  return <QuizForm key={loaded.attempt.attemptId} attempt={loaded.attempt} />;
}
