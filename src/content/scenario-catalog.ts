/**
 * The scenarios the build contains, loaded on demand: each scenario file and each of its locale
 * files is its own small chunk, fetched only when needed. Everything loaded is validated again
 * here, so a damaged file gives a clear message instead of a broken game.
 */
import { formatProblem, type Problem, type Scenario, validateScenario } from '../engine/index';
import type { Language } from '../i18n/languages';

type Loader = () => Promise<unknown>;

const scenarioFiles = import.meta.glob<unknown>('/scenarios/*/scenario.json', {
  import: 'default',
});
const localeFiles = import.meta.glob<unknown>('/scenarios/*/locales/*.json', { import: 'default' });

const scenarioPath = (id: string) => `/scenarios/${id}/scenario.json`;
const localePath = (id: string, language: Language) => `/scenarios/${id}/locales/${language}.json`;

export class ScenarioLoadError extends Error {
  override readonly name = 'ScenarioLoadError';
  constructor(
    readonly scenarioId: string,
    readonly problems: readonly Problem[],
  ) {
    super(`scenario "${scenarioId}" cannot be played:\n${problems.map(formatProblem).join('\n')}`);
  }
}

/** The ids of every scenario in the build, in folder order. */
export function scenarioIds(): string[] {
  return Object.keys(scenarioFiles)
    .map((path) => path.split('/')[2] ?? '')
    .filter((id) => id !== '')
    .sort();
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The scenario's texts in the requested language, ready for i18next. */
  readonly texts: Record<string, unknown>;
}

async function load(loader: Loader | undefined, file: string, id: string): Promise<unknown> {
  if (!loader)
    throw new ScenarioLoadError(id, [{ file, path: '', message: 'is not in this build' }]);
  try {
    return await loader();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ScenarioLoadError(id, [
      { file, path: '', message: `could not be loaded: ${message}` },
    ]);
  }
}

const cache = new Map<string, Promise<LoadedScenario>>();

/** Loads and validates a scenario with its text in one language. */
export function loadScenario(id: string, language: Language): Promise<LoadedScenario> {
  const cacheKey = `${id}|${language}`;
  let pending = cache.get(cacheKey);
  if (!pending) {
    pending = (async () => {
      const file = scenarioPath(id);
      const textsFile = localePath(id, language);
      const [data, texts] = await Promise.all([
        load(scenarioFiles[file], file, id),
        load(localeFiles[textsFile], textsFile, id),
      ]);
      const report = validateScenario(
        { file, data },
        [{ locale: language, file: textsFile, data: texts }],
        [language],
        // The build walked every path already (npm run validate); the structure is checked here.
        { pathChecks: false },
      );
      if (!report.scenario) throw new ScenarioLoadError(id, report.problems);
      return { scenario: report.scenario, texts: texts as Record<string, unknown> };
    })();
    // A failed load is not cached, so a later attempt (after a network blip) can succeed.
    pending.catch(() => cache.delete(cacheKey));
    cache.set(cacheKey, pending);
  }
  return pending;
}
