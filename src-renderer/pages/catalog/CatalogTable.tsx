import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ModuleRow } from '../../../shared/api/schemas/catalog';
import { SkeletonRows } from '../../components/SkeletonRows';
import { TableFooter } from '../../components/TableFooter';
import { formatDateTime } from '../../lib/format';
import classes from '../tables.module.css';
import catalogClasses from './catalog.module.css';
import { KindBadge, StatusBadges, useValidityText } from './module-badges';

export type SortColumn = 'title' | 'code' | 'kind' | 'status' | 'updated';
const COLUMNS = ['title', 'code', 'kind', 'status', 'validity', 'updated'] as const;
const SORTABLE = new Set<string>(['title', 'code', 'kind', 'status', 'updated']);

export interface Sort {
  column: SortColumn;
  desc: boolean;
}

function SortHeader({ column, sort, onSort }: { column: SortColumn; sort: Sort; onSort: (s: Sort) => void }) {
  const { t } = useTranslation();
  const active = sort.column === column;
  const Icon = !active ? IconSelector : sort.desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        className={catalogClasses.sortButton}
        // Dates read best newest first; text A to Z.
        onClick={() => onSort({ column, desc: active ? !sort.desc : column === 'updated' })}
      >
        {t(`catalogScreens.columns.${column}`)}
        <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}

function ModuleTableRow({ m }: { m: ModuleRow }) {
  const validity = useValidityText();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/catalog/${encodeURIComponent(m.id)}`} fw={600}>
          {m.title}
        </Anchor>
        {m.tags.length > 0 && (
          <Text size="xs" c="dimmed">
            {m.tags.join(' · ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td className={classes.nowrap}>{m.code}</Table.Td>
      <Table.Td>
        <KindBadge kind={m.kind} />
      </Table.Td>
      <Table.Td>
        <StatusBadges status={m.status} hasUnpublishedChanges={m.hasUnpublishedChanges} />
      </Table.Td>
      <Table.Td className={classes.nowrap}>{validity(m.defaultValidityMonths)}</Table.Td>
      <Table.Td className={classes.nowrap}>{formatDateTime(m.updatedAt)}</Table.Td>
    </Table.Tr>
  );
}

/** The modules, with headers that sort on the server. */
export function CatalogTable({
  rows,
  loading,
  firstLoad,
  sort,
  onSort,
  paging,
}: {
  rows: readonly ModuleRow[];
  loading: boolean;
  firstLoad: boolean;
  sort: Sort;
  onSort: (s: Sort) => void;
  paging: { page: number; pageSize: number; total: number; onPage: (page: number) => void } | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table.ScrollContainer
        minWidth={900}
        type="native"
        tabIndex={0}
        aria-label={t('common.tableScrollRegion')}
      >
        <Table
          highlightOnHover
          verticalSpacing="xs"
          aria-label={t('catalogScreens.tableCaption')}
          aria-busy={loading}
          className={loading ? classes.stale : undefined}
        >
          <Table.Thead className={classes.thead}>
            <Table.Tr>
              {COLUMNS.map((c) =>
                SORTABLE.has(c) ? (
                  <SortHeader key={c} column={c as SortColumn} sort={sort} onSort={onSort} />
                ) : (
                  <Table.Th key={c} scope="col">
                    {t(`catalogScreens.columns.${c}`)}
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {firstLoad ? (
              <SkeletonRows columns={COLUMNS.length} />
            ) : (
              rows.map((m) => <ModuleTableRow key={m.id} m={m} />)
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {paging && <TableFooter {...paging} />}
    </>
  );
}
