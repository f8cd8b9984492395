import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../components/MessagePage';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <MessagePage
      title={t('notFound.title')}
      icon={<IconMapOff size={28} stroke={1.5} />}
      body={t('notFound.body')}
      homeLabel={t('notFound.home')}
    />
  );
}
