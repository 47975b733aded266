import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * A broken scenario fails the build, not a student's game. The check is `npm run validate`
 * itself, run as a child process so the build and the command can never disagree.
 */
function validateScenarios(): Plugin {
  return {
    name: 'red-flags:validate-scenarios',
    buildStart() {
      try {
        execFileSync(process.execPath, ['--import', 'tsx', 'scripts/validate-scenarios.ts'], {
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (error) {
        const output = (error as { stderr?: string }).stderr ?? String(error);
        this.error(`scenario validation failed:\n${output}`);
      }
    },
  };
}

/**
 * `virtual:scenario-cards`: the first screen's scenario cards, one small module per language
 * (`cardLoaders.fr()` fetches a few KB), so the first screen needs neither every scenario's
 * story nor the schema library. The cards come from `scripts/scenario-cards.ts`, run as a
 * child process like the validator, once per build and again when a scenario file changes
 * under the dev server.
 */
function scenarioCards(): Plugin {
  const ENTRY = 'virtual:scenario-cards';
  const PREFIX = `${ENTRY}/`;
  let cards: Record<string, unknown> | undefined;
  const readCards = () => {
    cards ??= JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/scenario-cards.ts'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 16 * 1024 * 1024,
      }),
    ) as Record<string, unknown>;
    return cards;
  };
  return {
    name: 'red-flags:scenario-cards',
    resolveId(id) {
      // Rollup's convention: a leading \0 keeps other plugins away from a virtual module.
      return id === ENTRY || id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === `\0${ENTRY}`) {
        const languages = Object.keys(readCards()).map(
          (l) =>
            `  ${JSON.stringify(l)}: () => import(${JSON.stringify(PREFIX + l)}).then((m) => m.default),`,
        );
        return `export const cardLoaders = {\n${languages.join('\n')}\n};\n`;
      }
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const language = id.slice(PREFIX.length + 1);
      try {
        const list = readCards()[language];
        if (!list) return this.error(`${ENTRY}: no language "${language}"`);
        return `export default ${JSON.stringify(list)};\n`;
      } catch (error) {
        const output = (error as { stderr?: string }).stderr ?? String(error);
        return this.error(`${ENTRY}: the scenarios do not validate:\n${output}`);
      }
    },
    watchChange(id) {
      if (/[\\/]scenarios[\\/]/.test(id)) cards = undefined;
    },
    handleHotUpdate({ file, server }) {
      if (!/[\\/]scenarios[\\/]/.test(file)) return;
      cards = undefined;
      for (const module of server.moduleGraph.idToModuleMap.values()) {
        if (module.id?.startsWith(`\0${ENTRY}`)) server.moduleGraph.invalidateModule(module);
      }
    },
  };
}

/**
 * The dev server (`npm start`) injects CSS as <style> elements and shows errors in an overlay
 * built with innerHTML: it gets the same policy with inline styles allowed and without Trusted
 * Types. Only the dev server: the build keeps index.html's strict policy, and the browser tests
 * run against the build.
 */
/**
 * The entry (src/main.ts) imports the app (src/boot.ts) dynamically, so that its first lines can
 * ask for the texts and the scenario list before the app is evaluated. The app's own files are
 * known at build time, though: index.html names them with `<link rel="modulepreload">`, so the
 * browser fetches them beside the entry instead of after it has run.
 */
function preloadBoot(): Plugin {
  return {
    name: 'red-flags:preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        const boot = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/boot.ts'));
        if (!boot) throw new Error('preload-boot: no chunk for src/boot.ts');
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          const chunk = chunks.find((c) => c.fileName === fileName);
          for (const imported of chunk?.imports ?? []) visit(imported);
        };
        visit(boot.fileName);
        // The entry itself and what it imports statically are in index.html already.
        const entry = chunks.find((chunk) => chunk.isEntry);
        for (const known of [entry?.fileName, ...(entry?.imports ?? [])]) {
          if (known) files.delete(known);
        }
        return {
          html,
          tags: [...files].map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
        };
      },
    },
  };
}

