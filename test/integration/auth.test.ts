import { describe, expect, it } from 'vitest';
import { lockDurationMs } from '../../src-main/domain/auth/service.js';
import { peopleRepo } from '../../src-main/domain/people/repo.js';
import { createTestApp } from '../../src-main/app/create-app.js';
import { ADMIN, addPerson, setUpApp } from '../helpers/app.js';

const W1 = { sessionKey: 'window-1' };
const W2 = { sessionKey: 'window-2' };
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('first-run setup', () => {
  it('reports that setup is needed, then that it is done', async () => {
    const app = createTestApp();
    expect(await app.invoke('setup.status', {})).toEqual({
      ok: true,
      value: { needsSetup: true, organisationName: null, demo: false },
    });
    await app.invoke('setup.create', { organisationName: 'Norrland Mining', ...ADMIN });
    expect(await app.invoke('setup.status', {})).toEqual({
      ok: true,
      value: { needsSetup: false, organisationName: 'Norrland Mining', demo: false },
    });
  });

  it('refuses a second setup, so nobody can make themselves an administrator later', async () => {
    const { app } = await setUpApp();
    const res = await app.invoke('setup.create', {
      organisationName: 'Evil Corp',
      firstName: 'M',
      lastName: 'Allory',
      email: 'mallory@example.com',
      password: 'mallory mallory',
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already set up for Norrland Mining') },
    });
    expect(peopleRepo(app.db).byLogin('mallory@example.com')).toBeUndefined();
  });

  it('makes the first administrator an administrator', async () => {
    const { app } = await setUpApp();
    const res = await app.invoke(
      'auth.signIn',
      { email: 'ASA.OBERG@example.com ', password: ADMIN.password },
      W1,
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value).toMatchObject({ displayName: 'Åsa Öberg', organisationName: 'Norrland Mining' });
    expect(res.value.roles).toEqual([
      expect.objectContaining({ roleId: 'master-admin', unitName: 'Norrland Mining' }),
    ]);
    expect(res.value.privileges).toEqual(
      expect.arrayContaining(['audit.view', 'people.manage', 'learning.take']),
    );
  });
});

