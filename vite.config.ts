import { execFileSync } from 'node:child_process';
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
 * The dev server (`npm start`) injects CSS as <style> elements and shows errors in an overlay
 * built with innerHTML: it gets the same policy with inline styles allowed and without Trusted
 * Types. Only the dev server: the build keeps index.html's strict policy, and the browser tests
 * run against the build.
 */
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

export default defineConfig({
  // Relative asset paths, so the build works from any static host and any sub-path.
  base: './',
  plugins: [validateScenarios(), relaxCspForDevServer(), offline()],
  build: {
    target: 'es2022',
    // Phaser is ~1.4 MB raw whatever is imported; it is lazy and in its own chunk.
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
