/**
 * What the phone screen shows, derived from the story events: the scene draws this and nothing
 * else, so it never needs to know how a story works. Pure, and tested in Node.
 */
import type { Scenario, StoryEvent } from '../engine/index';
import { type StoryTexts, speakerName } from './story-text';

export type PhoneMode = 'idle' | 'chat' | 'ringing' | 'in-call' | 'ended';

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
  /** The chat app's name after "let's move to another app". */
  let app: string | undefined;
  let friendRequest = false;
  const inCall = () => mode === 'in-call' || mode === 'ringing';
  for (const event of events) {
    if (event.type !== 'beat') continue;
    const beat = event.beat;
    switch (beat.type) {
      case 'caller-id':
      case 'call-started':
        mode = beat.type === 'caller-id' ? 'ringing' : 'in-call';
        if (beat.type === 'call-started') callNumber += 1;
        video = beat.video ?? false;
        contact = beat.contact;
        caption = '';
        break;
      case 'call-ended':
        mode = 'ended';
        break;
      case 'speech':
        caption = texts.scenario(beat.text);
        captionSpeaker = speakerName(scenario, texts, beat.from);
        break;
      case 'friend-request':
        if (inCall()) break;
        mode = 'chat';
        contact = beat.contact;
        friendRequest = true;
        caption = beat.text ? texts.scenario(beat.text) : '';
        captionSpeaker = speakerName(scenario, texts, beat.contact);
        break;
      case 'app-switch':
        app = texts.scenario(beat.app);
        break;
      case 'message':
      case 'image':
        if (inCall()) break;
        mode = 'chat';
        friendRequest = false;
        if (beat.from !== 'player') contact = beat.from;
        captionSpeaker = speakerName(scenario, texts, beat.from);
        caption =
          beat.type === 'message'
            ? texts.scenario(beat.text)
            : texts.app('play.phone.hiddenImage', { caption: texts.scenario(beat.caption) });
        break;
      case 'notice':
        break;
    }
  }
  const status = {
    idle: texts.app('play.phone.idle'),
    chat: friendRequest
      ? texts.app('play.phone.friendRequest')
      : (app ?? texts.app('play.phone.messages')),
    ringing: texts.app(video ? 'play.phone.incomingVideo' : 'play.phone.incoming'),
    'in-call': texts.app('play.phone.inCall'),
    ended: texts.app('play.phone.ended'),
  }[mode];
  const details = contact ? scenario.contacts[contact] : undefined;
  const showsCaption = mode === 'in-call' || mode === 'chat';
  return {
    mode,
    video,
    callNumber,
    status,
    name: details ? texts.scenario(details.name) : '',
    number: mode === 'chat' ? '' : (details?.number ?? ''),
    caption: showsCaption ? caption : '',
    captionSpeaker: showsCaption ? captionSpeaker : '',
  };
}
