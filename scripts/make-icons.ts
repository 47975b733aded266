/**
 * `npm run icons`: draws the app's icons (the red flag of public/favicon.svg) as PNG files for
 * the web app manifest and home screens, by rendering SVG in Debian's Chromium. Nothing is
 * downloaded; change the drawing here, run the script, commit the script and the PNG files.
 *
 *   public/icons/icon-192.png, icon-512.png        purpose "any": a rounded tile, transparent corners
 *   public/icons/maskable-192.png, maskable-512.png purpose "maskable": full bleed, the flag inside
 *                                                  the central 80% circle every mask keeps
 *   public/icons/apple-touch-icon.png (180)        full bleed; iOS rounds the corners itself
 *   public/icons/favicon-32.png, favicon-64.png    the tab icon, as favicon.svg draws it. A PNG,
 *                                                  not the SVG: Chromium decodes an SVG favicon
 *                                                  in a whole SVG document on the page's main
 *                                                  thread, 10-20 ms on a slow laptop, right when
 *                                                  the first screen is being built.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/browser/support/browser';

const OUT = join(import.meta.dirname, '..', 'public', 'icons');

const TILE = '#1b2233';
const POLE = '#f5f7fb';
const FLAG = '#e04848';

/** The flag on a 64-unit grid, as in favicon.svg: its bounding box is x 17.5-46, y 9.5-54.5. */
const flag = `<path d="M20 12v40" stroke="${POLE}" stroke-width="5" stroke-linecap="round"/><path d="M22 14h24l-6 9 6 9H22z" fill="${FLAG}"/>`;

/** A rounded tile with the flag where favicon.svg has it. */
const anyIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${TILE}"/>${flag}</svg>`;

/**
 * Full bleed, with the flag scaled to 0.82 and centred: its bounding box (half-diagonal 26.6
 * units, so 21.8 once scaled) stays inside the safe circle of radius 25.6 (40% of 64).
 */
const maskableIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${TILE}"/><g transform="translate(32 32) scale(0.82) translate(-31.75 -32)">${flag}</g></svg>`;

const ICONS: readonly { file: string; svg: string; size: number }[] = [
  { file: 'icon-192.png', svg: anyIcon, size: 192 },
  { file: 'icon-512.png', svg: anyIcon, size: 512 },
  { file: 'maskable-192.png', svg: maskableIcon, size: 192 },
  { file: 'maskable-512.png', svg: maskableIcon, size: 512 },
  { file: 'apple-touch-icon.png', svg: maskableIcon, size: 180 },
  { file: 'favicon-32.png', svg: anyIcon, size: 32 },
  { file: 'favicon-64.png', svg: anyIcon, size: 64 },
];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({
        viewport: { width: icon.size, height: icon.size },
        deviceScaleFactor: 1,
      });
      const sized = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
      );
      const png = await page.screenshot({ omitBackground: true, type: 'png' });
      writeFileSync(join(OUT, icon.file), png);
      await page.close();
      console.log(`public/icons/${icon.file} (${icon.size}x${icon.size}, ${png.length} bytes)`);
    }
  } finally {
    await browser.close();
  }
}

await main();
