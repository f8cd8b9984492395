import { Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { GroupPreviewInput } from '../../../shared/api/schemas/groups';
import { LoadError } from '../../components/LoadError';
import { Panel } from '../../components/Panel';
import { formatNumber } from '../../lib/format';
import { useCall } from '../../lib/use-call';
import classes from './groups.module.css';
import type { RuleDraft } from './group-rule';

/** Who the rule holds right now: a count and the first 20, asked again as the rule changes. */
export function RulePreview({ rule, ownerUnitId }: { rule: RuleDraft; ownerUnitId: string | null }) {
  const { t } = useTranslation();
  const parsed = GroupPreviewInput.safeParse({ rule, ...(ownerUnitId ? { ownerUnitId } : {}) });
  const input = parsed.success ? parsed.data : null;
  const [debounced] = useDebouncedValue(input, 300);
  return (
    <Panel title={t('groups.rule.previewTitle')}>
      {debounced ? (
        <PreviewResult input={debounced} pending={JSON.stringify(debounced) !== JSON.stringify(input)} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('groups.rule.previewEmpty')}
        </Text>
      )}
    </Panel>
  );
}

function PreviewResult({
  input,
  pending,
}: {
  input: NonNullable<ReturnType<typeof GroupPreviewInput.safeParse>['data']>;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useCall('groups.preview', input);
  if (error)
    return <LoadError title={t('groups.rule.previewFailed')} message={error.message} onRetry={reload} />;
  if (!data) return <Skeleton height={120} />;
  const busy = loading || pending;
  return (
    <Stack gap="sm" aria-busy={busy}>
      <Group gap="xs" justify="space-between">
        <Text fw={650} fz="lg" aria-live="polite">
          {t('groups.rule.previewCount', { count: data.count, formatted: formatNumber(data.count) })}
        </Text>
        {busy && <Loader size={14} aria-label={t('groups.rule.previewUpdating')} />}
      </Group>
      {data.count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('groups.rule.previewNone')}
        </Text>
      ) : (
        <>
          {data.count > data.sample.length && (
            <Text size="xs" c="dimmed">
              {t('groups.rule.previewSample', { count: data.sample.length })}
            </Text>
          )}
          <Stack gap={4} component="ul" className={classes.sample} style={{ opacity: busy ? 0.6 : 1 }}>
            {data.sample.map((m) => (
              <li key={m.id}>
                <Text size="sm" fw={500} component="span">
                  {m.name}
                </Text>
                <Text size="xs" c="dimmed" component="span">
                  {' · '}
                  {m.unitName}
                </Text>
              </li>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
