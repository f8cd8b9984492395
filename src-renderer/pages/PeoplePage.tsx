import { useEffect, useState } from 'react';
import {
  Button,
  CloseButton,
  EmptyState,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Stack,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconDownload,
  IconFileImport,
  IconSearch,
  IconUserPlus,
  IconUsers,
  IconUserSearch,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { contract } from '../../shared/api/contract';
import { client } from '../api/client';
import { Page } from '../components/Page';
import { downloadText } from '../lib/download';
import { hasPrivilege, useUser } from '../state/user-context';
import { PeopleGrid } from './people/PeopleGrid';
import type { PeopleFilter } from './people/people-window';
import {
  hasFilters,
  usePeopleView,
  type PeopleView,
  type SortColumn,
  type StatusFilter,
} from './people/people-view';
import { LookupSelect, UnitSelect } from './people/pickers';
import classes from './tables.module.css';

function NoPeople({ view, search, onClear }: { view: PeopleView; search: string; onClear: () => void }) {
  const { t } = useTranslation();
  const [title, description] = search
    ? [t('people.emptySearch', { search }), t('people.emptySearchHint')]
    : hasFilters(view)
      ? [t('people.emptyFiltered'), t('people.emptyFilteredHint')]
      : view.status !== 'all'
        ? [t('people.emptyStatus'), undefined]
        : [t('people.emptyNone'), t('people.emptyNoneHint')];
  return (
    <EmptyState
      icon={search ? <IconUserSearch size={28} stroke={1.5} /> : <IconUsers size={28} stroke={1.5} />}
      withIndicatorBackground
      title={title}
      description={description}
      py={48}
      role="status"
    >
      {(search || hasFilters(view)) && (
        <Button variant="default" size="xs" mt="sm" onClick={onClear}>
          {t('people.clearFilters')}
        </Button>
      )}
    </EmptyState>
  );
}

/** The list's filter as the calls take it: only what is set. */
function toFilter(view: PeopleView, search: string): PeopleFilter {
  const filter: PeopleFilter = { status: view.status, sort: view.sort };
  if (search) filter.search = search;
  if (view.unitId) filter.unitId = view.unitId;
  if (view.departmentId) filter.departmentId = view.departmentId;
  if (view.jobTitleId) filter.jobTitleId = view.jobTitleId;
  return filter;
}

function ExportButton({ filter }: { filter: PeopleFilter }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    const res = await client.invoke('people.export', filter);
    setBusy(false);
    if (res.ok) {
      downloadText(res.value.fileName, res.value.csv);
      notifications.show({
        color: 'teal',
        title: t('people.exportedTitle'),
        message: t('people.exported', { fileName: res.value.fileName }),
      });
    } else if (res.error.code !== 'unauthenticated') {
      notifications.show({ color: 'red', title: t('people.exportFailed'), message: res.error.message });
    }
  }
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
      loading={busy}
      onClick={() => void run()}
    >
      {t('people.export')}
    </Button>
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const { view, changeFilter } = usePeopleView();
  const [search, setSearch] = useState(view.search);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  useEffect(() => {
    if (debouncedSearch !== usePeopleView.getState().view.search) changeFilter({ search: debouncedSearch });
  }, [debouncedSearch, changeFilter]);

  const filter = toFilter(view, view.search);
  const canSeeUnits = hasPrivilege(user, 'units.view');

  const sortBy = (by: SortColumn) =>
    changeFilter({
      sort: { by, dir: view.sort.by === by && view.sort.dir === 'asc' ? 'desc' : 'asc' },
    });

  const clearAll = () => {
    setSearch('');
    changeFilter({ search: '', unitId: null, departmentId: null, jobTitleId: null });
  };

  const actions = (
    <Group gap="sm">
      {hasPrivilege(user, contract['people.import.validate'].access) && (
        <Button
          component={Link}
          to="/people/import"
          variant="default"
          leftSection={<IconFileImport size={16} aria-hidden />}
        >
          {t('people.import')}
        </Button>
      )}
      {hasPrivilege(user, contract['people.export'].access) && <ExportButton filter={filter} />}
      {hasPrivilege(user, contract['people.create'].access) && (
        <Button component={Link} to="/people/new" leftSection={<IconUserPlus size={16} aria-hidden />}>
          {t('people.add')}
        </Button>
      )}
    </Group>
  );

  return (
    <Page title={t('people.title')} description={t('people.description')} actions={actions}>
      <Paper withBorder radius="md">
        <Group p="md" gap="md" align="flex-end" className={classes.toolbar}>
          <TextInput
            label={t('people.search')}
            placeholder={t('people.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={
              search ? (
                <CloseButton size="sm" aria-label={t('people.clearSearch')} onClick={() => setSearch('')} />
              ) : null
            }
            w={{ base: '100%', xs: 240 }}
          />
          {canSeeUnits && (
            <>
              <UnitSelect
                label={t('people.unit')}
                placeholder={t('people.unitAll')}
                value={view.unitId}
                onChange={(unitId) => changeFilter({ unitId })}
                clearable
                clearButtonProps={{ 'aria-label': t('people.clearFilter') }}
                w={{ base: '100%', xs: 180 }}
              />
              <LookupSelect
                list="department"
                label={t('people.department')}
                placeholder={t('people.departmentAll')}
                value={view.departmentId}
                onChange={(departmentId) => changeFilter({ departmentId })}
                clearable
                clearButtonProps={{ 'aria-label': t('people.clearFilter') }}
                nothingFoundMessage={t('people.noMatches')}
                w={{ base: '100%', xs: 160 }}
              />
              <LookupSelect
                list="job_title"
                label={t('people.jobTitle')}
                placeholder={t('people.jobTitleAll')}
                value={view.jobTitleId}
                onChange={(jobTitleId) => changeFilter({ jobTitleId })}
                clearable
                clearButtonProps={{ 'aria-label': t('people.clearFilter') }}
                nothingFoundMessage={t('people.noMatches')}
                w={{ base: '100%', xs: 160 }}
              />
            </>
          )}
          <Stack gap={5}>
            <Input.Label labelElement="div" id="people-status-label">
              {t('people.status')}
            </Input.Label>
            <SegmentedControl
              aria-labelledby="people-status-label"
              value={view.status}
              onChange={(v) => changeFilter({ status: v as StatusFilter })}
              data={[
                { value: 'active', label: t('people.statusActive') },
                { value: 'left', label: t('people.statusLeft') },
                { value: 'all', label: t('people.statusAll') },
              ]}
            />
          </Stack>
        </Group>
        <PeopleGrid
          filter={filter}
          sort={view.sort}
          onSort={sortBy}
          onOpen={(p) => void navigate(`/people/${p.id}`)}
          empty={<NoPeople view={view} search={view.search} onClear={clearAll} />}
        />
      </Paper>
    </Page>
  );
}
