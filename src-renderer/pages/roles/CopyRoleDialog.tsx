import { useState, type FormEvent } from 'react';
import { Button, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RoleCopyInput, type RoleRow } from '../../../shared/api/schemas/roles';
import { client } from '../../api/client';
import { zodFieldErrors, type FieldErrors, showServerErrors } from '../../lib/form-errors';
import { notifyDone } from '../../lib/notify';
import { withoutError } from '../../lib/without-error';
import { canCopy, type ActorLimits } from './role-utils';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DialogActions } from '../../components/DialogActions';
import { FormDialog } from '../../components/FormDialog';

const FIELDS = ['fromId', 'name', 'description'] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  opened: boolean;
  onClose: () => void;
  roles: readonly RoleRow[];
  limits: ActorLimits;
  /** The role to copy; when given, it is fixed. */
  from?: RoleRow | undefined;
}

/** Copies a role into a new custom role and opens it. */
export function CopyRoleDialog({ opened, onClose, roles, limits, from }: Props) {
  const { t } = useTranslation();
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={from ? t('roles.copy.titleFrom', { name: from.name }) : t('roles.copy.title')}
    >
      <CopyRoleForm onClose={onClose} roles={roles} limits={limits} from={from} />
    </FormDialog>
  );
}

function CopyRoleForm({ onClose, roles, limits, from }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [fromId, setFromId] = useState<string | null>(from?.id ?? null);
  const [name, setName] = useState(from ? t('roles.copy.defaultName', { name: from.name }) : '');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = RoleCopyInput.safeParse({
      fromId: fromId ?? '',
      name,
      ...(description.trim() ? { description } : {}),
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, FIELDS));
      return;
    }
    setBusy(true);
    const res = await client.invoke('roles.copy', parsed.data);
    setBusy(false);
    if (res.ok) {
      notifyDone(t('roles.copy.created', { name: res.value.name }));
      onClose();
      void navigate(`/roles/${encodeURIComponent(res.value.id)}`);
      return;
    }
    showServerErrors(res.error, FIELDS, setErrors, setFormError);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <ErrorAlert message={formError} title={t('common.errorTitle')} />
        {!from && (
          <Select
            label={t('roles.copy.from')}
            description={t('roles.copy.fromHint')}
            data={roles.map((r) => ({ value: r.id, label: r.name, disabled: !canCopy(r, limits) }))}
            value={fromId}
            onChange={(v) => {
              setFromId(v);
              setErrors((er) => withoutError(er, 'fromId'));
            }}
            error={errors.fromId}
            required
            allowDeselect={false}
            searchable
            data-autofocus
          />
        )}
        <TextInput
          label={t('roles.copy.name')}
          placeholder={t('roles.copy.namePlaceholder')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setErrors((er) => withoutError(er, 'name'));
          }}
          error={errors.name}
          required
          data-autofocus={from ? true : undefined}
        />
        <Textarea
          label={t('roles.copy.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
        />
        <DialogActions onCancel={onClose}>
          <Button type="submit" loading={busy}>
            {t('roles.copy.submit')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}
