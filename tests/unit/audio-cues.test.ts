/**
 * Which sounds each story event starts and stops: event by event, then along every path of
 * every real scenario, where no loop may outlive the moment it belongs to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, scenarioFolders, validateFolder } from '../../scripts/lib/scenario-files';
import {
  captionKey,
  cuesForEvent,
  isLoopingCue,
  isSoundCue,
  LOOPING_CUES,
  SOUND_CUES,
  type SoundCue,
} from '../../src/audio/cues';
import {
  allPaths,
  type Beat,
  type Choice,
  type SafetyActionKind,
  ScenarioRunner,
  type StoryEvent,
} from '../../src/engine/index';
import { LANGUAGES } from '../../src/i18n/languages';

const beat = (b: Beat): StoryEvent => ({ type: 'beat', node: 'n', beat: b });

function choice(actionKind?: SafetyActionKind): StoryEvent {
  const base: Choice = {
    id: actionKind ?? 'reply',
    node: 'n',
    sort: actionKind ? 'action' : 'option',
    text: 'nodes.n.reply',
    score: 0,
    spots: [],
    misses: [],
    feedback: 'nodes.n.feedback',
    next: 'm',
  };
  return { type: 'choice', node: 'n', choice: actionKind ? { ...base, actionKind } : base };
}

const decision: StoryEvent = { type: 'decision', node: 'n', prompt: 'nodes.n.prompt' };
const ended: StoryEvent = {
  type: 'ended',
  node: 'end',
  ending: { outcome: 'safe', title: 'end.title', debrief: ['end.debrief'] },
};

const sorted = (cues: readonly SoundCue[]) => [...cues].sort();

describe('the list of cues', () => {
  it('has eight distinct cues, four of them looping', () => {
    expect(new Set(SOUND_CUES).size).toBe(8);
    expect(sorted(LOOPING_CUES)).toEqual(['dial', 'ringtone', 'typing', 'vibrate']);
    expect(SOUND_CUES.filter(isLoopingCue)).toEqual(['ringtone', 'vibrate', 'typing', 'dial']);
    expect(isSoundCue('ringtone')).toBe(true);
    expect(isSoundCue('siren')).toBe(false);
    expect(isSoundCue(undefined)).toBe(false);
  });

  it('gives every cue a caption key that exists, non-empty, in every language', () => {
    for (const language of LANGUAGES) {
      const file = join(ROOT, 'src', 'i18n', 'locales', `${language}.json`);
      const strings = JSON.parse(readFileSync(file, 'utf8')) as { sound?: Record<string, string> };
      for (const cue of SOUND_CUES) {
        const key = captionKey(cue);
        expect(key).toBe(`sound.${cue}`);
        const caption = strings.sound?.[cue];
        expect(caption, `${language} ${key}`).toBeTypeOf('string');
        expect(caption?.trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });
});

describe('cuesForEvent', () => {
  it('rings and vibrates on an incoming call, and stops typing and any ringback', () => {
    const change = cuesForEvent(beat({ type: 'caller-id', contact: 'caller' }));
    expect(change.play).toEqual(['ringtone', 'vibrate']);
    expect(sorted(change.stop)).toEqual(['dial', 'typing']);
  });

  it('only vibrates when the phone is on vibrate', () => {
    const change = cuesForEvent(beat({ type: 'caller-id', contact: 'caller', video: true }), {
      ringer: 'vibrate',
    });
    expect(change.play).toEqual(['vibrate']);
  });

  it('connects a call and stops the ring and the ringback', () => {
    const change = cuesForEvent(beat({ type: 'call-started', contact: 'caller' }));
    expect(change.play).toEqual(['connect']);
    expect(sorted(change.stop)).toEqual(['dial', 'ringtone', 'typing', 'vibrate']);
  });

  it('plays the hang-up tones when a call ends, whoever ends it, and stops the ring', () => {
    for (const by of ['player', 'contact'] as const) {
      const change = cuesForEvent(beat({ type: 'call-ended', by }));
      expect(change.play).toEqual(['hangup']);
      expect(sorted(change.stop)).toEqual(['ringtone', 'typing', 'vibrate']);
    }
  });

  it('pops for a message or image from a contact, and stays quiet for the player', () => {
    const fromContact = cuesForEvent(beat({ type: 'message', from: 'leah', text: 'm.1' }));
    expect(fromContact).toEqual({ play: ['message'], stop: ['typing'] });
    expect(cuesForEvent(beat({ type: 'image', from: 'leah', caption: 'm.2' })).play).toEqual([
      'message',
    ]);
    expect(cuesForEvent(beat({ type: 'message', from: 'player', text: 'm.3' }))).toEqual({
      play: [],
      stop: [],
    });
    expect(cuesForEvent(beat({ type: 'image', from: 'player', caption: 'm.4' }))).toEqual({
      play: [],
      stop: [],
    });
  });

  it('chimes for a friend request and for a switch to another app', () => {
    expect(cuesForEvent(beat({ type: 'friend-request', contact: 'leah' }))).toEqual({
      play: ['notification'],
      stop: [],
    });
    expect(cuesForEvent(beat({ type: 'app-switch', app: 'apps.chatnest' }))).toEqual({
      play: ['notification'],
      stop: [],
    });
  });

  it('plays nothing for speech (the voice reads it) or narration', () => {
    for (const event of [
      beat({ type: 'speech', from: 'caller', text: 's.1' }),
      beat({ type: 'notice', text: 'n.1' }),
    ]) {
      expect(cuesForEvent(event)).toEqual({ play: [], stop: [] });
    }
  });

  it('stops the ring when the player chooses, and dials on "call back"', () => {
    const reply = cuesForEvent(choice());
    expect(reply.play).toEqual([]);
    expect(sorted(reply.stop)).toEqual(['ringtone', 'typing', 'vibrate']);
    const hangUp = cuesForEvent(choice('hang-up'));
    expect(hangUp.play).toEqual([]);
    const callBack = cuesForEvent(choice('call-back'));
    expect(callBack.play).toEqual(['dial']);
    expect(sorted(callBack.stop)).toEqual(['ringtone', 'typing', 'vibrate']);
  });

  it('stops the ringback (not the ring) at a decision, and every loop at the ending', () => {
    expect(cuesForEvent(decision)).toEqual({ play: [], stop: ['dial', 'typing'] });
    expect(cuesForEvent(ended).play).toEqual([]);
    expect(sorted(cuesForEvent(ended).stop)).toEqual(sorted(LOOPING_CUES));
  });

  it('never lists a cue both to play and to stop', () => {
    const events = [
      beat({ type: 'caller-id', contact: 'c' }),
      beat({ type: 'call-started', contact: 'c' }),
      beat({ type: 'call-ended', by: 'player' }),
      choice('call-back'),
      decision,
      ended,
    ];
    for (const event of events) {
      const { play, stop } = cuesForEvent(event);
      expect(play.filter((cue) => stop.includes(cue))).toEqual([]);
    }
  });

  it('does nothing while a resumed game is being redrawn', () => {
    expect(cuesForEvent(beat({ type: 'caller-id', contact: 'c' }), { replaying: true })).toEqual({
      play: [],
      stop: [],
    });
    expect(cuesForEvent(ended, { replaying: true })).toEqual({ play: [], stop: [] });
  });
});

/** Plays a whole story's events through cuesForEvent, keeping the set of sounding loops. */
function loopsAlong(events: readonly StoryEvent[]): {
  atDecisions: { node: string; loops: SoundCue[]; ringing: boolean }[];
  atEnd: SoundCue[];
} {
  const loops = new Set<SoundCue>();
  const atDecisions: { node: string; loops: SoundCue[]; ringing: boolean }[] = [];
  // Whether the phone should still be ringing: a caller-id since the last choice or call change.
  let ringing = false;
  for (const event of events) {
    const { play, stop } = cuesForEvent(event);
    for (const cue of stop) loops.delete(cue);
    for (const cue of play) if (isLoopingCue(cue)) loops.add(cue);
    if (event.type === 'choice') ringing = false;
    if (event.type === 'beat') {
      if (event.beat.type === 'caller-id') ringing = true;
      if (event.beat.type === 'call-started' || event.beat.type === 'call-ended') ringing = false;
    }
    if (event.type === 'decision') {
      atDecisions.push({ node: event.node, loops: sorted([...loops]), ringing });
    }
  }
  return { atDecisions, atEnd: [...loops] };
}

