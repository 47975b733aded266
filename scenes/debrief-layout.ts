/**
 * Where everything of the debrief picture goes on the phone: pure layout maths, with text
 * measured through a small port (a canvas in the game, a fake in the unit tests), so that "labels
 * wrap and never overlap, at any size and in any language" is tested in Node.
 *
 * The picture: the safety score as a ring, the outcome, then a timeline of the story with each
 * red flag marked where it first showed, and after it the flags that never came up. The DOM
 * debrief has the full text, so when many flags must fit the type shrinks and labels are cut
 * short with an ellipsis rather than ever overlapping.
 */
import type { DebriefPicture, PhoneLook } from '../src/ui/phone-screen';
import { fontPx, type PhoneRect, palette, phoneRect } from './phone-frame';

/** Measures text as the scenes' Phaser Text objects will draw it. */
export interface TextMeasurer {
  /** Width in CSS pixels of one line of `text`. */
  width(text: string, px: number, bold: boolean): number;
  /** Height of one line, as Phaser's Text measures it (its line box, without spacing). */
  lineHeight(px: number, bold: boolean): number;
}

export type FlagStatus = DebriefPicture['flags'][number]['status'];
export type Outcome = DebriefPicture['outcome'];

/** Colours of the picture beyond the phone's own palette: status and outcome tones. */
export interface Tones {
  readonly spotted: number;
  readonly missed: number;
  readonly notSeen: number;
  readonly safe: number;
  readonly costly: number;
  readonly harmed: number;
  readonly none: number;
  /** The ring's empty track and the timeline's line. */
  readonly track: number;
  readonly line: number;
  /** The glyph drawn on a filled icon. */
  readonly glyph: number;
}

export const TONES: Tones = {
  spotted: 0x4cc38a,
  missed: 0xf2a444,
  notSeen: 0x9aa5bf,
  safe: 0x4cc38a,
  costly: 0xe5c453,
  harmed: 0xf2a444,
  none: 0x9aa5bf,
  track: 0x3a4664,
  line: 0x5d6a8a,
  glyph: 0x101522,
};

export const HIGH_CONTRAST_TONES: Tones = {
  spotted: 0x00e676,
  missed: 0xffb300,
  notSeen: 0xffffff,
  safe: 0x00e676,
  costly: 0xffe14d,
  harmed: 0xffb300,
  none: 0xffffff,
  track: 0x4d4d4d,
  line: 0xffffff,
  glyph: 0x000000,
};

export const css = (color: number) => `#${color.toString(16).padStart(6, '0')}`;

export const statusTone = (tones: Tones, status: FlagStatus) =>
  status === 'spotted' ? tones.spotted : status === 'missed' ? tones.missed : tones.notSeen;

export const outcomeTone = (tones: Tones, outcome: Outcome) =>
  outcome === 'safe'
    ? tones.safe
    : outcome === 'safe-but-costly'
      ? tones.costly
      : outcome === 'harmed'
        ? tones.harmed
        : tones.none;

// ---------------------------------------------------------------------------------------------
// Text fitting: wraps at word boundaries (any CJK character is one), never starts a line with
// closing punctuation, and ends a cut-short text with an ellipsis.

export type Measure = (text: string) => number;

const OPENING = /^[«“‘(（「『《〈【[¿¡]+$/u;
const CLOSING = /^[»”’)）」』》〉】\],.;:!?%‰，。、！？：；…\-–—]+$/u;

let segmenter: Intl.Segmenter | undefined;

