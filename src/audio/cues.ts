/**
 * Which sound goes with which moment of the story. Pure TypeScript: no DOM, no Howler, so it is
 * tested in Node and the sound generator (scripts/make-sounds.ts) shares the list of cues.
 *
 * The mapping is stateless: each story event says which cues start and which looping cues
 * stop. Looping cues (the ring, the buzz, typing, the ringback) always stop again at the
 * latest when the player takes a choice, at the next decision, or at the ending, so no sound
 * can loop on after the moment it belongs to.
 */
import type { StoryEvent } from '../engine/index';

export const SOUND_CUES = [
  'ringtone',
  'vibrate',
  'message',
  'notification',
  'typing',
  'connect',
  'hangup',
  'dial',
] as const;

export type SoundCue = (typeof SOUND_CUES)[number];

/** Cues that repeat until they are stopped. */
export const LOOPING_CUES: readonly SoundCue[] = ['ringtone', 'vibrate', 'typing', 'dial'];

export function isSoundCue(value: unknown): value is SoundCue {
  return typeof value === 'string' && (SOUND_CUES as readonly string[]).includes(value);
}

export function isLoopingCue(cue: SoundCue): boolean {
  return LOOPING_CUES.includes(cue);
}

/** The i18n key (app namespace) of the caption shown while a cue plays, such as "[Phone ringing]". */
export function captionKey(cue: SoundCue): `sound.${SoundCue}` {
  return `sound.${cue}`;
}

export interface CueContext {
  /**
   * How the phone announces a call: ringing aloud and vibrating (the default), or vibrating
   * only, as a phone on silent in a classroom would.
   */
  readonly ringer?: 'ring' | 'vibrate';
  /** True while events are replayed to redraw a resumed game: nothing plays or stops. */
  readonly replaying?: boolean;
}

/** What one story event does to the sound: cues to start, then looping cues to stop. */
export interface CueChange {
  readonly play: readonly SoundCue[];
  readonly stop: readonly SoundCue[];
}

const NOTHING: CueChange = { play: [], stop: [] };
const RINGING: readonly SoundCue[] = ['ringtone', 'vibrate'];

function change(play: readonly SoundCue[], stop: readonly SoundCue[]): CueChange {
  return { play, stop: stop.filter((cue) => !play.includes(cue)) };
}

/**
 * The sound for one story event from the runner.
 *
 * - caller-id: ringtone and vibrate, looping until the call is answered, declined or ends;
 * - call-started: the connect blip; stops the ring, the ringback and typing;
 * - call-ended: the hang-up tones; stops the ring and typing. A ringback keeps going: it only
 *   loops between a "call back" choice and the call it places, so a call ending then is the
 *   player hanging up the previous call in order to dial;
 * - a message or image from a contact: the message pop (and their typing stops); the
 *   player's own: nothing;
 * - friend request, app switch: the notification chime;
 * - a choice: the ring stops (the player answered, declined or let it ring) and so does
 *   typing; a "call back" safety action starts the ringback;
 * - a decision: the ringback and typing stop (the ring goes on: the phone rings while the
 *   player decides);
 * - the ending: every loop stops.
 */
export function cuesForEvent(event: StoryEvent, context: CueContext = {}): CueChange {
  if (context.replaying) return NOTHING;
  switch (event.type) {
    case 'choice':
      return event.choice.actionKind === 'call-back'
        ? change(['dial'], [...RINGING, 'typing'])
        : change([], [...RINGING, 'typing']);
    case 'decision':
      return change([], ['dial', 'typing']);
    case 'ended':
      return change([], LOOPING_CUES);
    case 'beat':
      break;
  }
  const beat = event.beat;
  switch (beat.type) {
    case 'caller-id':
      return change(context.ringer === 'vibrate' ? ['vibrate'] : RINGING, ['typing', 'dial']);
    case 'call-started':
      return change(['connect'], [...RINGING, 'dial', 'typing']);
    case 'call-ended':
      return change(['hangup'], [...RINGING, 'typing']);
    case 'message':
    case 'image':
      return beat.from === 'player' ? NOTHING : change(['message'], ['typing']);
    case 'friend-request':
    case 'app-switch':
      return change(['notification'], []);
    case 'speech':
    case 'notice':
      return NOTHING;
  }
}
