import { useState, type FormEvent } from 'react';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/api/errors';
import { CreatePersonInput, UpdatePersonInput, type PersonProfile } from '../../../shared/api/schemas/people';
import type { z } from '../../../shared/zod';
import { client } from '../../api/client';
import { PasswordField } from '../../components/PasswordField';
import { hasErrors, zodFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { useFormFields } from '../../lib/use-form-fields';
import { LookupSelect, PersonPicker, UnitSelect } from './pickers';
import { ErrorAlert } from '../../components/ErrorAlert';

const FIELDS = [
  'firstName',
  'lastName',
  'email',
  'username',
  'employeeNo',
  'unitId',
  'departmentId',
  'jobTitleId',
  'managerId',
  'password',
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

/** Picked from a list; empty means none. */
const NULLABLE_IDS = ['departmentId', 'jobTitleId', 'managerId'] as const;

const valuesOf = (p: PersonProfile | undefined): Values => ({
  firstName: p?.firstName ?? '',
  lastName: p?.lastName ?? '',
  email: p?.email ?? '',
  // Shown only when it differs from the email, which is what an empty username means.
  username: p && p.username.toLowerCase() !== p.email.toLowerCase() ? p.username : '',
  employeeNo: p?.employeeNo ?? '',
  unitId: p?.unitId ?? '',
  departmentId: p?.departmentId ?? '',
  jobTitleId: p?.jobTitleId ?? '',
  managerId: p?.managerId ?? '',
  password: '',
});

function createInput(v: Values): Record<string, unknown> {
  const input: Record<string, unknown> = {
    firstName: v.firstName,
    lastName: v.lastName,
    email: v.email,
    unitId: v.unitId,
  };
  if (v.username.trim()) input.username = v.username;
  if (v.employeeNo.trim()) input.employeeNo = v.employeeNo;
  for (const f of NULLABLE_IDS) if (v[f]) input[f] = v[f];
  if (v.password) input.password = v.password;
  return input;
}

/** Only what changed is sent: the server changes only the fields it is given. */
function updateInput(id: string, v: Values, before: Values, email: string): Record<string, unknown> {
  const input: Record<string, unknown> = { id };
  for (const f of ['firstName', 'lastName', 'email', 'employeeNo', 'unitId'] as const) {
    if (v[f] !== before[f]) input[f] = v[f];
  }
  if (v.username !== before.username) input.username = v.username.trim() || v.email || email;
  for (const f of NULLABLE_IDS) if (v[f] !== before[f]) input[f] = v[f] || null;
  return input;
}

interface Props {
  /** The person being edited; without one the form adds a person. */
  person?: PersonProfile;
  onSaved: (person: PersonProfile) => void;
  onCancel: () => void;
}

/** The profile fields, for adding a person and for editing one. */
export function PersonForm({ person, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [initial] = useState(() => valuesOf(person));
  const form = useFormFields<Field>(person ? `person-${person.id}` : 'new-person', initial);
  const [submitting, setSubmitting] = useState(false);
  const [manager, setManager] = useState(
    person?.managerId
      ? { id: person.managerId, label: person.managerName ?? person.managerEmail ?? '' }
      : null,
  );

  const select = (field: Field) => ({
    id: `${person ? `person-${person.id}` : 'new-person'}-${field}`,
    value: form.values[field] || null,
    error: form.errors[field],
    onChange: (v: string | null) => {
      form.setValue(field, v ?? '');
      if (form.errors[field]) form.setErrors({ ...form.errors, [field]: undefined }, []);
    },
  });

  /** The schema's verdict and the unit (a picker the schema cannot name nicely), as field errors. */
  function check(parsed: { success: boolean; error?: z.ZodError }): boolean {
    const errors: FieldErrors<Field> = parsed.error ? zodFieldErrors(parsed.error, FIELDS) : {};
    if (!form.values.unitId) errors.unitId = t('person.unitRequired');
    if (!hasErrors(errors)) return true;
    form.setErrors(errors, FIELDS);
    return false;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.setFormError(null);
    const v = form.values;
    let res: Result<PersonProfile>;
    if (person) {
      const parsed = UpdatePersonInput.safeParse(updateInput(person.id, v, initial, person.email));
      if (!check(parsed) || !parsed.success) return;
      setSubmitting(true);
      res = await client.invoke('people.update', parsed.data);
    } else {
      const parsed = CreatePersonInput.safeParse(createInput(v));
      if (!check(parsed) || !parsed.success) return;
      setSubmitting(true);
      res = await client.invoke('people.create', parsed.data);
    }
    setSubmitting(false);
    if (res.ok) {
      onSaved(res.value);
      return;
    }
    if (res.error.code === 'unauthenticated') return;
    form.showServerError(res.error, FIELDS);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <ErrorAlert message={form.formError} title={t('person.actionFailed')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <TextInput
            label={t('person.fields.firstName')}
            required
            autoComplete="off"
            {...form.bind('firstName')}
          />
          <TextInput
            label={t('person.fields.lastName')}
            required
            autoComplete="off"
            {...form.bind('lastName')}
          />
          <TextInput
            label={t('person.fields.email')}
            type="email"
            required
            autoComplete="off"
            {...form.bind('email')}
          />
          <TextInput
            label={t('person.fields.username')}
            description={t('person.fields.usernameHint')}
            autoComplete="off"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.bind('username')}
          />
          <TextInput label={t('person.fields.employeeNo')} autoComplete="off" {...form.bind('employeeNo')} />
          <UnitSelect
            label={t('person.fields.unitId')}
            required
            withAsterisk={false}
            placeholder={t('person.unitSearch')}
            {...select('unitId')}
          />
          <LookupSelect
            list="department"
            label={t('person.fields.departmentId')}
            placeholder={t('person.lookupNone')}
            clearable
            clearButtonProps={{ 'aria-label': t('people.clearFilter') }}
            {...select('departmentId')}
          />
          <LookupSelect
            list="job_title"
            label={t('person.fields.jobTitleId')}
            placeholder={t('person.lookupNone')}
            clearable
            clearButtonProps={{ 'aria-label': t('people.clearFilter') }}
            {...select('jobTitleId')}
          />
          <PersonPicker
            label={t('person.fields.managerId')}
            clearable
            clearButtonProps={{ 'aria-label': t('people.clearFilter') }}
            selected={manager}
            {...(person ? { excludeId: person.id } : {})}
            {...select('managerId')}
            onChange={(v, option) => {
              setManager(option);
              select('managerId').onChange(v);
            }}
          />
          {!person && (
            <PasswordField
              label={t('person.fields.password')}
              description={t('person.fields.passwordHint')}
              autoComplete="new-password"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              {...form.bind('password')}
            />
          )}
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={submitting}>
            {person ? t('person.save') : t('person.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('person.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
