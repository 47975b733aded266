/**
 * The spot check: a short before-and-after measure of scam discernment. Two matched forms of
 * messages and caller screens; the player answers "scam" or "genuine" and how sure they are.
 * It yields hits and false alarms, because a player who calls everything a scam has learned
 * suspicion, not skill: discernment is the hit rate minus the false-alarm rate.
 */

import { EngineError } from './errors';
import { SCAM_TYPES } from './guidance';
import { idSchema, textKeySchema } from './identifiers';
import { SPOT_CHECK_RESULT_FORMAT } from './result-formats';
import { z } from './zod';

export const SPOT_CHECK_SCHEMA_VERSION = 1;
export const FORMS = ['A', 'B'] as const;
export type Form = (typeof FORMS)[number];
export const VERDICTS = ['scam', 'genuine'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** 1: not sure, 2: fairly sure, 3: very sure. */
export const CONFIDENCES = [1, 2, 3] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** At least this many items per form, as the content issue asks. */
export const MIN_ITEMS_PER_FORM = 8;

export const spotCheckItemSchema = z.strictObject({
  form: z.enum(FORMS),
  /** The matched item in the other form shares this id: same kind, same answer, same topic. */
  pair: idSchema,
  kind: z.enum(['message', 'call']),
  answer: z.enum(VERDICTS),
  /** What it teaches or resembles. */
  topic: z.enum(SCAM_TYPES),
  /** Display name of the sender, or the caller ID's name. */
  sender: textKeySchema,
  number: z
    .string()
    .regex(/^[0-9+() -]{3,24}$/)
    .optional(),
  /** Where it arrives: "Text message", a made-up app's name... */
  channel: textKeySchema,
  /** The message, or what the caller says first. */
  text: textKeySchema,
  /** Why it is a scam or genuine, shown at the end. */
  explanation: textKeySchema,
});

export const spotCheckSchema = z.strictObject({
  schemaVersion: z.literal(SPOT_CHECK_SCHEMA_VERSION),
  title: textKeySchema,
  intro: textKeySchema,
  items: z.record(idSchema, spotCheckItemSchema),
});

export type SpotCheck = z.infer<typeof spotCheckSchema>;
export type SpotCheckItem = z.infer<typeof spotCheckItemSchema> & { readonly id: string };

/** The items of one form, in file order. */
export function formItems(spotCheck: SpotCheck, form: Form): SpotCheckItem[] {
  return Object.entries(spotCheck.items)
    .filter(([, item]) => item.form === form)
    .map(([id, item]) => ({ id, ...item }));
}

/** Structural problems beyond the schema: form sizes, balance and matched pairs. */
export function spotCheckProblems(spotCheck: SpotCheck): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const form of FORMS) {
    const items = formItems(spotCheck, form);
    if (items.length < MIN_ITEMS_PER_FORM) {
      problems.push({
        path: 'items',
        message: `form ${form} has ${items.length} items; it needs at least ${MIN_ITEMS_PER_FORM}`,
      });
    }
    for (const verdict of VERDICTS) {
      if (items.filter((i) => i.answer === verdict).length < 3) {
        problems.push({
          path: 'items',
          message: `form ${form} needs at least 3 ${verdict} items, so both hits and false alarms can be measured`,
        });
      }
    }
  }
  const pairs = new Map<string, SpotCheckItem[]>();
  for (const item of [...formItems(spotCheck, 'A'), ...formItems(spotCheck, 'B')]) {
    pairs.set(item.pair, [...(pairs.get(item.pair) ?? []), item]);
  }
  for (const [pair, items] of pairs) {
    const [a, b] = items;
    if (items.length !== 2 || !a || !b || a.form === b.form) {
      problems.push({
        path: `items.${items[0]?.id}.pair`,
        message: `pair "${pair}" must have exactly one item in form A and one in form B`,
      });
    } else if (a.answer !== b.answer || a.kind !== b.kind || a.topic !== b.topic) {
      problems.push({
        path: `items.${b.id}`,
        message: `is matched with "${a.id}" but differs in answer, kind or topic`,
      });
    }
  }
  return problems;
}

export interface SpotCheckResponse {
  readonly item: string;
  readonly answer: Verdict;
  readonly confidence: Confidence;
}

export interface SpotCheckScore {
  readonly hits: number;
  readonly misses: number;
  readonly falseAlarms: number;
  readonly correctRejections: number;
  /** Hit rate minus false-alarm rate, from -1 to 1; 0 is guessing or calling everything a scam. */
  readonly discernment: number;
}

