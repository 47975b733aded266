/**
 * The debrief picture's layout, in Node with a fake text measurer: every label wraps inside the
 * phone and none overlaps another, for every harness fixture (seven long French labels, Chinese,
 * text at 200%) at a laptop's half screen, a square window and a phone in portrait.
 */
import { describe, expect, it } from 'vitest';
import {
  type EntryLayout,
  type Layout,
  layoutDebrief,
  spread,
  type TextBox,
  type TextMeasurer,
  wrapText,
} from '../../scenes/debrief-layout';
import type { DebriefPicture } from '../../src/ui/phone-screen';
import { DEBRIEF_FIXTURES } from '../scene-harness/fixtures-debrief';

const isWide = (char: string) => /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF“”]/u.test(char);

/** About what a sans-serif gives: CJK characters a full em, others a little over half. */
const measurer: TextMeasurer = {
  width: (text, px, bold) =>
    Array.from(text).reduce((sum, c) => sum + (isWide(c) ? px : px * (bold ? 0.6 : 0.55)), 0),
  lineHeight: (px) => Math.round(px * 1.2),
};

const measure = (px: number) => (text: string) => measurer.width(text, px, false);

const SIZES: readonly (readonly [number, number])[] = [
  [700, 700],
  [360, 420],
  [1366, 768],
  [683, 768],
  [360, 740],
  [320, 480],
];

function textWidth(box: TextBox): number {
  return Math.max(...box.lines.map((line) => measurer.width(line, box.font.px, box.font.bold)));
}

function horizontal(box: TextBox): [number, number] {
  const width = textWidth(box);
  return box.align === 'center' ? [box.x - width / 2, box.x + width / 2] : [box.x, box.x + width];
}

function entryBounds(entry: EntryLayout): [number, number] {
  const boxes = [entry.label, entry.statusText].filter((b) => b !== undefined);
  const top = Math.min(entry.icon.y - entry.icon.r, ...boxes.map((b) => b.y));
  const bottom = Math.max(entry.icon.y + entry.icon.r, ...boxes.map((b) => b.y + b.height));
  return [top, bottom];
}

function allText(layout: Layout): TextBox[] {
  return [
    layout.caption,
    layout.outcome,
    layout.rest?.caption,
    ...layout.entries.flatMap((e) => [e.label, e.statusText]),
  ].filter((b) => b !== undefined);
}

describe('wrapText', () => {
  it('keeps every line within the width, and the words in order', () => {
    const text = 'Sudden orders: leave school, take out cash, move out';
    const lines = wrapText(text, 120, 5, measure(10));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(10)(line)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(text);
  });

  it('balances lines so none holds a lone word', () => {
    const lines = wrapText('A threat of arrest over the phone', 150, 2, measure(10));
    expect(lines).toHaveLength(2);
    const [first = '', second = ''] = lines;
    expect(Math.abs(measure(10)(first) - measure(10)(second))).toBeLessThan(40);
  });

  it('cuts what does not fit in the lines allowed with an ellipsis', () => {
    const lines = wrapText(
      "De l'argent « pour l'enquête », envoyé à l'étranger",
      100,
      1,
      measure(10),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('…')).toBe(true);
    expect(measure(10)(lines[0] ?? '')).toBeLessThanOrEqual(100);
  });

  it('breaks Chinese between characters, never before closing punctuation', () => {
    const lines = wrapText('“别挂电话，也别告诉任何人”', 60, 4, measure(10));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('“别挂电话，也别告诉任何人”');
    for (const line of lines) {
      expect(measure(10)(line)).toBeLessThanOrEqual(60);
      expect(line).not.toMatch(/^[，。”」]/u);
    }
  });

  it('keeps French guillemets with their words', () => {
    const lines = wrapText(
      'Être transféré à la « police chinoise » en appel vidéo',
      90,
      6,
      measure(10),
    );
    for (const line of lines) {
      expect(line.startsWith('»')).toBe(false);
      expect(line.endsWith('«')).toBe(false);
    }
  });
});

describe('wrapText without Intl.Segmenter (older browsers)', () => {
  it('still breaks between words and CJK characters, keeping punctuation attached', () => {
    const saved = Intl.Segmenter;
    Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true });
    try {
      const chinese = wrapText('“别挂电话，也别告诉任何人”', 60, 4, measure(10));
      expect(chinese.join('')).toBe('“别挂电话，也别告诉任何人”');
      for (const line of chinese) expect(line).not.toMatch(/^[，。”]/u);
      const english = wrapText('A threat of arrest over the phone', 150, 2, measure(10));
      expect(english.join(' ')).toBe('A threat of arrest over the phone');
    } finally {
      Object.defineProperty(Intl, 'Segmenter', { value: saved, configurable: true });
    }
    expect(typeof Intl.Segmenter).toBe('function');
  });
});

describe('spread', () => {
  it('keeps blocks in order, apart and inside the bounds', () => {
    const heights = [20, 30, 20, 25];
    const tops = spread([0, 5, 10, 200], heights, 0, 150, 4);
    tops.forEach((top, i) => {
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top + (heights[i] ?? 0)).toBeLessThanOrEqual(150);
      if (i > 0) expect(top).toBeGreaterThanOrEqual((tops[i - 1] ?? 0) + (heights[i - 1] ?? 0) + 4);
    });
  });

  it('leaves blocks where they want to be when there is room', () => {
    expect(spread([10, 60, 110], [20, 20, 20], 0, 200, 4)).toEqual([10, 60, 110]);
  });
});

