import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RecordImportChange } from '../../../shared/api/schemas/records-import';
import { TagBadge } from '../../components/TagBadge';
import classes from './records-import.module.css';
import { useSort, useTableSearch, VirtualTable } from './VirtualTable';

type Action = RecordImportChange['action'];
const ACTIONS = ['create', 'update', 'delete'] as const satisfies readonly Action[];
const ALL = '';
/** The badge tints the action's word; the word itself says it (not colour alone). */
const ACTION_COLOR: Record<Action, string> = { create: 'teal', update: 'blue', delete: 'red' };

/** What a change does, one line per changed column: "Completion Date: 2025-05-06 → 2025-05-07". */
export function describeChange(c: RecordImportChange, t: TFunction): string[] {
  if (c.action === 'delete') return [t('recordsImport.changes.removed')];
  if (c.action === 'create') {
    const date = c.fields.find((f) => f.column === 'Completion Date')?.to ?? '';
    return [t('recordsImport.changes.created', { date })];
  }
  const shown = (v: string) => v || t('recordsImport.changes.empty');
  return c.fields.map((f) =>
    t('recordsImport.changes.field', { column: f.column, from: shown(f.from), to: shown(f.to) }),
  );
}

/** Every record an import creates, updates or deletes (up to 10,000): by action and text, sorted by row. */
export function ChangesTable({ changes }: { changes: readonly RecordImportChange[] }) {
  const { t } = useTranslation();
  const [sort, toggleSort] = useSort<'row'>('row');
  const [action, setAction] = useState<string>(ALL);
  const { search, setSearch, text } = useTableSearch();

  // Described once, so typing in the search box only compares strings.
  const described = useMemo(
    () =>
      changes.map((change) => {
        const lines = describeChange(change, t);
        const haystack = [change.person, change.title, change.recordId ?? '', ...lines].join('\n');
        return { change, lines, haystack: haystack.toLowerCase() };
      }),
    [changes, t],
  );
  const rows = useMemo(() => {
    const shown = described.filter(
      ({ change, haystack }) =>
        (action === ALL || change.action === action) &&
        (!text || haystack.includes(text) || String(change.row) === text),
    );
    const sign = sort.dir === 'asc' ? 1 : -1;
    return shown.sort((a, b) => sign * (a.change.row - b.change.row));
  }, [described, action, text, sort]);

  return (
    <VirtualTable
      strings="changes"
      total={changes.length}
      columns={[
        { label: t('recordsImport.changes.row'), sortBy: 'row' },
        { label: t('recordsImport.changes.action') },
        { label: t('recordsImport.changes.person') },
        { label: t('recordsImport.changes.recordTitle') },
        { label: t('recordsImport.changes.what') },
      ]}
      gridClassName={classes.changesGrid}
      rows={rows}
      cells={({ change, lines }) => [
        <span className={classes.numeric}>{change.row}</span>,
        <TagBadge color={ACTION_COLOR[change.action]}>
          {t(`recordsImport.changes.actions.${change.action}`)}
        </TagBadge>,
        change.person,
        change.title,
        lines.map((line, i) => (
          <div key={i} className={change.action === 'update' ? undefined : classes.dimmed}>
            {line}
          </div>
        )),
      ]}
      sort={sort}
      onSort={toggleSort}
      filter={{
        label: t('recordsImport.changes.filter'),
        value: action,
        options: [
          { value: ALL, label: t('recordsImport.changes.allActions') },
          ...ACTIONS.map((a) => ({ value: a, label: t(`recordsImport.changes.actions.${a}`) })),
        ],
      }}
      onFilter={setAction}
      search={search}
      onSearch={setSearch}
    />
  );
}
