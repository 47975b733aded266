/**
 * The line provider and the phone screen model: what the DOM transcript and the Phaser scene
 * are given for each story event, in Node with a fake translator that shows keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioRunner, type StoryEvent, scenarioSchema } from '../../src/engine/index';
import { phoneScreenAfter } from '../../src/ui/phone-state';
import { describeEvent, type StoryTexts } from '../../src/ui/story-text';
import { miniScenario } from '../fixtures/mini-scenario';

const ROOT = join(import.meta.dirname, '..', '..');
const scenario = scenarioSchema.parse(
  JSON.parse(readFileSync(join(ROOT, 'scenarios', 'toronto-police-call', 'scenario.json'), 'utf8')),
);

/** Shows which key and values were asked for, so assertions read plainly. */
const texts: StoryTexts = {
  app: (key, values) => (values ? `${key}${JSON.stringify(values)}` : key),
  scenario: (key) => `«${key}»`,
};

describe('describeEvent', () => {
  const runner = new ScenarioRunner(scenario);
  const opening = [...runner.start(), ...runner.choose('answer')];
  const lines = opening
    .map((event) => describeEvent(scenario, texts, event))
    .filter((l) => l !== undefined);

  it('gives a line for every beat and choice, and none for decisions', () => {
    expect(lines.map((l) => l.kind)).toEqual([
      'notice',
      'system',
      'choice',
      'system',
      'speech',
      'speech',
      'speech',
    ]);
  });

  it('names the caller and the number the caller ID shows', () => {
    expect(lines[1]?.text).toBe(
      'play.beat.callerId{"name":"«contacts.caller»","number":"416-808-2300"}',
    );
  });

  it('puts the speaker into the sentence through a whole-sentence key', () => {
    expect(lines[4]).toEqual({
      kind: 'speech',
      speaker: '«contacts.caller»',
      fromPlayer: false,
      text: 'play.speaker{"name":"«contacts.caller»","text":"«nodes.opening.line1»"}',
    });
  });

  it('describes a safety action by what the player did', () => {
    const [choice] = runner.choose('hang-up');
    expect(choice && describeEvent(scenario, texts, choice)?.text).toBe('play.actionTaken.hang-up');
  });
});

const look = { reducedMotion: false, highContrast: false, textScale: 1 };
const phone = (
  story: Parameters<typeof phoneScreenAfter>[0],
  events: Parameters<typeof phoneScreenAfter>[2],
  extra: Partial<Parameters<typeof phoneScreenAfter>[3]> = {},
) => phoneScreenAfter(story, texts, events, { look, ...extra });

describe('phoneScreenAfter', () => {
  it('rings with the caller ID, connects with a running call and captions, ends, then dials back', () => {
    const runner = new ScenarioRunner(scenario);
    const ringing = phone(scenario, runner.start());
    expect(ringing.view).toBe('incoming-call');
    expect(ringing.status).toBe('play.phone.incoming');
    expect(ringing.call).toMatchObject({
      name: '«contacts.caller»',
      number: '416-808-2300',
      caption: '',
      video: false,
    });

    runner.choose('answer');
    const inCall = phone(scenario, runner.events);
    expect(inCall.view).toBe('in-call');
    expect(inCall.call).toMatchObject({ callNumber: 1, caption: '«nodes.opening.line3»' });

    runner.choose('hang-up');
    const ended = phone(scenario, runner.events);
    expect(ended.view).toBe('call-ended');
    expect(ended.call).toMatchObject({ caption: '', endedBy: 'player' });
    expect(ended.status).toBe('play.beat.callEndedByPlayer');

    // The dialer shows between the "call back" choice and the official line answering.
    const before = runner.events.length;
    runner.choose('call-back');
    const choiceOnly = runner.events.slice(0, before + 1);
    expect(phone(scenario, choiceOnly)).toMatchObject({
      view: 'dialer',
      dialer: { dialling: { name: '«contacts.tps»', number: '416-808-2300' } },
    });
    const official = phone(scenario, runner.events);
    expect(official.view).toBe('in-call');
    expect(official.call).toMatchObject({ callNumber: 2, name: '«contacts.tps»' });
  });

  it('opens the phone book on the dialer when asked, but never over a ringing call', () => {
    const runner = new ScenarioRunner(scenario);
    expect(phone(scenario, runner.start(), { directoryOpen: true }).view).toBe('incoming-call');
    runner.choose('answer');
    runner.choose('hang-up');
    const book = phone(scenario, runner.events, { directoryOpen: true });
    expect(book.view).toBe('dialer');
    expect(book.dialer?.entries).toEqual([{ name: '«contacts.tps»', number: '416-808-2300' }]);
    expect(book.dialer?.dialling).toBeUndefined();
  });

  it('shows a beat type it does not know as unsupported instead of failing', () => {
    const runner = new ScenarioRunner(scenario);
    const events = [
      ...runner.start(),
      { type: 'beat', node: 'x', beat: { type: 'hologram' } } as unknown as StoryEvent,
    ];
    expect(phone(scenario, events).view).toBe('unsupported');
  });

  it('passes the player look and the translated labels through', () => {
    const runner = new ScenarioRunner(scenario);
    const screen = phone(scenario, runner.start(), {
      look: { reducedMotion: true, highContrast: true, textScale: 2 },
    });
    expect(screen.look).toEqual({ reducedMotion: true, highContrast: true, textScale: 2 });
    expect(screen.labels.answer).toBe('play.phone.labels.answer');
    expect(screen.labels.actions['call-back']).toBe('play.phone.actions.call-back');
  });
});

