import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../shared/api/contract.js';
import { exportDir } from '../../src-main/app/export-jobs.js';
import { closePdfWorkers } from '../../src-main/pdf/render.js';
import { addPerson } from '../helpers/app.js';
import { value } from '../helpers/catalog.js';
import { certificateWorld } from '../helpers/certificates.js';

afterAll(() => closePdfWorkers());

/**
 * Umeå: Ulla (certificate of completion) and Åsa Öberg (issued by hand, with a
 * title Windows would refuse in a file name). Malmö: Maja (issued by hand).
 * Mona manages certificates at Umeå only.
 */
async function exportWorld() {
  const w = await certificateWorld();
  const { app, admin, passed, fire, ladder, people, u } = w;
  await passed(fire, '2026-02-25');
  await passed(ladder, '2026-02-25');
  const asa = addPerson(app, {
    email: 'asa@example.com',
    unitId: u('ume'),
    firstName: 'Åsa',
    lastName: 'Öberg',
  });
  const issue = (personId: string, title: string) =>
    app.invoke(
      'certificates.issue',
      { personId, title, completedOn: '2026-02-14', expiresOn: null, reason: 'Outside provider' },
      admin,
    );
  value(await issue(asa, 'Roof: "ladder" work?'));
  value(await issue(people.malmoPerson, 'Confined space entry'));
  const mona = addPerson(app, {
    email: 'mona@example.com',
    unitId: u('ume'),
    roleId: 'manager',
    firstName: 'Mona',
    lastName: 'Manager',
  });
  return { ...w, manager: { actorId: mona } };
}
type World = Awaited<ReturnType<typeof exportWorld>>;

/** A zip's entries, read from its central directory; every one must be stored uncompressed or deflated. */
function readZip(zip: Buffer): Map<string, { method: number; data: Buffer }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const entries = new Map<string, { method: number; data: Buffer }>();
  let p = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.set(name, { method, data: method === 0 ? raw : inflateRawSync(raw) });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(w: World, jobId: string, actor: { actorId: string }) {
  for (let i = 0; i < 500; i++) {
    const s = value(await w.app.invoke('certificates.exportStatus', { jobId }, actor));
    if (s.state !== 'running') return s;
    await sleep(20);
  }
  throw new Error('The export did not finish');
}

/** Start → poll → fetch every chunk, as the window does. */
async function runExport(w: World, input: CallInput<'certificates.exportStart'>, actor: { actorId: string }) {
  const { jobId, total } = value(await w.app.invoke('certificates.exportStart', input, actor));
  const status = await waitFor(w, jobId, actor);
  expect(status.state).toBe('finished');
  const parts: Buffer[] = [];
  for (let offset: number | null = 0; offset !== null;) {
    const chunk: CallOutput<'certificates.exportChunk'> = value(
      await w.app.invoke('certificates.exportChunk', { jobId, offset }, actor),
    );
    parts.push(Buffer.from(chunk.base64, 'base64'));
    offset = chunk.nextOffset;
  }
  const zip = Buffer.concat(parts);
  expect(zip.length).toBe(status.size);
  return { jobId, total, status, entries: readZip(zip) };
}

