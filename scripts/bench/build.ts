/**
 * The two builds the benchmark compares, both made with Vite's own `build()` into .tmp/bench
 * (never dist/, which the browser tests of others may be serving):
 * - the game, with the project's vite.config.ts (so the scenario check runs too);
 * - a bare Phaser 4 page the script writes itself: one scene, one text, one button, and
 *   `performance.mark('app-ready')` in the scene's create(). Phaser sits in its own chunk, as
 *   in the game. It is the yardstick: what any Phaser game costs before it does anything.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'vite';

const BARE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="A bare Phaser 4 page: the benchmark's yardstick." />
    <title>Bare Phaser page</title>
    <link rel="icon" href="data:," />
    <style>
      html, body { margin: 0; height: 100%; background: #0f1420; }
      #game { width: 100vw; height: 100vh; }
    </style>
  </head>
  <body>
    <div id="game"></div>
    <script type="module" src="./main.ts"></script>
  </body>
</html>
`;

const BARE_MAIN = `import * as Phaser from 'phaser';

class BareScene extends Phaser.Scene {
  clicks = 0;

  constructor() {
    super('bare');
  }

  create(): void {
    const { width, height } = this.scale;
    this.add
      .text(width / 2, height / 2 - 60, 'A bare Phaser 4 page', { fontSize: '28px', color: '#ffffff' })
      .setOrigin(0.5);
    const button = this.add
      .text(width / 2, height / 2 + 20, 'Press me', {
        fontSize: '24px',
        color: '#0f1420',
        backgroundColor: '#ffd166',
        padding: { x: 16, y: 10 },
      })
      .setOrigin(0.5)
      .setInteractive({ useHandCursor: true });
    button.on('pointerup', () => {
      this.clicks += 1;
      button.setText('Pressed ' + this.clicks);
    });
    performance.mark('app-ready');
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  backgroundColor: '#0f1420',
  banner: false,
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  scene: [BareScene],
});
`;

export interface Built {
  readonly dir: string;
  /** Files and their sizes on disk, for the printout. */
  readonly files: { path: string; bytes: number }[];
  readonly ms: number;
}

function listFiles(dir: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else out.push({ path: relative(dir, full).split('\\').join('/'), bytes: stat.size });
    }
  };
  walk(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Builds the game with the project's own Vite config into `outDir`. */
export async function buildGame(root: string, outDir: string): Promise<Built> {
  const started = performance.now();
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
  } catch (error) {
    throw new Error(
      `the game's vite build into ${relative(root, outDir)} failed: ${(error as Error).message}`,
    );
  }
  return { dir: outDir, files: listFiles(outDir), ms: performance.now() - started };
}

/** Writes the bare Phaser page into `srcDir` and builds it into `outDir`. */
export async function buildBare(srcDir: string, outDir: string): Promise<Built> {
  const started = performance.now();
  rmSync(srcDir, { recursive: true, force: true });
  mkdirSync(srcDir, { recursive: true });
  writeFileSync(join(srcDir, 'index.html'), BARE_HTML);
  writeFileSync(join(srcDir, 'main.ts'), BARE_MAIN);
  try {
    await build({
      root: srcDir,
      configFile: false,
      base: './',
      logLevel: 'warn',
      cacheDir: join(srcDir, '.vite'),
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        reportCompressedSize: false,
        chunkSizeWarningLimit: 1600,
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
            },
          },
        },
      },
    });
  } catch (error) {
    throw new Error(`the bare page's vite build failed: ${(error as Error).message}`);
  }
  return { dir: outDir, files: listFiles(outDir), ms: performance.now() - started };
}
