import {
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ModuleKind } from '../../../shared/api/schemas/catalog';
import type { FieldErrors } from '../../lib/form-errors';
import { UnitSelect } from '../people/pickers';
import classes from './catalog.module.css';
import { FORM_ID, type DetailField, type DetailsDraft } from './module-form';

const id = (f: DetailField) => `${FORM_ID}-${f}`;

/** The kind of a new module, each with what it is for. */
function KindPicker({
  value,
  onChange,
  error,
}: {
  value: ModuleKind;
  onChange: (k: ModuleKind) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      id={id('kind')}
      label={t('catalogScreens.fields.kind')}
      value={value}
      onChange={(v) => onChange(v as ModuleKind)}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" mt="xs">
        {ModuleKind.options.map((k) => (
          <Radio.Card key={k} value={k} p="sm" radius="md" className={classes.kindCard}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator />
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {t(`catalogScreens.kind.${k}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`catalogScreens.kindHint.${k}`)}
                </Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** Code, title, description, owner, tags, validity and flags; the kind only while creating. */
export function ModuleDetailsFields({
  draft,
  set,
  errors,
  isNew,
  readOnly = false,
}: {
  draft: DetailsDraft;
  set: <K extends keyof DetailsDraft>(key: K, value: DetailsDraft[K]) => void;
  errors: FieldErrors<DetailField>;
  isNew: boolean;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const f = (k: string) => t(`catalogScreens.fields.${k}` as 'catalogScreens.fields.code');
  return (
    <Stack gap="md">
      {isNew && <KindPicker value={draft.kind} onChange={(k) => set('kind', k)} error={errors.kind} />}
      <TextInput
        id={id('title')}
        label={f('title')}
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errors.title}
        required
        readOnly={readOnly}
      />
      <Group align="flex-start" gap="md">
        <TextInput
          id={id('code')}
          label={f('code')}
          description={f('codeHint')}
          value={draft.code}
          onChange={(e) => set('code', e.currentTarget.value)}
          error={errors.code}
          required
          readOnly={readOnly}
          maw={260}
        />
        <NumberInput
          id={id('defaultValidityMonths')}
          label={f('defaultValidityMonths')}
          description={f('validityHint')}
          value={draft.defaultValidityMonths}
          onChange={(v) => set('defaultValidityMonths', String(v))}
          error={errors.defaultValidityMonths}
          min={1}
          max={600}
          allowDecimal={false}
          allowNegative={false}
          readOnly={readOnly}
          maw={260}
        />
      </Group>
      <Textarea
        id={id('description')}
        label={f('description')}
        description={f('descriptionHint')}
        value={draft.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={errors.description}
        autosize
        minRows={2}
        maxRows={8}
        readOnly={readOnly}
      />
      <UnitSelect
        id={id('ownerUnitId')}
        label={f('ownerUnitId')}
        description={f('ownerHint')}
        value={draft.ownerUnitId}
        onChange={(v) => set('ownerUnitId', v)}
        error={errors.ownerUnitId}
        allowDeselect={false}
        required
        withAsterisk={false}
        readOnly={readOnly}
        maw={480}
      />
      <TagsInput
        id={id('tags')}
        label={f('tags')}
        description={f('tagsHint')}
        value={draft.tags}
        onChange={(v) => set('tags', v)}
        error={errors.tags}
        clearable={!readOnly}
        readOnly={readOnly}
      />
      {draft.kind === 'external' && (
        <TextInput
          id={id('provider')}
          label={f('provider')}
          description={f('providerHint')}
          value={draft.provider}
          onChange={(e) => set('provider', e.currentTarget.value)}
          error={errors.provider}
          readOnly={readOnly || !isNew}
          maw={420}
        />
      )}
      <Switch
        id={id('trainingRecord')}
        label={f('trainingRecord')}
        description={f('trainingRecordHint')}
        checked={draft.trainingRecord}
        onChange={(e) => set('trainingRecord', e.currentTarget.checked)}
        error={errors.trainingRecord}
        disabled={readOnly}
      />
      <Switch
        id={id('selfEnrol')}
        label={f('selfEnrol')}
        description={f('selfEnrolHint')}
        checked={draft.selfEnrol}
        onChange={(e) => set('selfEnrol', e.currentTarget.checked)}
        error={errors.selfEnrol}
        disabled={readOnly}
      />
    </Stack>
  );
}