export function scoreSpotCheck(
  items: readonly SpotCheckItem[],
  responses: readonly SpotCheckResponse[],
): SpotCheckScore {
  let hits = 0;
  let misses = 0;
  let falseAlarms = 0;
  let correctRejections = 0;
  for (const response of responses) {
    const item = items.find((i) => i.id === response.item);
    if (!item) continue;
    if (item.answer === 'scam') {
      if (response.answer === 'scam') hits += 1;
      else misses += 1;
    } else if (response.answer === 'scam') falseAlarms += 1;
    else correctRejections += 1;
  }
  const rate = (count: number, total: number) => (total === 0 ? 0 : count / total);
  const discernment =
    rate(hits, hits + misses) - rate(falseAlarms, falseAlarms + correctRejections);
  return {
    hits,
    misses,
    falseAlarms,
    correctRejections,
    discernment: Math.round(discernment * 1000) / 1000,
  };
}

export { SPOT_CHECK_RESULT_FORMAT };

export const spotCheckResultSchema = z.strictObject({
  format: z.literal(SPOT_CHECK_RESULT_FORMAT),
  schemaVersion: z.literal(SPOT_CHECK_SCHEMA_VERSION),
  id: z.string().min(8).max(64),
  form: z.enum(FORMS),
  /** Before or after the scenarios: the teacher compares the two. */
  phase: z.enum(['before', 'after']),
  locale: z.string().min(2).max(16),
  responses: z
    .array(
      z.strictObject({
        item: idSchema,
        answer: z.enum(VERDICTS),
        confidence: z.union(CONFIDENCES.map((c) => z.literal(c))),
      }),
    )
    .max(100),
  hits: z.number().int().nonnegative(),
  misses: z.number().int().nonnegative(),
  falseAlarms: z.number().int().nonnegative(),
  correctRejections: z.number().int().nonnegative(),
  discernment: z.number().min(-1).max(1),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  durationMs: z.number().int().nonnegative(),
});

export type SpotCheckResult = z.infer<typeof spotCheckResultSchema>;

/** The form a device uses next: the first form before the scenarios, then the other one. */
export function nextForm(
  firstForm: Form,
  previousAttempts: number,
): { form: Form; phase: 'before' | 'after' } {
  const other: Form = firstForm === 'A' ? 'B' : 'A';
  return {
    form: previousAttempts % 2 === 0 ? firstForm : other,
    phase: previousAttempts === 0 ? 'before' : 'after',
  };
}

/** One attempt at one form: answers in order, then a result record. */
export class SpotCheckSession {
  readonly items: readonly SpotCheckItem[];
  readonly #responses: SpotCheckResponse[] = [];
  readonly #now: () => number;
  readonly #startedAt: number;

  constructor(
    spotCheck: SpotCheck,
    readonly form: Form,
    readonly phase: 'before' | 'after',
    options: { now?: () => number } = {},
  ) {
    this.items = formItems(spotCheck, form);
    this.#now = options.now ?? Date.now;
    this.#startedAt = this.#now();
  }

  /** The item to answer now, or undefined once every item is answered. */
  get current(): SpotCheckItem | undefined {
    return this.items[this.#responses.length];
  }

  get responses(): readonly SpotCheckResponse[] {
    return this.#responses;
  }

  answer(answer: Verdict, confidence: Confidence): void {
    const item = this.current;
    if (!item) throw new EngineError('not-waiting-for-choice', 'every item is already answered');
    this.#responses.push({ item: item.id, answer, confidence });
  }

  result(meta: { id: string; locale: string }): SpotCheckResult {
    if (this.current) throw new EngineError('not-ended', 'the spot check is not finished');
    const finishedAt = this.#now();
    return {
      format: SPOT_CHECK_RESULT_FORMAT,
      schemaVersion: SPOT_CHECK_SCHEMA_VERSION,
      id: meta.id,
      form: this.form,
      phase: this.phase,
      locale: meta.locale,
      responses: [...this.#responses],
      ...scoreSpotCheck(this.items, this.#responses),
      startedAt: new Date(this.#startedAt).toISOString(),
      finishedAt: new Date(finishedAt).toISOString(),
      durationMs: Math.max(0, Math.round(finishedAt - this.#startedAt)),
    };
  }
}
