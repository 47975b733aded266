/**
 * The engine is pure TypeScript: it runs in Node for these tests and in the validator, so it
 * must not import the game's browser libraries or touch browser globals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/scenario-files';

const ENGINE_DIR = join(ROOT, 'src', 'engine');
const BANNED_PACKAGES = ['phaser', 'i18next', 'howler'];
const BANNED_GLOBALS = ['document', 'window', 'localStorage', 'navigator'];

/** Removes comments, keeping string and template literals (module names live in strings). */
function stripComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end === -1 ? source.length : end + 2;
      out += ' ';
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Every module a source file imports, statically or dynamically. */
function importedModules(code: string): string[] {
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1] as string));
}

/** What is impure in one source file, as readable lines; empty when it is pure. */
function impurities(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  for (const spec of importedModules(code)) {
    const bare = spec.toLowerCase();
    for (const pkg of BANNED_PACKAGES) {
      if (bare === pkg || bare.startsWith(`${pkg}/`)) found.push(`imports "${spec}"`);
    }
  }
  for (const name of BANNED_GLOBALS) {
    if (new RegExp(`\\b${name}\\b`).test(code)) found.push(`refers to \`${name}\``);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx|js|mjs|cjs|mts|cts)$/.test(name))
    .map((name) => join(dir, name))
    .sort();
}

describe('engine purity', () => {
  it("finds the engine's source files", () => {
    const names = sourceFiles(ENGINE_DIR).map((file) => relative(ENGINE_DIR, file));
    expect(names).toEqual(
      expect.arrayContaining(['index.ts', 'runner.ts', 'schema.ts', 'snapshot.ts', 'validate.ts']),
    );
  });

  it('no file under src/engine imports phaser, i18next or howler, or uses browser globals', () => {
    const report: string[] = [];
    for (const file of sourceFiles(ENGINE_DIR)) {
      for (const problem of impurities(readFileSync(file, 'utf8'))) {
        report.push(`${relative(ROOT, file)} ${problem}`);
      }
    }
    expect(report).toEqual([]);
  });
});

describe('the purity check itself', () => {
  it.each([
    ["import Phaser from 'phaser';", 'imports "phaser"'],
    ['import { Scene } from "phaser/src/scene";', 'imports "phaser/src/scene"'],
    ["import i18next from 'i18next';", 'imports "i18next"'],
    ["import 'howler';", 'imports "howler"'],
    ["const { Howl } = await import('howler');", 'imports "howler"'],
    ["const t = require('i18next');", 'imports "i18next"'],
    ['const w = window.innerWidth;', 'refers to `window`'],
    ["document.title = 'x';", 'refers to `document`'],
    ["const saved = localStorage.getItem('run');", 'refers to `localStorage`'],
    ['const lang = navigator.language;', 'refers to `navigator`'],
    ['const d = globalThis.document;', 'refers to `document`'],
  ])('flags %s', (source, problem) => {
    expect(impurities(source)).toContain(problem);
  });

  it('ignores comments, and names that only contain a banned word', () => {
    const source = [
      '/** Pure: no Phaser, no DOM, no i18next, no window or document. */',
      '// navigator and localStorage are for the UI layer',
      "import { z } from 'zod';",
      "import { tally } from './scoring';",
      'const windowSize = 3; const documented = true;',
      "const url = 'https://example.org/path';",
    ].join('\n');
    expect(impurities(source)).toEqual([]);
  });
});
