import type { ComponentType } from 'react';
import { createHashRouter, Navigate, useRouteError } from 'react-router';
import { CrashNotice } from '../components/ErrorFallback';
import { NoAccessPage } from '../pages/NoAccessPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { hasPrivilege, useUser } from '../state/user-context';
import { NAV_ITEMS, visibleItems, type NavItem } from './nav-items';
import { ShellLayout } from './ShellLayout';

function RouteError() {
  return <CrashNotice error={useRouteError()} />;
}

function Guarded({ item, page: Subpage }: { item: NavItem; page?: ComponentType }) {
  const user = useUser();
  if (hasPrivilege(user, item.privilege)) return Subpage ? <Subpage /> : <item.page />;
  // Someone without the start page lands on the first page they may open.
  const fallback = visibleItems(user)[0];
  if (item.path === '/' && fallback) return <Navigate to={fallback.path} replace />;
  return <NoAccessPage />;
}

/**
 * Hash routing: the renderer is loaded from app:// in Electron and from a
 * tokened path in browser mode, and neither survives history-API URLs.
 */
export const router = createHashRouter([
  {
    path: '/',
    element: <ShellLayout />,
    errorElement: <RouteError />,
    children: [
      ...NAV_ITEMS.map((item) =>
        item.path === '/'
          ? { index: true, element: <Guarded item={item} /> }
          : { path: item.path.slice(1), element: <Guarded item={item} /> },
      ),
      ...NAV_ITEMS.flatMap((item) =>
        (item.subpages ?? []).map((sub) => ({
          path: `${item.path.slice(1)}/${sub.path}`,
          element: <Guarded item={item} page={sub.page} />,
        })),
      ),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
