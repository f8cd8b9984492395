import { create } from 'zustand';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { SessionUser } from '../../shared/api/schemas/auth';
import { client, onSessionLost } from '../api/client';
import { i18n } from '../i18n';

export type SessionStatus = 'loading' | 'unavailable' | 'needs-setup' | 'signed-out' | 'signed-in';

/** A message for the sign-in screen: why you are there. */
export interface SignInNotice {
  tone: 'success' | 'info' | 'warning';
  title?: string;
  message: string;
}

interface SessionState {
  status: SessionStatus;
  user: SessionUser | null;
  organisationName: string | null;
  demo: boolean;
  /** Shown on the sign-in screen after setup, sign-out or a lost session. */
  notice: SignInNotice | null;
  /** The email to prefill on the sign-in form. */
  lastEmail: string;
  /** Why boot failed, when status is 'unavailable'. */
  bootError: string | null;

  boot(): Promise<void>;
  /** First-run setup is done: go to sign-in with the new administrator's email. */
  setupDone(organisationName: string, email: string): void;
  /** Resolves to null on success, or the error to show. */
  signIn(email: string, password: string): Promise<ApiErrorBody | null>;
  /** Resolves to null on success, or the error to show. */
  signOut(): Promise<ApiErrorBody | null>;
  sessionLost(message: string): void;
  clearNotice(): void;
}

export const useSessionStore = create<SessionState>()((set, get) => ({
  status: 'loading',
  user: null,
  organisationName: null,
  demo: false,
  notice: null,
  lastEmail: '',
  bootError: null,

  async boot() {
    set({ status: 'loading', bootError: null });
    const setup = await client.invoke('setup.status', {});
    if (!setup.ok) {
      set({ status: 'unavailable', bootError: setup.error.message });
      return;
    }
    const { needsSetup, organisationName, demo } = setup.value;
    if (needsSetup) {
      set({ status: 'needs-setup', organisationName, demo, user: null });
      return;
    }
    const session = await client.invoke('auth.session', {});
    if (!session.ok) {
      set({ status: 'unavailable', bootError: session.error.message });
      return;
    }
    const user = session.value.user;
    set({ status: user ? 'signed-in' : 'signed-out', user, organisationName, demo });
  },

  setupDone(organisationName, email) {
    set({
      status: 'signed-out',
      organisationName,
      lastEmail: email,
      notice: { tone: 'success', message: i18n.t('setup.created') },
    });
  },

  async signIn(email, password) {
    const res = await client.invoke('auth.signIn', { email, password });
    if (!res.ok) return res.error;
    set({
      status: 'signed-in',
      user: res.value,
      organisationName: res.value.organisationName || get().organisationName,
      lastEmail: res.value.email,
      notice: null,
    });
    return null;
  },

  async signOut() {
    const res = await client.invoke('auth.signOut', {});
    // A session that already ended on the server is as good as signed out.
    if (!res.ok && res.error.code !== 'unauthenticated') return res.error;
    set({
      status: 'signed-out',
      user: null,
      notice: { tone: 'info', message: i18n.t('signIn.signedOut') },
    });
    return null;
  },

  sessionLost(message) {
    const { status, user } = get();
    if (status !== 'signed-in') return;
    set({
      status: 'signed-out',
      user: null,
      lastEmail: user?.email ?? get().lastEmail,
      notice: { tone: 'warning', title: i18n.t('signIn.sessionEndedTitle'), message },
    });
  },

  clearNotice() {
    set({ notice: null });
  },
}));

onSessionLost((message) => useSessionStore.getState().sessionLost(message));
