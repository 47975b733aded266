/**
 * Which of Phaser's two renderers draws the phone: WebGL when a graphics chip will draw it, the
 * 2D canvas when WebGL would be drawn by the processor instead.
 *
 * Many school Chromebooks and laptops have a graphics driver the browser has blocked, or none at
 * all; there Chromium still offers WebGL, drawn in software (SwiftShader), and shows each frame
 * only after copying it back from that software "GPU" (measured: 40-55 ms of waiting per phone
 * frame at 4x CPU slow-down, where the same frame in the 2D canvas takes a few ms). The phone is
 * flat shapes and text, which the 2D canvas draws well, so on such machines it is the better
 * renderer.
 *
 * Two ways to tell. The standard one: a WebGL context asked for with
 * `failIfMajorPerformanceCaveat` is refused where the browser judges it slow. Chromium does not
 * always refuse SwiftShader (it does not on this project's test machines), so the renderer's
 * name counts too: SwiftShader, Mesa's llvmpipe and softpipe, Windows' Basic Render Driver and
 * Apple's Software Renderer are all the processor drawing.
 */

export type PhoneRenderer = 'webgl' | 'canvas';

/** Something that can make a canvas; `document` in the browser, a fake in the unit tests. */
export interface CanvasMaker {
  createElement(tag: 'canvas'): Pick<HTMLCanvasElement, 'getContext'>;
}

/** Names of WebGL renderers that are the processor drawing, as browsers report them. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|basic render driver|software/i;

/**
 * The graphics chip's name. Firefox and Safari tell it in RENDERER (and Firefox warns about the
 * debug extension); Chromium says only "WebKit WebGL" there and tells it through the extension.
 */
function rendererName(gl: WebGLRenderingContext): string {
  const plain: unknown = gl.getParameter(gl.RENDERER);
  if (typeof plain === 'string' && plain !== 'WebKit WebGL') return plain;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const named: unknown = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : undefined;
  return typeof named === 'string' ? named : '';
}

/**
 * 'webgl' if this browser gives a WebGL context drawn by a graphics chip, else 'canvas'. Any
 * error while asking (a browser that throws on `getContext`) counts as "no": the 2D canvas works
 * everywhere Phaser does.
 */
export function chooseRenderer(maker: CanvasMaker): PhoneRenderer {
  try {
    const probe = maker.createElement('canvas');
    const gl = probe.getContext('webgl', { failIfMajorPerformanceCaveat: true });
    if (!gl) return 'canvas';
    const name = rendererName(gl);
    // Give the context back now: a page may hold only a few (Chromium drops the oldest past 16).
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE_RENDERER.test(name) ? 'canvas' : 'webgl';
  } catch {
    return 'canvas';
  }
}

let chosen: PhoneRenderer | undefined;

/** `chooseRenderer(document)`, asked once per page: the answer does not change while it runs. */
export function phoneRenderer(): PhoneRenderer {
  chosen ??= chooseRenderer(document);
  return chosen;
}
