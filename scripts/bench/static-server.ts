/**
 * A small static file server for the benchmark, as a static host would serve a build: gzip
 * for text (made once per file and kept), the right content types, ETags with 304 answers, and
 * caching fit for a host: files with a content hash in their name are immutable for a year;
 * the page, the manifest, the service worker and anything else without a hash are `no-cache`
 * (always revalidated), so a new deploy is seen at once.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.webm': 'audio/webm',
};

/** Text formats worth compressing; pictures, fonts and sounds are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.txt',
  '.xml',
  '.wasm',
  '.ico',
]);

/** Service worker scripts: never cached by HTTP, so an update is found on the next visit. */
export function isServiceWorker(path: string): boolean {
  const name = path.split('/').pop() ?? '';
  return /^(sw|service-worker|serviceworker)(\.[\w-]+)?\.m?js$/i.test(name);
}

/** Vite and Workbox names: `name-<8+ base64url characters>.ext` under assets/, or a hash. */
export function isHashed(path: string): boolean {
  const name = path.split('/').pop() ?? '';
  return /[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(name) && !isServiceWorker(path);
}

export function cacheControl(path: string): string {
  if (isServiceWorker(path)) return 'no-cache';
  if (isHashed(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

interface Entry {
  readonly body: Buffer;
  readonly gzip: Buffer | undefined;
  readonly etag: string;
  readonly type: string;
  readonly cacheControl: string;
  readonly lastModified: string;
}

export interface StaticServer {
  readonly url: string;
  /** Bytes of response bodies sent, gzip or not (for a sanity check against the browser's). */
  readonly sent: () => number;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const cache = new Map<string, Entry | null>();
  let sentBytes = 0;

  const lookup = (urlPath: string): Entry | null => {
    const known = cache.get(urlPath);
    if (known !== undefined) return known;
    let file = normalize(join(root, decodeURIComponent(urlPath)));
    const inside = relative(root, file);
    let entry: Entry | null = null;
    if (!inside.startsWith('..') && !inside.includes(`..${sep}`)) {
      try {
        if (statSync(file).isDirectory()) file = join(file, 'index.html');
        const stat = statSync(file);
        const body = readFileSync(file);
        const ext = extname(file).toLowerCase();
        const gzip =
          COMPRESSIBLE.has(ext) && body.length > 256 ? gzipSync(body, { level: 9 }) : undefined;
        entry = {
          body,
          gzip,
          etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
          type: TYPES[ext] ?? 'application/octet-stream',
          cacheControl: cacheControl(urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath),
          lastModified: stat.mtime.toUTCString(),
        };
      } catch {
        entry = null;
      }
    }
    cache.set(urlPath, entry);
    return entry;
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = new URL(request.url ?? '/', 'http://localhost').pathname;
      decodeURIComponent(path);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const entry = lookup(path);
    if (!entry) {
      const body = 'Not found';
      response.writeHead(404, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      response.end(method === 'HEAD' ? undefined : body);
      return;
    }
    const headers: Record<string, string | number> = {
      'Content-Type': entry.type,
      'Cache-Control': entry.cacheControl,
      ETag: entry.etag,
      'Last-Modified': entry.lastModified,
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    };
    if (request.headers['if-none-match'] === entry.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    const gzip = entry.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip && entry.gzip ? entry.gzip : entry.body;
    if (gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = body.length;
    response.writeHead(200, headers);
    if (method === 'HEAD') {
      response.end();
      return;
    }
    sentBytes += body.length;
    response.end(body);
  };

  const server = createServer(handle);
  // Keep-alive sockets would hold close() open: end idle ones with the server.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent: () => sentBytes,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
