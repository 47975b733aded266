/**
 * Prints every scenario's first-screen card in every language as JSON (stdout), or the
 * validator's problems (stderr, exit 1). The build runs it: see `scenarioCards` in vite.config.ts.
 *   npx tsx scripts/scenario-cards.ts [scenarios folder]
 */
import { resolve } from 'node:path';
import { scenarioCards } from './lib/scenario-cards';

try {
  process.stdout.write(
    `${JSON.stringify(scenarioCards(process.argv[2] ? resolve(process.argv[2]) : undefined))}\n`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