const indexRows = (csv: Buffer) =>
  csv
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));
const pdfText = async (pdf: Buffer) =>
  (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
const tempFile = (jobId: string) => join(exportDir(), `${jobId}.part`);

// The first export starts a PDF worker (tsx in tests): slow on a busy two-core machine.
describe('exporting certificates from the app', { timeout: 20_000 }, () => {
  it('zips a folder of PDFs with predictable, Windows-safe names and an index, then deletes its file', async () => {
    const w = await exportWorld();
    const folder = 'certificates-2026-03-01';
    const { jobId, total, status, entries } = await runExport(w, { format: 'folder' }, w.admin);
    expect(total).toBe(3);
    expect(status).toMatchObject({ done: 3, total: 3, failed: [], fileName: `${folder}.zip` });
    const names = [...entries.keys()];
    expect(names.every((n) => n.startsWith(`${folder}/`))).toBe(true);
    const pdfs = names.filter((n) => n.endsWith('.pdf')).map((n) => n.slice(folder.length + 1));
    expect(pdfs).toHaveLength(3);
    // Sorted by last name: Malmö, Umeå, Öberg.
    expect(pdfs[0]).toMatch(/^Malmö Maja - Confined space entry - [A-Z0-9-]+\.pdf$/);
    expect(pdfs[1]).toMatch(/^Umeå Ulla - Umeå site training - [A-Z0-9-]+\.pdf$/);
    expect(pdfs[2]).toMatch(/^Öberg Åsa - Roof ladder work - [A-Z0-9-]+\.pdf$/);
    for (const e of entries.values()) expect(e.method).toBe(0);

    const index = indexRows(entries.get(`${folder}/index.csv`)?.data ?? Buffer.alloc(0));
    expect(index[0]?.slice(0, 5)).toEqual(['File', 'Number', 'Short Code', 'Last Name', 'First Name']);
    expect(index.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      [pdfs[0], 'Malmö', 'Maja'],
      [pdfs[1], 'Umeå', 'Ulla'],
      [pdfs[2], 'Öberg', 'Åsa'],
    ]);
    const people = ['Maja Malmö', 'Ulla Umeå', 'Åsa Öberg'];
    for (const [i, name] of pdfs.entries()) {
      const pdf = entries.get(`${folder}/${name}`)?.data ?? Buffer.alloc(0);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await pdfText(pdf)).toContain(people[i]);
    }
    // Read to the end: the file is gone and so is the job.
    expect(existsSync(tempFile(jobId))).toBe(false);
    const gone = await w.app.invoke('certificates.exportStatus', { jobId }, w.admin);
    expect(gone.ok ? 'ok' : gone.error.code).toBe('not_found');
  });

  it("gives a Manager one merged PDF of their scope only, and the list's filters apply", async () => {
    const w = await exportWorld();
    const { total, entries } = await runExport(w, { format: 'merged' }, w.manager);
    expect(total).toBe(2);
    const names = [...entries.keys()].map((n) => n.replace(/^certificates-2026-03-01\//, ''));
    expect(names.sort()).toEqual(['certificates.pdf', 'index.csv']);
    const pdf = entries.get('certificates-2026-03-01/certificates.pdf')?.data ?? Buffer.alloc(0);
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    expect(doc.numPages).toBe(2);
    const text = await pdfText(pdf);
    expect(text).toContain('Ulla Umeå');
    expect(text).toContain('Åsa Öberg');
    expect(text).not.toContain('Maja');
    const index = indexRows(entries.get('certificates-2026-03-01/index.csv')?.data ?? Buffer.alloc(0));
    expect(index.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['certificates.pdf', 'Ulla'],
      ['certificates.pdf', 'Åsa'],
    ]);

    const byConfiguration = await runExport(
      w,
      { format: 'folder', configurationId: w.config.id, issuedFrom: '2026-02-01' },
      w.admin,
    );
    expect(byConfiguration.total).toBe(1);
    const bySearch = await runExport(w, { format: 'folder', search: 'oberg' }, w.admin);
    expect(bySearch.total).toBe(1);
    expect([...bySearch.entries.keys()].some((n) => n.includes('Öberg Åsa'))).toBe(true);
  });

  it('stops when cancelled, reports it and deletes the file', async () => {
    const w = await exportWorld();
    const { jobId } = value(await w.app.invoke('certificates.exportStart', { format: 'folder' }, w.admin));
    const cancelled = value(await w.app.invoke('certificates.exportCancel', { jobId }, w.admin));
    expect(cancelled.state).toBe('cancelled');
    await sleep(300);
    const later = value(await w.app.invoke('certificates.exportStatus', { jobId }, w.admin));
    expect(later.state).toBe('cancelled');
    expect(later.done).toBeLessThan(3);
    expect(existsSync(tempFile(jobId))).toBe(false);
    const chunk = await w.app.invoke('certificates.exportChunk', { jobId, offset: 0 }, w.admin);
    expect(chunk.ok ? 'ok' : chunk.error.code).toBe('conflict');
  });

  it("does not let anyone else see, fetch or cancel someone's export", async () => {
    const w = await exportWorld();
    const { jobId } = value(await w.app.invoke('certificates.exportStart', { format: 'merged' }, w.admin));
    const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
    expect(code(await w.app.invoke('certificates.exportStatus', { jobId }, w.manager))).toBe('not_found');
    expect(code(await w.app.invoke('certificates.exportChunk', { jobId, offset: 0 }, w.manager))).toBe(
      'not_found',
    );
    expect(code(await w.app.invoke('certificates.exportCancel', { jobId }, w.manager))).toBe('not_found');
    // A learner has no certificates.manage at all.
    expect(
      code(await w.app.invoke('certificates.exportStart', { format: 'folder' }, { actorId: w.ulla })),
    ).toBe('forbidden');
    expect((await waitFor(w, jobId, w.admin)).state).toBe('finished');
    // Closing the dialog without saving forgets the finished export and its file.
    expect(existsSync(tempFile(jobId))).toBe(true);
    value(await w.app.invoke('certificates.exportCancel', { jobId }, w.admin));
    await sleep(100);
    expect(existsSync(tempFile(jobId))).toBe(false);
    expect(code(await w.app.invoke('certificates.exportStatus', { jobId }, w.admin))).toBe('not_found');
  });
});
