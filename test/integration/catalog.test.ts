import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../shared/api/contract.js';
import type { ModuleContent } from '../../shared/api/schemas/catalog.js';
import { moduleRepo } from '../../src-main/domain/catalog/module-repo.js';
import { addPerson } from '../helpers/app.js';
import { orgFixture } from '../helpers/org-fixture.js';

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code);

/** The org fixture with a Manager at Umeå and one at Malmö. */
async function catalogWorld() {
  const f = await orgFixture();
  const { app, u, adminId } = f;
  const umeManager = addPerson(app, { email: 'ume.mgr@example.com', unitId: u('ume'), roleId: 'manager' });
  const malmoManager = addPerson(app, {
    email: 'malmo.mgr@example.com',
    unitId: u('malmo'),
    roleId: 'manager',
  });
  const create = async (
    input: Partial<CallInput<'modules.create'>> & { code: string },
    actorId = adminId,
  ) => {
    const res = await app.invoke(
      'modules.create',
      { title: input.code, kind: 'course', ownerUnitId: u('org'), ...input },
      { actorId },
    );
    if (!res.ok) throw new Error(res.error.message);
    return res.value;
  };
  const invoke = <C extends Parameters<typeof app.invoke>[0]>(
    call: C,
    input: CallInput<C>,
    actorId: string = adminId,
  ) => app.invoke(call, input, { actorId });
  return { ...f, umeManager, malmoManager, create, invoke };
}

const textStep = (id: string, title: string, html = '<p>Read this.</p>') => ({
  id,
  title,
  type: 'text' as const,
  html,
  required: true,
});

