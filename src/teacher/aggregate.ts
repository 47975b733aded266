/**
 * Class statistics for the teacher dashboard, from the records the teacher has gathered.
 *
 * Pure functions of their input: no DOM, no i18next, no storage. The dashboard only renders
 * what they return; every text here is a text key of the scenario (prompt, choice label, red
 * flag label), to be looked up by the UI in the scenario's locale files.
 *
 * Conventions, applied everywhere:
 * - A student is a nickname, trimmed and in Unicode NFC (`nicknameKey`), so "Zoé" typed on two
 *   keyboards is one student. Records with an empty nickname (played without a class) are not
 *   a student's: they are counted in `anonymousRecords` and otherwise left out.
 * - Records sharing a record id are one record (importing a result twice stores it once).
 * - A student's latest play of a scenario is the one that finished last (`compareByFinish`);
 *   per-student breakdowns (average, outcomes, decisions, red flags) use only that play, so a
 *   class's numbers show where each student stands now, and replaying a scenario ten times
 *   does not weigh ten times. `plays` counts every play.
 * - A scenario is identified by its id. A result of an id missing from `scenarios` is listed in
 *   `unknownScenarios` and otherwise ignored. A result of another version of a known scenario
 *   counts (completion, percent, outcome, red flags of the current scenario), but each of its
 *   choices counts only where that node still offers that choice id.
 * - The output never depends on the order of the records: every list is sorted or follows the
 *   scenario order, and ties in time are broken by ids.
 */
import {
  choicesAt,
  type Form,
  OUTCOMES,
  type Outcome,
  type Scenario,
  type ScenarioResult,
  SPOT_CHECK_RESULT_FORMAT,
  type SpotCheckResult,
  safetyPercent,
} from '../engine/index';
import type { StudentRecord } from './records';

// ---------------------------------------------------------------------------------------------
// The summary's shape
// ---------------------------------------------------------------------------------------------

export type OutcomeCounts = Record<Outcome, number>;

export interface ChoiceCount {
  /** The option or action id, as recorded in results. */
  readonly id: string;
  readonly kind: 'option' | 'action';
  /** Text key of the button label. */
  readonly text: string;
  /** Its safety points, so the dashboard can tell a safe choice from a harmful one. */
  readonly score: number;
  /** Students whose latest play took this choice here (each student once). */
  readonly students: number;
}

export interface DecisionSummary {
  readonly node: string;
  /** Text key of the decision's prompt. */
  readonly prompt: string;
  /** Students whose latest play made a (still existing) choice at this decision. */
  readonly reached: number;
  /**
   * Options, then actions, as `choicesAt` lists them. A student can take more than one choice
   * at a decision (a screenshot keeps them there), so the counts can add up to more than
   * `reached`.
   */
  readonly choices: readonly ChoiceCount[];
}

export interface FlagCount {
  /** The red flag's id in its scenario. */
  readonly id: string;
  /** Text key of the flag's label. */
  readonly label: string;
  /** The official-guidance red flag it teaches, or null. */
  readonly guidance: string | null;
  /** Students whose latest play missed it, spotted it, or never saw it. */
  readonly missed: number;
  readonly spotted: number;
  readonly notSeen: number;
}

export interface ClassFlagCount extends FlagCount {
  readonly scenarioId: string;
}

export interface ScenarioSummary {
  readonly id: string;
  /** The current version (the one in `scenarios`). */
  readonly version: number;
  /** Distinct students with at least one play. */
  readonly completed: number;
  /** Their nicknames, sorted. */
  readonly completedBy: readonly string[];
  /** Every play, every version. */
  readonly plays: number;
  /** Plays recorded with a version other than the current one (already in `plays`). */
  readonly otherVersionPlays: number;
  /** Mean safety percent of the students' latest plays, rounded; null when none. */
  readonly averagePercent: number | null;
  /** Outcomes of the students' latest plays; they add up to `completed`. */
  readonly outcomes: OutcomeCounts;
  /** Every node with a decision, in scenario file order. */
  readonly decisions: readonly DecisionSummary[];
  /** Every red flag of the scenario, in scenario file order. */
  readonly flags: readonly FlagCount[];
}