describe('along every path of every scenario', () => {
  const scenarios = scenarioFolders().map((folder) => {
    const report = validateFolder(folder);
    if (!report.scenario) throw new Error(`${folder} is invalid: run npm run validate`);
    return report.scenario;
  });

  it('finds scenarios with calls and call-backs to check', () => {
    const beats = scenarios.flatMap((s) => Object.values(s.nodes).flatMap((n) => n.beats));
    expect(beats.some((b) => b.type === 'caller-id')).toBe(true);
    const actions = scenarios.flatMap((s) => Object.values(s.actions));
    expect(actions.some((a) => a.kind === 'call-back')).toBe(true);
  });

  for (const scenario of scenarios) {
    it(`${scenario.id}: the phone rings only while a call waits, and nothing loops past the end`, () => {
      const paths = allPaths(scenario, { stays: 'best' });
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const runner = new ScenarioRunner(scenario, { now: () => 0 });
        runner.start();
        for (const id of path.choices) runner.choose(id);
        const { atDecisions, atEnd } = loopsAlong(runner.events);
        expect(atEnd, path.choices.join(' > ')).toEqual([]);
        for (const { node, loops, ringing } of atDecisions) {
          const where = `${path.choices.join(' > ')} at ${node}`;
          expect(loops, where).toEqual(ringing ? ['ringtone', 'vibrate'] : []);
        }
      }
    });
  }

  it('the walk check catches a loop left sounding', () => {
    // A story that ends without an "ended" event (cut short) leaves the ring on.
    const events = [beat({ type: 'caller-id', contact: 'c' }), decision];
    const { atDecisions, atEnd } = loopsAlong(events);
    expect(atDecisions).toEqual([{ node: 'n', loops: ['ringtone', 'vibrate'], ringing: true }]);
    expect(atEnd).toEqual(['ringtone', 'vibrate']);
  });
});