describe('phoneScreenAfter in a chat', () => {
  it('shows a friend request card, then bubbles with times and receipts, the new app and a hidden image', () => {
    const runner = new ScenarioRunner(miniScenario);
    const request = phone(miniScenario, runner.start(), { actions: ['block'] });
    expect(request.view).toBe('chat');
    expect(request.status).toBe('play.phone.friendRequest');
    expect(request.chat?.request).toEqual({
      name: '«contacts.stranger»',
      subtitle: '«contacts.strangerHandle»',
      text: '«nodes.request.text»',
      state: 'pending',
    });
    expect(request.chat?.actions).toEqual(['block']);
    runner.choose('accept');
    const firstCall = runner.events.findIndex(
      (e) => e.type === 'beat' && e.beat.type === 'caller-id',
    );
    const beforeCall = runner.events.slice(0, firstCall);
    const chat = phone(miniScenario, beforeCall, { typing: true });
    expect(chat.view).toBe('chat');
    expect(chat.status).toBe('«apps.other»');
    expect(chat.chat?.appLook).toBe('second');
    expect(chat.chat?.typing).toBe(true);
    const upToReply = beforeCall.slice(
      0,
      beforeCall.findIndex((e) => e.type === 'beat' && e.beat.type === 'app-switch'),
    );
    const last = phone(miniScenario, upToReply).chat?.items.at(-1);
    expect(last).toMatchObject({
      from: 'player',
      text: '«nodes.chat.reply»',
      receipt: 'delivered',
    });
    expect(last && 'time' in last ? last.time : '').toMatch(/^\d{1,2}:\d{2}$/);
    // The move to the other app opens a fresh conversation with a note of the move.
    expect(chat.chat?.items[0]).toMatchObject({
      kind: 'note',
      text: 'play.phone.movedTo{"app":"«apps.other»"}',
    });
    const upToImage = beforeCall.slice(
      0,
      beforeCall.findIndex((e) => e.type === 'beat' && e.beat.type === 'image') + 1,
    );
    const image = phone(miniScenario, upToImage).chat?.items.at(-1);
    expect(image).toMatchObject({ kind: 'image', text: '«nodes.chat.photo»' });
  });

  it('marks the player messages read once the other side answers, and shows a block', () => {
    const runner = new ScenarioRunner(miniScenario);
    runner.start();
    runner.choose('accept');
    const upToReply = runner.events.slice(
      0,
      runner.events.findIndex((e) => e.type === 'beat' && e.beat.type === 'app-switch'),
    );
    const answer = {
      type: 'beat',
      node: 'chat',
      beat: { type: 'message', from: 'stranger', text: 'nodes.chat.hello' },
    } as StoryEvent;
    const playerBubbles = (events: readonly StoryEvent[]) =>
      (phone(miniScenario, events).chat?.items ?? []).flatMap((item) =>
        item.kind !== 'note' && item.from === 'player' ? [item.receipt] : [],
      );
    expect(playerBubbles(upToReply)).toEqual(['delivered']);
    expect(playerBubbles([...upToReply, answer])).toEqual(['read']);
    const blocked = [
      ...runner.events.slice(
        0,
        runner.events.findIndex((e) => e.type === 'beat' && e.beat.type === 'caller-id'),
      ),
      {
        type: 'choice',
        node: 'x',
        choice: { id: 'block', sort: 'action', actionKind: 'block' },
      } as unknown as StoryEvent,
    ];
    expect(phone(miniScenario, blocked, { typing: true }).chat).toMatchObject({
      blocked: true,
      typing: false,
    });
  });
});
