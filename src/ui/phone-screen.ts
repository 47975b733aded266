/**
 * What the phone shows at one moment: the contract between the DOM layer (which derives it from
 * the story, see phone-state.ts) and the Phaser scenes (which only draw it). Every string in it
 * is already translated, so a scene never needs i18next, the engine or the scenario file.
 */

/** Which screen of the phone is up. A scene that gets a view it does not know says so. */
export type PhoneView =
  | 'home'
  | 'chat'
  | 'incoming-call'
  | 'in-call'
  | 'call-ended'
  | 'dialer'
  | 'unsupported';

export const PHONE_VIEWS: readonly PhoneView[] = [
  'home',
  'chat',
  'incoming-call',
  'in-call',
  'call-ended',
  'dialer',
  'unsupported',
];

/** The safety actions a real app offers in its menus; drawn where a real app puts them. */
export type PhoneActionKind =
  | 'block'
  | 'report'
  | 'screenshot'
  | 'tell-adult'
  | 'hang-up'
  | 'call-back';

export interface ChatBubble {
  readonly kind: 'text' | 'image';
  /** Stable across redraws (the index of its story event), so a scene can tween only new ones. */
  readonly id: string;
  readonly from: 'contact' | 'player';
  /** The message, or for an image the caption under its blurred placeholder. */
  readonly text: string;
  /** As the phone shows it, such as "16:02". */
  readonly time: string;
  /** Player messages only: whether the other side has read it yet. */
  readonly receipt?: 'delivered' | 'read';
}

/** A line across the chat that is not a message: "Twenty minutes pass.", "Moved to Snapgram". */
export interface ChatNote {
  readonly kind: 'note';
  readonly id: string;
  readonly text: string;
}

export type ChatItem = ChatBubble | ChatNote;

export interface FriendRequestCard {
  readonly name: string;
  readonly subtitle: string;
  /** What the request says, if anything. */
  readonly text: string;
  readonly state: 'pending' | 'accepted' | 'ignored';
}

export interface ChatScreen {
  /** The first app's look, or the second one's after "let's move to another app". */
  readonly appLook: 'first' | 'second';
  readonly appName: string;
  readonly contactName: string;
  readonly contactSubtitle: string;
  /** Oldest first; only the latest few dozen. */
  readonly items: readonly ChatItem[];
  /** The other side is typing (shown before each of their messages unless motion is reduced). */
  readonly typing: boolean;
  readonly request?: FriendRequestCard;
  /** The safety actions the player can take right now (the DOM buttons are the real ones). */
  readonly actions: readonly PhoneActionKind[];
  /** The player blocked the contact: the app says so and the composer closes. */
  readonly blocked: boolean;
}

export interface CallScreen {
  readonly video: boolean;
  /** Counts calls, so a scene restarts its call timer on a new call and only then. */
  readonly callNumber: number;
  /** The caller ID as the phone shows it: this is how spoofing is taught. */
  readonly name: string;
  readonly number: string;
  readonly subtitle: string;
  /** The latest thing said in the call, for the caption under the caller. */
  readonly caption: string;
  readonly captionSpeaker: string;
  /** What the caller's camera shows in a video call: never a real person. */
  readonly camera: 'badge' | 'avatar';
  /** Who hung up, on the call-ended screen. */
  readonly endedBy?: 'player' | 'contact';
  readonly actions: readonly PhoneActionKind[];
}

export interface DirectoryEntryView {
  readonly name: string;
  readonly number: string;
}

export interface DialerScreen {
  /** The official numbers the player can look up. */
  readonly entries: readonly DirectoryEntryView[];
  /** The number being dialled, once the player calls one back. */
  readonly dialling?: DirectoryEntryView;
}

/** Words the scenes draw on buttons and labels, translated into the player's language. */
export interface PhoneLabels {
  readonly answer: string;
  readonly decline: string;
  readonly hangUp: string;
  readonly accept: string;
  readonly ignore: string;
  readonly typing: string;
  readonly read: string;
  readonly delivered: string;
  /** Written over every image placeholder: the game never shows a picture. */
  readonly hiddenImage: string;
  readonly blocked: string;
  readonly messagePlaceholder: string;
  readonly directory: string;
  readonly calling: string;
  readonly cameraOff: string;
  readonly unsupported: string;
  readonly actions: Readonly<Record<PhoneActionKind, string>>;
}

export interface PhoneScreen {
  readonly view: PhoneView;
  /** The status line at the top of the screen ("Incoming video call", "Messages"). */
  readonly status: string;
  /** The phone's clock in the status bar. */
  readonly clock: string;
  readonly chat?: ChatScreen;
  readonly call?: CallScreen;
  readonly dialer?: DialerScreen;
  readonly labels: PhoneLabels;
  readonly look: PhoneLook;
}

/** The player's display settings, as the scenes need them. */
export interface PhoneLook {
  /** Draw without tweens or blinking (reduced motion). */
  readonly reducedMotion: boolean;
  readonly highContrast: boolean;
  /** 1 to 2: the player's text size; the scenes grow their type with it (within reason). */
  readonly textScale: number;
}

/** The debrief as a picture: the score and where each red flag showed up. */
export interface DebriefPicture {
  readonly percent: number;
  readonly outcome: 'safe' | 'safe-but-costly' | 'harmed' | 'none';
  /** Translated, e.g. "Safety score". */
  readonly scoreLabel: string;
  readonly outcomeLabel: string;
  readonly flags: readonly {
    readonly label: string;
    readonly status: 'spotted' | 'missed' | 'not-seen';
    /** Translated status, e.g. "Spotted". */
    readonly statusLabel: string;
    /** Where in the story it appeared, 0 (start) to 1 (end); absent if never shown. */
    readonly at?: number;
  }[];
  readonly look: PhoneLook;
}
