/**
 * The chat scene's pure maths and colours: how the phone's screen splits up, how messages stack
 * and scroll, bubble widths, header names that do not fit, avatar colours, and the contrast of
 * every text colour in the four looks (first and second app, normal and high contrast).
 */
import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS, avatarColor } from '../../scenes/call-layout';
import {
  bubbleWidths,
  chatFrame,
  composerLayout,
  isVisible,
  rowCells,
  stackItems,
  truncateToWidth,
} from '../../scenes/chat-layout';
import { type ChatTheme, chatTheme, contrast, css, mixColor } from '../../scenes/chat-theme';
import { phoneRect } from '../../scenes/phone-frame';

const measure = (text: string) => [...text].length * 10;
const LOOK = { reducedMotion: false, highContrast: false, textScale: 1 };

describe('chatFrame', () => {
  const inner = { x: 10.4, y: 20.2, width: 300, height: 600 };

  it('stacks status bar, header, actions, list and composer without gaps or overlaps', () => {
    const frame = chatFrame(inner, { status: 26, header: 50, strip: 40, bottom: 60 });
    expect(frame.status.y).toBe(20);
    expect(frame.header.y).toBe(frame.status.y + frame.status.height);
    expect(frame.strip.y).toBe(frame.header.y + frame.header.height);
    expect(frame.list.y).toBe(frame.strip.y + frame.strip.height);
    expect(frame.bottom.y).toBe(frame.list.y + frame.list.height);
    expect(frame.bottom.y + frame.bottom.height).toBe(620);
    expect(frame.list.height).toBe(600 - 26 - 50 - 40 - 60);
    for (const box of Object.values(frame)) {
      expect(Number.isInteger(box.x + box.y + box.width + box.height)).toBe(true);
      expect(box.width).toBe(300);
    }
  });

  it('gives the list nothing, never a negative height, when the fixed parts fill the phone', () => {
    const frame = chatFrame(inner, { status: 26, header: 300, strip: 200, bottom: 200 });
    expect(frame.list.height).toBe(0);
    expect(frame.bottom.y).toBeGreaterThanOrEqual(frame.strip.y + frame.strip.height);
    expect(frame.bottom.y + frame.bottom.height).toBe(620);
  });

  it('has no action row when no action is offered', () => {
    const frame = chatFrame(inner, { status: 26, header: 50, strip: 0, bottom: 60 });
    expect(frame.strip.height).toBe(0);
    expect(frame.list.y).toBe(frame.header.y + frame.header.height);
  });
});

describe('stackItems', () => {
  const options = { gap: 8, padTop: 12, padBottom: 10, viewport: 200 };

  it('starts at the top, unscrolled, when everything fits', () => {
    const stack = stackItems([40, 30, 50], options);
    expect(stack.tops).toEqual([12, 60, 98]);
    expect(stack.content).toBe(12 + 40 + 8 + 30 + 8 + 50 + 10);
    expect(stack.scroll).toBe(0);
  });

  it('scrolls so the newest item ends just above the bottom, older ones leaving by the top', () => {
    const heights = Array.from({ length: 10 }, () => 40);
    const stack = stackItems(heights, options);
    const last = stack.tops.at(-1) ?? 0;
    expect(stack.scroll).toBe(stack.content - 200);
    expect(last + 40 + 10 - stack.scroll).toBe(200);
    expect(isVisible(stack.tops[0] ?? 0, 40, stack.scroll, 200)).toBe(false);
    expect(isVisible(last, 40, stack.scroll, 200)).toBe(true);
  });

  it('counts an item cut by the top edge as visible, and one just above it as not', () => {
    expect(isVisible(0, 40, 39, 100)).toBe(true);
    expect(isVisible(0, 40, 40, 100)).toBe(false);
    expect(isVisible(140, 10, 40, 100)).toBe(false);
  });

  it('handles an empty chat and a zero-height viewport', () => {
    expect(stackItems([], options)).toEqual({ tops: [], content: 22, scroll: 0 });
    expect(stackItems([40], { ...options, viewport: 0 }).scroll).toBe(62);
  });
});

