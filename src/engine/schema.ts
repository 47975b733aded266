/**
 * The scenario file format, as a schema. The TypeScript types of the engine are inferred from it,
 * so the file format and the types cannot drift apart.
 *
 * Every string a player sees is a text key (looked up in the scenario's locale files by the
 * i18n layer, never by the engine). Ids are stable strings: class statistics and saved
 * progress refer to them, so they must survive reordering and translation.
 */

import { AGE_BANDS, SCAM_TYPES } from './guidance';
import { idSchema, OUTCOMES, regionSchema, textKeySchema } from './identifiers';
import { z } from './zod';

/** The version of the scenario file format this engine reads. */
export const SCENARIO_SCHEMA_VERSION = 1;

/** Who says or writes a line: a contact of the scenario, or the player. */
const speakerSchema = z.union([z.literal('player'), idSchema]);

/** Red flags that become visible at this moment of the story (for the debrief's timeline). */
const flagsField = { flags: z.array(idSchema).optional() };

export const beatSchema = z.discriminatedUnion('type', [
  /** A written message in a chat. */
  z.strictObject({
    type: z.literal('message'),
    from: speakerSchema,
    text: textKeySchema,
    ...flagsField,
  }),
  /** Something said aloud in a call; always shown as a caption too. */
  z.strictObject({
    type: z.literal('speech'),
    from: speakerSchema,
    text: textKeySchema,
    ...flagsField,
  }),
  /** Narration or a system line ("Twenty minutes pass."). */
  z.strictObject({ type: z.literal('notice'), text: textKeySchema, ...flagsField }),
  /** A friend or follow request from a contact. */
  z.strictObject({
    type: z.literal('friend-request'),
    contact: idSchema,
    text: textKeySchema.optional(),
    ...flagsField,
  }),
  /** The incoming-call screen: the contact's name and number as the caller ID shows them. */
  z.strictObject({
    type: z.literal('caller-id'),
    contact: idSchema,
    video: z.boolean().optional(),
    ...flagsField,
  }),
  z.strictObject({
    type: z.literal('call-started'),
    contact: idSchema,
    video: z.boolean().optional(),
    ...flagsField,
  }),
  z.strictObject({
    type: z.literal('call-ended'),
    by: z.enum(['player', 'contact']),
    ...flagsField,
  }),
  /** "Let's move to another app": the conversation continues in a second app. */
  z.strictObject({
    type: z.literal('app-switch'),
    app: textKeySchema,
    text: textKeySchema.optional(),
    ...flagsField,
  }),
  /** An image, which the game only ever shows as a blurred placeholder with a caption. */
  z.strictObject({
    type: z.literal('image'),
    from: speakerSchema,
    caption: textKeySchema,
    ...flagsField,
  }),
]);

/** What a choice does to the score and to the red flags. Never anything about speed. */
const effectFields = {
  /** Safety points; negative for a harmful choice. */
  score: z.number().int().min(-10).max(10),
  /** Red flags the player shows they recognised by making this choice. */
  spots: z.array(idSchema).default([]),
  /** Red flags the player walked past by making this choice. */
  misses: z.array(idSchema).default([]),
  /** One or two supportive sentences on why this choice helps or hurts. */
  feedback: textKeySchema,
};

export const optionSchema = z.strictObject({
  id: idSchema,
  text: textKeySchema,
  ...effectFields,
  next: idSchema,
});

export const SAFETY_ACTION_KINDS = [
  'block',
  'report',
  'screenshot',
  'tell-adult',
  'hang-up',
  'call-back',
] as const;

/** A safety action the scenario offers, with its label and default effect. */
export const actionDefinitionSchema = z.strictObject({
  kind: z.enum(SAFETY_ACTION_KINDS),
  label: textKeySchema,
  ...effectFields,
  /** Where the story goes; without it the player stays at the same decision (a screenshot). */
  next: idSchema.optional(),
});

/** A safety action offered at one decision point, optionally overriding its default effect. */
export const actionUseSchema = z.strictObject({
  action: idSchema,
  score: effectFields.score.optional(),
  spots: z.array(idSchema).optional(),
  misses: z.array(idSchema).optional(),
  feedback: textKeySchema.optional(),
  next: idSchema.optional(),
});

export const decisionSchema = z
  .strictObject({
    prompt: textKeySchema,
    options: z.array(optionSchema).min(1, 'a decision point needs at least one reply option'),
    actions: z.array(actionUseSchema).default([]),
  })
  .refine(
    (decision) => decision.options.length + decision.actions.length >= 2,
    'a decision point needs at least two choices (options and safety actions together)',
  );

export const endingSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  title: textKeySchema,
  /** Paragraphs of the debrief that belong to this ending, in order. */
  debrief: z.array(textKeySchema).min(1),
});

