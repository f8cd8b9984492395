import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../shared/api/schemas/import';
import classes from './records-import.module.css';
import { useSort, useTableSearch, VirtualTable, type Sort } from './VirtualTable';

type SortBy = 'row' | 'column';
const ALL = '';

function sortRows(rows: ImportProblem[], sort: Sort<SortBy>): ImportProblem[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byRow = (a: ImportProblem, b: ImportProblem) => a.row - b.row;
  const byColumn = (a: ImportProblem, b: ImportProblem) => a.column.localeCompare(b.column);
  const [first, then] = sort.by === 'row' ? [byRow, byColumn] : [byColumn, byRow];
  return rows.sort((a, b) => sign * first(a, b) || then(a, b));
}

/** Every error the check found (up to 10,000): sorted by row or column, narrowed by column and by text. */
export function ErrorsTable({ errors }: { errors: readonly ImportProblem[] }) {
  const { t } = useTranslation();
  const [sort, toggleSort] = useSort<SortBy>('row');
  const [column, setColumn] = useState<string>(ALL);
  const { search, setSearch, text } = useTableSearch();

  const columns = useMemo(() => [...new Set(errors.map((e) => e.column))].sort(), [errors]);
  const rows = useMemo(() => {
    const shown = errors.filter(
      (e) =>
        (column === ALL || e.column === column) &&
        (!text || e.message.toLowerCase().includes(text) || String(e.row) === text),
    );
    return sortRows(shown, sort);
  }, [errors, column, text, sort]);

  return (
    <VirtualTable
      strings="errors"
      total={errors.length}
      columns={[
        { label: t('recordsImport.errors.row'), sortBy: 'row' },
        { label: t('recordsImport.errors.columnHeader'), sortBy: 'column' },
        { label: t('recordsImport.errors.message') },
      ]}
      gridClassName={classes.errorsGrid}
      rows={rows}
      cells={(e) => [
        <span className={classes.numeric}>{e.row}</span>,
        e.column || t('recordsImport.errors.wholeRow'),
        e.message,
      ]}
      sort={sort}
      onSort={toggleSort}
      filter={{
        label: t('recordsImport.errors.column'),
        value: column,
        options: [
          { value: ALL, label: t('recordsImport.errors.allColumns') },
          ...columns.map((c) => ({ value: c, label: c || t('recordsImport.errors.wholeRow') })),
        ],
      }}
      onFilter={setColumn}
      search={search}
      onSearch={setSearch}
    />
  );
}
