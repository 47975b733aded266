/**
 * A development page that shows one phone scene with a fixed picture, without the game around
 * it: `npm start`, then open /tests/scene-harness/index.html?fixture=<name>. Not part of the
 * build. The fixtures are in fixtures-*.ts; `?fixture=` with no name lists them.
 */
import { createPhoneStage } from '../../scenes/phone-stage';
import { FIXTURES } from './fixtures';

declare global {
  interface Window {
    /** Set once the fixture is drawn, for screenshot scripts. */
    harnessDrawn?: boolean;
  }
}

async function main(): Promise<void> {
  const name = new URLSearchParams(location.search).get('fixture') ?? '';
  const host = document.getElementById('stage');
  if (!host) return;
  const fixture = FIXTURES[name];
  if (!fixture) {
    host.style.color = 'white';
    host.textContent = `Fixtures: ${Object.keys(FIXTURES).join(', ')}`;
    return;
  }
  const stage = await createPhoneStage(host);
  if ('view' in fixture) stage.show(fixture);
  else stage.showDebrief(fixture);
  // Two frames: one for the scene to start, one for it to draw.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      window.harnessDrawn = true;
    }),
  );
}

void main();