describe('bubbleWidths', () => {
  it('lets a bubble take about three quarters of the list', () => {
    const widths = bubbleWidths(340, 1, 15);
    expect(widths.bubble).toBe(Math.round(340 * 0.78));
    expect(widths.text).toBe(widths.bubble - 22);
    expect(widths.image).toBeLessThanOrEqual(widths.bubble);
  });

  it('always leaves room for a couple of characters, even on a tiny stage with large type', () => {
    const widths = bubbleWidths(20, 0.65, 30);
    expect(widths.text).toBeGreaterThanOrEqual(60);
  });

  it('fits in the phone at 1366x768 (half the width), 360x420 and 700x700', () => {
    for (const [width, height] of [
      [683, 768],
      [360, 420],
      [700, 700],
    ] as const) {
      const rect = phoneRect(width, height);
      const widths = bubbleWidths(rect.inner.width, rect.scale, 15 * rect.scale);
      expect(widths.bubble + 20 * rect.scale).toBeLessThan(rect.inner.width);
    }
  });
});

describe('rowCells', () => {
  it('fills the row exactly with whole-pixel cells', () => {
    const cells = rowCells(4.5, 333, 4);
    expect(cells).toHaveLength(4);
    expect(cells[0]?.x).toBe(5);
    for (let index = 1; index < cells.length; index += 1) {
      const previous = cells[index - 1];
      expect(cells[index]?.x).toBe((previous?.x ?? 0) + (previous?.width ?? 0));
    }
    const last = cells[3];
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBe(Math.round(4.5 + 333));
  });

  it('has no cell for no action', () => {
    expect(rowCells(0, 300, 0)).toEqual([]);
  });
});

describe('composerLayout', () => {
  it('puts the field between "+" and the send button in the first app, with room around', () => {
    const { field, button } = composerLayout(340, 1, 16, 36, false);
    expect(button.x + button.width).toBe(340 - 14);
    expect(field.x).toBeGreaterThan(22 + 8);
    expect(field.x + field.width).toBeLessThan(button.x);
  });

  it('puts the camera button first and a longer field after it in the second app', () => {
    const first = composerLayout(340, 1, 16, 36, false);
    const second = composerLayout(340, 1, 16, 36, true);
    expect(second.button.x).toBe(12);
    expect(second.field.x).toBeGreaterThan(second.button.x + second.button.width);
    expect(second.field.x + second.field.width).toBe(340 - 12);
    expect(second.field.width).toBeGreaterThan(first.field.width);
  });

  it('moves the field right when large type grows the "+", and never gives it a negative width', () => {
    expect(composerLayout(340, 1, 27, 50, false).field.x).toBeGreaterThan(
      composerLayout(340, 1, 16, 50, false).field.x,
    );
    expect(composerLayout(40, 1, 27, 50, false).field.width).toBe(0);
    expect(composerLayout(40, 1, 27, 50, true).field.width).toBe(0);
  });
});

describe('truncateToWidth', () => {
  it('keeps a name that fits', () => {
    expect(truncateToWidth('Leah', 100, measure)).toBe('Leah');
  });

  it('ends a long name with an ellipsis and stays inside the width', () => {
    const cut = truncateToWidth('Officer Jean-Baptiste Tremblay', 120, measure);
    expect(cut).toBe('Officer Jea…');
    expect(measure(cut)).toBeLessThanOrEqual(120);
  });

  it('never splits an emoji or a Chinese character', () => {
    expect(truncateToWidth('多伦多警察局', 35, measure)).toBe('多伦…');
    expect(truncateToWidth('😊😊😊😊', 25, measure)).toBe('😊…');
    expect(truncateToWidth('Leah', 5, measure)).toBe('…');
  });
});

