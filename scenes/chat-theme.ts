/**
 * The chat app's colours: a dark first app, a light second app with a teal header (the one the
 * contact moves the chat to), and a high-contrast version of each. Pure data, tested in Node for
 * contrast: every text colour is checked against the colour it is drawn on.
 */
import type { ChatScreen, PhoneLook } from '../src/ui/phone-screen';

export interface ChatTheme {
  /** The message list behind the bubbles. */
  readonly screen: number;
  /** The status bar and the profile header. */
  readonly header: number;
  readonly headerText: number;
  readonly headerMuted: number;
  /** The row of safety actions under the header. */
  readonly strip: number;
  readonly stripText: number;
  /** Hairlines between header, actions, list and composer. */
  readonly divider: number;
  readonly contactBubble: number;
  readonly contactText: number;
  readonly playerBubble: number;
  readonly playerText: number;
  /** A line around the contact's bubbles, cards and the composer field (light theme), or none. */
  readonly outline: number | undefined;
  /** High contrast: a line around every shape, the player's bubbles and notes included. */
  readonly strongOutline: number | undefined;
  /** Timestamps and receipts, drawn on `screen`. */
  readonly meta: number;
  /** The double tick of a read message. */
  readonly read: number;
  readonly note: number;
  readonly noteText: number;
  readonly card: number;
  readonly cardText: number;
  readonly cardMuted: number;
  /** Filled buttons (accept, send). */
  readonly accent: number;
  readonly accentText: number;
  /** Block and report icons, as apps draw destructive actions. */
  readonly danger: number;
  readonly bar: number;
  readonly field: number;
  readonly fieldText: number;
  /** The blurred image placeholder's gradient, top to bottom. */
  readonly imageTop: number;
  readonly imageBottom: number;
  /** Bubble corner radius and the smaller corner on the sender's side, in phone units. */
  readonly radius: number;
  readonly tail: number;
  /** The second app shows its name in a title row above the contact. */
  readonly titleRow: boolean;
}

const FIRST: ChatTheme = {
  screen: 0x121a2b,
  header: 0x1d2640,
  headerText: 0xf5f7fb,
  headerMuted: 0xb4bfd8,
  strip: 0x182036,
  stripText: 0xdde3f0,
  divider: 0x2c3756,
  contactBubble: 0x2a3452,
  contactText: 0xf5f7fb,
  playerBubble: 0x3b6fd8,
  playerText: 0xffffff,
  outline: undefined,
  strongOutline: undefined,
  meta: 0x9aa6c2,
  read: 0x7fb2ff,
  note: 0x222b44,
  noteText: 0xc3cce0,
  card: 0x1d2640,
  cardText: 0xf5f7fb,
  cardMuted: 0xb4bfd8,
  accent: 0x3b6fd8,
  accentText: 0xffffff,
  danger: 0xff7a7a,
  bar: 0x1d2640,
  field: 0x2a3452,
  fieldText: 0xaab4cc,
  imageTop: 0x8d97ab,
  imageBottom: 0x4f5a72,
  radius: 18,
  tail: 5,
  titleRow: false,
};

const SECOND: ChatTheme = {
  screen: 0xeef2f1,
  header: 0x0b6b6b,
  headerText: 0xffffff,
  headerMuted: 0xd5efec,
  strip: 0xffffff,
  stripText: 0x1d2433,
  divider: 0xd3dbd9,
  contactBubble: 0xffffff,
  contactText: 0x1d2433,
  playerBubble: 0x0b6b6b,
  playerText: 0xffffff,
  outline: 0xd3dbd9,
  strongOutline: undefined,
  meta: 0x56616a,
  read: 0x0b6b6b,
  note: 0xdde5e3,
  noteText: 0x36414a,
  card: 0xffffff,
  cardText: 0x1d2433,
  cardMuted: 0x56616a,
  accent: 0x0b6b6b,
  accentText: 0xffffff,
  danger: 0xc62828,
  bar: 0xffffff,
  field: 0xeef2f1,
  fieldText: 0x56616a,
  imageTop: 0xc9d1cf,
  imageBottom: 0x8e9a98,
  radius: 8,
  tail: 2,
  titleRow: true,
};

/** Black and white with strong accents and a white line around every shape. */
const FIRST_HIGH: ChatTheme = {
  ...FIRST,
  screen: 0x000000,
  header: 0x000000,
  headerText: 0xffffff,
  headerMuted: 0xffffff,
  strip: 0x000000,
  stripText: 0xffffff,
  divider: 0xffffff,
  contactBubble: 0x000000,
  contactText: 0xffffff,
  playerBubble: 0x0050c8,
  playerText: 0xffffff,
  outline: 0xffffff,
  strongOutline: 0xffffff,
  meta: 0xffffff,
  read: 0xffffff,
  note: 0x000000,
  noteText: 0xffffff,
  card: 0x000000,
  cardText: 0xffffff,
  cardMuted: 0xffffff,
  accent: 0x0050c8,
  accentText: 0xffffff,
  danger: 0xff8a8a,
  bar: 0x000000,
  field: 0x000000,
  fieldText: 0xffffff,
  imageTop: 0x6b6b6b,
  imageBottom: 0x2b2b2b,
};

const SECOND_HIGH: ChatTheme = {
  ...FIRST_HIGH,
  header: 0x004848,
  playerBubble: 0x005a5a,
  accent: 0x005a5a,
  read: 0xffffff,
  radius: SECOND.radius,
  tail: SECOND.tail,
  titleRow: true,
};

export function chatTheme(look: PhoneLook, appLook: ChatScreen['appLook']): ChatTheme {
  if (appLook === 'second') return look.highContrast ? SECOND_HIGH : SECOND;
  return look.highContrast ? FIRST_HIGH : FIRST;
}

/** `0x3b6fd8` as `#3b6fd8`, for Phaser Text colours. */
export function css(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

/** WCAG relative luminance of a 0xRRGGBB colour. */
export function luminance(color: number): number {
  const channel = (shift: number) => {
    const c = ((color >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** WCAG contrast ratio between two colours, 1 to 21. */
export function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour `t` of the way (0 to 1) from `from` to `to`, channel by channel. */
export function mixColor(from: number, to: number, t: number): number {
  const channel = (shift: number) => {
    const a = (from >> shift) & 0xff;
    const b = (to >> shift) & 0xff;
    return Math.round(a + (b - a) * t) << shift;
  };
  return channel(16) | channel(8) | channel(0);
}
