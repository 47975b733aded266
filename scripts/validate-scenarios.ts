/**
 * `npm run validate`: checks every scenario folder and the app's locale files.
 * Prints one line per problem (file, place, what is wrong) and exits 1 if there is any.
 * Pass a folder to check another set of scenarios: `npm run validate -- path/to/scenarios`.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../src/engine/index';
import { LANGUAGES } from '../src/i18n/languages';
import { SCENARIOS_DIR, validateAll } from './lib/scenario-files';

const dir = process.argv[2] ? resolve(process.argv[2]) : SCENARIOS_DIR;
const { reports, problems } = validateAll(dir);
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) found. Fix them before the game can be built.`);
  process.exit(1);
}
console.log(`${reports.length} scenario(s) valid, with every text in ${LANGUAGES.join(', ')}.`);
