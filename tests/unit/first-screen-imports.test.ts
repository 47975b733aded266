/**
 * What the first screen loads: src/main.ts and the app it asks for at once (src/boot.ts), with
 * everything they import statically. Some libraries must stay out of that set, fetched only
 * when needed, or a school laptop waits for them before the first screen takes input: the
 * schema library (zod: the store loads the schemas on first use), Phaser (the phone, fetched
 * after the first screen), workbox-window (the service worker is registered after the first
 * screen) and the scenario engine's runner.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Module specifiers a file imports statically for their values (not `import type`, not `import()`). */
function staticImports(source: string): string[] {
  const found: string[] = [];
  const statement =
    /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(statement)) {
    const [, , typeOnly, clause = '', from, bare] = match;
    if (bare) {
      found.push(bare);
      continue;
    }
    if (typeOnly || !from) continue;
    // `import { type A, type B } from` brings no value either.
    const names = clause.match(/^\{([\s\S]*)\}$/)?.[1];
    if (names !== undefined) {
      const parts = names
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      if (parts.length > 0 && parts.every((part) => part.startsWith('type '))) continue;
    }
    found.push(from);
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  return [base, `${base}.ts`, join(base, 'index.ts')].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

/** Every file and package reachable by static imports from `entries`. */
function reachable(entries: readonly string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.ts')) continue;
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const target = resolveLocal(file, specifier);
      if (!target) throw new Error(`${relative(ROOT, file)}: cannot resolve ${specifier}`);
      queue.push(target);
    }
  }
  return { files, packages };
}

describe('staticImports', () => {
  it('counts value imports, re-exports and bare imports, not type-only ones or import()', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, f } from './e';",
      "export { g } from './g';",
      "export type { H } from './h';",
      "import './styles.css';",
      "const later = () => import('./later');",
      "import {\n  multi,\n  line,\n} from './multi';",
    ].join('\n');
    expect(staticImports(source)).toEqual(['./a', './e', './g', './styles.css', './multi']);
  });
});

describe('the first screen', () => {
  const { files, packages } = reachable([
    join(ROOT, 'src', 'main.ts'),
    join(ROOT, 'src', 'boot.ts'),
  ]);
  const local = [...files].map((file) => relative(ROOT, file));

  it('is what src/main.ts and src/boot.ts import (a sanity check of the walk)', () => {
    expect(local).toContain('src/ui/home-screen.ts');
    expect(local).toContain('src/storage/result-store.ts');
    expect([...packages]).toContain('i18next');
  });

  it('loads no schema library, no Phaser, no Workbox and no scenario engine runner', () => {
    expect(local.filter((file) => file === 'src/engine/zod.ts')).toEqual([]);
    expect([...packages].filter((name) => /^(zod|phaser|howler|workbox)/.test(name))).toEqual([]);
    expect(local.filter((file) => file.startsWith('scenes/'))).toEqual([]);
    expect(local.filter((file) => /src\/engine\/(runner|schema|validate)\.ts$/.test(file))).toEqual(
      [],
    );
  });
});
