import { execFileSync } from 'node:child_process';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  // Relative asset paths, so the build works from any static host and any sub-path.
  base: './',
  plugins: [validateScenarios()],
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
