import { Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from './Page';

/** A detail page while what it shows is still loading. */
export function LoadingPage({ height }: { height: number }) {
  const { t } = useTranslation();
  return (
    <Page title={t('common.loading')}>
      <Skeleton height={height} radius="md" />
    </Page>
  );
}
