import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { contract } from '../../../shared/api/contract';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { hasPrivilege, useUser } from '../../state/user-context';
import { NoAccessPage } from '../NoAccessPage';
import { BackLink } from './BackLink';
import { PersonForm } from './PersonForm';
import { saved } from './person-dialogs';
import { fullName } from './person-name';

/** Adding a person: the profile form, then their page. */
export function NewPersonPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  if (!hasPrivilege(user, contract['people.create'].access)) return <NoAccessPage />;
  return (
    <>
      <BackLink />
      <Page title={t('person.createTitle')} description={t('person.createDescription')} maw={880}>
        <Panel>
          <PersonForm
            onCancel={() => void navigate('/people')}
            onSaved={(person) => {
              saved(t('person.created', { name: fullName(person) }), t('person.createdTitle'));
              void navigate(`/people/${person.id}`, { replace: true });
            }}
          />
        </Panel>
      </Page>
    </>
  );
}