/** Words, spaces and single CJK characters, where Intl.Segmenter is missing (older Firefox). */
const FALLBACK_SEGMENTS =
  /\s+|[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+/gu;

function segments(text: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return text.match(FALLBACK_SEGMENTS) ?? [];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Pieces that a line may break between, each with its trailing space. */
export function breakableTokens(text: string): string[] {
  const out: string[] = [];
  let open = '';
  for (const segment of segments(text)) {
    if (/^\s+$/u.test(segment)) {
      if (open) open += segment;
      else if (out.length > 0) out[out.length - 1] += segment;
      continue;
    }
    if (OPENING.test(segment)) {
      open += segment;
      continue;
    }
    if (CLOSING.test(segment) && out.length > 0 && !open) {
      out[out.length - 1] += segment;
      continue;
    }
    out.push(open + segment);
    open = '';
  }
  if (open) out.push(open);
  return out;
}

/** Lines of `text` no wider than `width`, filled greedily. */
function greedyLines(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
  };
  for (const token of breakableTokens(text.trim())) {
    if (measure((line + token).trimEnd()) <= width) {
      line += token;
      continue;
    }
    if (line) push();
    // A word wider than the line is broken between its characters.
    let rest = token;
    while (measure(rest.trimEnd()) > width) {
      const chars = Array.from(rest);
      let take = chars.length - 1;
      while (take > 1 && measure(chars.slice(0, take).join('')) > width) take--;
      line = chars.slice(0, Math.max(1, take)).join('');
      push();
      rest = chars.slice(Math.max(1, take)).join('');
    }
    line = rest;
  }
  if (line.trim()) push();
  return lines;
}

/**
 * Lines of `text` no wider than `width`, at most `maxLines` of them (the last cut short with
 * "…"). Text that takes several lines is balanced, so no line holds a lone word.
 */
export function wrapText(
  text: string,
  width: number,
  maxLines: number,
  measure: Measure,
): string[] {
  const lines = greedyLines(text, width, measure);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = Array.from(kept[maxLines - 1] ?? '');
    while (last.length > 0 && measure(`${last.join('').trimEnd()}…`) > width)
      last = last.slice(0, -1);
    kept[maxLines - 1] = `${last.join('').trimEnd()}…`;
    return kept;
  }
  if (lines.length < 2) return lines;
  // The narrowest width that still needs no more lines.
  let low = width / 2;
  let high = width;
  for (let i = 0; i < 7; i++) {
    const middle = (low + high) / 2;
    if (greedyLines(text, middle, measure).length <= lines.length) high = middle;
    else low = middle;
  }
  return greedyLines(text, high, measure);
}

/**
 * Tops for blocks of `heights` that want to start at `wanted`, kept in order, `gap` apart and
 * inside `top`..`bottom`: pushed down past each other, then up from the bottom.
 */
export function spread(
  wanted: readonly number[],
  heights: readonly number[],
  top: number,
  bottom: number,
  gap: number,
): number[] {
  const tops: number[] = [];
  let cursor = top;
  wanted.forEach((want, i) => {
    const y = Math.max(want, cursor);
    tops.push(y);
    cursor = y + (heights[i] ?? 0) + gap;
  });
  let limit = bottom;
  for (let i = tops.length - 1; i >= 0; i--) {
    const y = Math.min(tops[i] ?? 0, limit - (heights[i] ?? 0));
    tops[i] = Math.max(top, y);
    limit = (tops[i] ?? 0) - gap;
  }
  return tops;
}

// ---------------------------------------------------------------------------------------------
// Layout: a pure description of where everything goes, computed once per draw.

export interface Font {
  readonly px: number;
  readonly bold: boolean;
  /** Height of one line, as Phaser measures it. */
  readonly line: number;
  readonly spacing: number;
}

export interface TextBox {
  readonly lines: readonly string[];
  readonly x: number;
  readonly y: number;
  readonly font: Font;
  readonly color: string;
  /** `x` is the left edge, or the centre for centred text. */
  readonly align: 'left' | 'center';
  readonly height: number;
}

export interface EntryLayout {
  readonly status: FlagStatus;
  /** Where the marker sits on the timeline, or undefined for a flag listed after it. */
  readonly markerY?: number;
  /** 0 to 1: how far down the timeline; decides when it appears. */
  readonly reveal: number;
  readonly icon: { readonly x: number; readonly y: number; readonly r: number };
  readonly label: TextBox;
  readonly statusText?: TextBox;
}

export interface Layout {
  readonly rect: PhoneRect;
  readonly ring: {
    readonly x: number;
    readonly y: number;
    readonly r: number;
    readonly width: number;
  };
  readonly percent: {
    readonly x: number;
    readonly y: number;
    readonly px: number;
    readonly signPx: number;
  };
  readonly caption: TextBox;
  readonly outcomeIcon?: { readonly x: number; readonly y: number; readonly r: number };
  readonly outcome?: TextBox;
  readonly timeline: {
    readonly x: number;
    readonly top: number;
    readonly bottom: number;
    readonly cap: number;
  };
  readonly entries: readonly EntryLayout[];
  readonly rest?: { readonly divider: number; readonly caption?: TextBox };
  /** The plan used, and whether everything fitted in it (false only on a tiny stage). */
  readonly plan: Plan;
  readonly fits: boolean;
}

export interface Plan {
  readonly header: 'stacked' | 'compact';
  /** Ring size factor (stacked header). */
  readonly ring: number;
  /** Type size factor. */
  readonly k: number;
  readonly labelLines: number;
  readonly status: boolean;
}