export interface StudentScenario {
  readonly scenarioId: string;
  /** The version of the latest play. */
  readonly version: number;
  /** Safety percent of the latest play. */
  readonly percent: number;
  readonly outcome: Outcome;
  readonly plays: number;
  readonly finishedAt: string;
}

export interface StudentSummary {
  readonly student: string;
  /** The scenarios completed, in scenario order. */
  readonly scenarios: readonly StudentScenario[];
}

export interface SpotCheckAttempt {
  readonly form: Form;
  readonly hits: number;
  readonly misses: number;
  readonly falseAlarms: number;
  readonly correctRejections: number;
  readonly discernment: number;
  readonly finishedAt: string;
}

export interface StudentSpotCheck {
  readonly student: string;
  /** The latest attempt of each phase, or null. */
  readonly before: SpotCheckAttempt | null;
  readonly after: SpotCheckAttempt | null;
}

/** Class means over each student's latest attempt of one phase, to 3 decimals. */
export interface SpotCheckMeans {
  readonly students: number;
  /** hits / (hits + misses), averaged; null when no student took this phase. */
  readonly hitRate: number | null;
  /** falseAlarms / (falseAlarms + correctRejections), averaged. */
  readonly falseAlarmRate: number | null;
  readonly discernment: number | null;
}

export interface SpotCheckSummary {
  /** Students with at least one spot-check attempt, sorted. */
  readonly perStudent: readonly StudentSpotCheck[];
  readonly before: SpotCheckMeans;
  readonly after: SpotCheckMeans;
  /**
   * The students with both a before and an after attempt, and their mean change in
   * discernment (after minus before): the fair comparison, as the two phase means may be of
   * different students.
   */
  readonly both: { readonly students: number; readonly discernmentChange: number | null };
}

export interface UnknownScenario {
  readonly scenarioId: string;
  /** The versions recorded, ascending. */
  readonly versions: readonly number[];
  readonly plays: number;
  readonly students: number;
}

export interface ClassSummary {
  /** Every student with a counted record, sorted. */
  readonly students: readonly string[];
  /** In the order of the `scenarios` given (a repeated id counts once, the first). */
  readonly scenarios: readonly ScenarioSummary[];
  /** Every red flag of every scenario: most missed first, then by flag id, then scenario id. */
  readonly flagsMissedMost: readonly ClassFlagCount[];
  /** One entry per student, in the order of `students`. */
  readonly perStudent: readonly StudentSummary[];
  readonly spotCheck: SpotCheckSummary;
  /** Results of scenario ids not in `scenarios`, by id; they are not counted anywhere else. */
  readonly unknownScenarios: readonly UnknownScenario[];
  /** Records with an empty nickname, left out. */
  readonly anonymousRecords: number;
}

export interface AggregateInput {
  readonly records: readonly StudentRecord[];
  readonly scenarios: readonly Scenario[];
}

// ---------------------------------------------------------------------------------------------
// Shared helpers (the CSV export uses them too, so both pick the same plays)
// ---------------------------------------------------------------------------------------------