describe('modules: create, edit and publish', () => {
  it('creates a draft with the empty content of its kind and refuses content of another kind', async () => {
    const { create, invoke } = await catalogWorld();
    const quiz = await create({ code: 'FH-QUIZ', title: 'Food Hygiene quiz', kind: 'quiz' });
    expect(quiz).toMatchObject({
      status: 'draft',
      currentVersion: null,
      hasUnpublishedChanges: true,
      canManage: true,
      editable: true,
      trainingRecord: true,
      content: { kind: 'quiz', passMark: 80, sections: [] },
      usage: { enrolments: 0, attempts: 0, results: 0, records: 0, usedBy: [] },
    });
    const wrong = await invoke('modules.create', {
      code: 'X-1',
      title: 'Mixed up',
      kind: 'course',
      ownerUnitId: quiz.ownerUnitId,
      content: { kind: 'event', graded: false },
    });
    expect(wrong.ok ? null : wrong.error.details?.[0]?.path).toBe('content.kind');
  });

  it('keeps codes unique without regard to case and names the module holding one', async () => {
    const { create, invoke, u } = await catalogWorld();
    await create({ code: 'FS-101', title: 'Fire Safety' });
    const res = await invoke('modules.create', {
      code: 'fs-101',
      title: 'Another',
      kind: 'course',
      ownerUnitId: u('org'),
    });
    expect(code(res)).toBe('conflict');
    if (res.ok) return;
    expect(res.error.details).toEqual([
      { path: 'code', message: 'The code fs-101 is already used by “Fire Safety”' },
    ]);
  });

  it('publishes versions: edits live in the draft and version 1 keeps what it had', async () => {
    const { app, create, invoke } = await catalogWorld();
    const m = await create({
      code: 'FS-101',
      title: 'Fire Safety',
      content: {
        kind: 'course',
        steps: [
          textStep(
            's1',
            'Evacuation',
            '<p onclick="x()">Go <script>alert(1)</script><a href="javascript:x">out</a></p>',
          ),
        ],
      },
    });
    const stored = m.content.kind === 'course' ? m.content.steps[0] : undefined;
    expect(stored?.type === 'text' ? stored.html : '').toBe(
      '<p>Go <a rel="noopener noreferrer" target="_blank">out</a></p>',
    );

    const v1 = await invoke('modules.publish', { id: m.id });
    expect(v1.ok && v1.value).toMatchObject({
      status: 'published',
      currentVersion: 1,
      hasUnpublishedChanges: false,
    });
    const again = await invoke('modules.publish', { id: m.id });
    expect(again.ok ? '' : again.error.message).toMatch(/Nothing has changed since version 1/);

    const edited = await invoke('modules.update', {
      id: m.id,
      content: { kind: 'course', steps: [textStep('s1', 'Evacuation'), textStep('s2', 'Extinguishers')] },
    });
    expect(edited.ok && edited.value).toMatchObject({
      status: 'published',
      currentVersion: 1,
      hasUnpublishedChanges: true,
    });
    const v1Content = moduleRepo(app.db).versionContent(m.id, 1) as Extract<
      ModuleContent,
      { kind: 'course' }
    >;
    expect(v1Content.steps.map((s) => s.title)).toEqual(['Evacuation']);

    const v2 = await invoke('modules.publish', { id: m.id });
    expect(v2.ok && v2.value.currentVersion).toBe(2);
    expect(v2.ok && v2.value.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(moduleRepo(app.db).currentVersion(m.id)).toBe(2);

    // A title change alone is a change worth publishing.
    await invoke('modules.update', { id: m.id, title: 'Fire Safety basics' });
    const listed = await invoke('modules.list', { search: 'fire' });
    expect(listed.ok && listed.value.rows[0]).toMatchObject({
      title: 'Fire Safety basics',
      hasUnpublishedChanges: true,
    });

    const audit = app.db
      .prepare("SELECT summary FROM audit_log WHERE summary LIKE '%FS-101%' ORDER BY seq")
      .pluck()
      .all();
    expect(audit).toEqual([
      'Created course FS-101 “Fire Safety”',
      'Published course FS-101 “Fire Safety” as version 1',
      'Changed module FS-101 “Fire Safety”',
      'Published course FS-101 “Fire Safety” as version 2',
      'Changed module FS-101 “Fire Safety” (now “Fire Safety basics”)',
    ]);
  });

  it("names the files the draft's file steps refer to, so the editor need not download them", async () => {
    const { create, invoke } = await catalogWorld();
    const pdf = Buffer.from('%PDF-1.4 handbook').toString('base64');
    const up = await invoke('files.upload', {
      name: 'Handbook.pdf',
      mimeType: 'application/pdf',
      dataBase64: pdf,
    });
    if (!up.ok) throw new Error(up.error.message);
    const step = { id: 's2', title: 'Handbook', type: 'file' as const, fileId: up.value.id, required: true };
    const m = await create({
      code: 'FILES-1',
      content: { kind: 'course', steps: [textStep('s1', 'Intro'), step, { ...step, id: 's3' }] },
    });
    expect(m.files).toEqual([
      { id: up.value.id, name: 'Handbook.pdf', mimeType: 'application/pdf', size: up.value.size },
    ]);

    const emptied = await invoke('modules.update', { id: m.id, content: { kind: 'course', steps: [] } });
    expect(emptied.ok && emptied.value.files).toEqual([]);
  });

  it('lists every problem that stops a draft being published, with the field at fault', async () => {
    const { create, invoke } = await catalogWorld();
    const quiz = await create({
      code: 'Q-1',
      title: 'Quiz',
      kind: 'quiz',
      content: {
        kind: 'quiz',
        passMark: 80,
        maxAttempts: null,
        timeLimitMinutes: null,
        shuffleQuestions: false,
        shuffleOptions: false,
        sections: [
          {
            id: 'sec',
            title: 'Basics',
            questions: [
              {
                id: 'q1',
                type: 'single',
                text: 'Pick one',
                points: 1,
                options: [
                  { id: 'a', text: 'A', correct: true },
                  { id: 'b', text: 'B', correct: true },
                ],
              },
              {
                id: 'q2',
                type: 'multiple',
                text: '',
                points: 1,
                options: [{ id: 'a', text: 'A', correct: false }],
              },
              { id: 'q3', type: 'true_false', text: 'Sky is blue', points: 1, answer: null },
              { id: 'q4', type: 'short_answer', text: 'Name it', points: 1, accepted: [''] },
            ],
          },
        ],
      },
    });
    const q = await invoke('modules.publish', { id: quiz.id });
    expect(code(q)).toBe('invalid_input');
    expect(q.ok ? [] : q.error.details?.map((d) => d.path)).toEqual([
      'content.sections.0.questions.0.options',
      'content.sections.0.questions.1.text',
      'content.sections.0.questions.1.options',
      'content.sections.0.questions.2.answer',
      'content.sections.0.questions.3.accepted',
    ]);

    const course = await create({
      code: 'C-1',
      title: 'Course',
      content: {
        kind: 'course',
        steps: [
          textStep('s1', ''),
          { id: 's2', title: 'Handbook', type: 'file', fileId: null, required: true },
          { id: 's3', title: 'Web', type: 'link', url: 'ftp://example.com', required: true },
          { id: 's4', title: 'Check', type: 'quiz', quizModuleId: quiz.id, required: true },
        ],
      },
    });
    const c = await invoke('modules.publish', { id: course.id });
    expect(c.ok ? '' : c.error.message).toMatch(
      /^Course cannot be published yet: Step 1 needs a title \(and 3 more\)\.$/,
    );
    expect(c.ok ? [] : c.error.details?.map((d) => d.path)).toEqual([
      'content.steps.0.title',
      'content.steps.1.fileId',
      'content.steps.2.url',
      'content.steps.3.quizModuleId',
    ]);

    const quizUse = await invoke('modules.get', { id: quiz.id });
    expect(quizUse.ok && quizUse.value.usage.usedBy.map((m) => m.code)).toEqual(['C-1']);
    const empty = await create({ code: 'P-0', title: 'Empty path', kind: 'learning_path' });
    const e = await invoke('modules.publish', { id: empty.id });
    expect(e.ok ? [] : e.error.details?.map((d) => d.path)).toEqual(['content.items']);
    const path = await create({
      code: 'P-1',
      title: 'Path',
      kind: 'learning_path',
      content: {
        kind: 'learning_path',
        items: [
          { moduleId: course.id, required: true, requiresPrevious: false },
          { moduleId: course.id, required: true, requiresPrevious: false },
        ],
      },
    });
    const p = await invoke('modules.publish', { id: path.id });
    expect(p.ok ? [] : p.error.details?.map((d) => d.message)).toEqual([
      'Item 1: publish “Course” first',
      'Item 2: publish “Course” first',
      'Item 2 (“Course”) is already in the path',
    ]);
    // Events and external items have nothing to check.
    const ev = await create({ code: 'E-1', title: 'First Aid day', kind: 'event' });
    expect(code(await invoke('modules.publish', { id: ev.id }))).toBe('ok');
  });

  it('refuses a learning path that would contain itself through another path', async () => {
    const { create, invoke } = await catalogWorld();
    const ev = await create({ code: 'E-1', title: 'Event', kind: 'event' });
    await invoke('modules.publish', { id: ev.id });
    const inner = await create({ code: 'P-IN', title: 'Inner', kind: 'learning_path' });
    const outer = await create({
      code: 'P-OUT',
      title: 'Outer',
      kind: 'learning_path',
      content: {
        kind: 'learning_path',
        items: [{ moduleId: inner.id, required: true, requiresPrevious: false }],
      },
    });
    await invoke('modules.update', {
      id: inner.id,
      content: {
        kind: 'learning_path',
        items: [{ moduleId: ev.id, required: true, requiresPrevious: false }],
      },
    });
    expect(code(await invoke('modules.publish', { id: inner.id }))).toBe('ok');
    expect(code(await invoke('modules.publish', { id: outer.id }))).toBe('ok');
    await invoke('modules.update', {
      id: inner.id,
      content: {
        kind: 'learning_path',
        items: [
          { moduleId: ev.id, required: true, requiresPrevious: false },
          { moduleId: outer.id, required: true, requiresPrevious: false },
        ],
      },
    });
    const res = await invoke('modules.publish', { id: inner.id });
    expect(res.ok ? [] : res.error.details).toEqual([
      { path: 'content.items.1.moduleId', message: 'Item 2: “Outer” already contains this learning path' },
    ]);
  });

  it('refuses prerequisites that loop, naming the loop', async () => {
    const { create, invoke } = await catalogWorld();
    const a = await create({ code: 'A', title: 'Alpha' });
    const b = await create({ code: 'B', title: 'Beta' });
    const c = await create({ code: 'C', title: 'Gamma' });
    expect(code(await invoke('modules.update', { id: a.id, prerequisiteIds: [b.id] }))).toBe('ok');
    expect(code(await invoke('modules.update', { id: b.id, prerequisiteIds: [c.id] }))).toBe('ok');
    const loop = await invoke('modules.update', { id: c.id, prerequisiteIds: [a.id] });
    expect(code(loop)).toBe('invalid_input');
    expect(loop.ok ? '' : loop.error.message).toBe(
      'Alpha already needs Gamma, so requiring it would make a loop: Gamma → Alpha → Beta → Gamma.',
    );
    const self = await invoke('modules.update', { id: a.id, prerequisiteIds: [a.id] });
    expect(self.ok ? '' : self.error.details?.[0]?.path).toBe('prerequisiteIds.0');
    const got = await invoke('modules.get', { id: a.id });
    expect(got.ok && got.value.prerequisites.map((p) => p.code)).toEqual(['B']);
  });

  it('lets only external items arrive from outside: they cannot be edited, only archived', async () => {
    const { create, invoke } = await catalogWorld();
    const ext = await create({
      code: 'IH-204',
      title: 'iHasco Working at Height',
      kind: 'external',
      provider: 'iHasco',
      content: { kind: 'external', externalId: '204', url: 'https://ihasco.example/204' },
    });
    expect(ext).toMatchObject({ editable: false, provider: 'iHasco' });
    const res = await invoke('modules.update', { id: ext.id, title: 'Renamed' });
    expect(res.ok ? '' : res.error.message).toBe(
      'External items are supplied from outside and cannot be edited here.',
    );
    expect(code(await invoke('modules.publish', { id: ext.id }))).toBe('ok');
    const archived = await invoke('modules.archive', { id: ext.id });
    expect(archived.ok && archived.value.status).toBe('archived');
    const restored = await invoke('modules.restore', { id: ext.id });
    expect(restored.ok && restored.value.status).toBe('published');
  });
});

describe('modules: scope, listing and deletion', () => {
  it('keeps a site manager to the modules their site owns', async () => {
    const { create, invoke, u, umeManager, malmoManager } = await catalogWorld();
    const ume = await create({ code: 'UME-1', title: 'Umeå induction', ownerUnitId: u('ume') }, umeManager);
    const other = await invoke(
      'modules.create',
      { code: 'UME-2', title: 'Sneaky', kind: 'course', ownerUnitId: u('ume') },
      malmoManager,
    );
    expect(code(other)).toBe('forbidden');
    const seen = await invoke('modules.list', {}, malmoManager);
    expect(seen.ok && seen.value).toEqual({ rows: [], total: 0 });
    expect(code(await invoke('modules.get', { id: ume.id }, malmoManager))).toBe('forbidden');
    expect(code(await invoke('modules.update', { id: ume.id, title: 'Mine' }, malmoManager))).toBe(
      'forbidden',
    );
    expect(code(await invoke('modules.delete', { id: ume.id }, malmoManager))).toBe('forbidden');
    // Handing it to Malmö needs catalog.manage at Malmö as well.
    const move = await invoke('modules.update', { id: ume.id, ownerUnitId: u('malmo') }, umeManager);
    expect(code(move)).toBe('forbidden');
    // Their list holds what their site owns; what the organisation owns they may build on.
    const orgWide = await create({ code: 'ORG-1', title: 'Manual Handling' });
    const mine = await invoke('modules.list', {}, umeManager);
    expect(mine.ok && mine.value.rows.map((r) => r.code)).toEqual(['UME-1']);
    const picks = await invoke('modules.options', {}, umeManager);
    expect(picks.ok && picks.value.rows.map((r) => r.code)).toEqual(['ORG-1', 'UME-1']);
    const needs = await invoke('modules.update', { id: ume.id, prerequisiteIds: [orgWide.id] }, umeManager);
    expect(needs.ok && needs.value.prerequisites.map((p) => p.code)).toEqual(['ORG-1']);
    const orgDetail = await invoke('modules.get', { id: orgWide.id }, umeManager);
    expect(orgDetail.ok && orgDetail.value.canManage).toBe(false);
    expect(code(await invoke('modules.update', { id: orgWide.id, title: 'x' }, umeManager))).toBe(
      'forbidden',
    );
    expect(
      code(await invoke('modules.update', { id: ume.id, prerequisiteIds: [orgWide.id] }, malmoManager)),
    ).toBe('forbidden');
  });

  it('searches code, title and tags ignoring accents, filters, sorts and pages', async () => {
    const { create, invoke } = await catalogWorld();
    await create({ code: 'FS-101', title: 'Fire Safety', tags: ['säkerhet'] });
    await create({ code: 'MH-1', title: 'Manual Handling' });
    const q = await create({ code: 'FH-Q', title: 'Food Hygiene quiz', kind: 'quiz' });
    await create({ code: 'FA-EV', title: 'First Aid', kind: 'event' });
    await invoke('modules.archive', { id: q.id });
    const byTag = await invoke('modules.list', { search: 'sakerhet' });
    expect(byTag.ok && byTag.value.rows.map((r) => r.code)).toEqual(['FS-101']);
    const quizzes = await invoke('modules.list', { kind: 'quiz', status: 'archived' });
    expect(quizzes.ok && quizzes.value.total).toBe(1);
    const page = await invoke('modules.list', { sort: 'code', desc: true, limit: 2, offset: 1 });
    expect(page.ok && page.value).toMatchObject({ total: 4 });
    expect(page.ok && page.value.rows.map((r) => r.code)).toEqual(['FS-101', 'FH-Q']);
    const opts = await invoke('modules.options', { kinds: ['course', 'event'], search: 'f' });
    expect(opts.ok && opts.value.rows.map((r) => r.code)).toEqual(['FS-101', 'FA-EV']);
  });

  it('deletes a module nothing refers to, and otherwise says what does and to archive it', async () => {
    const { app, create, invoke, people } = await catalogWorld();
    const ev = await create({ code: 'EV', title: 'Ladder day', kind: 'event' });
    await invoke('modules.publish', { id: ev.id });
    const needs = await create({ code: 'NEEDS', title: 'Roof work' });
    await invoke('modules.update', { id: needs.id, prerequisiteIds: [ev.id] });
    const path = await create({
      code: 'PATH',
      title: 'Induction',
      kind: 'learning_path',
      content: {
        kind: 'learning_path',
        items: [{ moduleId: ev.id, required: true, requiresPrevious: false }],
      },
    });
    app.db
      .prepare(
        `INSERT INTO training_record (id, person_id, record_type, object_id, title, provider, completion_date,
           source, created_at, updated_at) VALUES ('r1', ?, 'event', ?, 'Ladder day', 'Org', '2026-01-01',
           'completion', '2026-01-01', '2026-01-01')`,
      )
      .run(people.umeColleague, ev.id);
    const got = await invoke('modules.get', { id: ev.id });
    expect(got.ok && got.value.usage).toMatchObject({ records: 1 });
    expect(got.ok && got.value.usage.usedBy.map((m) => m.code)).toEqual(['PATH', 'NEEDS']);
    const refused = await invoke('modules.delete', { id: ev.id });
    expect(code(refused)).toBe('conflict');
    expect(refused.ok ? '' : refused.error.message).toBe(
      'Ladder day cannot be deleted: 1 training record, the learning path “Induction” and the course “Roof work” refer to it. Archive it instead.',
    );
    // Deleting the path and the prerequisite's owner frees nothing while the record stays.
    expect(code(await invoke('modules.delete', { id: path.id }))).toBe('ok');
    expect(code(await invoke('modules.delete', { id: needs.id }))).toBe('ok');
    app.db.prepare("DELETE FROM training_record WHERE id = 'r1'").run();
    expect(code(await invoke('modules.delete', { id: ev.id }))).toBe('ok');
    expect(app.db.prepare('SELECT count(*) FROM module_version').pluck().get()).toBe(0);
    expect(code(await invoke('modules.get', { id: ev.id }))).toBe('not_found');
  });
});
