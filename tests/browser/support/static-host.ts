/**
 * A plain static host for the offline, privacy and fault tests: serves a build from any
 * sub-path (as a school's web server or a static host would), optionally with the response
 * headers of the build's own `_headers` file (as Netlify and Cloudflare Pages apply it), logs
 * every request it receives, and can be switched to another build (a new version) or taken
 * down (the network is gone) while a browser is using it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
};

export interface StaticHostOptions {
  /** The build to serve. */
  readonly dir: string;
  /** Where it is served: `/` or a sub-path such as `/some/path/`. */
  readonly prefix?: string;
  /** Apply the build's `_headers` file (Netlify / Cloudflare Pages rules). */
  readonly headers?: boolean;
}

export interface StaticHost {
  /** The game's address: origin + prefix. */
  readonly url: string;
  readonly origin: string;
  /** Every request received, as `METHOD /path`. */
  readonly requests: string[];
  /** Serves another build from now on (a new version deployed). */
  setDir(dir: string): void;
  /** Down: every connection is cut, as when the school's internet is off. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

type Rules = { pattern: string; headers: [string, string][] }[];

function readRules(dir: string): Rules {
  const file = join(dir, '_headers');
  if (!existsSync(file)) throw new Error(`${dir} has no _headers file`);
  const rules: Rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

const matches = (pattern: string, path: string) =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;

export async function startStaticHost(options: StaticHostOptions): Promise<StaticHost> {
  const prefix = options.prefix ?? '/';
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error('prefix: /like/this/');
  let dir = resolve(options.dir);
  let down = false;
  const requests: string[] = [];
  const sockets = new Set<Socket>();

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://host');
    requests.push(`${request.method} ${url.pathname}`);
    if (!url.pathname.startsWith(prefix)) {
      response.writeHead(404).end();
      return;
    }
    // The path as the site sees it, from its own root: `_headers` rules are written that way.
    const sitePath = `/${url.pathname.slice(prefix.length)}`;
    const relative = normalize(decodeURIComponent(sitePath === '/' ? '/index.html' : sitePath));
    const file = join(dir, relative);
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    };
    if (options.headers) {
      for (const rule of readRules(dir)) {
        if (!matches(rule.pattern, sitePath)) continue;
        for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
      }
    }
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : readFileSync(file));
  };

  const server = createServer((request, response) => {
    if (down) {
      request.socket.destroy();
      return;
    }
    try {
      handle(request, response);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (down) socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    requests,
    setDir(next) {
      dir = resolve(next);
    },
    setDown(value) {
      down = value;
      if (down) for (const socket of sockets) socket.destroy();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
