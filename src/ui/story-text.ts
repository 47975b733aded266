/**
 * How the DOM layer and the phone screen put a story into words. The engine emits keys; this
 * module is the "line provider" (as in YarnSpinner) that turns them into sentences in the
 * player's language. It is pure: translation functions are passed in, so it is tested in Node.
 */
import type { Scenario, StoryEvent } from '../engine/index';

export interface StoryTexts {
  /** A string of the app's own namespace. */
  readonly app: (key: string, values?: Record<string, string>) => string;
  /** A string of the scenario's namespace. */
  readonly scenario: (key: string) => string;
}

export type LineKind = 'speech' | 'message' | 'notice' | 'system' | 'choice';

export interface TranscriptLine {
  readonly kind: LineKind;
  /** Who speaks or writes, already translated; "You" for the player. */
  readonly speaker?: string;
  readonly fromPlayer: boolean;
  /** The whole line as a screen reader should read it, speaker included. */
  readonly text: string;
}

export function speakerName(scenario: Scenario, texts: StoryTexts, who: string): string {
  if (who === 'player') return texts.app('play.you');
  const contact = scenario.contacts[who];
  return contact ? texts.scenario(contact.name) : who;
}

/** The transcript line for one story event, or undefined for events with no line of their own. */
export function describeEvent(
  scenario: Scenario,
  texts: StoryTexts,
  event: StoryEvent,
): TranscriptLine | undefined {
  if (event.type === 'decision' || event.type === 'ended') return undefined;
  if (event.type === 'choice') {
    const choice = event.choice;
    if (choice.sort === 'action' && choice.actionKind) {
      return {
        kind: 'choice',
        fromPlayer: true,
        text: texts.app(`play.actionTaken.${choice.actionKind}`),
      };
    }
    return {
      kind: 'choice',
      fromPlayer: true,
      text: texts.app('play.youChose', { choice: texts.scenario(choice.text) }),
    };
  }
  const beat = event.beat;
  const name = (who: string) => speakerName(scenario, texts, who);
  switch (beat.type) {
    case 'message':
    case 'speech': {
      const speaker = name(beat.from);
      return {
        kind: beat.type,
        speaker,
        fromPlayer: beat.from === 'player',
        text: texts.app('play.speaker', { name: speaker, text: texts.scenario(beat.text) }),
      };
    }
    case 'notice':
      return { kind: 'notice', fromPlayer: false, text: texts.scenario(beat.text) };
    case 'caller-id': {
      const number = scenario.contacts[beat.contact]?.number;
      const key = `play.beat.${beat.video ? 'videoCallerId' : 'callerId'}${number ? '' : 'NoNumber'}`;
      return {
        kind: 'system',
        fromPlayer: false,
        text: texts.app(key, { name: name(beat.contact), number: number ?? '' }),
      };
    }
    case 'call-started':
      return {
        kind: 'system',
        fromPlayer: false,
        text: texts.app(beat.video ? 'play.beat.videoCallStarted' : 'play.beat.callStarted', {
          name: name(beat.contact),
        }),
      };
    case 'call-ended':
      return {
        kind: 'system',
        fromPlayer: false,
        text: texts.app(
          beat.by === 'player' ? 'play.beat.callEndedByPlayer' : 'play.beat.callEndedByContact',
        ),
      };
    case 'friend-request':
      return {
        kind: 'system',
        fromPlayer: false,
        text: texts.app('play.beat.friendRequest', { name: name(beat.contact) }),
      };
    case 'app-switch':
      return {
        kind: 'system',
        fromPlayer: false,
        text: beat.text
          ? texts.app('play.beat.appSwitchWithText', {
              app: texts.scenario(beat.app),
              text: texts.scenario(beat.text),
            })
          : texts.app('play.beat.appSwitch', { app: texts.scenario(beat.app) }),
      };
    case 'image':
      return {
        kind: 'system',
        fromPlayer: beat.from === 'player',
        text:
          beat.from === 'player'
            ? texts.app('play.beat.imageFromPlayer', { caption: texts.scenario(beat.caption) })
            : texts.app('play.beat.image', {
                name: name(beat.from),
                caption: texts.scenario(beat.caption),
              }),
      };
  }
}
