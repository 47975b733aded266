/**
 * The line provider and the phone screen model: what the DOM transcript and the Phaser scene
 * are given for each story event, in Node with a fake translator that shows keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioRunner, scenarioSchema } from '../../src/engine/index';
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

describe('phoneScreenAfter', () => {
  it('rings, connects with a running call, shows the last caption, then ends', () => {
    const runner = new ScenarioRunner(scenario);
    const ringing = phoneScreenAfter(scenario, texts, runner.start());
    expect(ringing).toMatchObject({
      mode: 'ringing',
      name: '«contacts.caller»',
      number: '416-808-2300',
      caption: '',
    });

    runner.choose('answer');
    const inCall = phoneScreenAfter(scenario, texts, runner.events);
    expect(inCall).toMatchObject({
      mode: 'in-call',
      callNumber: 1,
      caption: '«nodes.opening.line3»',
    });

    runner.choose('hang-up');
    const ended = phoneScreenAfter(scenario, texts, runner.events);
    expect(ended).toMatchObject({ mode: 'ended', caption: '', status: 'play.phone.ended' });

    runner.choose('call-back');
    const official = phoneScreenAfter(scenario, texts, runner.events);
    expect(official).toMatchObject({ mode: 'in-call', callNumber: 2, name: '«contacts.tps»' });
  });
});

describe('phoneScreenAfter in a chat', () => {
  it('shows a friend request, then the latest message, the new app, and a hidden image', () => {
    const runner = new ScenarioRunner(miniScenario);
    const request = phoneScreenAfter(miniScenario, texts, runner.start());
    expect(request).toMatchObject({
      mode: 'chat',
      status: 'play.phone.friendRequest',
      name: '«contacts.stranger»',
      caption: '«nodes.request.text»',
    });
    runner.choose('accept');
    const firstCall = runner.events.findIndex(
      (e) => e.type === 'beat' && e.beat.type === 'caller-id',
    );
    const beforeCall = runner.events.slice(0, firstCall);
    // The last chat beat before the call: the player's reply, shown in the app they moved to.
    expect(phoneScreenAfter(miniScenario, texts, beforeCall)).toMatchObject({
      mode: 'chat',
      status: '«apps.other»',
      captionSpeaker: 'play.you',
      caption: '«nodes.chat.reply»',
      number: '',
    });
    const upToImage = beforeCall.slice(
      0,
      beforeCall.findIndex((e) => e.type === 'beat' && e.beat.type === 'image') + 1,
    );
    expect(phoneScreenAfter(miniScenario, texts, upToImage)).toMatchObject({
      status: 'play.phone.messages',
      caption: 'play.phone.hiddenImage{"caption":"«nodes.chat.photo»"}',
    });
  });
});