describe('layoutDebrief', () => {
  const fixtures = Object.entries(DEBRIEF_FIXTURES);

  it('has the fixtures the brief asks for', () => {
    const pictures = fixtures.map(([, p]) => p);
    expect(pictures.some((p) => p.flags.length >= 7)).toBe(true);
    expect(pictures.some((p) => p.look.textScale === 2)).toBe(true);
    expect(pictures.some((p) => p.look.highContrast)).toBe(true);
    expect(pictures.some((p) => p.outcome === 'harmed')).toBe(true);
  });

  for (const [name, picture] of fixtures) {
    for (const [width, height] of SIZES) {
      it(`${name} at ${width}x${height}: fits, inside the phone, nothing overlapping`, () => {
        const layout = layoutDebrief(picture, width, height, measurer);
        expect(layout.fits).toBe(true);
        const inner = layout.rect.inner;

        for (const box of allText(layout)) {
          const [left, right] = horizontal(box);
          expect({ box: box.lines, left: left >= inner.x }).toEqual({ box: box.lines, left: true });
          expect({ box: box.lines, right: right <= inner.x + inner.width }).toEqual({
            box: box.lines,
            right: true,
          });
          expect(box.y).toBeGreaterThanOrEqual(inner.y);
          expect(box.y + box.height).toBeLessThanOrEqual(inner.y + inner.height);
        }

        // Every flag is drawn once: the placed ones on the timeline, the rest after it.
        expect(layout.entries).toHaveLength(picture.flags.length);
        const onTimeline = layout.entries.filter((e) => e.markerY !== undefined);
        expect(onTimeline).toHaveLength(
          picture.flags.filter((f) => f.status !== 'not-seen').length,
        );
        expect(layout.entries.slice(0, onTimeline.length)).toEqual(onTimeline);

        // The header ends above the first flag; flags follow one another without touching.
        const headerBottom = Math.max(
          layout.ring.y + layout.ring.r,
          layout.caption.y + layout.caption.height,
          layout.outcome ? layout.outcome.y + layout.outcome.height : 0,
        );
        let previous = headerBottom;
        for (const entry of layout.entries) {
          const [top, bottom] = entryBounds(entry);
          expect(top).toBeGreaterThanOrEqual(previous);
          previous = bottom;
        }

        // Markers go down the line in story order and stay on it.
        const markers = onTimeline.map((e) => e.markerY ?? 0);
        expect([...markers].sort((a, b) => a - b)).toEqual(markers);
        for (const y of markers) {
          expect(y).toBeGreaterThanOrEqual(layout.timeline.top);
          expect(y).toBeLessThanOrEqual(layout.timeline.bottom);
        }
      });
    }
  }

  it('draws a story left early: no outcome, no flags shown, a score of 0', () => {
    const base = DEBRIEF_FIXTURES['debrief-harmed'] as DebriefPicture;
    const picture: DebriefPicture = {
      ...base,
      percent: 0,
      outcome: 'none',
      outcomeLabel: '',
      flags: base.flags.map(({ at: _, ...flag }) => ({
        ...flag,
        status: 'not-seen' as const,
        statusLabel: 'It did not come up in your game',
      })),
    };
    for (const [width, height] of SIZES) {
      const layout = layoutDebrief(picture, width, height, measurer);
      expect(layout.fits).toBe(true);
      expect(layout.outcome).toBeUndefined();
      expect(layout.entries.every((e) => e.markerY === undefined)).toBe(true);
      expect(layout.rest?.caption?.lines.join(' ')).toBe('It did not come up in your game');
      const empty = layoutDebrief({ ...picture, flags: [] }, width, height, measurer);
      expect(empty.entries).toEqual([]);
      expect(empty.rest).toBeUndefined();
    }
  });

  it('keeps the full labels and the status words when there is room', () => {
    const picture = DEBRIEF_FIXTURES['debrief-harmed'] as DebriefPicture;
    const layout = layoutDebrief(picture, 683, 768, measurer);
    expect(layout.plan.status).toBe(true);
    const placed = picture.flags.filter((f) => f.at !== undefined);
    layout.entries.slice(0, placed.length).forEach((entry, i) => {
      expect(entry.label.lines.join(' ')).toBe(placed[i]?.label);
      expect(entry.statusText?.lines).toEqual([placed[i]?.statusLabel]);
    });
  });

  it('shrinks the type or cuts labels short before anything could overlap', () => {
    const french = DEBRIEF_FIXTURES['debrief-french-7'] as DebriefPicture;
    const roomy = layoutDebrief(french, 683, 768, measurer);
    const tight = layoutDebrief(
      { ...french, look: { ...french.look, textScale: 2 } },
      360,
      420,
      measurer,
    );
    expect(tight.fits).toBe(true);
    const cut = tight.entries.some((e) => e.label.lines.some((l) => l.endsWith('…')));
    expect(cut || tight.plan.k < roomy.plan.k).toBe(true);
  });
});
