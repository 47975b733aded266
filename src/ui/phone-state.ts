/**
 * What the phone screen shows, derived from the story events: the scene draws this and nothing
 * else, so it never needs to know how a story works. Pure, and tested in Node.
 */
import type { Scenario, StoryEvent } from '../engine/index';
import { type StoryTexts, speakerName } from './story-text';

export type PhoneMode = 'idle' | 'ringing' | 'in-call' | 'ended';

export interface PhoneScreen {
  readonly mode: PhoneMode;
  readonly video: boolean;
  /** Counts calls, so the scene restarts its call timer on a new call and only then. */
  readonly callNumber: number;
  /** Translated, ready to draw. */
  readonly status: string;
  readonly name: string;
  readonly number: string;
  readonly caption: string;
  readonly captionSpeaker: string;
}

export function phoneScreenAfter(
  scenario: Scenario,
  texts: StoryTexts,
  events: readonly StoryEvent[],
): PhoneScreen {
  let mode: PhoneMode = 'idle';
  let video = false;
  let callNumber = 0;
  let contact: string | undefined;
  let caption = '';
  let captionSpeaker = '';
  for (const event of events) {
    if (event.type !== 'beat') continue;
    const beat = event.beat;
    if (beat.type === 'caller-id') {
      mode = 'ringing';
      video = beat.video ?? false;
      contact = beat.contact;
      caption = '';
    } else if (beat.type === 'call-started') {
      mode = 'in-call';
      video = beat.video ?? false;
      contact = beat.contact;
      callNumber += 1;
      caption = '';
    } else if (beat.type === 'call-ended') {
      mode = 'ended';
    } else if (beat.type === 'speech') {
      caption = texts.scenario(beat.text);
      captionSpeaker = speakerName(scenario, texts, beat.from);
    }
  }
  const status = {
    idle: texts.app('play.phone.idle'),
    ringing: texts.app(video ? 'play.phone.incomingVideo' : 'play.phone.incoming'),
    'in-call': texts.app('play.phone.inCall'),
    ended: texts.app('play.phone.ended'),
  }[mode];
  const details = contact ? scenario.contacts[contact] : undefined;
  return {
    mode,
    video,
    callNumber,
    status,
    name: details ? texts.scenario(details.name) : '',
    number: details?.number ?? '',
    caption: mode === 'in-call' ? caption : '',
    captionSpeaker: mode === 'in-call' ? captionSpeaker : '',
  };
}
