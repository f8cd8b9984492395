import { DataList, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import type { FieldErrors } from '../../lib/form-errors';
import classes from './groups.module.css';
import { GroupKindBadge } from './GroupsPage';
import type { Detail, Draft, Field, Kind } from './group-draft';
import type { UnitOption } from './group-rule';
import { unitSelectProps } from './unit-select';

/** A group's name, description, owner and kind: facts to read, or fields to edit. */
export function GroupDetailsPanel({
  detail,
  draft,
  readOnly,
  errors,
  units,
  set,
}: {
  detail: Detail | null;
  draft: Draft;
  readOnly: boolean;
  errors: FieldErrors<Field>;
  units: readonly UnitOption[];
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
}) {
  const { t } = useTranslation();
  const unitSelect = unitSelectProps(units);
  return readOnly ? (
    <Panel title={t('groups.editor.detailsTitle')}>
      <DataList withDivider labelWidth={140}>
        <DataList.Item>
          <DataList.ItemLabel>{t('groups.editor.type')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <GroupKindBadge kind={draft.kind} />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('groups.editor.owner')}</DataList.ItemLabel>
          <DataList.ItemValue>{detail?.ownerUnitName}</DataList.ItemValue>
        </DataList.Item>
        {detail?.description && (
          <DataList.Item>
            <DataList.ItemLabel>{t('groups.editor.description')}</DataList.ItemLabel>
            <DataList.ItemValue>{detail.description}</DataList.ItemValue>
          </DataList.Item>
        )}
        {detail?.ruleText && (
          <DataList.Item>
            <DataList.ItemLabel>{t('groups.rule.title')}</DataList.ItemLabel>
            <DataList.ItemValue>{detail.ruleText}</DataList.ItemValue>
          </DataList.Item>
        )}
      </DataList>
    </Panel>
  ) : (
    <Panel title={t('groups.editor.detailsTitle')}>
      <Stack gap="md">
        <TextInput
          id="group-name"
          label={t('groups.editor.name')}
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          required
          data-autofocus
        />
        <Textarea
          id="group-description"
          label={t('groups.editor.description')}
          description={t('groups.editor.descriptionHint')}
          value={draft.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
        />
        <Select
          id="group-ownerUnitId"
          label={t('groups.editor.owner')}
          description={t('groups.editor.ownerHint')}
          data={unitSelect.data}
          value={draft.ownerUnitId}
          onChange={(v) => set('ownerUnitId', v)}
          error={errors.ownerUnitId}
          searchable
          allowDeselect={false}
          filter={unitSelect.filter}
          renderOption={unitSelect.renderOption}
          maxDropdownHeight={320}
          maw={420}
          required
          withAsterisk={false}
        />
        <Radio.Group
          id="group-kind"
          label={t('groups.editor.type')}
          description={detail ? t('groups.editor.typeLocked') : undefined}
          value={draft.kind}
          onChange={(v) => set('kind', v as Kind)}
        >
          <Group gap="sm" mt="xs" grow maw={640} align="stretch">
            {(['static', 'rule'] as const).map((k) => (
              <Radio.Card
                key={k}
                value={k}
                disabled={!!detail && detail.kind !== k}
                className={classes.kindCard}
                p="sm"
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator />
                  <Stack gap={2}>
                    <Text fw={600} size="sm">
                      {t(`groups.kind.${k}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`groups.kindHint.${k}`)}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </Group>
        </Radio.Group>
      </Stack>
    </Panel>
  );
}
