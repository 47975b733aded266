/**
 * The scenario validator: everything that can be wrong with a scenario folder, found before a
 * player meets it. Used by `npm run validate`, by the build, by the tests and by the loader.
 *
 * Each problem names the file, the place in it (a path such as
 * `nodes.ring.decision.options[1].next`) and what is wrong, in plain English for authors.
 */
import type { z } from 'zod';
import { choicesAt } from './choices';
import {
  isGuidanceAction,
  isGuidanceFlag,
  MIN_AGE,
  type ScamType,
  YOUNGEST_BAND,
} from './guidance';
import { allPaths, TooManyPathsError } from './paths';
import { type Scenario, scenarioSchema } from './schema';
import { type SpotCheck, spotCheckProblems, spotCheckSchema } from './spot-check';

export interface Problem {
  readonly file: string;
  /** Where in the file; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export interface SourceFile {
  readonly file: string;
  /** Parsed JSON of unknown shape. */
  readonly data: unknown;
}

export interface LocaleFile extends SourceFile {
  readonly locale: string;
}

export interface ValidateOptions {
  /** The regions the help-line data knows; when given, the scenario's region must be one. */
  readonly knownRegions?: readonly string[];
  /** Decisions every path must go through; 3 for real scenarios (tests may use less). */
  readonly minDecisionsPerPath?: number;
  /**
   * Whether to walk every path (the best score is reachable, every path is long enough, best
   * paths spot every flag): authoring rules, checked by `npm run validate` and the build. The
   * game, loading a file the build already checked, skips them: on a slow laptop the walk costs
   * more than the rest together, and what it finds cannot crash a game. Default true.
   */
  readonly pathChecks?: boolean;
}

export interface ValidationReport {
  /** The scenario, typed and with defaults filled in; present only when there is no problem. */
  readonly scenario?: Scenario;
  readonly problems: readonly Problem[];
}

