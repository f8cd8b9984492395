import { useState } from 'react';
import { Button, EmptyState, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconSchool } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/api/contract';
import { ModuleKind } from '../../../shared/api/schemas/catalog';
import type { LearnerCatalog } from '../../../shared/api/schemas/learning';
import type { z } from '../../../shared/zod';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadError } from '../../components/LoadError';
import { Page } from '../../components/Page';
import { TagBadge } from '../../components/TagBadge';
import { notifyDone } from '../../lib/notify';
import { useCall } from '../../lib/use-call';
import tableClasses from '../tables.module.css';
import { BlockedLine, KindBadge } from './LearningBadges';
import { moduleLink } from './learning-format';
import classes from './learning.module.css';
import { useAction } from './use-action';
import { SearchInput } from '../../components/SearchInput';

type CatalogItem = z.infer<typeof LearnerCatalog>['rows'][number];

function CatalogCard({ item, onEnrol, busy }: { item: CatalogItem; onEnrol: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const headingId = `browse-${item.moduleId}`;
  return (
    <Paper withBorder radius="md" p="md" component="li" className={classes.item} aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} flex={1} miw={0}>
          <Group gap="xs">
            <KindBadge kind={item.kind} />
            <Text size="xs" c="dimmed">
              {item.code}
            </Text>
            {item.tags.map((tag) => (
              <TagBadge key={tag} color="blue">
                {tag}
              </TagBadge>
            ))}
          </Group>
          <Title order={2} fz="md" id={headingId}>
            {item.title}
          </Title>
          {item.description && (
            <Text size="sm" maw={760} lineClamp={3}>
              {item.description}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {item.defaultValidityMonths
              ? t('learningScreens.browse.validity', { count: item.defaultValidityMonths })
              : t('learningScreens.browse.validityNever')}
          </Text>
          <BlockedLine blockedBy={item.blockedBy} />
        </Stack>
        {item.enrolled ? (
          <Group gap="xs" wrap="nowrap">
            <TagBadge color="teal" leftSection={<IconCheck size={12} aria-hidden />}>
              {t('learningScreens.browse.registered')}
            </TagBadge>
            <Button
              component={Link}
              to={moduleLink(item.moduleId)}
              variant="default"
              aria-label={t('learningScreens.browse.openLabel', { title: item.title })}
            >
              {t('learningScreens.browse.open')}
            </Button>
          </Group>
        ) : (
          <Button
            onClick={onEnrol}
            loading={busy}
            aria-label={t('learningScreens.browse.registerLabel', { title: item.title })}
          >
            {t('learningScreens.browse.register')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Training open for self-registration, searchable by text and kind. */
export function BrowsePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<ModuleKind | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const input: CallInput<'learning.catalog'> = {};
  if (debounced) input.search = debounced;
  if (kind) input.kind = kind;
  const { data, error, loading, reload } = useCall('learning.catalog', input);
  const action = useAction();

  async function enrol(item: CatalogItem) {
    if (!(await action.run(item.moduleId, 'learning.enrol', { moduleId: item.moduleId }))) return;
    notifyDone(t('learningScreens.browse.registeredDone', { title: item.title }));
    reload();
  }

  const kindOptions = [
    { value: '', label: t('learningScreens.browse.allKinds') },
    ...ModuleKind.options.map((k) => ({ value: k, label: t(`learningScreens.kind.${k}`) })),
  ];

  return (
    <Page title={t('learningScreens.browse.title')} description={t('learningScreens.browse.description')}>
      <Paper withBorder radius="md">
        <Group p="md" className={tableClasses.toolbar} align="flex-end">
          <SearchInput
            label={t('learningScreens.browse.search')}
            placeholder={t('learningScreens.browse.searchPlaceholder')}
            clearLabel={t('learningScreens.browse.clearSearch')}
            value={search}
            onChange={setSearch}
            busy={loading && !!data}
            w={{ base: '100%', xs: 340 }}
          />
          <Select
            label={t('learningScreens.browse.kind')}
            data={kindOptions}
            value={kind ?? ''}
            onChange={(v) => setKind(v ? (v as ModuleKind) : null)}
            allowDeselect={false}
            w={200}
          />
          {data && (
            <Text size="sm" c="dimmed" role="status" ml="auto">
              {t('learningScreens.browse.results', { count: data.rows.length })}
            </Text>
          )}
        </Group>
        <Stack p="md" gap="sm">
          <ErrorAlert message={action.error} title={t('common.errorTitle')} />
          {error ? (
            <LoadError
              title={t('learningScreens.browse.loadFailed')}
              message={error.message}
              onRetry={reload}
            />
          ) : !data ? (
            <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')}>
              <Skeleton height={100} radius="md" />
              <Skeleton height={100} radius="md" />
            </Stack>
          ) : data.rows.length === 0 ? (
            <EmptyState
              icon={<IconSchool size={28} stroke={1.5} />}
              withIndicatorBackground
              title={
                debounced || kind
                  ? t('learningScreens.browse.emptySearch')
                  : t('learningScreens.browse.empty')
              }
              py={40}
              role="status"
            />
          ) : (
            <ul className={classes.list}>
              {data.rows.map((item) => (
                <CatalogCard
                  key={item.moduleId}
                  item={item}
                  busy={action.busy === item.moduleId}
                  onEnrol={() => void enrol(item)}
                />
              ))}
            </ul>
          )}
        </Stack>
      </Paper>
    </Page>
  );
}
