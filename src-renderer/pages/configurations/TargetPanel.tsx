import { Button, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TargetType } from '../../../shared/api/schemas/configurations';
import { Panel } from '../../components/Panel';
import { PeopleSearch } from '../../components/PeopleSearch';
import { formatNumber } from '../../lib/format';
import { useCall } from '../../lib/use-call';
import { GroupSelect, ScopeUnitSelect } from '../compliance/filter-options';
import type { Draft } from './config-draft';

const TYPES: readonly TargetType[] = ['unit', 'group', 'person'];

/** Who the configuration applies to: the kind of target, the target, and who that covers today. */
export function TargetPanel({
  draft,
  locked,
  error,
  onChange,
}: {
  draft: Draft;
  /** An existing configuration keeps its target. */
  locked: boolean;
  error: string | undefined;
  onChange: (patch: Pick<Draft, 'targetType' | 'targetId' | 'targetName'>) => void;
}) {
  const { t } = useTranslation();
  const type = draft.targetType;
  const pick = (targetId: string | null, targetName: string | null = null) =>
    onChange({ targetType: type, targetId, targetName });

  return (
    <Panel title={t('configurations.editor.targetTitle')}>
      <Stack gap="md">
        {locked ? (
          <Text size="sm" c="dimmed">
            {t('configurations.editor.targetLocked')}
          </Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="config-target-type-label">
              {t('configurations.editor.targetType')}
            </Text>
            <SegmentedControl
              aria-labelledby="config-target-type-label"
              data={TYPES.map((v) => ({ value: v, label: t(`configurations.targetType.${v}`) }))}
              value={type}
              onChange={(v) => onChange({ targetType: v as TargetType, targetId: null, targetName: null })}
              maw={420}
            />
          </Stack>
        )}
        {locked ? (
          <Text fw={600}>
            {draft.targetName}{' '}
            <Text span size="sm" c="dimmed">
              ({t(`configurations.targetType.${type}`)})
            </Text>
          </Text>
        ) : type === 'unit' ? (
          <ScopeUnitSelect
            id="config-targetId"
            label={t('configurations.editor.unit')}
            description={t('configurations.editor.unitHint')}
            placeholder={t('configurations.editor.pickUnit')}
            value={draft.targetId}
            onChange={(v) => pick(v)}
            error={error}
            maw={420}
          />
        ) : type === 'group' ? (
          <GroupSelect
            id="config-targetId"
            label={t('configurations.editor.group')}
            placeholder={t('configurations.editor.pickGroup')}
            value={draft.targetId}
            onChange={(v) => pick(v)}
            error={error}
            maw={420}
          />
        ) : draft.targetId ? (
          <Group gap="sm">
            <Text size="sm" role="status">
              {t('configurations.editor.chosenPerson', { name: draft.targetName ?? '' })}
            </Text>
            <Button size="compact-sm" variant="default" onClick={() => pick(null)}>
              {t('configurations.editor.change')}
            </Button>
          </Group>
        ) : (
          <PeopleSearch
            id="config-targetId"
            label={t('configurations.editor.person')}
            exclude={new Set()}
            onPick={(p) => pick(p.id, p.name)}
            error={error}
          />
        )}
        {draft.targetId ? (
          <TargetPreview type={type} id={draft.targetId} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('configurations.editor.previewNone')}
          </Text>
        )}
      </Stack>
    </Panel>
  );
}

function TargetPreview({ type, id }: { type: TargetType; id: string }) {
  const { t } = useTranslation();
  const { data, error, loading } = useCall('configurations.preview', { targetType: type, targetId: id });
  if (error)
    return (
      <Text size="sm" c="red.8">
        {error.message}
      </Text>
    );
  if (!data || loading)
    return (
      <Group gap="xs" role="status">
        <Loader size={14} aria-hidden />
        <Text size="sm" c="dimmed">
          {t('configurations.editor.previewLoading')}
        </Text>
      </Group>
    );
  const more = data.peopleCount - data.sample.length;
  const names = data.sample.map((p) => p.name).join(', ');
  return (
    <Stack gap={2} role="status">
      <Text size="sm" fw={600}>
        {t('configurations.editor.previewCount', {
          count: data.peopleCount,
          formatted: formatNumber(data.peopleCount),
        })}
      </Text>
      {names && (
        <Text size="sm" c="dimmed">
          {more > 0 ? `${names} ${t('configurations.editor.previewMore', { count: more })}` : names}
        </Text>
      )}
    </Stack>
  );
}
