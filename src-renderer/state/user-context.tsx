import { createContext, useContext, type ReactNode } from 'react';
import type { SessionUser } from '../../shared/api/schemas/auth';

const UserContext = createContext<SessionUser | null>(null);

/** Gives the signed-in shell's screens a user that is never null. */
export function UserProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  return <UserContext value={user}>{children}</UserContext>;
}

export function useUser(): SessionUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser() is only available inside the signed-in shell');
  return user;
}

export const hasPrivilege = (user: SessionUser, privilege: string | null): boolean =>
  privilege === null || user.privileges.includes(privilege);
