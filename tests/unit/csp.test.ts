/**
 * The Content Security Policy and the hosting headers, read from the real files: index.html's
 * meta tag allows only the game's own origin (no inline script, no eval, Trusted Types with the
 * one policy the app creates), and every headers file (public/_headers for Netlify and
 * Cloudflare Pages, docs/hosting/ for nginx and Apache) carries the same policy plus what only a
 * header can say. Each check is shown to fail on a damaged copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRUSTED_TYPES_POLICY } from '../../src/pwa/trusted-types';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (...parts: string[]) => readFileSync(join(ROOT, ...parts), 'utf8');

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    if (policy.has(name)) throw new Error(`directive ${name} twice`);
    policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match?.[1]) throw new Error('index.html has no CSP meta tag');
  return match[1];
}

/** Netlify / Cloudflare Pages `_headers`: a path line, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(':');
    if (!current || colon < 0) throw new Error(`stray line in _headers: ${line}`);
    current.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return rules;
}

/** What a policy may contain: its own origin, and data: images only. */
function policyProblems(policy: Policy, where: 'meta' | 'header'): string[] {
  const problems: string[] = [];
  const allowed = new Set(["'self'", "'none'"]);
  for (const [name, sources] of policy) {
    if (name === 'require-trusted-types-for') {
      if (sources.join(' ') !== "'script'") problems.push(`${name}: ${sources.join(' ')}`);
      continue;
    }
    if (name === 'trusted-types') {
      if (sources.join(' ') !== TRUSTED_TYPES_POLICY)
        problems.push(`${name}: ${sources.join(' ')}`);
      continue;
    }
    for (const source of sources) {
      if (allowed.has(source)) continue;
      if (source === 'data:' && name === 'img-src') continue;
      problems.push(`${name} allows ${source}`);
    }
  }
  const expect = (name: string, value: string) => {
    if (policy.get(name)?.join(' ') !== value) problems.push(`${name} is not ${value}`);
  };
  expect('default-src', "'self'");
  expect('script-src', "'self'");
  expect('object-src', "'none'");
  expect('base-uri', "'self'");
  if (!policy.has('require-trusted-types-for')) problems.push('Trusted Types not required');
  if (!policy.has('trusted-types')) problems.push('no trusted-types list');
  // A meta tag cannot carry these: Chromium ignores them there and logs an error.
  for (const headerOnly of ['frame-ancestors', 'report-uri', 'report-to', 'sandbox']) {
    if (where === 'meta' && policy.has(headerOnly)) problems.push(`${headerOnly} in a meta tag`);
  }
  if (where === 'header') expect('frame-ancestors', "'none'");
  return problems;
}

const indexHtml = read('index.html');
const meta = metaPolicy(indexHtml);
const headersFile = parseHeadersFile(read('public', '_headers'));
const siteWide = headersFile.get('/*');
const headerPolicy = siteWide?.get('content-security-policy') ?? '';
const nginx = read('docs', 'hosting', 'nginx.conf');
const apache = read('docs', 'hosting', 'apache.htaccess');

describe("index.html's Content Security Policy", () => {
  it('allows only its own origin, no inline script, no eval, and Trusted Types', () => {
    expect(policyProblems(parsePolicy(meta), 'meta')).toEqual([]);
  });

  it('fails a policy that lets inline script, eval, another origin or a second policy in', () => {
    const damaged = [
      meta.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
      meta.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
      meta.replace("connect-src 'self'", 'connect-src https://example.org'),
      meta.replace(`trusted-types ${TRUSTED_TYPES_POLICY}`, 'trusted-types red-flags-sw default'),
      meta.replace("object-src 'none'", "object-src 'self'"),
      meta.replace("; require-trusted-types-for 'script'", ''),
      `${meta}; frame-ancestors 'none'`,
    ];
    for (const policy of damaged) {
      expect(policyProblems(parsePolicy(policy), 'meta'), policy).not.toEqual([]);
    }
  });

  it('stands before every script and stylesheet, and the page has no inline script', () => {
    const at = indexHtml.indexOf('Content-Security-Policy');
    for (const tag of ['<script', '<link rel="stylesheet"', '<style']) {
      const found = indexHtml.indexOf(tag);
      if (found >= 0) expect(found).toBeGreaterThan(at);
    }
    const scripts = [...indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\//);
      expect(body?.trim()).toBe('');
    }
    expect(indexHtml).not.toMatch(/\son[a-z]+=/i);
    expect(indexHtml).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
  });
});

describe('the hosting headers', () => {
  it('carry the same policy as the meta tag, plus frame-ancestors', () => {
    expect(headerPolicy).toBe(`${meta}; frame-ancestors 'none'`);
    expect(policyProblems(parsePolicy(headerPolicy), 'header')).toEqual([]);
  });

  it('say what a meta tag cannot, for every host', () => {
    const expected: Record<string, string> = {
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    };
    for (const [name, value] of Object.entries(expected)) {
      expect(siteWide?.get(name), name).toBe(value);
      const title = name.replace(
        /(^|-)([a-z])/g,
        (_, dash: string, c: string) => dash + c.toUpperCase(),
      );
      expect(nginx, `nginx ${name}`).toContain(`add_header ${title} "${value}" always;`);
      expect(apache, `apache ${name}`).toContain(`Header always set ${title} "${value}"`);
    }
    expect(nginx).toContain(`add_header Content-Security-Policy "${headerPolicy}" always;`);
    expect(apache).toContain(`Header always set Content-Security-Policy "${headerPolicy}"`);
  });

  it('let a new version be found at once, and cache hashed files for good', () => {
    for (const path of ['/sw.js', '/index.html', '/', '/manifest.webmanifest']) {
      expect(headersFile.get(path)?.get('cache-control'), path).toBe('no-cache');
    }
    expect(headersFile.get('/assets/*')?.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersFile.get('/manifest.webmanifest')?.get('content-type')).toBe(
      'application/manifest+json',
    );
  });
});

describe('code that could reach for eval', () => {
  /** Files under `dir` that import zod's runtime directly (type-only imports are harmless). */
  function directZodImports(dir: string): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.ts$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      if (/^import (?!type)[^;]*from 'zod'/m.test(readFileSync(path, 'utf8'))) {
        found.push(path.slice(ROOT.length + 1).replaceAll('\\', '/'));
      }
    }
    return found;
  }

  it('takes zod only from src/engine/zod.ts, which turns its eval probe off first', () => {
    expect(directZodImports('src')).toEqual(['src/engine/zod.ts']);
    expect(directZodImports('scenes')).toEqual([]);
    expect(read('src', 'engine', 'zod.ts')).toMatch(/config\(\{ jitless: true \}\)/);
  });
});
