import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, validateAll } from '../../scripts/lib/scenario-files';
import {
  bestAttainableScore,
  compareLocales,
  formatProblem,
  type Problem,
  parseJsonText,
  scenarioSchema,
  validateScenario,
} from '../../src/engine/index';
import { LANGUAGES } from '../../src/i18n/languages';
import {
  deepClone,
  type LocaleTree,
  MINI_SCENARIO_FILE,
  type MiniLocale,
  miniLocaleFile,
  miniLocaleFiles,
  miniLocales,
  miniScenario,
  miniScenarioData,
  miniSource,
  type ScenarioData,
} from '../fixtures/mini-scenario';

type Locales = Record<MiniLocale, LocaleTree>;

/** The mini scenario is deliberately short: one of its paths ends after a single decision. */
const MINI_OPTIONS = { minDecisionsPerPath: 1 };
type NodeData = ScenarioData['nodes'][string];

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the fixture has no ${what}`);
  return value;
}

const nodeOf = (data: ScenarioData, id: string): NodeData => must(data.nodes[id], `node "${id}"`);
const decisionOf = (data: ScenarioData, id: string) =>
  must(nodeOf(data, id).decision, `decision at "${id}"`);
const beatOf = (data: ScenarioData, id: string, index: number) =>
  must(nodeOf(data, id).beats?.[index], `beat ${index} at "${id}"`);

/** Sets (or, with undefined, deletes) a dotted key in a nested locale object. */
function setText(tree: LocaleTree, key: string, value: string | undefined): void {
  const parts = key.split('.');
  const last = parts.pop() as string;
  let here = tree;
  for (const part of parts) {
    const next = here[part];
    if (typeof next !== 'object') throw new Error(`no "${key}" in the locale`);
    here = next;
  }
  if (!(last in here)) throw new Error(`no "${key}" in the locale`);
  if (value === undefined) delete here[last];
  else here[last] = value;
}

/** Validates deep copies of the mini scenario and its locales after `damage`. */
function validateDamaged(damage: (data: ScenarioData, locales: Locales) => void) {
  const data = deepClone(miniScenarioData);
  const locales = deepClone(miniLocales);
  damage(data, locales);
  return validateScenario(miniSource(data), miniLocaleFiles(locales), LANGUAGES, MINI_OPTIONS);
}

interface Expected {
  readonly file?: string;
  readonly path: string;
  readonly message: RegExp;
}

function expectProblem(problems: readonly Problem[], expected: Expected): void {
  const file = expected.file ?? MINI_SCENARIO_FILE;
  const match = problems.find(
    (p) => p.file === file && p.path === expected.path && expected.message.test(p.message),
  );
  expect(
    match,
    `expected a problem in ${file} at "${expected.path}" matching ${expected.message}; got:\n${problems.map(formatProblem).join('\n')}`,
  ).toBeDefined();
}

describe('the shipped scenarios', () => {
  it('all pass the validator, with the app locales', () => {
    const { reports, problems } = validateAll();
    expect(problems.map(formatProblem)).toEqual([]);
    expect(reports.length).toBeGreaterThanOrEqual(1);
    for (const report of reports) expect(report.scenario).toBeDefined();
    expect(reports.map((r) => r.scenario?.id)).toContain('toronto-police-call');
  });
});

describe('validateScenario on the mini scenario', () => {
  it('passes when intact, and returns the parsed scenario', () => {
    const report = validateScenario(miniSource(), miniLocaleFiles(), LANGUAGES, MINI_OPTIONS);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.scenario).toEqual(miniScenario);
  });

  it('counts a positive screenshot once on top of the best move', () => {
    expect(bestAttainableScore(miniScenario)).toBe(4);
    const data = deepClone(miniScenarioData);
    must(data.actions?.screenshot, 'screenshot action').score = 0;
    expect(bestAttainableScore(scenarioSchema.parse(data))).toBe(3);
    must(data.actions?.screenshot, 'screenshot action').score = -2;
    // A harmful stay-action is simply not taken.
    expect(bestAttainableScore(scenarioSchema.parse(data))).toBe(3);
  });
});

describe('validateScenario finds each fault, naming file, place and cause', () => {
  const cases: ReadonlyArray<
    [string, (data: ScenarioData, locales: Locales) => void, readonly Expected[]]
  > = [
    [
      'a required field missing (no start)',
      (data) => {
        delete (data as Partial<ScenarioData>).start;
      },
      [{ path: 'start', message: /expected string/ }],
    ],
    [
      'an unknown field at the top',
      (data) => Object.assign(data, { colour: 'red' }),
      [{ path: '', message: /Unrecognized key.*"colour"/ }],
    ],
    [
      'an unknown field in a node',
      (data) => Object.assign(nodeOf(data, 'chat'), { mood: 'sunny' }),
      [{ path: 'nodes.chat', message: /Unrecognized key.*"mood"/ }],
    ],
    [
      'an option pointing to an unknown node',
      (data) => {
        must(decisionOf(data, 'request').options[1], 'option').next = 'end-nowhere';
      },
      [
        {
          path: 'nodes.request.decision.options[1].next',
          message: /node "end-nowhere", which does not exist/,
        },
      ],
    ],
    [
      'an action use naming an unknown action',
      (data) => {
        must(decisionOf(data, 'call').actions?.[0], 'action use').action = 'report';
      },
      [
        {
          path: 'nodes.call.decision.actions[0].action',
          message: /action "report", which is not in "actions"/,
        },
      ],
    ],
    [
      'a beat naming an unknown contact',
      (data) => {
        const beat = beatOf(data, 'call', 0);
        if (beat.type !== 'caller-id') throw new Error('expected a caller-id beat');
        beat.contact = 'grandma';
      },
      [
        {
          path: 'nodes.call.beats[0].contact',
          message: /contact "grandma", which is not in "contacts"/,
        },
      ],
    ],
    [
      'a message from an unknown contact',
      (data) => {
        const beat = beatOf(data, 'chat', 0);
        if (beat.type !== 'message') throw new Error('expected a message beat');
        beat.from = 'samantha';
      },
      [{ path: 'nodes.chat.beats[0].from', message: /contact "samantha"/ }],
    ],
    [
      'a beat flag that is not in redFlags',
      (data) => {
        beatOf(data, 'chat', 3).flags = ['off-platform', 'free-money'];
      },
      [
        {
          path: 'nodes.chat.beats[3].flags[1]',
          message: /red flag "free-money", which is not in "redFlags"/,
        },
      ],
    ],
    [
      'an option spotting a flag that is not in redFlags',
      (data) => {
        must(decisionOf(data, 'call').options[1], 'option').spots = ['gift-cards'];
      },
      [{ path: 'nodes.call.decision.options[1].spots[0]', message: /red flag "gift-cards"/ }],
    ],
    [
      'a node never reached',
      (data) => {
        data.nodes.orphan = {
          ending: { outcome: 'safe', title: 'endings.safe.title', debrief: ['endings.safe.body'] },
        };
      },
      [{ path: 'nodes.orphan', message: /never reached/ }],
    ],
    [
      'a cycle',
      (data) => {
        nodeOf(data, 'blocked').next = 'chat';
      },
      [{ path: 'nodes.chat', message: /loop.*chat -> call -> blocked -> chat/ }],
    ],
    [
      'a decision where no choice leads anywhere (options without next)',
      (data) => {
        for (const option of decisionOf(data, 'request').options) {
          delete (option as { next?: string }).next;
        }
      },
      [
        { path: 'nodes.request.decision.options[0].next', message: /expected string/ },
        { path: 'nodes.request.decision.options[1].next', message: /expected string/ },
      ],
    ],
    [
      'a decision with a single choice',
      (data) => {
        const decision = decisionOf(data, 'request');
        decision.options = decision.options.slice(0, 1);
      },
      [{ path: 'nodes.request.decision', message: /at least two choices/ }],
    ],
    [
      'the same choice id twice at a decision',
      (data) => {
        must(decisionOf(data, 'call').options[1], 'option').id = 'buy-cards';
      },
      [{ path: 'nodes.call.decision.options[1].id', message: /"buy-cards" is used twice/ }],
    ],
    [
      'a bestScore too high',
      (data) => {
        data.bestScore = 5;
      },
      [{ path: 'bestScore', message: /is 5, but the best path scores 4/ }],
    ],
    [
      'a bestScore too low (the screenshot forgotten)',
      (data) => {
        data.bestScore = 3;
      },
      [{ path: 'bestScore', message: /is 3, but the best path scores 4/ }],
    ],
    [
      'a red flag never shown',
      (data) => {
        delete beatOf(data, 'chat', 3).flags;
      },
      [{ path: 'redFlags.off-platform', message: /never appears/ }],
    ],
    [
      'a red flag no choice spots',
      (data) => {
        const call = decisionOf(data, 'call');
        must(call.options[1], 'option').spots = [];
        must(call.actions?.[1], 'block action use').spots = ['off-platform', 'stranger-request'];
      },
      [{ path: 'redFlags.gift-card', message: /no choice spots it/ }],
    ],
    [
      'a text key missing in fr',
      (_data, locales) => setText(locales.fr, 'nodes.call.blockFeedback', undefined),
      [
        {
          file: miniLocaleFile('fr'),
          path: 'nodes.call.blockFeedback',
          message: /lacks the text "nodes.call.blockFeedback"/,
        },
      ],
    ],
    [
      'an empty translation',
      (_data, locales) => setText(locales['zh-Hans'], 'meta.title', '   '),
      [{ file: miniLocaleFile('zh-Hans'), path: 'meta.title', message: /lacks.*"meta.title"/ }],
    ],
    [
      'a text key missing in English itself',
      (_data, locales) => setText(locales.en, 'endings.shared.tip', undefined),
      [{ file: miniLocaleFile('en'), path: 'endings.shared.tip', message: /lacks/ }],
    ],
    [
      'a placeholder dropped in zh-Hans',
      (_data, locales) => setText(locales['zh-Hans'], 'nodes.chat.hello', '你好！'),
      [
        {
          file: miniLocaleFile('zh-Hans'),
          path: 'nodes.chat.hello',
          message: /placeholders \{\} where English uses \{name\}/,
        },
      ],
    ],
    [
      'a missing locale file for a required language',
      (_data, locales) => {
        delete (locales as Partial<Locales>).fr;
      },
      [{ path: '', message: /no "fr" locale file/ }],
    ],
    [
      'schemaVersion 2',
      (data) => {
        (data as { schemaVersion: number }).schemaVersion = 2;
      },
      [{ path: 'schemaVersion', message: /schemaVersion 1/ }],
    ],
  ];

  it.each(cases)('%s', (_label, damage, expected) => {
    const report = validateDamaged(damage);
    expect(report.scenario).toBeUndefined();
    expect(report.problems.length).toBeGreaterThan(0);
    for (const problem of expected) expectProblem(report.problems, problem);
  });

  it('a node that leads back to itself is reported at that node', () => {
    const report = validateDamaged((data) => {
      must(decisionOf(data, 'call').options[1], 'option').next = 'call';
    });
    expectProblem(report.problems, { path: 'nodes.call', message: /loop.*: call -> call;/ });
    const loops = report.problems.filter((p) => /loop/.test(p.message));
    expect(loops.map(formatProblem)).toEqual([
      `${MINI_SCENARIO_FILE}: at nodes.call: the story can loop forever: call -> call; every path must reach an ending`,
    ]);
  });

  it('reports a missing translation once per file and key', () => {
    const report = validateDamaged((_data, locales) =>
      setText(locales.fr, 'nodes.chat.hello', undefined),
    );
    const hits = report.problems.filter(
      (p) => p.file === miniLocaleFile('fr') && p.path === 'nodes.chat.hello',
    );
    expect(hits).toHaveLength(1);
  });
});

describe('compareLocales', () => {
  it('names an extra English key that a translation lacks, even if no scenario uses it', () => {
    const en = deepClone(miniLocales.en);
    en.extra = { hint: 'Take your time, {{name}}.' };
    const fr = deepClone(miniLocales.fr);
    fr.extra = { hint: 'Prenez votre temps.' };
    const problems = compareLocales({ locale: 'en', file: 'en.json', data: en }, [
      { locale: 'fr', file: 'fr.json', data: fr },
      { locale: 'zh-Hans', file: 'zh-Hans.json', data: miniLocales['zh-Hans'] },
    ]);
    expect(problems).toEqual([
      {
        file: 'fr.json',
        path: 'extra.hint',
        message: 'uses placeholders {} where English uses {name}',
      },
      {
        file: 'zh-Hans.json',
        path: 'extra.hint',
        message: 'lacks a translation of "extra.hint" (English has it)',
      },
    ]);
  });
});

describe('parseJsonText', () => {
  it('returns the data of valid JSON', () => {
    expect(parseJsonText('a.json', '{ "a": [1, 2] }')).toEqual({ ok: true, data: { a: [1, 2] } });
  });

  it.each([
    ['a trailing comma', '{\n  "a": 1,\n}', 3, 1],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3],
    ['a closing brace too many', '{\n  "a": 1\n}\n}', 4, 1],
    ['a word without quotes', '{\n  "a": yes\n}', 2, 8],
    ['a file cut short', '{\n  "a": tru', 2, 11],
  ])('locates %s by line and column', (_label, text, line, column) => {
    const parsed = parseJsonText('scenarios/broken/scenario.json', text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.file).toBe('scenarios/broken/scenario.json');
    expect(parsed.problem.path).toBe('');
    expect(parsed.problem.message).toMatch(/^is not valid JSON/);
    expect(parsed.problem.message).toContain(`(line ${line}, column ${column})`);
  });
});

describe('validateAll on a folder of broken scenarios', () => {
  let dir = '';
  const writeJson = (path: string, data: unknown) =>
    writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);

  /** A valid copy of the Toronto call as a folder, under the given folder name and id. */
  function writeScenarioFolder(folder: string, id: string): string {
    const source = join(ROOT, 'scenarios', 'toronto-police-call');
    const path = join(dir, folder);
    mkdirSync(join(path, 'locales'), { recursive: true });
    const data = JSON.parse(readFileSync(join(source, 'scenario.json'), 'utf8'));
    writeJson(join(path, 'scenario.json'), { ...data, id });
    for (const locale of LANGUAGES) {
      const texts = JSON.parse(readFileSync(join(source, 'locales', `${locale}.json`), 'utf8'));
      writeJson(join(path, 'locales', `${locale}.json`), texts);
    }
    return path;
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'red-flags-scenarios-'));
    const badJson = writeScenarioFolder('bad-json', 'bad-json');
    writeFileSync(join(badJson, 'scenario.json'), '{\n  "id": "bad-json",\n}\n');
    writeScenarioFolder('wrong-id', 'toronto-police-call');
    const stray = writeScenarioFolder('stray-locale', 'stray-locale');
    writeJson(join(stray, 'locales', 'de.json'), { meta: { title: 'Ein Anruf' } });
    writeScenarioFolder('good', 'good');
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const fileIn = (...parts: string[]) => join(basename(dir), ...parts);

  function problemsOf(folder: string): Problem[] {
    const report = validateAll(dir).reports.find((r) => basename(r.folder) === folder);
    return [...must(report, `report for "${folder}"`).problems];
  }

  it('reports a scenario.json that is not valid JSON, with its file, line and column', () => {
    const problems = problemsOf('bad-json');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file.endsWith(fileIn('bad-json', 'scenario.json'))).toBe(true);
    expect(problems[0]?.message).toMatch(/not valid JSON \(line 3, column 1\)/);
  });

  it('reports an id that differs from the folder name', () => {
    const problems = problemsOf('wrong-id');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file.endsWith(fileIn('wrong-id', 'scenario.json'))).toBe(true);
    expect(problems[0]?.path).toBe('id');
    expect(problems[0]?.message).toMatch(/"toronto-police-call" but the folder is "wrong-id"/);
  });

  it('reports a stray locale file', () => {
    const problems = problemsOf('stray-locale');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file.endsWith(fileIn('stray-locale', 'locales', 'de.json'))).toBe(true);
    expect(problems[0]?.message).toMatch(/is not a locale file.*en\.json, fr\.json, zh-Hans\.json/);
  });

  it('passes the intact folder next to them, and counts every problem in the total', () => {
    const { reports, problems } = validateAll(dir);
    expect(reports.map((r) => basename(r.folder))).toEqual([
      'bad-json',
      'good',
      'stray-locale',
      'wrong-id',
    ]);
    const good = reports.find((r) => basename(r.folder) === 'good');
    expect(good?.problems).toEqual([]);
    expect(good?.scenario?.id).toBe('good');
    // Only the three faults above; the app's own locales, checked too, are not in this folder.
    const ours = problems.filter((p) => p.file.includes(basename(dir)));
    expect(ours.map(formatProblem)).toHaveLength(3);
  });

  it('makes the CLI exit 1 and name the broken files on stderr', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/validate-scenarios.ts', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(fileIn('bad-json', 'scenario.json'));
    expect(run.stderr).toContain(fileIn('wrong-id', 'scenario.json'));
    expect(run.stderr).toContain(fileIn('stray-locale', 'locales', 'de.json'));
    expect(run.stderr).toMatch(/\d+ problem\(s\) found/);
  }, 60_000);

  it('makes the CLI exit 0 on the shipped scenarios', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/validate-scenarios.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\d+ scenario\(s\) valid/);
  }, 60_000);
});

describe('a best score means every red flag met was spotted', () => {
  it('rejects a Toronto call where one best path walks past a red flag', () => {
    const folder = join(ROOT, 'scenarios', 'toronto-police-call');
    const data = JSON.parse(readFileSync(join(folder, 'scenario.json'), 'utf8'));
    const locales = LANGUAGES.map((locale) => ({
      locale,
      file: `${locale}.json`,
      data: JSON.parse(readFileSync(join(folder, 'locales', `${locale}.json`), 'utf8')),
    }));
    expect(validateScenario({ file: 'scenario.json', data }, locales, LANGUAGES).problems).toEqual(
      [],
    );

    // Hanging up at the counter-move no longer shows the secrecy was seen through.
    const counter = data.nodes['counter-move'].decision.actions.find(
      (a: { action: string }) => a.action === 'hang-up',
    );
    counter.spots = ['threat-of-arrest', 'crypto-payment'];
    const { problems } = validateScenario({ file: 'scenario.json', data }, locales, LANGUAGES);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'scenario.json',
        path: 'redFlags.secrecy-and-urgency',
        message: expect.stringMatching(/best score .*offer-to-call-station > hang-up/),
      }),
    ]);
  });
});

describe('scenario metadata', () => {
  const REGIONS = ['CA', 'CA-AB', 'CA-ON'];
  const check = (damage: (data: ScenarioData) => void) => {
    const data = deepClone(miniScenarioData);
    damage(data);
    return validateScenario(miniSource(data), miniLocaleFiles(), LANGUAGES, {
      ...MINI_OPTIONS,
      knownRegions: REGIONS,
    }).problems;
  };
  const meta = (data: ScenarioData) => data.meta as Record<string, unknown>;

  it('accepts the intact metadata', () => {
    expect(check(() => {})).toEqual([]);
  });

  it.each([
    [
      'missing metadata',
      (d: ScenarioData) => delete (d as Partial<ScenarioData>).meta,
      'meta',
      /expected object/i,
    ],
    [
      'an unknown scam type',
      (d: ScenarioData) => (meta(d).scamType = 'phishing'),
      'meta.scamType',
      /invalid option/i,
    ],
    [
      'an unknown age band',
      (d: ScenarioData) => (meta(d).ageBand = '7+'),
      'meta.ageBand',
      /invalid option/i,
    ],
    [
      'a sextortion scenario for ages 9+',
      (d: ScenarioData) => (meta(d).ageBand = '9+'),
      'meta.ageBand',
      /ages 11\+ at the youngest/,
    ],
    [
      'an unknown region',
      (d: ScenarioData) => (meta(d).region = 'US-NY'),
      'meta.region',
      /not a region of the help lines/,
    ],
    [
      'a malformed region',
      (d: ScenarioData) => (meta(d).region = 'canada'),
      'meta.region',
      /region code/,
    ],
    [
      'no sources',
      (d: ScenarioData) => (meta(d).sources = []),
      'meta.sources',
      /too small|at least/i,
    ],
    [
      'no playing time',
      (d: ScenarioData) => delete meta(d).minutes,
      'meta.minutes',
      /expected number/i,
    ],
    [
      'a sextortion scenario without a content note',
      (d: ScenarioData) => delete meta(d).contentNote,
      'meta.contentNote',
      /required for sextortion/,
    ],
    [
      'a red flag tied to guidance of another scam type',
      (d: ScenarioData) =>
        ((d.redFlags['stranger-request'] as Record<string, unknown>).guidance = 'threat-of-arrest'),
      'redFlags.stranger-request.guidance',
      /not a red flag of the sextortion guidance/,
    ],
  ])('rejects %s, naming the file and the place', (_name, damage, path, message) => {
    const problems = check(damage as (d: ScenarioData) => void);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: MINI_SCENARIO_FILE,
        path,
        message: expect.stringMatching(message),
      }),
    );
  });
});

describe('every path rehearses at least three decisions', () => {
  it('rejects a scenario with a path that ends after fewer than three decisions, naming the ending', () => {
    const { problems } = validateScenario(miniSource(), miniLocaleFiles(), LANGUAGES);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: MINI_SCENARIO_FILE,
        path: expect.stringMatching(/^nodes\.end-/),
        message: expect.stringMatching(
          /after only [12] decision\(s\) \(.+\); every path needs at least 3/,
        ),
      }),
    );
  });
});

describe('without the path walk (the game loading a file the build checked)', () => {
  const quick = { pathChecks: false } as const;

  it('skips the authoring rules that walk every path', () => {
    // The mini scenario breaks the three-decision rule, and here its best score is wrong too.
    const data = deepClone(miniScenarioData);
    data.bestScore = 5;
    expect(validateScenario(miniSource(data), miniLocaleFiles(), LANGUAGES).problems).not.toEqual(
      [],
    );
    const report = validateScenario(miniSource(data), miniLocaleFiles(), LANGUAGES, quick);
    expect(report.problems).toEqual([]);
    expect(report.scenario?.id).toBe(miniScenarioData.id);
  });

  it('still refuses what could break a game: schema, references, graph, texts', () => {
    const dangling = deepClone(miniScenarioData);
    must(decisionOf(dangling, 'request').options[0], 'option').next = 'nowhere';
    expect(
      validateScenario(miniSource(dangling), miniLocaleFiles(), LANGUAGES, quick).problems,
    ).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/"nowhere"/) }));
    const untyped = { ...deepClone(miniScenarioData), channel: 'fax' };
    expect(
      validateScenario(miniSource(untyped), miniLocaleFiles(), LANGUAGES, quick).scenario,
    ).toBeUndefined();
    const locales = deepClone(miniLocales);
    setText(must(locales.fr, 'fr texts'), 'meta.title', undefined);
    expect(
      validateScenario(miniSource(), miniLocaleFiles(locales), LANGUAGES, quick).problems,
    ).toContainEqual(expect.objectContaining({ path: 'meta.title' }));
  });
});
