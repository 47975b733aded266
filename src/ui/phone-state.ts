/**
 * What the phone shows after a run of story events: the DOM layer derives it, the Phaser scenes
 * draw it (see phone-screen.ts for the contract). Pure, and tested in Node: the scenes never need
 * to know how a story works, and the story never needs to know how a phone looks.
 */
import type { Scenario, StoryEvent } from '../engine/index';
import type {
  CallScreen,
  ChatBubble,
  ChatItem,
  ChatScreen,
  DialerScreen,
  FriendRequestCard,
  PhoneActionKind,
  PhoneLabels,
  PhoneLook,
  PhoneScreen,
  PhoneView,
} from './phone-screen';
import { type StoryTexts, speakerName } from './story-text';

/** The chat keeps the latest items only: a phone shows a screenful, the transcript has them all. */
const MAX_CHAT_ITEMS = 40;
/** The story's clock starts after school; each message moves it on a minute. */
const CLOCK_START_MINUTES = 16 * 60 + 2;

export interface PhoneStateOptions {
  readonly look: PhoneLook;
  /** The other side is typing the next message (the pacing layer knows, the events do not). */
  readonly typing?: boolean;
  /** Safety actions offered at the current decision. */
  readonly actions?: readonly PhoneActionKind[];
  /** The player opened the phone book of official numbers. */
  readonly directoryOpen?: boolean;
}

const ACTION_KINDS: readonly PhoneActionKind[] = [
  'block',
  'report',
  'screenshot',
  'tell-adult',
  'hang-up',
  'call-back',
];

export function phoneLabels(texts: StoryTexts): PhoneLabels {
  const label = (key: string) => texts.app(`play.phone.labels.${key}`);
  return {
    answer: label('answer'),
    decline: label('decline'),
    hangUp: label('hangUp'),
    accept: label('accept'),
    ignore: label('ignore'),
    typing: label('typing'),
    read: label('read'),
    delivered: label('delivered'),
    hiddenImage: label('hiddenImage'),
    blocked: label('blocked'),
    messagePlaceholder: label('messagePlaceholder'),
    directory: label('directory'),
    calling: label('calling'),
    cameraOff: label('cameraOff'),
    unsupported: label('unsupported'),
    actions: Object.fromEntries(
      ACTION_KINDS.map((kind) => [kind, texts.app(`play.phone.actions.${kind}`)]),
    ) as Record<PhoneActionKind, string>,
  };
}

function clockText(minutes: number): string {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  return `${Math.floor(wrapped / 60)}:${String(wrapped % 60).padStart(2, '0')}`;
}