describe('sign-in', () => {
  it('binds the window to the person, and only that window', async () => {
    const { app } = await setUpApp();
    expect(await app.invoke('auth.session', {}, W1)).toEqual({ ok: true, value: { user: null } });
    await app.invoke('auth.signIn', { email: ADMIN.email, password: ADMIN.password }, W1);
    const s1 = await app.invoke('auth.session', {}, W1);
    expect(s1.ok && s1.value.user?.email).toBe(ADMIN.email);
    expect(await app.invoke('auth.session', {}, W2)).toEqual({ ok: true, value: { user: null } });
    expect(code(await app.invoke('audit.list', {}, W2))).toBe('unauthenticated');
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const { app } = await setUpApp();
    const wrong = await app.invoke('auth.signIn', { email: ADMIN.email, password: 'wrong password' }, W1);
    const unknown = await app.invoke(
      'auth.signIn',
      { email: 'nobody@example.com', password: 'wrong password' },
      W1,
    );
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'The email or password is incorrect.' },
    });
    expect(unknown).toEqual(wrong);
  });

  it('locks the account after five failures, with a back-off that doubles', async () => {
    const { app } = await setUpApp();
    const attempt = (password: string) => app.invoke('auth.signIn', { email: ADMIN.email, password }, W1);
    for (let i = 0; i < 4; i++) expect(code(await attempt('wrong password'))).toBe('unauthenticated');
    const fifth = await attempt('wrong password');
    expect(fifth).toMatchObject({
      ok: false,
      error: { code: 'locked', message: 'Too many failed sign-in attempts. Try again in 30 seconds.' },
    });
    // Locked: even the right password is refused until the wait is over.
    expect(code(await attempt(ADMIN.password))).toBe('locked');
    app.clock.advance(31_000);
    const sixth = await attempt('wrong password');
    expect(sixth.ok ? '' : sixth.error.message).toMatch(/60 seconds/);
    app.clock.advance(61_000);
    expect(code(await attempt(ADMIN.password))).toBe('ok');
    // Success resets the count.
    expect(peopleRepo(app.db).byLogin(ADMIN.email)?.failed_signins).toBe(0);
  });

  it('caps the lock at 15 minutes', () => {
    expect(lockDurationMs(4)).toBe(0);
    expect(lockDurationMs(5)).toBe(30_000);
    expect(lockDurationMs(7)).toBe(120_000);
    expect(lockDurationMs(50)).toBe(15 * 60_000);
  });

  it('signs out only the window that asks', async () => {
    const { app } = await setUpApp();
    await app.invoke('auth.signIn', { email: ADMIN.email, password: ADMIN.password }, W1);
    await app.invoke('auth.signIn', { email: ADMIN.email, password: ADMIN.password }, W2);
    expect(code(await app.invoke('auth.signOut', {}, W1))).toBe('ok');
    expect(await app.invoke('auth.session', {}, W1)).toEqual({ ok: true, value: { user: null } });
    const other = await app.invoke('auth.session', {}, W2);
    expect(other.ok && other.value.user?.email).toBe(ADMIN.email);
  });

  it('signs a window out after 30 idle minutes, and says why', async () => {
    const { app } = await setUpApp();
    await app.invoke('auth.signIn', { email: ADMIN.email, password: ADMIN.password }, W1);
    app.clock.advance(29 * 60_000);
    expect(code(await app.invoke('audit.verify', {}, W1))).toBe('ok');
    app.clock.advance(31 * 60_000);
    expect(await app.invoke('audit.verify', {}, W1)).toEqual({
      ok: false,
      error: {
        code: 'unauthenticated',
        message: 'You were signed out after a period without activity. Sign in again.',
      },
    });
  });

  it('refuses people who have left, and ends their open sessions', async () => {
    const { app, orgId } = await setUpApp();
    const id = addPerson(app, {
      email: 'leaver@example.com',
      roleId: 'member',
      unitId: orgId,
      password: 'leaver password',
    });
    await app.invoke('auth.signIn', { email: 'leaver@example.com', password: 'leaver password' }, W1);
    peopleRepo(app.db).setStatus(id, 'left', app.clock.now().toISOString());
    expect(code(await app.invoke('auth.signOut', {}, W1))).toBe('unauthenticated');
    const again = await app.invoke(
      'auth.signIn',
      { email: 'leaver@example.com', password: 'leaver password' },
      W2,
    );
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('deactivated') },
    });
  });
});

describe('changing your password', () => {
  it('needs the current password', async () => {
    const { app } = await setUpApp();
    await app.invoke('auth.signIn', { email: ADMIN.email, password: ADMIN.password }, W1);
    const res = await app.invoke(
      'auth.changePassword',
      { currentPassword: 'guess guess', newPassword: 'a brand new passphrase' },
      W1,
    );
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: [{ path: 'currentPassword' }] },
    });
  });

  it('replaces the old password', async () => {
    const { app } = await setUpApp();
    await app.invoke('auth.signIn', { email: ADMIN.email, password: ADMIN.password }, W1);
    expect(
      code(
        await app.invoke(
          'auth.changePassword',
          { currentPassword: ADMIN.password, newPassword: 'a brand new passphrase' },
          W1,
        ),
      ),
    ).toBe('ok');
    expect(code(await app.invoke('auth.signIn', { email: ADMIN.email, password: ADMIN.password }, W2))).toBe(
      'unauthenticated',
    );
    expect(
      code(await app.invoke('auth.signIn', { email: ADMIN.email, password: 'a brand new passphrase' }, W2)),
    ).toBe('ok');
  });

  it('rejects a new password that is too short, by field', async () => {
    const { app } = await setUpApp();
    await app.invoke('auth.signIn', { email: ADMIN.email, password: ADMIN.password }, W1);
    const res = await app.invoke(
      'auth.changePassword',
      { currentPassword: ADMIN.password, newPassword: 'short' },
      W1,
    );
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: [{ path: 'newPassword', message: 'Use at least 10 characters' }],
      },
    });
  });
});