/** The nickname as students are grouped by: NFC, without surrounding spaces. */
export function nicknameKey(student: string): string {
  return student.normalize('NFC').trim();
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumber(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Alphabetical, case- and accent-insensitive, "2" before "10"; exact ties by code units. */
export function compareNicknames(a: string, b: string): number {
  return collator.compare(a, b) || compareText(a, b);
}

function instant(iso: string): number {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? time : Number.NEGATIVE_INFINITY;
}

/**
 * Earliest finish first. Ties are broken by start, then by result id, then by record id, so
 * the latest play never depends on the order the records came in.
 */
export function compareByFinish(a: StudentRecord, b: StudentRecord): number {
  return (
    compareNumber(instant(a.result.finishedAt), instant(b.result.finishedAt)) ||
    compareText(a.result.finishedAt, b.result.finishedAt) ||
    compareNumber(instant(a.result.startedAt), instant(b.result.startedAt)) ||
    compareText(a.result.id, b.result.id) ||
    compareText(a.id, b.id)
  );
}

/**
 * One record per record id, sorted by `compareByFinish`. Should two records share an id yet
 * differ, the same one is kept whatever their order.
 */
export function distinctRecords(records: readonly StudentRecord[]): StudentRecord[] {
  const byId = new Map<string, { record: StudentRecord; json?: string }>();
  for (const record of records) {
    const kept = byId.get(record.id);
    if (!kept) {
      byId.set(record.id, { record });
      continue;
    }
    kept.json ??= JSON.stringify(kept.record);
    const json = JSON.stringify(record);
    if (json > kept.json) byId.set(record.id, { record, json });
  }
  return [...byId.values()].map((k) => k.record).sort(compareByFinish);
}

export function isScenarioResult(
  record: StudentRecord,
): record is StudentRecord & { result: ScenarioResult } {
  return record.result.format !== SPOT_CHECK_RESULT_FORMAT;
}

export function isSpotCheckResult(
  record: StudentRecord,
): record is StudentRecord & { result: SpotCheckResult } {
  return record.result.format === SPOT_CHECK_RESULT_FORMAT;
}

/** One student's plays of one scenario, oldest first. */
export interface StudentPlays {
  readonly student: string;
  readonly scenarioId: string;
  readonly plays: readonly (StudentRecord & { result: ScenarioResult })[];
  readonly latest: StudentRecord & { result: ScenarioResult };
}

/**
 * Every student's plays of every scenario id (known or not), students sorted, then scenario ids
 * sorted. Anonymous records are left out.
 */
export function playsByStudent(records: readonly StudentRecord[]): StudentPlays[] {
  const groups = new Map<string, Map<string, (StudentRecord & { result: ScenarioResult })[]>>();
  for (const record of distinctRecords(records)) {
    const student = nicknameKey(record.student);
    if (student === '' || !isScenarioResult(record)) continue;
    let byScenario = groups.get(student);
    if (!byScenario) {
      byScenario = new Map();
      groups.set(student, byScenario);
    }
    const list = byScenario.get(record.result.scenarioId) ?? [];
    list.push(record);
    byScenario.set(record.result.scenarioId, list);
  }
  const out: StudentPlays[] = [];
  for (const student of [...groups.keys()].sort(compareNicknames)) {
    const byScenario = groups.get(student) ?? new Map();
    for (const scenarioId of [...byScenario.keys()].sort(compareText)) {
      const plays = byScenario.get(scenarioId) ?? [];
      const latest = plays[plays.length - 1];
      if (latest) out.push({ student, scenarioId, plays, latest });
    }
  }
  return out;
}

/** The scenarios by id, the first of a repeated id winning. */
export function scenariosById(scenarios: readonly Scenario[]): Map<string, Scenario> {
  const byId = new Map<string, Scenario>();
  for (const scenario of scenarios) if (!byId.has(scenario.id)) byId.set(scenario.id, scenario);
  return byId;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function round3(value: number | null): number | null {
  if (value === null) return null;
  // `|| 0` turns -0 into 0.
  return Math.round(value * 1000) / 1000 || 0;
}

function rate(count: number, total: number): number {
  // As scoreSpotCheck does: no items of a kind is a rate of 0.
  return total === 0 ? 0 : count / total;
}

// ---------------------------------------------------------------------------------------------
// aggregateClass
// ---------------------------------------------------------------------------------------------

export function aggregateClass(input: AggregateInput): ClassSummary {
  const known = scenariosById(input.scenarios);
  const records = distinctRecords(input.records);
  const anonymousRecords = records.filter((r) => nicknameKey(r.student) === '').length;

  const allPlays = playsByStudent(records);
  const knownPlays = allPlays.filter((p) => known.has(p.scenarioId));

  const unknown = new Map<string, { versions: Set<number>; plays: number; students: number }>();
  for (const group of allPlays) {
    if (known.has(group.scenarioId)) continue;
    const entry = unknown.get(group.scenarioId) ?? { versions: new Set(), plays: 0, students: 0 };
    for (const play of group.plays) entry.versions.add(play.result.scenarioVersion);
    entry.plays += group.plays.length;
    entry.students += 1;
    unknown.set(group.scenarioId, entry);
  }
  const unknownScenarios: UnknownScenario[] = [...unknown.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([scenarioId, e]) => ({
      scenarioId,
      versions: [...e.versions].sort(compareNumber),
      plays: e.plays,
      students: e.students,
    }));

  const scenarios = [...known.values()].map((scenario) =>
    summariseScenario(
      scenario,
      knownPlays.filter((p) => p.scenarioId === scenario.id),
    ),
  );

  const flagsMissedMost: ClassFlagCount[] = scenarios
    .flatMap((s) => s.flags.map((flag) => ({ scenarioId: s.id, ...flag })))
    .sort(
      (a, b) =>
        b.missed - a.missed || compareText(a.id, b.id) || compareText(a.scenarioId, b.scenarioId),
    );

  const spotCheck = summariseSpotChecks(records);

  const students = [
    ...new Set([
      ...knownPlays.map((p) => p.student),
      ...spotCheck.perStudent.map((s) => s.student),
    ]),
  ].sort(compareNicknames);

  const order = [...known.keys()];
  const perStudent: StudentSummary[] = students.map((student) => ({
    student,
    scenarios: knownPlays
      .filter((p) => p.student === student)
      .sort((a, b) => order.indexOf(a.scenarioId) - order.indexOf(b.scenarioId))
      .map(
        (p): StudentScenario => ({
          scenarioId: p.scenarioId,
          version: p.latest.result.scenarioVersion,
          percent: safetyPercent(p.latest.result.score, p.latest.result.bestScore),
          outcome: p.latest.result.outcome,
          plays: p.plays.length,
          finishedAt: p.latest.result.finishedAt,
        }),
      ),
  }));

  return {
    students,
    scenarios,
    flagsMissedMost,
    perStudent,
    spotCheck,
    unknownScenarios,
    anonymousRecords,
  };
}

function emptyOutcomes(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
}

function summariseScenario(scenario: Scenario, groups: readonly StudentPlays[]): ScenarioSummary {
  const latest = groups.map((g) => g.latest.result);

  const outcomes = emptyOutcomes();
  for (const result of latest) {
    if ((OUTCOMES as readonly string[]).includes(result.outcome)) outcomes[result.outcome] += 1;
  }

  const average = mean(latest.map((r) => safetyPercent(r.score, r.bestScore)));

  const decisions: DecisionSummary[] = [];
  for (const [node, definition] of Object.entries(scenario.nodes)) {
    if (!definition.decision) continue;
    const offered = choicesAt(scenario, node);
    const offeredIds = new Set(offered.map((c) => c.id));
    const chosenBy = new Map<string, number>();
    let reached = 0;
    for (const result of latest) {
      // Only choices the node still offers: a result of another version may name old ones.
      const here = new Set(
        result.choices
          .filter((c) => c.node === node && offeredIds.has(c.choice))
          .map((c) => c.choice),
      );
      if (here.size > 0) reached += 1;
      for (const id of here) chosenBy.set(id, (chosenBy.get(id) ?? 0) + 1);
    }
    decisions.push({
      node,
      prompt: definition.decision.prompt,
      reached,
      choices: offered.map((c) => ({
        id: c.id,
        kind: c.sort,
        text: c.text,
        score: c.score,
        students: chosenBy.get(c.id) ?? 0,
      })),
    });
  }

  const flags: FlagCount[] = Object.entries(scenario.redFlags).map(([id, flag]) => {
    let missed = 0;
    let spotted = 0;
    for (const result of latest) {
      // As the scoring does: recognising a flag at any point counts, even after missing it.
      if (result.redFlags.spotted.includes(id)) spotted += 1;
      else if (result.redFlags.missed.includes(id)) missed += 1;
    }
    return {
      id,
      label: flag.label,
      guidance: flag.guidance ?? null,
      missed,
      spotted,
      notSeen: latest.length - missed - spotted,
    };
  });

  const allPlays = groups.flatMap((g) => g.plays);
  return {
    id: scenario.id,
    version: scenario.version,
    completed: groups.length,
    completedBy: groups.map((g) => g.student).sort(compareNicknames),
    plays: allPlays.length,
    otherVersionPlays: allPlays.filter((p) => p.result.scenarioVersion !== scenario.version).length,
    averagePercent: average === null ? null : Math.round(average),
    outcomes,
    decisions,
    flags,
  };
}

function summariseSpotChecks(records: readonly StudentRecord[]): SpotCheckSummary {
  // `records` is sorted oldest first, so a later attempt overwrites an earlier one.
  const latest = new Map<
    string,
    { before: SpotCheckResult | null; after: SpotCheckResult | null }
  >();
  for (const record of records) {
    const student = nicknameKey(record.student);
    if (student === '' || !isSpotCheckResult(record)) continue;
    const entry = latest.get(student) ?? { before: null, after: null };
    if (record.result.phase === 'before') entry.before = record.result;
    else entry.after = record.result;
    latest.set(student, entry);
  }

  const attempt = (r: SpotCheckResult | null): SpotCheckAttempt | null =>
    r === null
      ? null
      : {
          form: r.form,
          hits: r.hits,
          misses: r.misses,
          falseAlarms: r.falseAlarms,
          correctRejections: r.correctRejections,
          discernment: r.discernment,
          finishedAt: r.finishedAt,
        };

  const perStudent: StudentSpotCheck[] = [...latest.keys()]
    .sort(compareNicknames)
    .map((student) => {
      const entry = latest.get(student);
      return {
        student,
        before: attempt(entry?.before ?? null),
        after: attempt(entry?.after ?? null),
      };
    });

  const means = (attempts: readonly SpotCheckAttempt[]): SpotCheckMeans => ({
    students: attempts.length,
    hitRate: round3(mean(attempts.map((a) => rate(a.hits, a.hits + a.misses)))),
    falseAlarmRate: round3(
      mean(attempts.map((a) => rate(a.falseAlarms, a.falseAlarms + a.correctRejections))),
    ),
    discernment: round3(mean(attempts.map((a) => a.discernment))),
  });

  const befores = perStudent.flatMap((s) => (s.before ? [s.before] : []));
  const afters = perStudent.flatMap((s) => (s.after ? [s.after] : []));
  const changes = perStudent.flatMap((s) =>
    s.before && s.after ? [s.after.discernment - s.before.discernment] : [],
  );
  return {
    perStudent,
    before: means(befores),
    after: means(afters),
    both: { students: changes.length, discernmentChange: round3(mean(changes)) },
  };
}

// ---------------------------------------------------------------------------------------------
// projectorView
// ---------------------------------------------------------------------------------------------

/** A breakdown shown on the projector, or withheld because too few students are behind it. */
export interface Suppressible {
  /** True when fewer than `minGroup` students contributed: every count of it is then null. */
  readonly suppressed: boolean;
}

export interface ProjectorChoice {
  readonly id: string;
  readonly kind: 'option' | 'action';
  readonly text: string;
  readonly score: number;
  readonly students: number | null;
}

export interface ProjectorDecision extends Suppressible {
  readonly node: string;
  readonly prompt: string;
  readonly reached: number | null;
  readonly choices: readonly ProjectorChoice[];
}

export interface ProjectorFlag extends Suppressible {
  readonly id: string;
  readonly label: string;
  readonly guidance: string | null;
  readonly missed: number | null;
  readonly spotted: number | null;
  readonly notSeen: number | null;
}

export interface ProjectorClassFlag extends ProjectorFlag {
  readonly scenarioId: string;
}

export interface ProjectorScenario extends Suppressible {
  readonly id: string;
  readonly version: number;
  readonly completed: number;
  readonly plays: number;
  readonly otherVersionPlays: number;
  readonly averagePercent: number | null;
  readonly outcomes: OutcomeCounts | null;
  readonly decisions: readonly ProjectorDecision[];
  readonly flags: readonly ProjectorFlag[];
}

export interface ProjectorSpotCheckMeans extends SpotCheckMeans, Suppressible {}

export interface ProjectorSummary {
  /** The smallest group shown. */
  readonly minGroup: number;
  /** How many students, never who. */
  readonly studentCount: number;
  readonly scenarios: readonly ProjectorScenario[];
  /**
   * Shown flags most missed first (then by flag id, scenario id), then the suppressed ones by
   * flag id: a suppressed flag's place in the ranking would betray its count.
   */
  readonly flagsMissedMost: readonly ProjectorClassFlag[];
  readonly spotCheck: {
    readonly before: ProjectorSpotCheckMeans;
    readonly after: ProjectorSpotCheckMeans;
    readonly both: Suppressible & {
      readonly students: number;
      readonly discernmentChange: number | null;
    };
  };
  readonly unknownScenarios: readonly UnknownScenario[];
  readonly anonymousRecords: number;
}

/**
 * The summary for a screen the whole class sees: no nickname anywhere, and every breakdown of
 * fewer than `minGroup` students withheld (its numbers null, `suppressed: true`), so no one's
 * choices can be picked out. Built field by field from the summary, never by deleting fields,
 * so a field added to ClassSummary later cannot leak through. A fractional `minGroup` is
 * rounded up, one below 1 is taken as 1, and one that is not a number as 3.
 */
export function projectorView(summary: ClassSummary, minGroup = 3): ProjectorSummary {
  const min = Number.isFinite(minGroup) ? Math.max(1, Math.ceil(minGroup)) : 3;
  const hide = (contributors: number) => contributors < min;

  const flag = (f: FlagCount, contributors: number): ProjectorFlag => {
    const suppressed = hide(contributors);
    return {
      id: f.id,
      label: f.label,
      guidance: f.guidance,
      suppressed,
      missed: suppressed ? null : f.missed,
      spotted: suppressed ? null : f.spotted,
      notSeen: suppressed ? null : f.notSeen,
    };
  };

  const scenarios = summary.scenarios.map((s): ProjectorScenario => {
    const suppressed = hide(s.completed);
    return {
      id: s.id,
      version: s.version,
      completed: s.completed,
      plays: s.plays,
      otherVersionPlays: s.otherVersionPlays,
      suppressed,
      averagePercent: suppressed ? null : s.averagePercent,
      outcomes: suppressed ? null : { ...s.outcomes },
      decisions: s.decisions.map((d): ProjectorDecision => {
        const hidden = hide(d.reached);
        return {
          node: d.node,
          prompt: d.prompt,
          suppressed: hidden,
          reached: hidden ? null : d.reached,
          choices: d.choices.map((c) => ({
            id: c.id,
            kind: c.kind,
            text: c.text,
            score: c.score,
            students: hidden ? null : c.students,
          })),
        };
      }),
      flags: s.flags.map((f) => flag(f, s.completed)),
    };
  });

  const completedBy = new Map(summary.scenarios.map((s) => [s.id, s.completed]));
  const ranked = summary.flagsMissedMost.map(
    (f): ProjectorClassFlag => ({
      scenarioId: f.scenarioId,
      ...flag(f, completedBy.get(f.scenarioId) ?? 0),
    }),
  );
  const byId = (a: ProjectorClassFlag, b: ProjectorClassFlag) =>
    compareText(a.id, b.id) || compareText(a.scenarioId, b.scenarioId);
  const flagsMissedMost = [
    ...ranked
      .filter((f) => !f.suppressed)
      .sort((a, b) => (b.missed ?? 0) - (a.missed ?? 0) || byId(a, b)),
    ...ranked.filter((f) => f.suppressed).sort(byId),
  ];

  const means = (m: SpotCheckMeans): ProjectorSpotCheckMeans => {
    const suppressed = hide(m.students);
    return {
      students: m.students,
      suppressed,
      hitRate: suppressed ? null : m.hitRate,
      falseAlarmRate: suppressed ? null : m.falseAlarmRate,
      discernment: suppressed ? null : m.discernment,
    };
  };
  const bothHidden = hide(summary.spotCheck.both.students);

  return {
    minGroup: min,
    studentCount: summary.students.length,
    scenarios,
    flagsMissedMost,
    spotCheck: {
      before: means(summary.spotCheck.before),
      after: means(summary.spotCheck.after),
      both: {
        students: summary.spotCheck.both.students,
        suppressed: bothHidden,
        discernmentChange: bothHidden ? null : summary.spotCheck.both.discernmentChange,
      },
    },
    unknownScenarios: summary.unknownScenarios.map((u) => ({
      scenarioId: u.scenarioId,
      versions: [...u.versions],
      plays: u.plays,
      students: u.students,
    })),
    anonymousRecords: summary.anonymousRecords,
  };
}
