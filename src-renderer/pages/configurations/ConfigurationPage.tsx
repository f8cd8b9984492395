import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink';
import { LoadError } from '../../components/LoadError';
import { LoadingPage } from '../../components/LoadingPage';
import { Page } from '../../components/Page';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import { ConfigurationEditor } from './ConfigurationEditor';
import { CertificateSwitch } from '../certificates/CertificateSwitch';

/** One training configuration (or `new`); a fresh page per configuration. */
export function ConfigurationPage() {
  const { configurationId = 'new' } = useParams();
  return configurationId === 'new' ? (
    <NewConfiguration />
  ) : (
    <ConfigurationView key={configurationId} id={configurationId} />
  );
}

function NewConfiguration() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Page title={t('configurations.editor.newTitle')}>
      <BackLink to="/configurations" label={t('configurations.backToList')} />
      {hasPrivilege(user, 'assignments.manage') ? (
        <ConfigurationEditor detail={null} canManage onSaved={() => undefined} />
      ) : (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('configurations.editor.readOnly')}
        </Alert>
      )}
    </Page>
  );
}

function ConfigurationView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useCall('configurations.get', { id });
  if (error && !data) {
    return (
      <Page title={t('configurations.title')}>
        <BackLink to="/configurations" label={t('configurations.backToList')} />
        <LoadError title={t('configurations.editor.loadFailed')} message={error.message} onRetry={reload} />
      </Page>
    );
  }
  if (!data) return <LoadingPage height={360} />;
  return (
    <Page
      title={data.name}
      description={t('configurations.editor.subtitle', {
        target: `${data.targetName} (${t(`configurations.targetType.${data.targetType}`)})`,
        owner: data.ownerUnitName,
      })}
    >
      <BackLink to="/configurations" label={t('configurations.backToList')} />
      {/* Certificates of completion (issue 8): switched on its own, outside the editor's Save. */}
      <CertificateSwitch
        target={{ kind: 'configuration', id: data.id }}
        enabled={'certificateEnabled' in data && data.certificateEnabled === true}
        templateId={data.certificateTemplateId}
        canManage={data.canManage && !data.archived}
      />
      {/* A new key after each save starts the form again from what the server stored. */}
      <ConfigurationEditor
        key={data.updatedAt + String(data.archived)}
        detail={data}
        canManage={data.canManage}
        onSaved={reload}
      />
    </Page>
  );
}
