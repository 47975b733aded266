/**
 * Reads the scenario folders from disk and validates them: shared by `npm run validate`,
 * the build (a Vite plugin) and the tests, so all three judge a scenario the same way.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { helpLinesSchema, knownRegions } from '../../src/content/help-lines-schema';
import {
  compareLocales,
  type LocaleFile,
  type Problem,
  parseJsonText,
  pathToString,
  type Scenario,
  type SpotCheck,
  validateScenario,
  validateSpotCheck,
} from '../../src/engine/index';
import { LANGUAGES } from '../../src/i18n/languages';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SCENARIOS_DIR = join(ROOT, 'scenarios');
export const APP_LOCALES_DIR = join(ROOT, 'src', 'i18n', 'locales');
export const HELP_LINES_FILE = join(ROOT, 'src', 'content', 'help-lines.json');
export const SPOT_CHECK_DIR = join(ROOT, 'src', 'content', 'spot-check');

export interface FolderReport {
  readonly folder: string;
  readonly scenario?: Scenario;
  readonly problems: readonly Problem[];
}

const rel = (path: string) => relative(ROOT, path);

function readJson(path: string): { ok: true; data: unknown } | { ok: false; problem: Problem } {
  return parseJsonText(rel(path), readFileSync(path, 'utf8'));
}

export function scenarioFolders(dir = SCENARIOS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => join(dir, name));
}

/** Validates one scenario folder: `scenario.json` plus `locales/<language>.json`. */
export function validateFolder(folder: string, regions?: readonly string[]): FolderReport {
  const problems: Problem[] = [];
  const scenarioPath = join(folder, 'scenario.json');
  if (!existsSync(scenarioPath)) {
    return { folder, problems: [{ file: rel(folder), path: '', message: 'has no scenario.json' }] };
  }
  const parsed = readJson(scenarioPath);
  if (!parsed.ok) return { folder, problems: [parsed.problem] };

  const locales = readLocales(join(folder, 'locales'), problems);
  const report = validateScenario(
    { file: rel(scenarioPath), data: parsed.data },
    locales,
    LANGUAGES,
    { knownRegions: regions ?? validateHelpLines().regions },
  );
  problems.push(...report.problems);
  const folderName = folder.split(/[\\/]/).pop();
  const id = (parsed.data as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && id !== folderName) {
    problems.push({
      file: rel(scenarioPath),
      path: 'id',
      message: `is "${id}" but the folder is "${folderName}"; they must match`,
    });
  }
  return problems.length === 0 && report.scenario
    ? { folder, scenario: report.scenario, problems }
    : { folder, problems };
}

/** The app's own locale files: every language has every key English has. */
export function validateAppLocales(dir = APP_LOCALES_DIR): Problem[] {
  const problems: Problem[] = [];
  const files: LocaleFile[] = [];
  for (const locale of LANGUAGES) {
    const path = join(dir, `${locale}.json`);
    if (!existsSync(path)) {
      problems.push({ file: rel(path), path: '', message: 'is missing' });
      continue;
    }
    const parsed = readJson(path);
    if (parsed.ok) files.push({ locale, file: rel(path), data: parsed.data });
    else problems.push(parsed.problem);
  }
  const english = files.find((f) => f.locale === 'en');
  if (english)
    problems.push(
      ...compareLocales(
        english,
        files.filter((f) => f !== english),
      ),
    );
  return problems;
}

/** Reads a folder's `locales/<language>.json` files, reporting unreadable or stray ones. */
function readLocales(localesDir: string, problems: Problem[]): LocaleFile[] {
  const locales: LocaleFile[] = [];
  const names = existsSync(localesDir) ? readdirSync(localesDir).sort() : [];
  for (const name of names) {
    const path = join(localesDir, name);
    const locale = name.replace(/\.json$/, '');
    if (!name.endsWith('.json') || !(LANGUAGES as readonly string[]).includes(locale)) {
      problems.push({
        file: rel(path),
        path: '',
        message: `is not a locale file; expected one of ${LANGUAGES.map((l) => `${l}.json`).join(', ')}`,
      });
      continue;
    }
    const text = readJson(path);
    if (text.ok) locales.push({ locale, file: rel(path), data: text.data });
    else problems.push(text.problem);
  }
  return locales;
}

/** The spot check: spot-check.json and its locales. */
export function validateSpotCheckFolder(dir = SPOT_CHECK_DIR): {
  spotCheck?: SpotCheck;
  problems: Problem[];
} {
  const path = join(dir, 'spot-check.json');
  if (!existsSync(path))
    return { problems: [{ file: rel(path), path: '', message: 'is missing' }] };
  const parsed = readJson(path);
  if (!parsed.ok) return { problems: [parsed.problem] };
  const problems: Problem[] = [];
  const locales = readLocales(join(dir, 'locales'), problems);
  const report = validateSpotCheck({ file: rel(path), data: parsed.data }, locales, LANGUAGES);
  problems.push(...report.problems);
  return problems.length === 0 && report.spotCheck
    ? { spotCheck: report.spotCheck, problems }
    : { problems };
}

/** The help-line data: its problems, and the regions it knows when it is valid. */
export function validateHelpLines(path = HELP_LINES_FILE): {
  regions?: string[];
  problems: Problem[];
} {
  const parsed = readJson(path);
  if (!parsed.ok) return { problems: [parsed.problem] };
  const result = helpLinesSchema.safeParse(parsed.data);
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => ({
        file: rel(path),
        path: pathToString(issue.path),
        message: issue.message,
      })),
    };
  }
  return { regions: knownRegions(result.data), problems: [] };
}

/** Everything: every scenario folder, the app's locales, the help lines and the spot check. */
export function validateAll(dir = SCENARIOS_DIR): { reports: FolderReport[]; problems: Problem[] } {
  const helpLines = validateHelpLines();
  const reports = scenarioFolders(dir).map((folder) => validateFolder(folder, helpLines.regions));
  const problems = [
    ...reports.flatMap((r) => r.problems),
    ...validateAppLocales(),
    ...helpLines.problems,
    ...validateSpotCheckFolder().problems,
  ];
  if (reports.length === 0)
    problems.push({ file: rel(dir), path: '', message: 'holds no scenario' });
  return { reports, problems };
}
