import { create } from 'zustand';
import { PeopleSortBy } from '../../../shared/api/schemas/people';
import { useSessionStore } from '../../state/session-store';

export type StatusFilter = 'active' | 'left' | 'all';
/** The list's columns, in display order; each sorts. */
export const SORT_COLUMNS = PeopleSortBy.options;
export type SortColumn = PeopleSortBy;
export interface Sort {
  by: SortColumn;
  dir: 'asc' | 'desc';
}

export interface PeopleView {
  /** Whose view this is: another user signing in on this window starts afresh. */
  userId: string;
  search: string;
  unitId: string | null;
  departmentId: string | null;
  jobTitleId: string | null;
  status: StatusFilter;
  sort: Sort;
  /** Where the list was scrolled to and which row had focus, for coming back from a person. */
  scrollTop: number;
  activeIndex: number;
}

const initial = (userId: string): PeopleView => ({
  userId,
  search: '',
  unitId: null,
  departmentId: null,
  jobTitleId: null,
  status: 'active',
  sort: { by: 'name', dir: 'asc' },
  scrollTop: 0,
  activeIndex: 0,
});

interface Store {
  view: PeopleView;
  /** Filters, sort and scroll position survive opening a person and coming back. */
  update: (patch: Partial<PeopleView>) => void;
  /** Same filters, from the top (after a filter or sort change). */
  changeFilter: (patch: Partial<PeopleView>) => void;
}

export const usePeopleView = create<Store>()((set) => ({
  view: initial(''),
  update: (patch) => set((s) => ({ view: { ...s.view, ...patch } })),
  changeFilter: (patch) => set((s) => ({ view: { ...s.view, ...patch, scrollTop: 0, activeIndex: 0 } })),
}));

// Someone else signing in on this window starts with a fresh list, not the last user's filters.
useSessionStore.subscribe((session) => {
  const userId = session.user?.id ?? '';
  if (usePeopleView.getState().view.userId !== userId) usePeopleView.setState({ view: initial(userId) });
});

export const hasFilters = (v: PeopleView): boolean =>
  v.unitId !== null || v.departmentId !== null || v.jobTitleId !== null;
