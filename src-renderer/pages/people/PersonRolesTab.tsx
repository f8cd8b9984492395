import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PersonProfile } from '../../../shared/api/schemas/people';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import { hasErrors, showServerErrors } from '../../lib/form-errors';
import { useCall } from '../../lib/use-call';
import { hasPrivilege, useUser } from '../../state/user-context';
import tables from '../tables.module.css';
import { fullName } from './person-name';
import { saved } from './person-dialogs';
import { UnitSelect } from './pickers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DialogActions } from '../../components/DialogActions';
import { FormDialog } from '../../components/FormDialog';

type Grant = PersonProfile['grants'][number];
type ScopeName = 'self' | 'unit' | 'subtree' | 'organisation' | 'organisation_and_clients';
const GRANT_FIELDS = ['roleId', 'unitId'] as const;
type GrantField = (typeof GRANT_FIELDS)[number];

function GrantForm({
  person,
  onClose,
  onDone,
}: {
  person: PersonProfile;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const grantable = useCall('grants.grantable', { personId: person.id });
  const [values, setValues] = useState<Record<GrantField, string | null>>({
    roleId: null,
    unitId: person.unitId,
  });
  const [errors, setErrors] = useState<Partial<Record<GrantField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roles = grantable.data?.roles ?? [];
  const set = (field: GrantField) => (v: string | null) => {
    setValues((prev) => ({ ...prev, [field]: v }));
    setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const missing: Partial<Record<GrantField, string>> = {};
    if (!values.roleId) missing.roleId = t('person.rolePick');
    if (!values.unitId) missing.unitId = t('person.unitPick');
    if (hasErrors(missing) || !values.roleId || !values.unitId) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    const res = await client.invoke('grants.add', {
      personId: person.id,
      roleId: values.roleId,
      unitId: values.unitId,
    });
    setBusy(false);
    if (res.ok) {
      saved(t('person.granted', { role: res.value.roleName, unit: res.value.unitName }));
      onDone();
      onClose();
      return;
    }
    showServerErrors(res.error, GRANT_FIELDS, setErrors, setError);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('person.grantIntro')}</Text>
        {grantable.error && (
          <Alert color="red" role="alert">
            {grantable.error.message}
          </Alert>
        )}
        {grantable.data && roles.length === 0 && <Alert color="gray">{t('person.roleNone')}</Alert>}
        <ErrorAlert message={error} title={t('person.actionFailed')} />
        <Select
          id="grant-role"
          label={t('person.role')}
          placeholder={t('person.rolePick')}
          data={roles.map((r) => ({ value: r.id, label: r.name }))}
          value={values.roleId}
          onChange={set('roleId')}
          error={errors.roleId}
          required
          withAsterisk={false}
          data-autofocus
        />
        <UnitSelect
          id="grant-unit"
          label={t('person.grantUnit')}
          placeholder={t('person.unitSearch')}
          value={values.unitId}
          onChange={set('unitId')}
          error={errors.unitId}
          required
          withAsterisk={false}
        />
        <DialogActions onCancel={onClose} cancelLabel={t('person.cancel')}>
          <Button type="submit" loading={busy} disabled={roles.length === 0}>
            {t('person.grant')}
          </Button>
        </DialogActions>
      </Stack>
    </form>
  );
}

/** The roles explicitly granted to a person, and granting or removing one. */
export function PersonRolesTab({ person, onChanged }: { person: PersonProfile; onChanged: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const canGrant = hasPrivilege(user, 'grants.manage');
  const roleList = useCall('roles.list', {});
  const scopes = useMemo(
    () => new Map((roleList.data?.roles ?? []).map((r) => [r.id, r.scope as ScopeName])),
    [roleList.data],
  );
  const [granting, setGranting] = useState(false);
  const [removing, setRemoving] = useState<Grant | null>(null);
  const name = fullName(person);

  const remove = async () => {
    if (!removing) return null;
    const res = await client.invoke('grants.remove', {
      personId: person.id,
      roleId: removing.roleId,
      unitId: removing.unitId,
    });
    if (!res.ok) return res.error.message;
    saved(t('person.removed'));
    onChanged();
    return null;
  };

  return (
    <Panel>
      <Group justify="space-between" align="flex-start" mb="md" gap="md">
        <Stack gap={4}>
          <Text component="h2" fz="lg" fw={650}>
            {t('person.rolesTitle')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('person.rolesIntro', { name })}
          </Text>
        </Stack>
        {canGrant && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setGranting(true)}>
            {t('person.grantRole')}
          </Button>
        )}
      </Group>
      {person.grants.length === 0 ? (
        <Text>{t('person.noGrants', { name })}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520} type="native">
          <Table verticalSpacing="xs" aria-label={t('person.rolesTitle')} highlightOnHover>
            <Table.Thead className={tables.thead}>
              <Table.Tr>
                <Table.Th scope="col">{t('person.roleColumns.role')}</Table.Th>
                <Table.Th scope="col">{t('person.roleColumns.unit')}</Table.Th>
                <Table.Th scope="col">{t('person.roleColumns.scope')}</Table.Th>
                {canGrant && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('person.roleColumns.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.grants.map((g) => {
                const scope = scopes.get(g.roleId);
                return (
                  <Table.Tr key={`${g.roleId}@${g.unitId}`}>
                    <Table.Td fw={500}>{g.roleName}</Table.Td>
                    <Table.Td>{g.unitName}</Table.Td>
                    <Table.Td>{scope ? t(`person.scopes.${scope}`) : ''}</Table.Td>
                    {canGrant && (
                      <Table.Td ta="right">
                        <Button
                          variant="subtle"
                          color="red"
                          size="xs"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          aria-label={t('person.removeGrantLabel', { role: g.roleName, unit: g.unitName })}
                          onClick={() => setRemoving(g)}
                        >
                          {t('person.removeGrant')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormDialog
        opened={granting}
        onClose={() => setGranting(false)}
        title={t('person.grantTitle', { name })}
      >
        <GrantForm person={person} onClose={() => setGranting(false)} onDone={onChanged} />
      </FormDialog>
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('person.removeTitle')}
        confirmLabel={t('person.removeGrant')}
        danger
        onConfirm={remove}
      >
        {removing ? t('person.removeBody', { name, role: removing.roleName, unit: removing.unitName }) : ''}
      </ConfirmDialog>
    </Panel>
  );
}
