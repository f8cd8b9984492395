import { describe, expect, it } from 'vitest';
import { value } from '../helpers/catalog.js';
import { certificateWorld } from '../helpers/certificates.js';

/** The module page's "Certificate on completion" switch: what the module detail says, and what turning it on does. */
describe('a module’s certificate on completion, as the module page sees it', () => {
  it('is off in the detail until turned on; turning it on issues for completions already recorded', async () => {
    const { app, admin, forklift, passed, mine, ulla, people } = await certificateWorld();
    const maja = people.malmoPerson;
    const detail = async () => value(await app.invoke('modules.get', { id: forklift }, admin));
    value(await app.invoke('modules.update', { id: forklift, defaultValidityMonths: 12 }, admin));
    expect(await detail()).toMatchObject({ certificateEnabled: false, certificateTemplateId: null });

    // Recorded before the switch: Ulla's completion still stands, Maja's expired last year.
    await passed(forklift, '2024-05-02', maja);
    await passed(forklift, '2026-02-10', ulla);
    expect(await mine(ulla)).toEqual([]);

    const template = value(
      await app.invoke(
        'certificates.saveTemplate',
        {
          name: 'Forklift card',
          title: 'Forklift Licence',
          body: '{person} has completed {what}.',
          isDefault: false,
        },
        admin,
      ),
    );
    const switched = value(
      await app.invoke(
        'certificates.module',
        { moduleId: forklift, enabled: true, templateId: template.id },
        admin,
      ),
    );
    expect(switched).toEqual({ enabled: true, issued: 1 });
    expect(await mine(ulla)).toMatchObject([
      {
        kind: 'module',
        title: 'Forklift',
        status: 'valid',
        completedOn: '2026-02-10',
        expiresOn: '2027-02-10',
      },
    ]);
    expect(await mine(maja)).toEqual([]);
    expect(await detail()).toMatchObject({ certificateEnabled: true, certificateTemplateId: template.id });

    // Turned off: the detail says so, the template stays chosen, and what was issued stays valid.
    value(await app.invoke('certificates.module', { moduleId: forklift, enabled: false }, admin));
    expect(await detail()).toMatchObject({ certificateEnabled: false, certificateTemplateId: template.id });
    expect((await mine(ulla)).map((c) => c.status)).toEqual(['valid']);
  });

  it('is refused for an archived module, which can no longer change', async () => {
    const { app, admin, forklift } = await certificateWorld();
    value(await app.invoke('modules.archive', { id: forklift }, admin));
    const res = await app.invoke('certificates.module', { moduleId: forklift, enabled: true }, admin);
    expect(res.ok ? 'ok' : res.error).toMatchObject({ code: 'conflict', message: /Forklift is archived/ });
  });

  it('is refused to someone without catalog.manage', async () => {
    const { app, forklift, ulla } = await certificateWorld();
    const res = await app.invoke(
      'certificates.module',
      { moduleId: forklift, enabled: true },
      { actorId: ulla },
    );
    expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
  });
});
