import { useTranslation } from 'react-i18next';
import { orList, ruleIsEmpty, type RuleDraft, type UnitOption } from './group-rule';

/** "People in Umeå or Luleå, in the Maintenance department, working as Electrician." */
export function useRuleSentence(
  rule: RuleDraft,
  units: readonly UnitOption[],
  departments: readonly { id: string; name: string }[],
  jobTitles: readonly { id: string; name: string }[],
  ownerName: string | null,
): string | null {
  const { t, i18n } = useTranslation();
  if (ruleIsEmpty(rule)) return null;
  const names = (ids: readonly string[], list: readonly { id: string; name: string }[]) =>
    ids.map((id) => list.find((x) => x.id === id)?.name ?? '…');
  const unitNames = rule.unitIds.map((id) => units.find((u) => u.value === id)?.label ?? '…');
  const parts: string[] = [];
  if (unitNames.length) parts.push(t('groups.rule.summaryIn', { list: orList(unitNames, i18n.language) }));
  else if (ownerName) parts.push(t('groups.rule.summaryIn', { list: ownerName }));
  if (rule.departmentIds.length)
    parts.push(
      t('groups.rule.summaryInDepartment', {
        count: rule.departmentIds.length,
        list: orList(names(rule.departmentIds, departments), i18n.language),
      }),
    );
  if (rule.jobTitleIds.length)
    parts.push(
      t('groups.rule.summaryWho', { list: orList(names(rule.jobTitleIds, jobTitles), i18n.language) }),
    );
  return t('groups.rule.sentence', { parts: parts.join(', ') });
}
