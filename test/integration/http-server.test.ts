import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/server/http-server.js';
import { ADMIN, setUpApp } from '../helpers/app.js';
import { useTmpDir } from '../helpers/tmp.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser-mode server', () => {
  const tmp = useTmpDir();
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(maxBodyBytes?: number) {
    const { app } = await setUpApp();
    const dir = join(tmp(), 'renderer');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmp(), 'secret.txt'), 'do not serve me');
    server = await startServer({
      app,
      rendererDir: dir,
      token: 'tok-123456789',
      ...(maxBodyBytes ? { maxBodyBytes } : {}),
    });
    const s = server;
    const invoke = (
      method: string,
      input: unknown,
      session = 'session-aaaa',
      headers: Record<string, string> = {},
    ) =>
      send(s.port, '/s/tok-123456789/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Session': session, ...headers },
        body: JSON.stringify({ method, input }),
      });
    return { port: s.port, invoke };
  }

  it('listens on 127.0.0.1 and prints a URL that carries the token', async () => {
    await start();
    expect(server?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/tok-123456789\/$/);
  });

  it('answers 401 and no data without the right token', async () => {
    const { port } = await start();
    for (const path of ['/', '/index.html', '/s/wrong/index.html', '/s/wrong/api/invoke', '/api/invoke']) {
      const r = await send(port, path, { method: path.includes('api') ? 'POST' : 'GET' });
      expect(r.status, path).toBe(401);
      expect(r.body, path).not.toMatch(/Fieldbook<\/title>|Norrland/);
    }
  });

  it('refuses other Host headers (DNS rebinding)', async () => {
    const { port } = await start();
    const r = await send(port, '/s/tok-123456789/', { headers: { Host: `evil.example:${port}` } });
    expect(r.status).toBe(421);
  });

  it('serves the renderer with a strict CSP and no cookies', async () => {
    const { port } = await start();
    const r = await send(port, '/s/tok-123456789/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Fieldbook</title>');
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect(r.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect((await send(port, '/s/tok-123456789/assets/app.js')).headers['content-type']).toMatch(
      /javascript/,
    );
  });

  it('does not serve files outside the renderer folder', async () => {
    const { port } = await start();
    for (const p of [
      '../secret.txt',
      '..%2fsecret.txt',
      '%2e%2e/secret.txt',
      '..%5csecret.txt',
      'assets/%00x',
    ]) {
      const r = await send(port, `/s/tok-123456789/${p}`);
      expect(r.body, p).not.toContain('do not serve me');
      // `..` may already be resolved by URL parsing (then the token no longer matches: 401).
      expect([401, 404], p).toContain(r.status);
    }
  });

  it('runs calls through the dispatcher with one session per window', async () => {
    const { invoke } = await start();
    const status = await invoke('setup.status', {});
    expect(JSON.parse(status.body)).toEqual({
      ok: true,
      value: { needsSetup: false, organisationName: 'Norrland Mining', demo: false },
    });
    const signIn = JSON.parse(
      (await invoke('auth.signIn', { email: ADMIN.email, password: ADMIN.password }, 'window-one')).body,
    );
    expect(signIn.ok).toBe(true);
    const mine = JSON.parse((await invoke('auth.session', {}, 'window-one')).body);
    const other = JSON.parse((await invoke('auth.session', {}, 'window-two')).body);
    expect(mine.value.user.email).toBe(ADMIN.email);
    expect(other.value.user).toBeNull();
  });

  it('refuses requests a web page could forge: no JSON type, a foreign Origin, no session key', async () => {
    const { port, invoke } = await start();
    const form = await send(port, '/s/tok-123456789/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Fieldbook-Session': 'session-aaaa' },
      body: '{"method":"setup.status","input":{}}',
    });
    expect(form.status).toBe(415);
    expect(
      (await invoke('setup.status', {}, 'session-aaaa', { Origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect((await invoke('setup.status', {}, '')).status).toBe(400);
  });

  it('limits the request size', async () => {
    const { invoke } = await start(1024);
    const r = await invoke('auth.signIn', { email: 'x@example.com', password: 'p'.repeat(5000) });
    expect(r.status).toBe(413);
  });

  it('answers malformed JSON with 400, not a crash', async () => {
    const { port } = await start();
    const r = await send(port, '/s/tok-123456789/api/invoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Session': 'session-aaaa' },
      body: '{"method": ',
    });
    expect(r.status).toBe(400);
  });
});
