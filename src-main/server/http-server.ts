import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app/create-app.js';
import { CONTENT_SECURITY_POLICY } from '../security/csp.js';
import { loadStatic } from './static-files.js';

export interface ServeOptions {
  app: App;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only in tests; otherwise random per launch. */
  token?: string;
  /** Largest request body accepted, in bytes (CSV imports travel as JSON). */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  broadcast(event: string, payload: unknown): void;
  close(): Promise<void>;
}

// A 48 MB file (the largest files.upload accepts) is 64 MB as base64, plus the JSON around it.
const DEFAULT_MAX_BODY = 72 * 1024 * 1024;
const SESSION_KEY = /^[A-Za-z0-9-]{8,100}$/;

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

const sendText = (res: ServerResponse, status: number, text: string) =>
  send(res, status, text + '\n', 'text/plain; charset=utf-8');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

class TooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Too large: keep reading but discard, so the client receives the 413 instead of a reset connection.
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(new TooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new TooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Browser mode: the renderer and the API on 127.0.0.1 only. Every path lives
 * under /s/<token>/, the token being random per launch, so another local user or
 * a web page cannot reach the data; the Host check stops DNS rebinding; no
 * cookies are ever set, so there is nothing for cross-site requests to ride on.
 */
export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const prefix = `/s/${token}/`;
  const streams = new Set<{ session: string; res: ServerResponse }>();
  let port = 0;

  const allowedHost = (host: string | undefined) =>
    host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;

  async function handleApi(req: IncomingMessage, res: ServerResponse, route: string, url: URL) {
    if (route === 'api/invoke') {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST.');
      // A JSON content type cannot be sent cross-origin without a CORS preflight, which we never answer.
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendText(res, 415, 'Send application/json.');
      }
      const origin = req.headers.origin;
      if (origin && origin !== `http://${req.headers.host}`)
        return sendText(res, 403, 'Cross-origin requests are refused.');
      const sessionKey = String(req.headers['x-fieldbook-session'] ?? '');
      if (!SESSION_KEY.test(sessionKey))
        return sendText(res, 400, 'Missing or malformed X-Fieldbook-Session header.');
      let body: Buffer;
      try {
        body = await readBody(req, maxBody);
      } catch (e) {
        if (e instanceof TooLarge) {
          const mb = Math.max(1, Math.round(maxBody / 1048576));
          return send(res, 413, `The request is larger than ${mb} MB.\n`, 'text/plain; charset=utf-8', {
            Connection: 'close',
          });
        }
        throw e;
      }
      let msg: { method?: unknown; input?: unknown };
      try {
        msg = JSON.parse(body.toString('utf8')) as typeof msg;
      } catch {
        return sendText(res, 400, 'The request body is not valid JSON.');
      }
      if (typeof msg.method !== 'string') return sendText(res, 400, 'The request names no method.');
      const result = await opts.app.invokeUntyped(msg.method, msg.input, {
        sessionKey: `http-${sessionKey}`,
      });
      return sendJson(res, 200, result);
    }
    if (route === 'api/events') {
      const session = url.searchParams.get('session') ?? '';
      if (!SESSION_KEY.test(session)) return sendText(res, 400, 'Missing or malformed session.');
      res.writeHead(200, {
        ...COMMON_HEADERS,
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
      });
      res.write(': connected\n\n');
      const entry = { session, res };
      streams.add(entry);
      req.on('close', () => streams.delete(entry));
      return;
    }
    return sendText(res, 404, 'Not found.');
  }

  const server = createServer((req, res) => {
    void (async () => {
      if (!allowedHost(req.headers.host)) return sendText(res, 421, 'Fieldbook only answers on 127.0.0.1.');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const path = url.pathname;
      if (!path.startsWith('/s/')) {
        return sendText(
          res,
          401,
          'Open the address Fieldbook printed when it started: it contains the access token.',
        );
      }
      const given = path.slice(3).split('/')[0] ?? '';
      if (!sameSecret(given, token))
        return sendText(res, 401, 'This address has an old or wrong access token.');
      if (path === prefix.slice(0, -1)) return send(res, 301, '', 'text/plain', { Location: prefix });
      const route = path.slice(prefix.length);
      if (route.startsWith('api/')) return handleApi(req, res, route, url);
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Use GET.');
      const file = await loadStatic(opts.rendererDir, route);
      if (!file) return sendText(res, 404, 'Not found.');
      const extra: Record<string, string> = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
      return send(res, 200, file.body, file.type, extra);
    })().catch((e: unknown) => {
      opts.app.log.log('error', 'http request failed', { error: e instanceof Error ? e.stack : String(e) });
      if (!res.headersSent) sendText(res, 500, 'Fieldbook hit an unexpected error; the log has the details.');
      else res.end();
    });
  });
  server.requestTimeout = 5 * 60_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}${prefix}`,
        port,
        token,
        broadcast(event, payload) {
          const line = `data: ${JSON.stringify({ event, payload })}\n\n`;
          for (const s of streams) s.res.write(line);
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of streams) s.res.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
