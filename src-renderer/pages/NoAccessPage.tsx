import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../components/MessagePage';

export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <MessagePage
      title={t('noAccess.title')}
      icon={<IconLock size={28} stroke={1.5} />}
      body={t('noAccess.body')}
      homeLabel={t('noAccess.home')}
    />
  );
}
