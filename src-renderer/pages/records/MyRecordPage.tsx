import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { hasPrivilege, useUser } from '../../state/user-context';
import { TrainingRecordPanel } from './TrainingRecordPanel';

/** The signed-in person's own training record. */
export function MyRecordPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Page title={t('recordsScreens.my.title')} description={t('recordsScreens.my.description')}>
      <TrainingRecordPanel
        personId={user.id}
        personName={user.displayName}
        canAdd={hasPrivilege(user, 'records.edit.own')}
      />
    </Page>
  );
}