/** Tried in order until one fits: a smaller ring, then the ring beside the outcome, then smaller type. */
const PLANS: readonly Plan[] = [
  { header: 'stacked', ring: 1, k: 1, labelLines: 2, status: true },
  { header: 'stacked', ring: 0.75, k: 1, labelLines: 2, status: true },
  { header: 'stacked', ring: 0.75, k: 0.9, labelLines: 2, status: true },
  { header: 'compact', ring: 1, k: 1, labelLines: 2, status: true },
  { header: 'compact', ring: 1, k: 0.9, labelLines: 2, status: true },
  { header: 'compact', ring: 1, k: 0.8, labelLines: 2, status: true },
  { header: 'compact', ring: 1, k: 0.9, labelLines: 1, status: true },
  { header: 'compact', ring: 1, k: 0.8, labelLines: 1, status: true },
  { header: 'compact', ring: 1, k: 0.72, labelLines: 1, status: true },
  { header: 'compact', ring: 1, k: 0.65, labelLines: 1, status: true },
  { header: 'compact', ring: 1, k: 0.65, labelLines: 1, status: false },
  { header: 'compact', ring: 1, k: 0.58, labelLines: 1, status: false },
];

const MIN_PX = 9;

class Layouter {
  readonly #measurer: TextMeasurer;

  constructor(measurer: TextMeasurer) {
    this.#measurer = measurer;
  }

  font(base: number, rect: PhoneRect, look: PhoneLook, k: number, bold = false): Font {
    // A short, wide phone (a landscape window's half) still has room across for readable type.
    const scale = Math.min(1.2, Math.max(rect.scale, Math.min(rect.width / 320, 1.1) * 0.9));
    const px = Math.max(
      MIN_PX,
      Math.round(Number.parseFloat(fontPx(base, { ...rect, scale }, look)) * k),
    );
    return {
      px,
      bold,
      line: this.#measurer.lineHeight(px, bold),
      spacing: Math.round(px * 0.18),
    };
  }

  measure(font: Font): Measure {
    return (text) => this.#measurer.width(text, font.px, font.bold);
  }

  layout(picture: DebriefPicture, width: number, height: number): Layout {
    const rect = phoneRect(width, height);
    const tall = rect.inner.height > rect.inner.width * 1.45;
    const plans = PLANS.filter((p) => tall || p.header === 'compact');
    let last: Layout | undefined;
    for (const plan of plans) {
      const attempt = this.#try(picture, rect, plan);
      if (attempt.fits) return attempt.layout;
      last = attempt.layout;
    }
    // Nothing fits (a tiny stage): the smallest plan, squeezed. `spread` still keeps order.
    return last ?? this.#try(picture, rect, PLANS[PLANS.length - 1] as Plan).layout;
  }

  #try(picture: DebriefPicture, rect: PhoneRect, plan: Plan): { fits: boolean; layout: Layout } {
    const { look } = picture;
    const colors = palette(look);
    const tones = look.highContrast ? HIGH_CONTRAST_TONES : TONES;
    const s = rect.scale;
    const inner = rect.inner;
    const padX = Math.round(14 * s);
    const left = inner.x + padX;
    const right = inner.x + inner.width - padX;
    const contentWidth = right - left;
    const top = inner.y + Math.round(22 * s);
    const bottom = inner.y + inner.height - Math.round(18 * s);
    const gap = Math.round(6 * s);

    const captionFont = this.font(13, rect, look, plan.k);
    const outcomeFont = this.font(15, rect, look, plan.k, true);
    const labelFont = this.font(13, rect, look, plan.k, true);
    const statusFont = this.font(11.5, rect, look, plan.k);
    const heightOf = (lines: number, font: Font) =>
      lines <= 0 ? 0 : lines * font.line + (lines - 1) * font.spacing;
    const box = (
      lines: string[],
      x: number,
      y: number,
      font: Font,
      color: string,
      align: TextBox['align'],
    ): TextBox => ({ lines, x, y, font, color, align, height: heightOf(lines.length, font) });

