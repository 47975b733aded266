import { describe, expect, it } from 'vitest';
import { type CanvasMaker, chooseRenderer } from '../../scenes/renderer-choice';

const RENDERER = 0x1f01;
const UNMASKED_RENDERER_WEBGL = 0x9246;

interface FakeGpu {
  /** What the browser does with a WebGL request that asks to fail if slow. */
  readonly caveat?: 'allowed' | 'refused' | 'throws';
  /** What RENDERER says ("WebKit WebGL" in Chromium) and what the debug extension says. */
  readonly renderer?: string;
  readonly unmasked?: string;
}

/** A canvas maker whose WebGL context behaves like `gpu`, recording what was asked of it. */
function maker(gpu: FakeGpu) {
  const asked: unknown[] = [];
  let lost = 0;
  const context = {
    RENDERER,
    getParameter: (what: number) =>
      what === RENDERER
        ? (gpu.renderer ?? 'WebKit WebGL')
        : what === UNMASKED_RENDERER_WEBGL
          ? gpu.unmasked
          : null,
    getExtension: (name: string) => {
      if (name === 'WEBGL_lose_context') return { loseContext: () => (lost += 1) };
      if (name === 'WEBGL_debug_renderer_info' && gpu.unmasked !== undefined)
        return { UNMASKED_RENDERER_WEBGL };
      return null;
    },
  };
  const fake: CanvasMaker = {
    createElement: () => ({
      getContext: ((kind: string, attributes?: unknown) => {
        asked.push({ kind, attributes });
        if (gpu.caveat === 'throws') throw new Error('no context for you');
        return gpu.caveat === 'refused' ? null : context;
      }) as unknown as HTMLCanvasElement['getContext'],
    }),
  };
  return { fake, asked, lost: () => lost };
}

describe('chooseRenderer', () => {
  it('picks WebGL for a graphics chip, asks to fail if slow, and gives the probe context back', () => {
    const { fake, asked, lost } = maker({
      unmasked: 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 600)',
    });
    expect(chooseRenderer(fake)).toBe('webgl');
    expect(asked).toEqual([{ kind: 'webgl', attributes: { failIfMajorPerformanceCaveat: true } }]);
    expect(lost()).toBe(1);
  });

  it('picks the 2D canvas when the browser refuses WebGL as too slow', () => {
    expect(chooseRenderer(maker({ caveat: 'refused' }).fake)).toBe('canvas');
  });

  it('picks the 2D canvas when asking for WebGL throws', () => {
    expect(chooseRenderer(maker({ caveat: 'throws' }).fake)).toBe('canvas');
  });

  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
    'Apple Software Renderer',
  ])(
    'picks the 2D canvas for a software renderer Chromium names through the extension: %s',
    (unmasked) => {
      const { fake, lost } = maker({ unmasked });
      expect(chooseRenderer(fake)).toBe('canvas');
      expect(lost()).toBe(1);
    },
  );

  it('reads the name from RENDERER where the browser tells it there (Firefox, Safari)', () => {
    expect(chooseRenderer(maker({ renderer: 'llvmpipe, or similar' }).fake)).toBe('canvas');
    expect(chooseRenderer(maker({ renderer: 'Intel(R) HD Graphics, or similar' }).fake)).toBe(
      'webgl',
    );
  });

  it('picks WebGL when the browser names no renderer at all', () => {
    expect(chooseRenderer(maker({}).fake)).toBe('webgl');
  });
});
