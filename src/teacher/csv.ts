/**
 * CSV exports of a class's results, for a teacher's spreadsheet.
 *
 * The format, for every export:
 * - RFC 4180: comma-separated, a header row, every line ended by CRLF (the last one too), and
 *   a field quoted (its quotes doubled) when it holds a comma, a quote, a CR or an LF.
 * - Formula injection (OWASP "CSV Injection"): a nickname is typed by a student, so a text field
 *   starting with = + - @ TAB or CR gets a leading apostrophe; a spreadsheet then shows it as
 *   text instead of running it. This applies to every text field, nicknames included; numbers
 *   (scores, counts, discernment) are written by this module from numbers, never from typed
 *   text, and stay numbers, so a negative score is still -3.
 * - The file starts with a UTF-8 byte order mark, `CSV_BOM`: without it Excel reads a CSV as the
 *   computer's legacy code page and shows "ZoÃ©" for "Zoé" and garbage for Chinese. Other
 *   tools (LibreOffice, Google Sheets, Python's csv with encoding "utf-8-sig") accept it.
 *   The strings returned include it: write them as UTF-8, unchanged.
 *
 * Rows follow the aggregate's conventions (src/teacher/aggregate.ts): a student is a trimmed
 * nickname, a repeated record id counts once, and the latest play is the last finished.
 * Results and decisions leave out anonymous records (no nickname) but, unlike the dashboard,
 * keep results of scenarios missing from `scenarios`, after the known ones: an export loses
 * nothing a teacher gathered.
 */
import { choicesAt, type Scenario, type ScenarioResult, safetyPercent } from '../engine/index';
import {
  compareByFinish,
  compareNicknames,
  distinctRecords,
  isSpotCheckResult,
  nicknameKey,
  playsByStudent,
  type StudentPlays,
  scenariosById,
} from './aggregate';
import type { StudentRecord } from './records';

/** U+FEFF, the UTF-8 byte order mark that every export starts with, so Excel reads UTF-8. */
export const CSV_BOM = '\uFEFF';
/** RFC 4180 line end. */
export const CSV_EOL = '\r\n';

/** A cell: text (neutralised and quoted as needed), a number, or empty. */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Prefixes an apostrophe to text a spreadsheet would run as a formula. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field as written: neutralised if text, then quoted if it needs to be. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text =
    typeof cell === 'number'
      ? Number.isFinite(cell)
        ? String(cell)
        : ''
      : neutralizeFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: the BOM, the header, then the rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvField).join(',') + CSV_EOL).join('');
}

export const RESULTS_HEADER = [
  'student',
  'class_code',
  'scenario_id',
  'scenario_version',
  'outcome',
  'score',
  'best_score',
  'safety_percent',
  'red_flags_spotted',
  'red_flags_missed',
  'duration_seconds',
  'finished_at',
  'locale',
] as const;

export const DECISIONS_HEADER = [
  'student',
  'scenario_id',
  'node',
  'choice',
  'choice_kind',
] as const;

export const SPOT_CHECK_HEADER = [
  'student',
  'class_code',
  'form',
  'phase',
  'hits',
  'misses',
  'false_alarms',
  'correct_rejections',
  'discernment',
  'duration_seconds',
  'finished_at',
  'locale',
] as const;

/** Each student's latest play of each scenario: students sorted, scenarios in the given order. */
function latestPlays(
  records: readonly StudentRecord[],
  scenarios: readonly Scenario[],
): StudentPlays[] {
  const order = [...scenariosById(scenarios).keys()];
  const rank = (id: string) => {
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  return playsByStudent(records).sort(
    (a, b) =>
      compareNicknames(a.student, b.student) ||
      rank(a.scenarioId) - rank(b.scenarioId) ||
      (a.scenarioId < b.scenarioId ? -1 : a.scenarioId > b.scenarioId ? 1 : 0),
  );
}

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * One row per student per scenario, from the latest play. Red flags are their ids joined by
 * semicolons, in the scenario's order.
 */
export function resultsCsv(
  records: readonly StudentRecord[],
  scenarios: readonly Scenario[],
): string {
  const rows = latestPlays(records, scenarios).map(({ student, latest }) => {
    const r: ScenarioResult = latest.result;
    return [
      student,
      latest.classCode ?? '',
      r.scenarioId,
      r.scenarioVersion,
      r.outcome,
      r.score,
      r.bestScore,
      safetyPercent(r.score, r.bestScore),
      r.redFlags.spotted.join(';'),
      r.redFlags.missed.join(';'),
      seconds(r.durationMs),
      r.finishedAt,
      r.locale,
    ];
  });
  return toCsv(RESULTS_HEADER, rows);
}

/**
 * One row per student per decision taken in their latest play of each scenario, in the order
 * taken. The kind is "option" or "action" as the current scenario defines that choice; empty
 * when it no longer offers it there, or the scenario is unknown.
 */
export function decisionsCsv(
  records: readonly StudentRecord[],
  scenarios: readonly Scenario[],
): string {
  const known = scenariosById(scenarios);
  const kinds = new Map<string, Map<string, string>>();
  const kindOf = (scenarioId: string, node: string, choice: string): string => {
    const scenario = known.get(scenarioId);
    if (!scenario) return '';
    const key = `${scenarioId}\u0000${node}`;
    let atNode = kinds.get(key);
    if (!atNode) {
      atNode = new Map(choicesAt(scenario, node).map((c) => [c.id, c.sort]));
      kinds.set(key, atNode);
    }
    return atNode.get(choice) ?? '';
  };
  const rows = latestPlays(records, scenarios).flatMap(({ student, scenarioId, latest }) =>
    latest.result.choices.map((c) => [
      student,
      scenarioId,
      c.node,
      c.choice,
      kindOf(scenarioId, c.node, c.choice),
    ]),
  );
  return toCsv(DECISIONS_HEADER, rows);
}

/**
 * One row per spot-check result (a repeated record id once), anonymous ones included, by
 * student then time.
 */
export function spotCheckCsv(records: readonly StudentRecord[]): string {
  const rows = distinctRecords(records)
    .filter(isSpotCheckResult)
    .sort(
      (a, b) =>
        compareNicknames(nicknameKey(a.student), nicknameKey(b.student)) || compareByFinish(a, b),
    )
    .map(({ student, classCode, result: r }) => [
      nicknameKey(student),
      classCode ?? '',
      r.form,
      r.phase,
      r.hits,
      r.misses,
      r.falseAlarms,
      r.correctRejections,
      r.discernment,
      seconds(r.durationMs),
      r.finishedAt,
      r.locale,
    ]);
  return toCsv(SPOT_CHECK_HEADER, rows);
}
