import { useState } from 'react';
import {
  Badge,
  CloseButton,
  EmptyState,
  Group,
  Input,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUsers, IconUserSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../shared/api/contract';
import type { PersonRow } from '../../shared/api/schemas/people';
import { LoadError } from '../components/LoadError';
import { Page } from '../components/Page';
import { PagedTable } from '../components/PagedTable';
import { useCall } from '../lib/use-call';
import classes from './tables.module.css';

const PAGE_SIZE = 50;
type StatusFilter = 'active' | 'left' | 'all';
const COLUMNS = ['name', 'email', 'employeeNo', 'unit', 'department', 'jobTitle', 'status'] as const;

function PersonTableRow({ person }: { person: PersonRow }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td fw={500} className={classes.nowrap}>
        {t('people.nameFormat', { last: person.lastName, first: person.firstName })}
      </Table.Td>
      <Table.Td className={classes.nowrap}>{person.email}</Table.Td>
      <Table.Td className={classes.numeric}>{person.employeeNo}</Table.Td>
      <Table.Td className={classes.nowrap}>{person.unitName}</Table.Td>
      <Table.Td>{person.department}</Table.Td>
      <Table.Td>{person.jobTitle}</Table.Td>
      <Table.Td className={classes.nowrap}>
        <Badge
          variant="light"
          color={person.status === 'active' ? 'teal' : 'gray'}
          radius="sm"
          tt="none"
          fw={600}
          classNames={{ label: classes.badgeLabel }}
        >
          {person.status === 'active' ? t('people.statusActive') : t('people.statusLeft')}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

function NoPeople({ search, status }: { search: string; status: StatusFilter }) {
  const { t } = useTranslation();
  const [title, description] = search
    ? [t('people.emptySearch', { search }), t('people.emptySearchHint')]
    : status !== 'all'
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
    />
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [page, setPage] = useState(1);

  const input: CallInput<'people.list'> = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  if (debouncedSearch) input.search = debouncedSearch;
  if (status !== 'all') input.status = status;
  const { data, error, loading, reload } = useCall('people.list', input);

  const changeSearch = (value: string) => {
    setSearch(value);
    setPage(1);
  };

  const showSkeleton = loading && !data;
  const rows = data?.rows ?? [];

  return (
    <Page title={t('people.title')} description={t('people.description')}>
      <Paper withBorder radius="md">
        <Group p="md" gap="md" align="flex-end" className={classes.toolbar}>
          <TextInput
            label={t('people.search')}
            placeholder={t('people.searchPlaceholder')}
            value={search}
            onChange={(e) => changeSearch(e.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={
              loading && data ? (
                <Loader size={14} aria-label={t('common.loading')} />
              ) : search ? (
                <CloseButton
                  size="sm"
                  aria-label={t('people.clearSearch')}
                  onClick={() => changeSearch('')}
                />
              ) : null
            }
            w={{ base: '100%', xs: 340 }}
          />
          <Stack gap={5}>
            <Input.Label labelElement="div" id="people-status-label">
              {t('people.status')}
            </Input.Label>
            <SegmentedControl
              aria-labelledby="people-status-label"
              value={status}
              onChange={(v) => {
                setStatus(v as StatusFilter);
                setPage(1);
              }}
              data={[
                { value: 'active', label: t('people.statusActive') },
                { value: 'left', label: t('people.statusLeft') },
                { value: 'all', label: t('people.statusAll') },
              ]}
            />
          </Stack>
        </Group>

        {error ? (
          <LoadError title={t('people.loadFailed')} message={error.message} onRetry={reload} />
        ) : !showSkeleton && rows.length === 0 ? (
          <NoPeople search={debouncedSearch} status={status} />
        ) : (
          <PagedTable
            headers={COLUMNS.map((c) => t(`people.columns.${c}`))}
            caption={t('people.tableCaption')}
            minWidth={1000}
            horizontalSpacing="sm"
            rows={rows}
            renderRow={(p) => <PersonTableRow key={p.id} person={p} />}
            loading={loading}
            firstLoad={showSkeleton}
            paging={data && { page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage }}
          />
        )}
      </Paper>
    </Page>
  );
}