    // The header: the ring, the score sentence and the outcome.
    const outcomeColor = css(outcomeTone(tones, picture.outcome));
    let ring: Layout['ring'];
    let caption: TextBox;
    let outcome: TextBox | undefined;
    let outcomeIcon: Layout['outcomeIcon'];
    let headerBottom: number;
    const iconR = Math.max(6, Math.round(outcomeFont.line * 0.55));
    if (plan.header === 'stacked') {
      const captionLines = wrapText(picture.scoreLabel, contentWidth, 2, this.measure(captionFont));
      caption = box(
        captionLines,
        left + contentWidth / 2,
        top,
        captionFont,
        colors.muted,
        'center',
      );
      const ringTop = top + heightOf(captionLines.length, captionFont) + gap * 1.5;
      const diameter = Math.round(
        Math.min(contentWidth * 0.52, Math.max(96 * s, (bottom - top) * 0.26), 190 * s) * plan.ring,
      );
      const r = diameter / 2;
      ring = {
        x: left + contentWidth / 2,
        y: ringTop + r,
        r,
        width: Math.max(6, Math.round(diameter * 0.085)),
      };
      headerBottom = ringTop + diameter;
      if (picture.outcomeLabel) {
        const textWidth = contentWidth - iconR * 2 - gap;
        const lines = wrapText(picture.outcomeLabel, textWidth, 2, this.measure(outcomeFont));
        const measure = this.measure(outcomeFont);
        const widest = Math.max(...lines.map(measure));
        const rowWidth = iconR * 2 + gap + widest;
        const rowLeft = left + (contentWidth - rowWidth) / 2;
        const y = headerBottom + gap * 1.5;
        outcome = box(lines, rowLeft + iconR * 2 + gap, y, outcomeFont, outcomeColor, 'left');
        outcomeIcon = { x: rowLeft + iconR, y: y + outcomeFont.line / 2, r: iconR };
        headerBottom = y + Math.max(heightOf(lines.length, outcomeFont), iconR * 2);
      }
    } else {
      const diameter = Math.round(
        Math.min(contentWidth * 0.36, Math.max(72 * s, (bottom - top) * 0.24), 120 * s),
      );
      const r = diameter / 2;
      ring = { x: left + r, y: top + r, r, width: Math.max(5, Math.round(diameter * 0.09)) };
      const textLeft = left + diameter + gap * 2;
      const textWidth = right - textLeft;
      const captionLines = wrapText(picture.scoreLabel, textWidth, 2, this.measure(captionFont));
      let blockHeight = heightOf(captionLines.length, captionFont);
      let outcomeLines: string[] = [];
      if (picture.outcomeLabel) {
        outcomeLines = wrapText(
          picture.outcomeLabel,
          textWidth - iconR * 2 - gap,
          3,
          this.measure(outcomeFont),
        );
        blockHeight += gap + Math.max(heightOf(outcomeLines.length, outcomeFont), iconR * 2);
      }
      const blockTop = top + Math.max(0, (diameter - blockHeight) / 2);
      caption = box(captionLines, textLeft, blockTop, captionFont, colors.muted, 'left');
      if (picture.outcomeLabel) {
        const y = blockTop + heightOf(captionLines.length, captionFont) + gap;
        outcome = box(
          outcomeLines,
          textLeft + iconR * 2 + gap,
          y,
          outcomeFont,
          outcomeColor,
          'left',
        );
        outcomeIcon = { x: textLeft + iconR, y: y + outcomeFont.line / 2, r: iconR };
      }
      headerBottom = top + Math.max(diameter, blockHeight);
    }
    // The number and its "%" fit inside the ring, "100" included.
    const probe = { px: 100, bold: true, line: 0, spacing: 0 };
    const wideAt100 = this.measure(probe)('100') + this.measure({ ...probe, px: 50 })('%');
    const room = (ring.r - ring.width) * 2 * 0.82;
    const percentPx = Math.max(
      MIN_PX,
      Math.round(Math.min(ring.r * 0.62, (100 * room) / wideAt100)),
    );
    const percent = { x: ring.x, y: ring.y, px: percentPx, signPx: Math.round(percentPx * 0.5) };

    // The timeline: flags placed in the story, in the order they showed; the rest after it.
    const placed = picture.flags
      .map((flag, index) => ({
        flag,
        index,
        at: flag.at ?? (flag.status === 'not-seen' ? undefined : 1),
      }))
      .filter((f): f is typeof f & { at: number } => f.at !== undefined)
      .sort((a, b) => a.at - b.at || a.index - b.index);
    const unplaced = picture.flags.filter((f) => f.at === undefined && f.status === 'not-seen');

    const entryIconR = Math.max(6, Math.round(labelFont.line * 0.62));
    const cap = Math.max(4, Math.round(5 * s));
    const lineX = left + cap + 1;
    const iconX = lineX + Math.round(20 * s) + entryIconR;
    const textX = iconX + entryIconR + Math.round(7 * s);
    const textWidth = Math.max(40, right - textX);
    const measureLabel = this.measure(labelFont);
    const measureStatus = this.measure(statusFont);
    const entryGap = Math.round(7 * s * plan.k);

