import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink';
import { LoadError } from '../../components/LoadError';
import { LoadingPage } from '../../components/LoadingPage';
import { Page } from '../../components/Page';
import { formatNumber } from '../../lib/format';
import { hasPrivilege, useUser } from '../../state/user-context';
import { GroupEditor } from './GroupEditor';
import { useGroup } from './use-group';

/** One group (or `new`); a fresh page per group, so nothing carries over from the one before. */
export function GroupPage() {
  const { groupId = '' } = useParams();
  return <GroupView key={groupId} groupId={groupId} />;
}

function GroupView({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const isNew = groupId === 'new';
  const canManage = hasPrivilege(user, 'groups.manage');
  const { loaded, reload } = useGroup(isNew ? null : groupId);

  if (isNew) {
    if (!canManage) {
      return (
        <Page title={t('groups.editor.newTitle')}>
          <BackLink to="/groups" label={t('groups.backToList')} />
          <Alert color="gray" icon={<IconInfoCircle />}>
            {t('groups.editor.readOnly')}
          </Alert>
        </Page>
      );
    }
    return (
      <Page title={t('groups.editor.newTitle')}>
        <BackLink to="/groups" label={t('groups.backToList')} />
        <GroupEditor detail={null} members={[]} canManage onSaved={reload} />
      </Page>
    );
  }
  if (!loaded) {
    return <LoadingPage height={360} />;
  }
  if (loaded.error || !loaded.detail) {
    return (
      <Page title={t('groups.title')}>
        <BackLink to="/groups" label={t('groups.backToList')} />
        <LoadError
          title={t('groups.editor.loadFailed')}
          message={loaded.error?.message ?? ''}
          onRetry={reload}
        />
      </Page>
    );
  }
  const { detail } = loaded;
  return (
    <Page
      title={detail.name}
      description={t('groups.editor.subtitle', {
        kind: t(`groups.kind.${detail.kind}`),
        members: t('groups.editor.memberCount', {
          count: detail.memberCount,
          formatted: formatNumber(detail.memberCount),
        }),
      })}
    >
      <BackLink to="/groups" label={t('groups.backToList')} />
      <GroupEditor
        key={loaded.key}
        detail={detail}
        members={loaded.members}
        canManage={canManage}
        onSaved={reload}
      />
    </Page>
  );
}