function relaxCspForDevServer(): Plugin {
  return {
    name: 'red-flags:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace(/; require-trusted-types-for 'script'; trusted-types [\w-]+/, '');
    },
  };
}

/** Colours of the app shell (src/styles.css): the page (--paper) and its header (--card). */
const PAPER = '#f7f8fb';
const HEADER = '#ffffff';

/**
 * Offline after one visit: a Workbox service worker (generateSW) precaches every file of the
 * build: the shell, every lazy chunk (Phaser, the teacher screens, jsQR, each scenario and each
 * of its languages), every sound and icon. `registerType: 'prompt'`: a new version installs
 * beside the old one and waits; src/pwa/ asks the player, and only their yes activates it and
 * reloads, so a page never runs with files from two versions. The page registers it itself
 * (src/pwa/register.ts, through a Trusted Types policy), so nothing is injected into index.html
 * but the manifest link.
 */
function offline(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: false,
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    // The icons are in the precache through globPatterns already.
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: 'Red Flags',
      short_name: 'Red Flags',
      description:
        'A scam-awareness game for classrooms: realistic DMs and calls, choices, consequences and a debrief.',
      lang: 'en',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'standalone',
      orientation: 'any',
      theme_color: HEADER,
      background_color: PAPER,
      categories: ['education', 'games'],
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,json,wav,png,svg,webmanifest}'],
      // Host configuration, not part of the game.
      globIgnores: ['_headers', '.htaccess', 'sw.js'],
      // Phaser's chunk is about 1.4 MB; nothing may be left out for being big.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      // The Workbox runtime inside sw.js: no importScripts(), so a host that sends the CSP header
      // (Trusted Types included) to sw.js too does not block the worker.
      inlineWorkboxRuntime: true,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
    },
  });
}

const PHASER_SRC = fileURLToPath(new URL('./node_modules/phaser/src/', import.meta.url));

/**
 * The phone's Phaser is Phaser's core build (scenes/phaser-core-build.ts) made from its sources,
 * as Phaser's own webpack config makes it: these feature switches are compile-time constants
 * there. WebGL with the canvas renderer as fallback; Phaser's sound is off (Howler owns sound),
 * as are the 3D camera and Facebook Instant Games plugins and WebGL debugging.
 */
export const PHASER_FEATURES: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true,
  FEATURE_SOUND: false,
  WEBGL_DEBUG: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

function phaserCoreBuild(): Plugin {
  const switches = new RegExp(`typeof (${Object.keys(PHASER_FEATURES).join('|')})\\b`, 'g');
  return {
    name: 'red-flags:phaser-core-build',
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC)) return undefined;
      const built = code
        .replace(switches, (_, name: string) => String(PHASER_FEATURES[name]))
        // The core entry also sets window.Phaser through webpack's `global`: no globals here.
        .replace(/^global\.Phaser = Phaser;$/m, '');
      return built === code ? undefined : { code: built, map: null };
    },
  };
}

export default defineConfig({
  // Relative asset paths, so the build works from any static host and any sub-path.
  base: './',
  plugins: [
    validateScenarios(),
    scenarioCards(),
    phaserCoreBuild(),
    preloadBoot(),
    relaxCspForDevServer(),
    offline(),
  ],
  // The dev server pre-bundles Phaser's CommonJS sources with Rolldown before any Vite plugin
  // sees them: the same switches apply there.
  optimizeDeps: { rolldownOptions: { plugins: [phaserCoreBuild()] } },
  resolve: {
    alias: [
      {
        find: /^phaser$/,
        replacement: fileURLToPath(new URL('./scenes/phaser-core-build.ts', import.meta.url)),
      },
      { find: /^phaser-src\//, replacement: PHASER_SRC },
    ],
  },
  build: {
    target: 'es2022',
    // Phaser is ~1.4 MB raw whatever is imported; it is lazy and in its own chunk.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]|phaser-core-build/ }],
        },
      },
    },
  },
});
