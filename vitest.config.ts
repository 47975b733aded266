import { defineConfig } from 'vitest/config';

/**
 * Two test projects, split as Excalibur and Phaser split theirs:
 * - unit: pure TypeScript (engine, validator, i18n resources) in Node, fast;
 * - browser: the built game in Debian Chromium, driven by playwright-core.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: two cores, and the tests measure nothing about speed.
          fileParallelism: false,
        },
      },
    ],
  },
});
