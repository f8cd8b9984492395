import { Box, MultiSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import classes from './groups.module.css';
import type { RuleDraft, UnitOption } from './group-rule';
import { unitSelectProps } from './unit-select';
import { useRuleSentence } from './use-rule-sentence';
import { ErrorAlert } from '../../components/ErrorAlert';

type Named = { id: string; name: string };

/** The rule of a rule-based group: units, departments and job titles, and the rule read back as a sentence. */
export function RuleEditor({
  rule,
  units,
  deptRows,
  jobRows,
  ownerName,
  error,
  setRule,
}: {
  rule: RuleDraft;
  units: readonly UnitOption[];
  deptRows: readonly Named[];
  jobRows: readonly Named[];
  ownerName: string | null;
  error: string | undefined;
  setRule: (key: keyof RuleDraft, ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const unitSelect = unitSelectProps(units);
  const sentence = useRuleSentence(rule, units, deptRows, jobRows, ownerName);
  return (
    <Panel title={t('groups.rule.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('groups.rule.intro')}
        </Text>
        <MultiSelect
          id="group-rule"
          label={t('groups.rule.units')}
          description={t('groups.rule.unitsHint')}
          placeholder={rule.unitIds.length ? undefined : t('groups.rule.anyUnit')}
          data={unitSelect.data}
          value={rule.unitIds}
          onChange={(v) => setRule('unitIds', v)}
          searchable
          filter={unitSelect.filter}
          renderOption={unitSelect.renderOption}
          maxDropdownHeight={320}
          hidePickedOptions
        />
        <MultiSelect
          label={t('groups.rule.departments')}
          placeholder={rule.departmentIds.length ? undefined : t('groups.rule.anyDepartment')}
          data={deptRows.map((r) => ({ value: r.id, label: r.name }))}
          value={rule.departmentIds}
          onChange={(v) => setRule('departmentIds', v)}
          searchable
          hidePickedOptions
        />
        <MultiSelect
          label={t('groups.rule.jobTitles')}
          placeholder={rule.jobTitleIds.length ? undefined : t('groups.rule.anyJobTitle')}
          data={jobRows.map((r) => ({ value: r.id, label: r.name }))}
          value={rule.jobTitleIds}
          onChange={(v) => setRule('jobTitleIds', v)}
          searchable
          hidePickedOptions
        />
        <Box className={classes.sentence} role="status" aria-live="polite">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts={0.4}>
            {t('groups.rule.summaryLabel')}
          </Text>
          <Text size="sm" fw={500}>
            {sentence ?? t('groups.rule.chooseSomething')}
          </Text>
        </Box>
        <ErrorAlert message={error} />
      </Stack>
    </Panel>
  );
}