    // The flags that never came up: one muted line each under a divider, after a short caption.
    const restFont = this.font(12, rect, look, plan.k);
    const restLine = Math.max(restFont.line, entryIconR * 1.6);
    const restIconR = Math.round(entryIconR * 0.75);
    let restHeight = 0;
    let restCaptionLines: string[] = [];
    if (unplaced.length > 0) {
      restCaptionLines = wrapText(
        unplaced[0]?.statusLabel ?? '',
        contentWidth,
        2,
        this.measure(statusFont),
      );
      restHeight =
        gap * 2 +
        heightOf(restCaptionLines.length, statusFont) +
        gap +
        unplaced.length * restLine +
        (unplaced.length - 1) * Math.round(entryGap * 0.5);
    }

    const timelineTop = headerBottom + Math.round(gap * 2.5);
    const timelineBottom = bottom - restHeight;
    const lineTop = timelineTop + cap;
    const lineBottom = timelineBottom - cap;

    // Flags that showed at the same moment get dots side by side down the line, not on top.
    const dots = spread(
      placed.map(({ at }) => lineTop + at * (lineBottom - lineTop) - cap),
      placed.map(() => cap * 2),
      lineTop - cap,
      lineBottom + cap,
      1,
    ).map((y) => y + cap);
    const sized = placed.map(({ flag, at }, i) => {
      const labelLines = wrapText(flag.label, textWidth, plan.labelLines, measureLabel);
      const statusLines = plan.status
        ? wrapText(flag.statusLabel, textWidth, 1, measureStatus)
        : [];
      const labelHeight = heightOf(labelLines.length, labelFont);
      const iconOffset = Math.max(entryIconR, labelFont.line / 2);
      const height = Math.max(
        iconOffset + entryIconR,
        iconOffset -
          labelFont.line / 2 +
          labelHeight +
          (statusLines.length ? statusFont.spacing + heightOf(1, statusFont) : 0),
      );
      const markerY = dots[i] ?? lineTop;
      return { flag, at, labelLines, statusLines, labelHeight, iconOffset, height, markerY };
    });
    const tops = spread(
      sized.map((e) => e.markerY - e.iconOffset),
      sized.map((e) => e.height),
      timelineTop,
      timelineBottom,
      entryGap,
    );
    const needed =
      sized.reduce((sum, e) => sum + e.height, 0) + entryGap * Math.max(0, sized.length - 1);
    const fits = needed <= timelineBottom - timelineTop && timelineBottom - timelineTop >= cap * 6;

    const entries: EntryLayout[] = sized.map((e, i) => {
      const y = tops[i] ?? timelineTop;
      const textTop = y + e.iconOffset - labelFont.line / 2;
      const tone = css(statusTone(tones, e.flag.status));
      return {
        status: e.flag.status,
        markerY: e.markerY,
        reveal: e.at,
        icon: { x: iconX, y: y + e.iconOffset, r: entryIconR },
        label: box(e.labelLines, textX, textTop, labelFont, colors.text, 'left'),
        ...(e.statusLines.length
          ? {
              statusText: box(
                e.statusLines,
                textX,
                textTop + e.labelHeight + statusFont.spacing,
                statusFont,
                tone,
                'left',
              ),
            }
          : {}),
      };
    });

    let rest: Layout['rest'];
    if (unplaced.length > 0) {
      const divider = timelineBottom + gap;
      const captionTop = divider + gap;
      const restCaption = box(restCaptionLines, left, captionTop, statusFont, colors.muted, 'left');
      let y = captionTop + heightOf(restCaptionLines.length, statusFont) + gap;
      const restTextX = left + restIconR * 2 + Math.round(8 * s);
      const measureRest = this.measure(restFont);
      for (const flag of unplaced) {
        const lines = wrapText(flag.label, right - restTextX, 1, measureRest);
        entries.push({
          status: flag.status,
          reveal: 1.1,
          icon: { x: left + restIconR, y: y + restLine / 2, r: restIconR },
          label: box(
            lines,
            restTextX,
            y + (restLine - restFont.line) / 2,
            restFont,
            colors.muted,
            'left',
          ),
        });
        y += restLine + Math.round(entryGap * 0.5);
      }
      rest = { divider, caption: restCaption };
    }

    const layout: Layout = {
      rect,
      ring,
      percent,
      caption,
      ...(outcome ? { outcome } : {}),
      ...(outcomeIcon ? { outcomeIcon } : {}),
      timeline: { x: lineX, top: timelineTop, bottom: timelineBottom, cap },
      entries,
      ...(rest ? { rest } : {}),
      plan,
      fits,
    };
    return { fits, layout };
  }
}

/** Lays the picture out on a stage of `width` x `height`, in the first plan that fits. */
export function layoutDebrief(
  picture: DebriefPicture,
  width: number,
  height: number,
  measurer: TextMeasurer,
): Layout {
  return new Layouter(measurer).layout(picture, width, height);
}
