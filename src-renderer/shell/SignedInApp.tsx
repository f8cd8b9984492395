import { RouterProvider } from 'react-router';
import type { SessionUser } from '../../shared/api/schemas/auth';
import { UserProvider } from '../state/user-context';
import { router } from './router';

export function SignedInApp({ user }: { user: SessionUser }) {
  return (
    <UserProvider user={user}>
      <RouterProvider router={router} />
    </UserProvider>
  );
}