export function phoneScreenAfter(
  scenario: Scenario,
  texts: StoryTexts,
  events: readonly StoryEvent[],
  options: PhoneStateOptions,
): PhoneScreen {
  let view: PhoneView = 'home';
  let minutes = CLOCK_START_MINUTES;
  // Chat
  let chatContact: string | undefined;
  let appName: string | undefined;
  let items: ChatItem[] = [];
  let request: (FriendRequestCard & { contact: string }) | undefined;
  let blocked = false;
  // Call
  let callContact: string | undefined;
  let video = false;
  let callNumber = 0;
  let caption = '';
  let captionSpeaker = '';
  let endedBy: 'player' | 'contact' | undefined;
  let dialling = false;

  const inCall = () => view === 'incoming-call' || view === 'in-call';
  const name = (who: string) => speakerName(scenario, texts, who);

  for (const [index, event] of events.entries()) {
    const id = String(index);
    if (event.type === 'choice') {
      const kind = event.choice.actionKind;
      if (kind === 'block' && !inCall()) blocked = true;
      if (kind === 'call-back' && scenario.directory.length > 0) {
        view = 'dialer';
        dialling = true;
      }
      // The player answered the request; it stays "ignored" unless the contact writes again.
      if (request?.state === 'pending') request = { ...request, state: 'ignored' };
      continue;
    }
    if (event.type !== 'beat') continue;
    const beat = event.beat;
    switch (beat.type) {
      case 'caller-id':
        view = 'incoming-call';
        video = beat.video ?? false;
        callContact = beat.contact;
        caption = '';
        captionSpeaker = '';
        endedBy = undefined;
        dialling = false;
        continue;
      case 'call-started':
        view = 'in-call';
        callNumber += 1;
        video = beat.video ?? false;
        callContact = beat.contact;
        caption = '';
        captionSpeaker = '';
        endedBy = undefined;
        dialling = false;
        continue;
      case 'call-ended':
        view = 'call-ended';
        endedBy = beat.by;
        continue;
      case 'speech':
        minutes += 1;
        caption = texts.scenario(beat.text);
        captionSpeaker = name(beat.from);
        continue;
      case 'friend-request':
        if (inCall()) continue;
        view = 'chat';
        chatContact = beat.contact;
        request = {
          contact: beat.contact,
          name: name(beat.contact),
          subtitle: subtitleOf(scenario, texts, beat.contact),
          text: beat.text ? texts.scenario(beat.text) : '',
          state: 'pending',
        };
        continue;
      case 'app-switch':
        // A new app: a fresh conversation in a different look, opened by a note of the move.
        appName = texts.scenario(beat.app);
        items = [
          {
            kind: 'note',
            id,
            text: texts.app('play.phone.movedTo', { app: appName }),
          },
        ];
        request = undefined;
        if (!inCall()) view = 'chat';
        continue;
      case 'notice':
        if (view === 'chat') items.push({ kind: 'note', id, text: texts.scenario(beat.text) });
        continue;
      case 'message':
      case 'image': {
        if (inCall()) continue;
        minutes += 1;
        view = 'chat';
        const fromPlayer = beat.from === 'player';
        if (!fromPlayer) {
          chatContact = beat.from;
          if (request && request.contact === beat.from) request = undefined;
          // A reply means the other side has read everything the player sent.
          items = items.map((item) =>
            item.kind !== 'note' && item.from === 'player' ? { ...item, receipt: 'read' } : item,
          );
        }
        const bubble: ChatBubble = {
          kind: beat.type === 'message' ? 'text' : 'image',
          id,
          from: fromPlayer ? 'player' : 'contact',
          text: texts.scenario(beat.type === 'message' ? beat.text : beat.caption),
          time: clockText(minutes),
          ...(fromPlayer ? { receipt: 'delivered' as const } : {}),
        };
        items.push(bubble);
        continue;
      }
      default:
        // A beat this build does not know (a newer scenario file): say so, never freeze.
        view = 'unsupported';
        continue;
    }
  }

  if (options.directoryOpen && !inCall() && view !== 'unsupported') view = 'dialer';

  const labels = phoneLabels(texts);
  const actions = options.actions ?? [];
  const chat: ChatScreen | undefined =
    view === 'chat'
      ? {
          appLook: appName ? 'second' : 'first',
          appName: appName ?? texts.app('play.phone.messages'),
          contactName: chatContact ? name(chatContact) : '',
          contactSubtitle: chatContact ? subtitleOf(scenario, texts, chatContact) : '',
          items: items.slice(-MAX_CHAT_ITEMS),
          typing: options.typing === true && !blocked,
          ...(request ? { request: withoutContact(request) } : {}),
          actions,
          blocked,
        }
      : undefined;
  const callDetails = callContact ? scenario.contacts[callContact] : undefined;
  const call: CallScreen | undefined =
    view === 'incoming-call' || view === 'in-call' || view === 'call-ended'
      ? {
          video,
          callNumber,
          name: callContact ? name(callContact) : '',
          number: callDetails?.number ?? '',
          subtitle: callContact ? subtitleOf(scenario, texts, callContact) : '',
          caption: view === 'in-call' ? caption : '',
          captionSpeaker: view === 'in-call' ? captionSpeaker : '',
          camera: callDetails?.camera ?? 'avatar',
          ...(endedBy ? { endedBy } : {}),
          actions,
        }
      : undefined;
  const entries = scenario.directory.map((entry) => ({
    name: texts.scenario(entry.name),
    number: entry.number,
  }));
  const first = entries[0];
  const dialer: DialerScreen | undefined =
    view === 'dialer' ? { entries, ...(dialling && first ? { dialling: first } : {}) } : undefined;

  return {
    view,
    status:
      view === 'call-ended' && endedBy
        ? texts.app(
            endedBy === 'player' ? 'play.beat.callEndedByPlayer' : 'play.beat.callEndedByContact',
          )
        : statusText(texts, view, { video, request: request?.state === 'pending', appName }),
    clock: clockText(minutes),
    ...(chat ? { chat } : {}),
    ...(call ? { call } : {}),
    ...(dialer ? { dialer } : {}),
    labels,
    look: options.look,
  };
}

function withoutContact(card: FriendRequestCard & { contact: string }): FriendRequestCard {
  const { contact: _contact, ...rest } = card;
  return rest;
}

function subtitleOf(scenario: Scenario, texts: StoryTexts, who: string): string {
  const key = scenario.contacts[who]?.subtitle;
  return key ? texts.scenario(key) : '';
}

function statusText(
  texts: StoryTexts,
  view: PhoneView,
  state: { video: boolean; request: boolean; appName: string | undefined },
): string {
  switch (view) {
    case 'home':
      return texts.app('play.phone.idle');
    case 'chat':
      if (state.request) return texts.app('play.phone.friendRequest');
      return state.appName ?? texts.app('play.phone.messages');
    case 'incoming-call':
      return texts.app(state.video ? 'play.phone.incomingVideo' : 'play.phone.incoming');
    case 'in-call':
      return texts.app(state.video ? 'play.phone.inVideoCall' : 'play.phone.inCall');
    case 'call-ended':
      return texts.app('play.phone.ended');
    case 'dialer':
      return texts.app('play.phone.dialer');
    case 'unsupported':
      return '';
  }
}