export function formatProblem(problem: Problem): string {
  return problem.path
    ? `${problem.file}: at ${problem.path}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

/** Parses JSON text, turning a syntax error into a problem with a line and column. */
export function parseJsonText(
  file: string,
  text: string,
): { ok: true; data: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const offset = locateJsonError(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return {
      ok: false,
      problem: {
        file,
        path: '',
        message: `is not valid JSON (line ${line}, column ${column}): ${detail}`,
      },
    };
  }
}

/**
 * The offset of the first character that makes `text` invalid JSON. JSON.parse's own message
 * gives a position only for some errors (and differs between Node versions), so a small
 * scanner finds it. Assumes `text` is invalid; returns text.length when it runs out.
 */
export function locateJsonError(text: string): number {
  let i = 0;
  const fail = (at: number): never => {
    throw at;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const literal = (word: string) => {
    for (const char of word)
      if (text.charAt(i) === char) i++;
      else fail(i);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const char = text.charAt(i);
      if (char === '"') {
        i++;
        return;
      }
      if (char === '\\') {
        const escaped = text.charAt(i + 1);
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
          i += 6;
        } else if ('"\\/bfnrt'.includes(escaped) && escaped !== '') i += 2;
        else fail(i);
      } else if (char < ' ') fail(i);
      else i++;
    }
    fail(i);
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === '' || match[0] === '-') fail(i);
    i += match?.[0].length ?? 0;
  };
  const value = (): void => {
    space();
    const char = text.charAt(i);
    if (char === '{') {
      i++;
      space();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text.charAt(i) !== '"') fail(i);
        string();
        space();
        if (text.charAt(i) !== ':') fail(i);
        i++;
        value();
        space();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === '}') {
          i++;
          return;
        } else fail(i);
      }
    } else if (char === '[') {
      i++;
      space();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === ']') {
          i++;
          return;
        } else fail(i);
      }
    } else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  try {
    value();
    space();
    return Math.min(i, text.length);
  } catch (at) {
    return typeof at === 'number' ? at : text.length;
  }
}

export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function schemaProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    path: pathToString(issue.path),
    message: issue.message,
  }));
}

/** Validates one scenario and its locale files against each other. */
export function validateScenario(
  source: SourceFile,
  locales: readonly LocaleFile[],
  requiredLocales: readonly string[],
  options: ValidateOptions = {},
): ValidationReport {
  const { knownRegions, minDecisionsPerPath = MIN_DECISIONS_PER_PATH, pathChecks = true } = options;
  const parsed = scenarioSchema.safeParse(source.data);
  if (!parsed.success) return { problems: schemaProblems(source.file, parsed.error) };
  const scenario = parsed.data;
  const problems: Problem[] = [];
  const report = (path: string, message: string) =>
    problems.push({ file: source.file, path, message });

  checkMeta(scenario, report, knownRegions);
  checkReferences(scenario, report);
  const graphOk = checkGraph(scenario, report);
  if (graphOk && pathChecks) {
    checkBestScore(scenario, report);
    if (problems.length === 0) checkEveryPath(scenario, report, minDecisionsPerPath);
  }
  checkFlagsAreTaught(scenario, report);
  problems.push(...checkTexts(collectTextKeys(scenario), source.file, locales, requiredLocales));
  return problems.length === 0 ? { scenario, problems } : { problems };
}

type Report = (path: string, message: string) => void;

/** A scenario teaches by rehearsal: even a player who ends early meets this many decisions. */
export const MIN_DECISIONS_PER_PATH = 3;

/** Scam types whose scenarios must warn before they start. */
const NEEDS_CONTENT_NOTE: readonly ScamType[] = ['sextortion', 'virtual-kidnapping'];

function checkMeta(scenario: Scenario, report: Report, knownRegions?: readonly string[]): void {
  const { scamType, ageBand, region, contentNote } = scenario.meta;
  if (knownRegions && !knownRegions.includes(region)) {
    report(
      'meta.region',
      `"${region}" is not a region of the help lines (known: ${knownRegions.join(', ')})`,
    );
  }
  const youngest = YOUNGEST_BAND[scamType];
  if (MIN_AGE[ageBand] < MIN_AGE[youngest]) {
    report(
      'meta.ageBand',
      `is "${ageBand}", but ${scamType} scenarios are for ages ${youngest} at the youngest`,
    );
  }
  if (NEEDS_CONTENT_NOTE.includes(scamType) && contentNote === undefined) {
    report('meta.contentNote', `is required for ${scamType} scenarios`);
  }
  for (const [id, flag] of Object.entries(scenario.redFlags)) {
    if (flag.guidance !== undefined && !isGuidanceFlag(scamType, flag.guidance)) {
      report(
        `redFlags.${id}.guidance`,
        `"${flag.guidance}" is not a red flag of the ${scamType} guidance`,
      );
    }
  }
  for (const [i, action] of scenario.rightActions.entries()) {
    if (action.guidance !== undefined && !isGuidanceAction(scamType, action.guidance)) {
      report(
        `rightActions[${i}].guidance`,
        `"${action.guidance}" is not an action of the ${scamType} guidance`,
      );
    }
  }
}

function checkReferences(scenario: Scenario, report: Report): void {
  const nodes = scenario.nodes;
  const flagIds = new Set(Object.keys(scenario.redFlags));
  const contactIds = new Set(Object.keys(scenario.contacts));
  const checkNode = (path: string, id: string | undefined) => {
    if (id !== undefined && !Object.hasOwn(nodes, id))
      report(path, `points to node "${id}", which does not exist`);
  };
  const checkFlags = (path: string, ids: readonly string[] | undefined) => {
    for (const [i, id] of (ids ?? []).entries()) {
      if (!flagIds.has(id))
        report(`${path}[${i}]`, `names red flag "${id}", which is not in "redFlags"`);
    }
  };

  checkNode('start', scenario.start);
  for (const [actionId, action] of Object.entries(scenario.actions)) {
    const path = `actions.${actionId}`;
    checkNode(`${path}.next`, action.next);
    checkFlags(`${path}.spots`, action.spots);
    checkFlags(`${path}.misses`, action.misses);
  }
  for (const [nodeId, node] of Object.entries(nodes)) {
    const at = `nodes.${nodeId}`;
    checkNode(`${at}.next`, node.next);
    for (const [i, beat] of node.beats.entries()) {
      const beatPath = `${at}.beats[${i}]`;
      checkFlags(`${beatPath}.flags`, beat.flags);
      const who = 'contact' in beat ? beat.contact : 'from' in beat ? beat.from : undefined;
      if (who !== undefined && who !== 'player' && !contactIds.has(who)) {
        report(
          `${beatPath}.${'contact' in beat ? 'contact' : 'from'}`,
          `names contact "${who}", which is not in "contacts"`,
        );
      }
    }
    const decision = node.decision;
    if (!decision) continue;
    const seen = new Set<string>();
    for (const [i, option] of decision.options.entries()) {
      const path = `${at}.decision.options[${i}]`;
      if (seen.has(option.id))
        report(`${path}.id`, `"${option.id}" is used twice at this decision`);
      seen.add(option.id);
      checkNode(`${path}.next`, option.next);
      checkFlags(`${path}.spots`, option.spots);
      checkFlags(`${path}.misses`, option.misses);
    }
    for (const [i, use] of decision.actions.entries()) {
      const path = `${at}.decision.actions[${i}]`;
      if (!Object.hasOwn(scenario.actions, use.action)) {
        report(`${path}.action`, `names action "${use.action}", which is not in "actions"`);
        continue;
      }
      if (seen.has(use.action))
        report(`${path}.action`, `"${use.action}" is used twice at this decision`);
      seen.add(use.action);
      checkNode(`${path}.next`, use.next);
      checkFlags(`${path}.spots`, use.spots);
      checkFlags(`${path}.misses`, use.misses);
    }
  }
}

/** The nodes a node leads to, through `next` and every choice. */
function successors(scenario: Scenario, nodeId: string): string[] {
  const node = scenario.nodes[nodeId];
  if (!node) return [];
  const out = new Set<string>();
  if (node.next !== undefined) out.add(node.next);
  for (const choice of choicesAt(scenario, nodeId))
    if (choice.next !== undefined) out.add(choice.next);
  return [...out].filter((id) => Object.hasOwn(scenario.nodes, id));
}

/** Reachability, cycles and dead ends. Returns false when scoring cannot be computed. */
function checkGraph(scenario: Scenario, report: Report): boolean {
  if (!Object.hasOwn(scenario.nodes, scenario.start)) return false;
  const reachable = new Set<string>();
  const queue = [scenario.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (reachable.has(id)) continue;
    reachable.add(id);
    queue.push(...successors(scenario, id));
  }
  for (const id of Object.keys(scenario.nodes)) {
    if (!reachable.has(id)) report(`nodes.${id}`, 'is never reached from the start');
  }

  // Depth-first search for a cycle: a story that can loop might never reach an ending.
  const state = new Map<string, 'open' | 'done'>();
  let cycle: string[] | undefined;
  const visit = (id: string, trail: string[]): void => {
    if (cycle) return;
    state.set(id, 'open');
    for (const next of successors(scenario, id)) {
      if (state.get(next) === 'open') {
        const path = [...trail, id];
        cycle = [...path.slice(path.indexOf(next)), next];
        return;
      }
      if (!state.has(next)) visit(next, [...trail, id]);
    }
    state.set(id, 'done');
  };
  visit(scenario.start, []);
  if (cycle) {
    report(
      `nodes.${cycle[0]}`,
      `the story can loop forever: ${cycle.join(' -> ')}; every path must reach an ending`,
    );
    return false;
  }
  return true;
}

/** Longest path on the acyclic story graph: the best score a player can reach. */
export function bestAttainableScore(scenario: Scenario): number {
  const memo = new Map<string, number>();
  const best = (id: string): number => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const node = scenario.nodes[id];
    let value = 0;
    if (node?.next !== undefined) value = best(node.next);
    else if (node?.decision) {
      const choices = choicesAt(scenario, id);
      // Choices that stay here (a screenshot) can each be taken once, on top of moving on.
      const stayBonus = choices
        .filter((c) => c.next === undefined && c.score > 0)
        .reduce((sum, c) => sum + c.score, 0);
      const moves = choices.filter(
        (c) => c.next !== undefined && Object.hasOwn(scenario.nodes, c.next),
      );
      value = stayBonus + Math.max(...moves.map((c) => c.score + best(c.next as string)));
    }
    memo.set(id, value);
    return value;
  };
  return best(scenario.start);
}

function checkBestScore(scenario: Scenario, report: Report): void {
  const attainable = bestAttainableScore(scenario);
  if (attainable !== scenario.bestScore) {
    report(
      'bestScore',
      `is ${scenario.bestScore}, but the best path scores ${attainable}: the best score must be exactly attainable`,
    );
  }
}

/**
 * Checks made by playing every path: each has enough decisions to rehearse, and a best score
 * means the player recognised every red flag they met (otherwise the debrief would say "100%"
 * and "you missed it" at once).
 */
function checkEveryPath(scenario: Scenario, report: Report, minDecisions: number): void {
  let paths: ReturnType<typeof allPaths>;
  try {
    paths = allPaths(scenario);
  } catch (error) {
    if (!(error instanceof TooManyPathsError)) throw error;
    report('nodes', `has too many paths to check (${error.message}); split the scenario`);
    return;
  }
  const short = paths.find((path) => path.decisions < minDecisions);
  if (short) {
    report(
      `nodes.${short.ending}`,
      `is reached after only ${short.decisions} decision(s) (${short.choices.join(' > ')}); every path needs at least ${minDecisions}`,
    );
  }
  const reported = new Set<string>();
  for (const path of paths) {
    if (path.tally.score !== scenario.bestScore) continue;
    for (const flag of path.tally.flags) {
      if (flag.status !== 'missed' || reported.has(flag.id)) continue;
      reported.add(flag.id);
      report(
        `redFlags.${flag.id}`,
        `is missed on a path that gets the best score (${path.choices.join(' > ')}); a best path must spot every red flag it shows`,
      );
    }
  }
}

function checkFlagsAreTaught(scenario: Scenario, report: Report): void {
  const shown = new Set<string>();
  const spottable = new Set<string>();
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    for (const beat of node.beats) for (const flag of beat.flags ?? []) shown.add(flag);
    for (const choice of choicesAt(scenario, nodeId))
      for (const flag of choice.spots) spottable.add(flag);
  }
  for (const id of Object.keys(scenario.redFlags)) {
    if (!shown.has(id))
      report(`redFlags.${id}`, 'never appears: add it to the "flags" of the beat where it shows');
    if (!spottable.has(id))
      report(`redFlags.${id}`, 'no choice spots it, so no player can get it right');
  }
}

/** Every text key the scenario uses, with the place that uses it. */
export function collectTextKeys(scenario: Scenario): Map<string, string> {
  const keys = new Map<string, string>();
  const add = (path: string, key: string | undefined) => {
    if (key !== undefined && !keys.has(key)) keys.set(key, path);
  };
  add('title', scenario.title);
  add('summary', scenario.summary);
  add('source', scenario.source);
  add('meta.contentNote', scenario.meta.contentNote);
  for (const [id, c] of Object.entries(scenario.contacts)) {
    add(`contacts.${id}.name`, c.name);
    add(`contacts.${id}.subtitle`, c.subtitle);
  }
  for (const [i, entry] of scenario.directory.entries()) add(`directory[${i}].name`, entry.name);
  for (const [i, key] of (scenario.guide?.goals ?? []).entries()) add(`guide.goals[${i}]`, key);
  for (const [i, key] of (scenario.guide?.questions ?? []).entries())
    add(`guide.questions[${i}]`, key);
  for (const [id, flag] of Object.entries(scenario.redFlags)) {
    add(`redFlags.${id}.label`, flag.label);
    add(`redFlags.${id}.explanation`, flag.explanation);
  }
  for (const [id, action] of Object.entries(scenario.actions)) {
    add(`actions.${id}.label`, action.label);
    add(`actions.${id}.feedback`, action.feedback);
  }
  for (const [i, action] of scenario.rightActions.entries())
    add(`rightActions[${i}].text`, action.text);
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const at = `nodes.${nodeId}`;
    for (const [i, beat] of node.beats.entries()) {
      if ('text' in beat) add(`${at}.beats[${i}].text`, beat.text);
      if ('caption' in beat) add(`${at}.beats[${i}].caption`, beat.caption);
      if ('app' in beat) add(`${at}.beats[${i}].app`, beat.app);
    }
    if (node.decision) {
      add(`${at}.decision.prompt`, node.decision.prompt);
      for (const [i, o] of node.decision.options.entries()) {
        add(`${at}.decision.options[${i}].text`, o.text);
        add(`${at}.decision.options[${i}].feedback`, o.feedback);
      }
      for (const [i, a] of node.decision.actions.entries())
        add(`${at}.decision.actions[${i}].feedback`, a.feedback);
    }
    if (node.ending) {
      add(`${at}.ending.title`, node.ending.title);
      for (const [i, key] of node.ending.debrief.entries()) add(`${at}.ending.debrief[${i}]`, key);
    }
  }
  return keys;
}

/** Follows a dotted key through nested locale objects, as i18next does. */
export function lookUp(resources: unknown, key: string): unknown {
  let here: unknown = resources;
  for (const part of key.split('.')) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, part)) return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}

/** All leaf keys of a nested locale object, dotted. */
export function leafKeys(resources: unknown, prefix = ''): string[] {
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources))
    return [prefix];
  return Object.entries(resources).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort();

/**
 * Compares locale files with the reference locale (English): a key missing, empty or not text,
 * or a placeholder that a translation dropped, is a problem in the translation's file.
 */
export function compareLocales(reference: LocaleFile, others: readonly LocaleFile[]): Problem[] {
  const problems: Problem[] = [];
  const referenceKeys = leafKeys(reference.data).filter((k) => k !== '');
  for (const other of others) {
    for (const key of referenceKeys) {
      const value = lookUp(other.data, key);
      const english = lookUp(reference.data, key);
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push({
          file: other.file,
          path: key,
          message: `lacks a translation of "${key}" (English has it)`,
        });
      } else if (
        typeof english === 'string' &&
        placeholders(english).join() !== placeholders(value).join()
      ) {
        problems.push({
          file: other.file,
          path: key,
          message: `uses placeholders {${placeholders(value).join(', ')}} where English uses {${placeholders(english).join(', ')}}`,
        });
      }
    }
  }
  return problems;
}

/** Every key used exists and is non-empty text in every locale file, and locales agree. */
function checkTexts(
  keys: ReadonlyMap<string, string>,
  sourceFile: string,
  locales: readonly LocaleFile[],
  requiredLocales: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  for (const locale of requiredLocales) {
    if (!locales.some((l) => l.locale === locale)) {
      problems.push({ file: sourceFile, path: '', message: `has no "${locale}" locale file` });
    }
  }
  for (const file of locales) {
    if (typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) {
      problems.push({ file: file.file, path: '', message: 'must hold a JSON object of texts' });
      continue;
    }
    for (const [key, usedAt] of keys) {
      const value = lookUp(file.data, key);
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push({
          file: file.file,
          path: key,
          message: `lacks the text "${key}" (used at ${usedAt})`,
        });
      }
    }
  }
  const english = locales.find((l) => l.locale === 'en');
  if (english)
    problems.push(
      ...compareLocales(
        english,
        locales.filter((l) => l !== english),
      ),
    );
  // One message per missing key and file is enough.
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.file}|${p.path}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Validates the spot check's forms and their texts in every language. */
export function validateSpotCheck(
  source: SourceFile,
  locales: readonly LocaleFile[],
  requiredLocales: readonly string[],
): { spotCheck?: SpotCheck; problems: readonly Problem[] } {
  const parsed = spotCheckSchema.safeParse(source.data);
  if (!parsed.success) return { problems: schemaProblems(source.file, parsed.error) };
  const spotCheck = parsed.data;
  const problems: Problem[] = spotCheckProblems(spotCheck).map((p) => ({
    file: source.file,
    ...p,
  }));
  const keys = new Map<string, string>([
    [spotCheck.title, 'title'],
    [spotCheck.intro, 'intro'],
  ]);
  for (const [id, item] of Object.entries(spotCheck.items)) {
    for (const field of ['sender', 'channel', 'text', 'explanation'] as const) {
      if (!keys.has(item[field])) keys.set(item[field], `items.${id}.${field}`);
    }
  }
  problems.push(...checkTexts(keys, source.file, locales, requiredLocales));
  return problems.length === 0 ? { spotCheck, problems } : { problems };
}