export const nodeSchema = z
  .strictObject({
    beats: z.array(beatSchema).default([]),
    decision: decisionSchema.optional(),
    next: idSchema.optional(),
    ending: endingSchema.optional(),
  })
  .refine(
    (node) => [node.decision, node.next, node.ending].filter((x) => x !== undefined).length === 1,
    'a node needs exactly one of "decision", "next" or "ending"',
  );

export const contactSchema = z.strictObject({
  name: textKeySchema,
  /** A phone number as the screen shows it; numbers are the same in every language. */
  number: z
    .string()
    .regex(/^[0-9+() -]{3,24}$/, 'must be a phone number')
    .optional(),
  /** Short handle or description under the name ("Toronto, Ontario"). */
  subtitle: textKeySchema.optional(),
  /** What this contact's camera shows in a video call: a badge or an avatar, never a person. */
  camera: z.enum(['badge', 'avatar']).optional(),
});

export const directoryEntrySchema = z.strictObject({
  id: idSchema,
  name: textKeySchema,
  number: z.string().regex(/^[0-9+() -]{3,24}$/, 'must be a phone number'),
});

export const redFlagSchema = z.strictObject({
  label: textKeySchema,
  explanation: textKeySchema,
  /** The red flag of the official guidance (src/engine/guidance.ts) this one teaches. */
  guidance: idSchema.optional(),
});

export const rightActionSchema = z.strictObject({
  text: textKeySchema,
  /** The action of the official guidance this one teaches. */
  guidance: idSchema.optional(),
});

/** The one-page lesson guide for teachers: the scenario's red flags and right actions complete it. */
export const guideSchema = z.strictObject({
  /** What students should be able to do afterwards. */
  goals: z.array(textKeySchema).min(2).max(5),
  /** Questions for the class discussion. */
  questions: z.array(textKeySchema).min(3).max(6),
});

/** What a teacher needs to choose a scenario, and what the validator checks before a class sees it. */
export const metaSchema = z.strictObject({
  scamType: z.enum(SCAM_TYPES),
  ageBand: z.enum(AGE_BANDS),
  /** Where the real case happened; help lines come from the player's own region. */
  region: regionSchema,
  /** Shown before the scenario starts, for those that need one. */
  contentNote: textKeySchema.optional(),
  /** The reports the scenario is drawn from, by name (proper names, not translated). */
  sources: z.array(z.string().min(3).max(200)).min(1),
  /** Estimated playing time in minutes. */
  minutes: z.number().int().min(1).max(30),
});

export const scenarioSchema = z.strictObject({
  schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION, {
    error: `this engine reads scenario files of schemaVersion ${SCENARIO_SCHEMA_VERSION}`,
  }),
  id: idSchema,
  /** Bumped when choices or scoring change, so results from different versions stay apart. */
  version: z.number().int().positive(),
  /** How the scenario is mainly shown. */
  channel: z.enum(['chat', 'call', 'video-call']),
  title: textKeySchema,
  summary: textKeySchema,
  /** Who and where the story is drawn from, so teachers can point to the real case. */
  source: textKeySchema,
  meta: metaSchema,
  guide: guideSchema.optional(),
  /** The highest safety score a path can reach; the validator checks a path reaches it. */
  bestScore: z.number().int().positive(),
  contacts: z.record(idSchema, contactSchema),
  /** Official numbers the player can look up and call back. */
  directory: z.array(directoryEntrySchema).default([]),
  redFlags: z.record(idSchema, redFlagSchema),
  actions: z.record(idSchema, actionDefinitionSchema).default({}),
  /** The right actions, in the order a player should take them, for the debrief. */
  rightActions: z.array(rightActionSchema).min(1),
  start: idSchema,
  nodes: z.record(idSchema, nodeSchema),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioNode = z.infer<typeof nodeSchema>;
export type Beat = z.infer<typeof beatSchema>;
export type BeatType = Beat['type'];
export type Decision = z.infer<typeof decisionSchema>;
export type Option = z.infer<typeof optionSchema>;
export type ActionDefinition = z.infer<typeof actionDefinitionSchema>;
export type ActionUse = z.infer<typeof actionUseSchema>;
export type Ending = z.infer<typeof endingSchema>;
export type Outcome = (typeof OUTCOMES)[number];
export type SafetyActionKind = (typeof SAFETY_ACTION_KINDS)[number];
export type Contact = z.infer<typeof contactSchema>;
export type ScenarioMeta = z.infer<typeof metaSchema>;
export type LessonGuide = z.infer<typeof guideSchema>;
export type RightAction = z.infer<typeof rightActionSchema>;
