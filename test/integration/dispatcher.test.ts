import { describe, expect, it } from 'vitest';
import { z } from '../../shared/zod.js';
import { Empty } from '../../shared/api/common.js';
import { createTestApp } from '../../src-main/app/create-app.js';
import { orgRepo } from '../../src-main/domain/org/repo.js';
import { addPerson, setUpApp } from '../helpers/app.js';

describe('dispatcher', () => {
  it('refuses a call the contract does not name', async () => {
    const { app, adminId } = await setUpApp();
    const res = await app.invokeUntyped('people.dropAll', {}, { actorId: adminId });
    expect(res).toEqual({
      ok: false,
      error: { code: 'unknown_call', message: 'There is no call named "people.dropAll".' },
    });
  });

  it('does not treat inherited object keys as calls', async () => {
    const app = createTestApp();
    const res = await app.invokeUntyped('constructor', {}, {});
    expect(res.ok || res.error.code).toBe('unknown_call');
  });

  it('names every invalid field with its path', async () => {
    const app = createTestApp();
    const res = await app.invoke('setup.create', {
      organisationName: '',
      firstName: 'Åsa',
      lastName: 'Öberg',
      email: 'not-an-email',
      password: 'short',
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid_input');
    expect(res.error.details?.map((d) => d.path).sort()).toEqual(['email', 'organisationName', 'password']);
    expect(res.error.message).toMatch(/^(organisationName|email|password): .+ \(and 2 more\)$/);
  });

  it('rejects unknown input fields rather than ignoring them', async () => {
    const app = createTestApp();
    const res = await app.invokeUntyped('setup.status', { sneaky: true }, {});
    expect(res.ok ? 'ok' : res.error.code).toBe('invalid_input');
  });

  it('answers unauthenticated when nobody is signed in, forbidden when the role lacks the privilege', async () => {
    const { app, orgId } = await setUpApp();
    const anonymous = await app.invoke('audit.list', {});
    expect(anonymous.ok ? 'ok' : anonymous.error.code).toBe('unauthenticated');
    const member = addPerson(app, { email: 'member@example.com', roleId: 'member', unitId: orgId });
    const res = await app.invoke('audit.list', {}, { actorId: member });
    expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
  });

  describe('with test-only calls', () => {
    const Out = z.object({ name: z.string() });
    const override = {
      contract: {
        'test.noRule': { input: Empty, output: Empty, write: false, summary: 'no access declared' } as never,
        'test.explode': {
          input: Empty,
          output: Empty,
          access: 'public',
          write: true,
          summary: 'writes then throws',
        } as const,
        'test.leak': {
          input: Empty,
          output: Out,
          access: 'public',
          write: false,
          summary: 'returns too much',
        } as const,
        'test.write': {
          input: Empty,
          output: Empty,
          access: 'authenticated',
          write: true,
          summary: 'writes',
        } as const,
        'test.later': {
          input: z.object({ fail: z.boolean() }),
          output: Out,
          access: 'public',
          write: false,
          summary: 'answers later, as work off the main thread does',
        } as const,
      },
      handlers: {
        'test.noRule': () => ({}),
        'test.explode': (_: never, ctx: { db: ReturnType<typeof createTestApp>['db'] }) => {
          orgRepo(ctx.db).setSetting('half', 'written');
          throw new Error('disk on fire at /home/secret/path');
        },
        'test.leak': () => ({ name: 'Åsa', password_hash: 'scrypt$…' }),
        'test.write': () => ({}),
        'test.later': (input: { fail: boolean }) =>
          new Promise((resolve, reject) =>
            setTimeout(
              () => (input.fail ? reject(new Error('worker died')) : resolve({ name: 'Öberg', x: 1 })),
              5,
            ),
          ),
      },
    };

    it('lets a read answer with a promise, filtered by its output schema, and turns its failure into an error', async () => {
      const app = createTestApp({ override });
      expect(await app.invokeUntyped('test.later', { fail: false }, {})).toEqual({
        ok: true,
        value: { name: 'Öberg' },
      });
      const res = await app.invokeUntyped('test.later', { fail: true }, {});
      expect(res.ok ? 'ok' : res.error.code).toBe('internal');
    });

    it('denies by default a call that declares no access rule', async () => {
      const { app, adminId } = await setUpApp({ override });
      const res = await app.invokeUntyped('test.noRule', {}, { actorId: adminId });
      expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
    });

    it('turns a crash into a clean error, logs it, and rolls the transaction back', async () => {
      const app = createTestApp({ override });
      const res = await app.invokeUntyped('test.explode', {}, {});
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.code).toBe('internal');
      expect(res.error.message).toMatch(/nothing was saved/);
      expect(res.error.message).not.toMatch(/secret|disk on fire|at /);
      expect(orgRepo(app.db).setting('half')).toBeUndefined();
      expect(
        app.log.entries.some((e) => e.level === 'error' && String(e.fields?.error).includes('disk on fire')),
      ).toBe(true);
    });

    it('never sends fields the output schema does not name', async () => {
      const app = createTestApp({ override });
      const res = await app.invokeUntyped('test.leak', {}, {});
      expect(res).toEqual({ ok: true, value: { name: 'Åsa' } });
    });

    it('audits writes and not reads', async () => {
      const { app, adminId } = await setUpApp({ override });
      const before = await app.invoke('audit.list', {}, { actorId: adminId });
      await app.invokeUntyped('test.write', {}, { actorId: adminId });
      await app.invoke('people.list', {}, { actorId: adminId });
      const after = await app.invoke('audit.list', {}, { actorId: adminId });
      if (!before.ok || !after.ok) throw new Error('audit.list failed');
      expect(after.value.total - before.value.total).toBe(1);
      expect(after.value.rows[0]).toMatchObject({
        call: 'test.write',
        actorId: adminId,
        actorName: 'Åsa Öberg',
      });
    });
  });
});
