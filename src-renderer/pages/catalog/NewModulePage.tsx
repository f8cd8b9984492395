import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ModuleCreate } from '../../../shared/api/schemas/catalog';
import { client } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { SaveBar } from '../../components/SaveBar';
import { UnsavedChangesPrompt } from '../../components/UnsavedChangesPrompt';
import { focusFirstError, showServerErrors, zodFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import { withoutError } from '../../lib/without-error';
import { hasPrivilege, useUser } from '../../state/user-context';
import { unitOptions } from '../people/pickers';
import { ModuleDetailsFields } from './ModuleDetailsFields';
import {
  DETAIL_FIELDS,
  detailsBody,
  emptyDetails,
  FORM_ID,
  type DetailField,
  type DetailsDraft,
} from './module-form';

export function NewModulePage() {
  const { t } = useTranslation();
  const canManage = hasPrivilege(useUser(), 'catalog.manage');
  return (
    <Page title={t('catalogScreens.newTitle')} description={t('catalogScreens.newDescription')} maw={900}>
      <BackLink to="/catalog" label={t('catalogScreens.backToList')} />
      {canManage ? (
        <NewModuleForm />
      ) : (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('catalogScreens.noManage')}
        </Alert>
      )}
    </Page>
  );
}

function NewModuleForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tree = useCall('units.tree', {});
  // The highest unit in tree order the actor may use: their organisation, region or site.
  const defaultOwner = unitOptions(tree.data?.units ?? []).find((u) => !u.disabled)?.value ?? null;
  const [draftState, setDraft] = useState<DetailsDraft | null>(null);
  const draft = draftState ?? emptyDetails(defaultOwner);
  const [errors, setErrors] = useState<FieldErrors<DetailField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const leaving = useRef(false);

  const set = <K extends keyof DetailsDraft>(key: K, value: DetailsDraft[K]) => {
    setDraft((d) => ({ ...(d ?? draft), [key]: value }));
    setErrors((e) => withoutError(e, key));
  };

  async function create(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const body = {
      ...detailsBody(draft),
      kind: draft.kind,
      ...(draft.kind === 'external' ? { provider: draft.provider.trim() || null } : {}),
    };
    const parsed = ModuleCreate.safeParse(body);
    if (!parsed.success) {
      const errs = zodFieldErrors(parsed.error, DETAIL_FIELDS);
      setErrors(errs);
      focusFirstError(errs, DETAIL_FIELDS, FORM_ID);
      return;
    }
    setBusy(true);
    const res = await client.invoke('modules.create', parsed.data);
    setBusy(false);
    if (!res.ok) {
      showServerErrors(
        res.error,
        DETAIL_FIELDS,
        (errs) => {
          setErrors(errs);
          focusFirstError(errs, DETAIL_FIELDS, FORM_ID);
        },
        setFormError,
      );
      return;
    }
    notifyDone(t('catalogScreens.created', { title: res.value.title }));
    leaving.current = true;
    void navigate(`/catalog/${encodeURIComponent(res.value.id)}`, { replace: true });
  }

  return (
    <form onSubmit={(e) => void create(e)} noValidate>
      <UnsavedChangesPrompt when={draftState !== null} bypass={leaving} />
      <Stack gap="lg">
        <ErrorAlert message={formError} title={t('common.errorTitle')} />
        <Panel>
          <ModuleDetailsFields draft={draft} set={set} errors={errors} isNew />
        </Panel>
        <SaveBar>
          <Group gap="sm" ml="auto">
            <Button variant="default" component={Link} to="/catalog">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('catalogScreens.create')}
            </Button>
          </Group>
        </SaveBar>
      </Stack>
    </form>
  );
}
