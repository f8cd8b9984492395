import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { unwrapOk } from '../helpers/events.js';
import { competenceCalls, competencesWorld } from '../helpers/competences.js';
import type { TestApp } from '../helpers/app.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function importTree(app: TestApp, actorId: string, base64: string, dryRun = false) {
  return unwrapOk(
    await app.invoke('competences.importTree', { fileName: 'tree.csv', base64, dryRun }, { actorId }),
  );
}

/** The tree as code → [name, parent code, default days]. */
async function treeOf(app: TestApp, actorId: string) {
  const { nodes } = unwrapOk(await app.invoke('competences.tree', {}, { actorId }));
  const codes = new Map(nodes.map((n) => [n.id, n.code]));
  return Object.fromEntries(
    nodes.map((n) => [n.code, [n.name, n.parentId ? codes.get(n.parentId) : null, n.defaultDays]]),
  );
}

// Children before their parents, odd header spelling, a blank Default Days.
const FILE = [
  'code;NAME;parent  code;Default Days',
  'FORK-A;Forklift A;LIFTING;730',
  'LIFTING;Lifting;SAFE;',
  'SAFE;Säkerhet;;',
  'AID;First aid;;365',
].join('\r\n');

describe('importing the competence tree (Code, Name, Parent Code, Default Days)', () => {
  it('creates a tree from rows in any order, in any encoding, and a re-import changes nothing', async () => {
    const { app, adminId } = await competencesWorld();
    const bytes = iconv.encode(FILE, 'windows-1252').toString('base64');
    const dry = await importTree(app, adminId, bytes, true);
    expect(dry).toEqual({ created: 4, updated: 0, unchanged: 0, errors: [], written: false });
    expect(await treeOf(app, adminId)).toEqual({});

    expect(await importTree(app, adminId, bytes)).toEqual({
      created: 4,
      updated: 0,
      unchanged: 0,
      errors: [],
      written: true,
    });
    expect(await treeOf(app, adminId)).toEqual({
      AID: ['First aid', null, 365],
      SAFE: ['Säkerhet', null, null],
      LIFTING: ['Lifting', 'SAFE', null],
      'FORK-A': ['Forklift A', 'LIFTING', 730],
    });
    expect(await importTree(app, adminId, bytes)).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const audit = app.db
      .prepare("SELECT summary FROM audit_log WHERE call = 'competences.importTree' ORDER BY seq")
      .pluck()
      .all();
    expect(audit).toEqual([
      'Checked the competence tree in tree.csv (dry run, nothing written): 4 created, 0 updated, 0 unchanged',
      'Imported the competence tree from tree.csv: 4 created, 0 updated, 0 unchanged',
      'Imported the competence tree from tree.csv: 0 created, 0 updated, 4 unchanged',
    ]);
  });

  it('updates existing codes (name, parent, days) and keeps what the file does not mention', async () => {
    const { app, adminId } = await competencesWorld();
    const c = competenceCalls(app, adminId);
    const kept = await c.save({ code: 'KEEP', name: 'Kept', defaultDays: 10 });
    await c.save({ code: 'aid', name: 'Old first aid', parentId: kept.id, defaultDays: 100 });
    expect(await importTree(app, adminId, b64(FILE))).toMatchObject({ created: 3, updated: 1, unchanged: 0 });
    expect(await treeOf(app, adminId)).toMatchObject({
      KEEP: ['Kept', null, 10],
      aid: ['First aid', null, 365],
    });
  });

  it('reports every problem by row and column and writes nothing', async () => {
    const { app, adminId } = await competencesWorld();
    const c = competenceCalls(app, adminId);
    await c.save({ code: 'TOP', name: 'Top' });
    const file = [
      'Code,Name,Parent Code,Default Days',
      'A,Alpha,B,30',
      'B,Beta,A,',
      'C,Gamma,NOPE,0',
      'a,Again,,',
      ',No code,,',
      'D,,,1.5',
      'OK,Fine,TOP,36500',
    ].join('\n');
    const res = await importTree(app, adminId, b64(file));
    expect(res.written).toBe(false);
    expect(res.errors).toEqual([
      { row: 2, column: 'Parent Code', message: 'A cannot move under its own sub-competence B.' },
      { row: 3, column: 'Parent Code', message: 'B cannot move under its own sub-competence A.' },
      {
        row: 4,
        column: 'Default Days',
        message: 'Default Days must be a whole number of days, 1–36500 (blank for never).',
      },
      {
        row: 4,
        column: 'Parent Code',
        message: 'There is no competence with the code NOPE, in this file or in Fieldbook.',
      },
      { row: 5, column: 'Code', message: 'The code a is also on row 2: each competence once.' },
      { row: 6, column: 'Code', message: 'Enter a code' },
      { row: 7, column: 'Name', message: 'Enter a name.' },
      {
        row: 7,
        column: 'Default Days',
        message: 'Default Days must be a whole number of days, 1–36500 (blank for never).',
      },
    ]);
    expect(await treeOf(app, adminId)).toEqual({ TOP: ['Top', null, null] });
  });

  it('refuses a move of an existing competence under its own descendant', async () => {
    const { app, adminId } = await competencesWorld();
    const c = competenceCalls(app, adminId);
    const top = await c.save({ code: 'TOP', name: 'Top' });
    await c.save({ code: 'LOW', name: 'Low', parentId: top.id });
    const res = await importTree(app, adminId, b64('Code,Name,Parent Code\nTOP,Top,LOW\n'));
    expect(res.errors).toEqual([
      { row: 2, column: 'Parent Code', message: 'TOP cannot move under its own sub-competence LOW.' },
    ]);
  });

  it('matches codes without regard to case or composition, in any script', async () => {
    const { app, adminId } = await competencesWorld();
    const c = competenceCalls(app, adminId);
    await c.save({ code: 'ÖVR-1', name: 'Övrigt' });
    // "Övr-1" is the competence ÖVR-1; the parent is written with a combining diaeresis (O + U+0308).
    const file = 'Code,Name,Parent Code,Default Days\nÖvr-1,Imported,,30\nSUB,Under,O\u0308VR-1,\n';
    const res = await importTree(app, adminId, b64(file));
    expect(res).toMatchObject({ created: 1, updated: 1, errors: [], written: true });
    expect(await treeOf(app, adminId)).toEqual({
      'ÖVR-1': ['Imported', null, 30],
      SUB: ['Under', 'ÖVR-1', null],
    });
  });

  it('refuses a row under an archived parent, whether or not the parent has its own row', async () => {
    const { app, adminId } = await competencesWorld();
    const c = competenceCalls(app, adminId);
    const safe = await c.save({ code: 'SAFE', name: 'Safety' });
    unwrapOk(await app.invoke('competences.archive', { id: safe.id, archived: true }, { actorId: adminId }));
    const message = 'Parent Code SAFE is archived: bring it back in the app first.';
    for (const file of [
      'Code,Name,Parent Code,Default Days\nSAFE,Safety,,\nNEWC,New child,SAFE,365\n',
      'Code,Name,Parent Code,Default Days\nNEWC,New child,SAFE,365\n',
    ]) {
      const res = await importTree(app, adminId, b64(file));
      const row = file.split('\n').findIndex((l) => l.startsWith('NEWC')) + 1;
      expect(res.written).toBe(false);
      expect(res.errors).toEqual([{ row, column: 'Parent Code', message }]);
    }
    const codes = app.db.prepare('SELECT code FROM competence').pluck().all();
    expect(codes).toEqual(['SAFE']);
  });

  it('names a missing column', async () => {
    const { app, adminId } = await competencesWorld();
    const res = await importTree(app, adminId, b64('Code,Title\nA,Alpha\n'));
    expect(res.written).toBe(false);
    expect(res.errors.map((e) => e.column)).toContain('Name');
  });
});
