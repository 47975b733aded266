/**
 * Serves the production build (dist/) on 127.0.0.1 for the browser tests, exactly as a
 * static host would. The build itself is made by `npm test` before this runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type PreviewServer, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** Which build to serve: `dist` unless RF_DIST_DIR names another (parallel work on one machine). */
const OUT_DIR = process.env.RF_DIST_DIR || 'dist';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(join(ROOT, OUT_DIR, 'index.html'))) {
    throw new Error(`No build in ${OUT_DIR}/: run \`npm run build\` before the browser tests.`);
  }
  server = await preview({
    root: ROOT,
    configFile: false,
    base: './',
    build: { outDir: OUT_DIR },
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
