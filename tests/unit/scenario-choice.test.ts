/** Which scenarios a player is offered: the class decides when the device knows it. */
import { describe, expect, it } from 'vitest';
import { type Scenario, scenarioSchema } from '../../src/engine/index';
import type { ClassInfo } from '../../src/teacher/records';
import { isOffered, type OfferedScenario } from '../../src/teacher/scenario-choice';
import { miniScenarioData } from '../fixtures/mini-scenario';

// What the rule reads of a scenario: its id and scam type (a card on the first screen).
const offered = (scenario: Scenario): OfferedScenario => ({
  id: scenario.id,
  scamType: scenario.meta.scamType,
});
const sextortion = offered(scenarioSchema.parse(miniScenarioData));
const police = offered(
  scenarioSchema.parse({
    ...miniScenarioData,
    id: 'police',
    meta: { ...miniScenarioData.meta, scamType: 'police-impersonation', ageBand: '9+' },
  }),
);
const CLASS: ClassInfo = {
  code: 'K7MPQ2',
  name: '8B',
  gradeBand: '7-8',
  scenarios: ['mini'],
  showSextortion: true,
  pressureTimer: false,
  firstForm: 'A',
  createdAt: '2026-09-08T13:00:00.000Z',
};

describe('isOffered', () => {
  it('without a class, offers everything but what the device hides', () => {
    expect(isOffered(sextortion, { deviceHidesSextortion: false })).toBe(true);
    expect(isOffered(sextortion, { deviceHidesSextortion: true })).toBe(false);
    expect(isOffered(police, { deviceHidesSextortion: true })).toBe(true);
  });

  it("with a class, offers only the class's scenarios, and its sextortion setting wins", () => {
    expect(isOffered(sextortion, { classInfo: CLASS, deviceHidesSextortion: true })).toBe(true);
    expect(isOffered(police, { classInfo: CLASS, deviceHidesSextortion: false })).toBe(false);
    const hiding = { ...CLASS, showSextortion: false };
    expect(isOffered(sextortion, { classInfo: hiding, deviceHidesSextortion: false })).toBe(false);
  });
});
