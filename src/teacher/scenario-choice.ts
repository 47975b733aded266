/**
 * Which scenarios a player is offered: the class's choice when this device knows the class,
 * otherwise every scenario, less the sextortion ones when the device hides them. Pure, so the
 * rule lives in one place and is tested in Node.
 */
import type { Scenario } from '../engine/index';
import type { ClassInfo } from './records';

export interface ScenarioChoice {
  /** The player's class, when this device has it. */
  readonly classInfo?: ClassInfo;
  /** The device's own setting, used when there is no class to decide. */
  readonly deviceHidesSextortion: boolean;
}

/** What the rule reads of a scenario: a full one, or the first screen's card of it. */
export interface OfferedScenario {
  readonly id: string;
  readonly scamType: Scenario['meta']['scamType'];
}

export function isOffered(scenario: OfferedScenario, choice: ScenarioChoice): boolean {
  const { classInfo } = choice;
  const hideSextortion = classInfo ? !classInfo.showSextortion : choice.deviceHidesSextortion;
  if (scenario.scamType === 'sextortion' && hideSextortion) return false;
  return classInfo === undefined || classInfo.scenarios.includes(scenario.id);
}