describe('avatarColor', () => {
  it('gives a name the same colour every time, from the call screen’s colours', () => {
    expect(avatarColor('Leah')).toBe(avatarColor('Leah'));
    expect(AVATAR_COLORS).toContain(avatarColor('Leah'));
    expect(AVATAR_COLORS).toContain(avatarColor('莉亚'));
    expect(AVATAR_COLORS).toContain(avatarColor(''));
  });

  it('spreads names over several colours', () => {
    const names = ['Leah', 'Sam', 'Mia', 'Noah', 'Officer Clarke', 'Mom', 'Dad', 'Zoe'];
    expect(new Set(names.map(avatarColor)).size).toBeGreaterThan(2);
  });

  it('keeps a white initial readable as large text on every colour', () => {
    for (const color of AVATAR_COLORS) expect(contrast(0xffffff, color)).toBeGreaterThanOrEqual(3);
  });
});

describe('chatTheme', () => {
  const looks = [
    ['first', false],
    ['second', false],
    ['first', true],
    ['second', true],
  ] as const;

  /** Every text colour and what it is drawn on. */
  const pairs = (theme: ChatTheme): [string, number, number][] => [
    ['header text', theme.headerText, theme.header],
    ['header subtitle', theme.headerMuted, theme.header],
    ['action labels', theme.stripText, theme.strip],
    ['contact bubble', theme.contactText, theme.contactBubble],
    ['player bubble', theme.playerText, theme.playerBubble],
    ['timestamps', theme.meta, theme.screen],
    ['notes', theme.noteText, theme.note],
    ['card text', theme.cardText, theme.card],
    ['card subtitle', theme.cardMuted, theme.card],
    ['accept button', theme.accentText, theme.accent],
    ['ignore button', theme.cardText, theme.field],
    ['composer placeholder', theme.fieldText, theme.field],
    ['blocked banner', theme.cardText, theme.bar],
  ];

  it.each(looks)('%s app, high contrast %s: every text reads on its background', (app, high) => {
    const theme = chatTheme({ ...LOOK, highContrast: high }, app);
    const minimum = high ? 7 : 4.5;
    for (const [name, text, background] of pairs(theme)) {
      expect(
        contrast(text, background),
        `${name} ${css(text)} on ${css(background)}`,
      ).toBeGreaterThanOrEqual(minimum);
    }
  });

  it('gives the second app a clearly different look with its name shown', () => {
    const first = chatTheme(LOOK, 'first');
    const second = chatTheme(LOOK, 'second');
    expect(second.titleRow).toBe(true);
    expect(first.titleRow).toBe(false);
    expect(second.header).not.toBe(first.header);
    expect(second.screen).not.toBe(first.screen);
    expect(second.playerBubble).not.toBe(first.playerBubble);
    expect(second.radius).not.toBe(first.radius);
    const highFirst = chatTheme({ ...LOOK, highContrast: true }, 'first');
    const highSecond = chatTheme({ ...LOOK, highContrast: true }, 'second');
    expect(highSecond.header).not.toBe(highFirst.header);
    expect(highSecond.titleRow).toBe(true);
  });

  it('outlines every shape in high contrast', () => {
    for (const app of ['first', 'second'] as const) {
      const theme = chatTheme({ ...LOOK, highContrast: true }, app);
      expect(theme.strongOutline).toBe(0xffffff);
      expect(theme.outline).toBe(0xffffff);
    }
  });

  it('writes colours as CSS', () => {
    expect(css(0x0050c8)).toBe('#0050c8');
    expect(css(0)).toBe('#000000');
  });
});

describe('mixColor', () => {
  it('gives the end colours at 0 and 1 and mixes each channel on its own in between', () => {
    expect(mixColor(0x8d97ab, 0x4f5a72, 0)).toBe(0x8d97ab);
    expect(mixColor(0x8d97ab, 0x4f5a72, 1)).toBe(0x4f5a72);
    expect(mixColor(0x000000, 0xff8040, 0.5)).toBe(0x804020);
    // A channel going down must not borrow from its neighbour.
    expect(mixColor(0x00ff00, 0xff0000, 0.5)).toBe(0x808000);
  });
});
