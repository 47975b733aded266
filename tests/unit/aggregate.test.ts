/**
 * Class statistics, from results made by really playing the real scenarios and spot check with
 * known choices, so every number below can be worked out by hand from the scenario files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OUTCOMES,
  type Scenario,
  type ScenarioResult,
  type SpotCheckResult,
} from '../../src/engine/index';
import {
  aggregateClass,
  type ClassSummary,
  projectorView,
  type ScenarioSummary,
} from '../../src/teacher/aggregate';
import { type StudentRecord, studentRecordSchema } from '../../src/teacher/records';
import {
  DAY,
  MINUTE,
  playResult,
  realScenario,
  record,
  takeSpotCheck,
} from '../fixtures/class-records';
import { SCHOOL_MORNING } from '../fixtures/clock';

const TORONTO = realScenario('toronto-police-call');
const SCHOOL = realScenario('genuine-school-office-call');
const KIDNAPPING = realScenario('virtual-kidnapping-student');
const SCENARIOS = [TORONTO, SCHOOL, KIDNAPPING];

const WALK = {
  torontoBest: ['answer', 'hang-up', 'call-back', 'report-to-anti-fraud-centre'], // 7/7, safe
  torontoWorst: ['answer', 'give-personal-details', 'agree-to-pay', 'insert-cash'], // -9, harmed
  torontoMixed: [
    'answer',
    'ask-badge-number',
    'offer-to-call-station',
    'stay-on-line',
    'hang-up',
    'try-to-forget',
  ], // 0, safe-but-costly
  torontoPaid: ['answer', 'refuse-details', 'offer-to-call-station', 'stay-on-line', 'insert-cash'], // -3, harmed
  torontoRing: ['let-it-ring', 'call-back', 'report-to-anti-fraud-centre'], // 5/7 = 71 %, safe
  schoolBest: ['answer', 'ask-how-to-check', 'call-back', 'text-dad-now'], // 5/5, safe
  schoolBestVoicemail: ['let-it-ring', 'call-back', 'tell-dad-tonight'], // 5/5, safe
  schoolWorst: ['block', 'keep-waiting', 'leave-it-in-your-bag'], // 0, safe-but-costly
  schoolLucky: ['answer', 'say-ok', 'go-to-class-unchecked'], // 1/5 = 20 %, safe
} as const;

let serial = 0;
function play(
  student: string,
  scenario: Scenario,
  choices: readonly string[],
  day: number,
): StudentRecord {
  serial += 1;
  const id = `play-${String(serial).padStart(4, '0')}-${scenario.id.slice(0, 6)}`;
  return record(student, playResult(scenario, choices, { id, start: SCHOOL_MORNING + day * DAY }));
}

type Answer = 'scam' | 'genuine';
function spot(
  student: string,
  form: 'A' | 'B',
  phase: 'before' | 'after',
  day: number,
  answer: (item: { answer: Answer }, index: number) => Answer,
): StudentRecord {
  serial += 1;
  const id = `spot-${String(serial).padStart(4, '0')}-check`;
  return record(
    student,
    takeSpotCheck(form, phase, answer, { id, start: SCHOOL_MORNING + day * DAY }),
  );
}

const allScam = () => 'scam' as const;
const allGenuine = () => 'genuine' as const;
const perfect = (item: { answer: Answer }) => item.answer;

/**
 * The class. Ana played Toronto twice (worst, then best) and Eli the school call twice (best,
 * then lucky): only the latest play counts, better or worse. Dev took the "before" spot check
 * twice. The records are deliberately not in time order.
 */
function classRecords(): StudentRecord[] {
  return [
    play('Ana', TORONTO, WALK.torontoBest, 1),
    play('Ben', TORONTO, WALK.torontoMixed, 0),
    play('Ana', TORONTO, WALK.torontoWorst, 0),
    play('Chloé', TORONTO, WALK.torontoPaid, 0),
    play('Dev', TORONTO, WALK.torontoRing, 0),
    play('Eli', SCHOOL, WALK.schoolLucky, 2),
    play('Ana', SCHOOL, WALK.schoolBest, 0),
    play('Ben', SCHOOL, WALK.schoolWorst, 0),
    play('Eli', SCHOOL, WALK.schoolBestVoicemail, 0),
    // Spot check, form A then B. Form A: 5 scams, 3 genuine; its first item is a scam.
    spot('Ana', 'A', 'before', 0, allScam), // 5 hits, 3 false alarms: discernment 0
    spot('Ana', 'B', 'after', 3, perfect), // discernment 1
    spot('Ben', 'A', 'before', 0, perfect),
    spot('Ben', 'B', 'after', 3, perfect),
    spot('Chloé', 'A', 'before', 0, allGenuine), // 0 hits, 0 false alarms: 0
    spot('Dev', 'A', 'before', 1, (item, i) => (i === 0 ? 'genuine' : item.answer)), // 4 hits: 0.8
    spot('Dev', 'A', 'before', 0, allGenuine), // earlier: does not count
    // Form B's second item is genuine: one false alarm, 1 - 1/3.
    spot('Dev', 'B', 'after', 3, (item, i) => (i === 1 ? 'scam' : item.answer)),
  ];
}

function scenarioOf(summary: ClassSummary, id: string): ScenarioSummary {
  const found = summary.scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`no summary for ${id}`);
  return found;
}

/** node -> [reached, { choice: students }], for compact exact comparisons. */
function decisionTable(s: ScenarioSummary) {
  return Object.fromEntries(
    s.decisions.map((d) => [
      d.node,
      [d.reached, Object.fromEntries(d.choices.map((c) => [c.id, c.students]))],
    ]),
  );
}

describe('aggregateClass on a class that played the real scenarios', () => {
  const summary = aggregateClass({ records: classRecords(), scenarios: SCENARIOS });

  it('lists the students, sorted', () => {
    expect(summary.students).toEqual(['Ana', 'Ben', 'Chloé', 'Dev', 'Eli']);
    expect(summary.unknownScenarios).toEqual([]);
    expect(summary.anonymousRecords).toBe(0);
  });

  it('summarises each scenario in the order given, from each student’s latest play', () => {
    expect(summary.scenarios.map((s) => s.id)).toEqual([
      'toronto-police-call',
      'genuine-school-office-call',
      'virtual-kidnapping-student',
    ]);
    const toronto = scenarioOf(summary, 'toronto-police-call');
    expect(toronto).toMatchObject({
      version: 1,
      completed: 4,
      completedBy: ['Ana', 'Ben', 'Chloé', 'Dev'],
      plays: 5,
      otherVersionPlays: 0,
      // Latest plays: 100, 0, 0 and 71 (5/7): 171/4 = 42.75.
      averagePercent: 43,
      outcomes: { safe: 2, 'safe-but-costly': 1, harmed: 1 },
    });
    expect(scenarioOf(summary, 'genuine-school-office-call')).toMatchObject({
      completed: 3,
      completedBy: ['Ana', 'Ben', 'Eli'],
      plays: 4,
      // Eli's latest play is the lucky one (20), not his earlier best: (100 + 0 + 20) / 3.
      averagePercent: 40,
      outcomes: { safe: 2, 'safe-but-costly': 1, harmed: 0 },
    });
    expect(scenarioOf(summary, 'virtual-kidnapping-student')).toMatchObject({
      completed: 0,
      completedBy: [],
      plays: 0,
      averagePercent: null,
      outcomes: { safe: 0, 'safe-but-costly': 0, harmed: 0 },
    });
  });

  it('counts every choice at every decision, in scenario order, latest play only', () => {
    const toronto = scenarioOf(summary, 'toronto-police-call');
    // Ana's first play (give-personal-details, agree-to-pay, insert-cash) is not counted.
    expect(decisionTable(toronto)).toEqual({
      ring: [4, { answer: 3, 'let-it-ring': 1 }],
      opening: [
        3,
        { 'refuse-details': 1, 'ask-badge-number': 1, 'give-personal-details': 0, 'hang-up': 1 },
      ],
      voicemail: [1, { 'call-number-in-message': 0, 'delete-and-forget': 0, 'call-back': 1 }],
      'next-morning': [0, { 'delete-again': 0, 'call-number-in-message-now': 0, 'call-back': 0 }],
      pressure: [
        2,
        { 'offer-to-call-station': 2, 'agree-to-pay': 0, 'hang-up': 0, 'tell-adult': 0 },
      ],
      'counter-move': [2, { 'stay-on-line': 2, 'hang-up': 0, 'tell-adult': 0 }],
      'bitcoin-machine': [2, { 'insert-cash': 1, 'hang-up': 1, 'tell-adult': 0 }],
      'hung-up': [2, { 'redial-last-number': 0, 'try-to-forget': 1, 'call-back': 1 }],
      'told-adult': [0, { 'rather-forget': 0, 'call-back': 0 }],
      'official-call': [2, { 'report-to-anti-fraud-centre': 2, 'thank-and-hang-up': 0 }],
    });
    expect(toronto.decisions.map((d) => d.node)).toEqual(Object.keys(decisionTable(toronto)));
    const opening = toronto.decisions[1];
    expect(opening?.prompt).toBe('nodes.opening.prompt');
    expect(opening?.choices.map((c) => [c.id, c.kind, c.text, c.score])).toEqual([
      ['refuse-details', 'option', 'nodes.opening.refuse', 1],
      ['ask-badge-number', 'option', 'nodes.opening.askBadge', 0],
      ['give-personal-details', 'option', 'nodes.opening.giveDetails', -3],
      ['hang-up', 'action', 'actions.hangUp.label', 3],
    ]);

    const school = decisionTable(scenarioOf(summary, 'genuine-school-office-call'));
    expect(school.ring).toEqual([3, { answer: 2, 'let-it-ring': 0, block: 1 }]);
    // Only Eli's earlier play went through the voicemail.
    expect(school.voicemail).toEqual([
      0,
      { 'believe-the-message': 0, 'delete-the-message': 0, 'call-back': 0, 'tell-adult': 0 },
    ]);
    expect(school.believed).toEqual([
      1,
      { 'go-to-class-unchecked': 1, 'call-back': 0, 'tell-adult': 0 },
    ]);
  });

  it('counts each red flag missed, spotted and not seen', () => {
    const flags = (id: string) =>
      scenarioOf(summary, id).flags.map((f) => [f.id, f.missed, f.spotted, f.notSeen]);
    expect(flags('toronto-police-call')).toEqual([
      ['spoofed-caller-id', 0, 4, 0],
      ['threat-of-arrest', 2, 2, 0],
      ['asks-for-details', 1, 2, 1],
      ['secrecy-and-urgency', 2, 0, 2],
      ['crypto-payment', 1, 1, 2],
    ]);
    expect(flags('genuine-school-office-call')).toEqual([
      ['unknown-number', 2, 1, 0],
      ['sudden-change', 1, 1, 1],
    ]);
    expect(scenarioOf(summary, 'toronto-police-call').flags[0]).toMatchObject({
      label: 'flags.spoofedCallerId.label',
      guidance: 'official-caller-id',
    });
  });

  it('ranks the red flags missed most across the class: by count, then by id', () => {
    expect(
      summary.flagsMissedMost.filter((f) => f.missed > 0).map((f) => [f.id, f.missed]),
    ).toEqual([
      ['secrecy-and-urgency', 2],
      ['threat-of-arrest', 2],
      ['unknown-number', 2],
      ['asks-for-details', 1],
      ['crypto-payment', 1],
      ['sudden-change', 1],
    ]);
    expect(summary.flagsMissedMost).toHaveLength(5 + 2 + 5);
    // The ones nobody missed follow by flag id, then scenario id (two scenarios share one).
    expect(
      summary.flagsMissedMost.filter((f) => f.missed === 0).map((f) => `${f.scenarioId}/${f.id}`),
    ).toEqual([
      'virtual-kidnapping-student/deportation-threat',
      'virtual-kidnapping-student/secret-call',
      'toronto-police-call/spoofed-caller-id',
      'virtual-kidnapping-student/spoofed-caller-id',
      'virtual-kidnapping-student/staged-video',
      'virtual-kidnapping-student/sudden-orders',
    ]);
  });

  it('lists each student’s scenarios and latest percent', () => {
    const rows = summary.perStudent.map((s) => [
      s.student,
      s.scenarios.map((x) => [x.scenarioId, x.percent, x.outcome, x.plays]),
    ]);
    expect(rows).toEqual([
      [
        'Ana',
        [
          ['toronto-police-call', 100, 'safe', 2],
          ['genuine-school-office-call', 100, 'safe', 1],
        ],
      ],
      [
        'Ben',
        [
          ['toronto-police-call', 0, 'safe-but-costly', 1],
          ['genuine-school-office-call', 0, 'safe-but-costly', 1],
        ],
      ],
      ['Chloé', [['toronto-police-call', 0, 'harmed', 1]]],
      ['Dev', [['toronto-police-call', 71, 'safe', 1]]],
      ['Eli', [['genuine-school-office-call', 20, 'safe', 2]]],
    ]);
    // Ana's latest Toronto play is the one of day 1.
    expect(summary.perStudent[0]?.scenarios[0]?.finishedAt).toBe('2025-01-16T09:00:40.000Z');
  });

  it('gives each student’s latest before and after spot check, and the class means', () => {
    const brief = (
      a: { form: string; hits: number; falseAlarms: number; discernment: number } | null,
    ) => a && [a.form, a.hits, a.falseAlarms, a.discernment];
    expect(
      summary.spotCheck.perStudent.map((s) => [s.student, brief(s.before), brief(s.after)]),
    ).toEqual([
      ['Ana', ['A', 5, 3, 0], ['B', 5, 0, 1]],
      ['Ben', ['A', 5, 0, 1], ['B', 5, 0, 1]],
      ['Chloé', ['A', 0, 0, 0], null],
      // Dev's later "before" (day 1) replaces the earlier all-genuine one.
      ['Dev', ['A', 4, 0, 0.8], ['B', 5, 1, 0.667]],
    ]);
    // Hit rates 1, 1, 0, 0.8; false-alarm rates 1, 0, 0, 0; discernment 0, 1, 0, 0.8.
    expect(summary.spotCheck.before).toEqual({
      students: 4,
      hitRate: 0.7,
      falseAlarmRate: 0.25,
      discernment: 0.45,
    });
    // Hit rates 1, 1, 1; false-alarm rates 0, 0, 1/3; discernment 1, 1, 0.667.
    expect(summary.spotCheck.after).toEqual({
      students: 3,
      hitRate: 1,
      falseAlarmRate: 0.111,
      discernment: 0.889,
    });
    // Ana +1, Ben 0, Dev 0.667 - 0.8: 0.867 / 3.
    expect(summary.spotCheck.both).toEqual({ students: 3, discernmentChange: 0.289 });
  });
});

describe('aggregateClass edge cases', () => {
  it('gives null means and no students for no records at all', () => {
    const summary = aggregateClass({ records: [], scenarios: SCENARIOS });
    expect(summary.students).toEqual([]);
    expect(summary.perStudent).toEqual([]);
    expect(summary.scenarios.map((s) => s.averagePercent)).toEqual([null, null, null]);
    expect(summary.spotCheck.before).toEqual({
      students: 0,
      hitRate: null,
      falseAlarmRate: null,
      discernment: null,
    });
    expect(summary.spotCheck.both).toEqual({ students: 0, discernmentChange: null });
  });

  it('counts only the latest play, whether it is better or worse', () => {
    const worseLater = [
      play('Ana', TORONTO, WALK.torontoBest, 0),
      play('Ana', TORONTO, WALK.torontoWorst, 1),
    ];
    const summary = aggregateClass({ records: worseLater, scenarios: [TORONTO] });
    expect(summary.scenarios[0]).toMatchObject({
      completed: 1,
      plays: 2,
      averagePercent: 0,
      outcomes: { safe: 0, 'safe-but-costly': 0, harmed: 1 },
    });
    expect(decisionTable(summary.scenarios[0] as ScenarioSummary).opening).toEqual([
      1,
      { 'refuse-details': 0, 'ask-badge-number': 0, 'give-personal-details': 1, 'hang-up': 0 },
    ]);
    // The same records the other way round: the same summary.
    expect(aggregateClass({ records: [...worseLater].reverse(), scenarios: [TORONTO] })).toEqual(
      summary,
    );
  });

  it('lists results of unknown scenarios instead of throwing, and counts them nowhere else', () => {
    const retired = play('Fay', TORONTO, WALK.torontoBest, 0);
    const retiredResult = retired.result as ScenarioResult;
    const records = [
      ...classRecords(),
      {
        ...retired,
        result: { ...retiredResult, scenarioId: 'retired-scenario', scenarioVersion: 3 },
      },
      play('Ana', KIDNAPPING, ['hang-up', 'call-back', 'tell-the-school'], 0),
    ];
    // The kidnapping scenario is not passed in: its play is unknown too.
    const summary = aggregateClass({ records, scenarios: [TORONTO, SCHOOL] });
    expect(summary.unknownScenarios).toEqual([
      { scenarioId: 'retired-scenario', versions: [3], plays: 1, students: 1 },
      { scenarioId: 'virtual-kidnapping-student', versions: [1], plays: 1, students: 1 },
    ]);
    expect(summary.students).not.toContain('Fay');
    expect(summary.scenarios.map((s) => s.id)).toEqual([
      'toronto-police-call',
      'genuine-school-office-call',
    ]);
    expect(scenarioOf(summary, 'toronto-police-call').plays).toBe(5);
  });

  it('counts another version in completion, but only the choices that still exist', () => {
    // Version 2 of Toronto drops the "ask-badge-number" reply: Ben's choice there is not counted.
    const v2 = structuredClone(TORONTO);
    v2.version = 2;
    const opening = v2.nodes.opening?.decision;
    if (!opening) throw new Error('fixture');
    opening.options = opening.options.filter((o) => o.id !== 'ask-badge-number');
    const summary = aggregateClass({ records: classRecords(), scenarios: [v2] });
    const toronto = scenarioOf(summary, 'toronto-police-call');
    expect(toronto).toMatchObject({
      version: 2,
      completed: 4,
      plays: 5,
      otherVersionPlays: 5,
      averagePercent: 43,
    });
    expect(decisionTable(toronto).opening).toEqual([
      2,
      { 'refuse-details': 1, 'give-personal-details': 0, 'hang-up': 1 },
    ]);
    // Ben's later choices are still there and counted.
    expect(decisionTable(toronto)['bitcoin-machine']).toEqual([
      2,
      { 'insert-cash': 1, 'hang-up': 1, 'tell-adult': 0 },
    ]);
  });

  it('ignores choices at nodes that no longer exist', () => {
    const ana = play('Ana', TORONTO, WALK.torontoBest, 0);
    const result = ana.result as ScenarioResult;
    const odd = {
      ...ana,
      result: {
        ...result,
        choices: [...result.choices, { node: 'gone', choice: 'vanished' }],
      },
    };
    const summary = aggregateClass({ records: [odd], scenarios: [TORONTO] });
    expect(summary.scenarios[0]?.completed).toBe(1);
    expect(summary.scenarios[0]?.decisions.map((d) => d.node)).not.toContain('gone');
  });

  it('counts a record imported twice once, groups trimmed nicknames, leaves out anonymous ones', () => {
    const ana = play('Ana', TORONTO, WALK.torontoBest, 0);
    const records = [
      ana,
      ana,
      play(' Ana ', TORONTO, WALK.torontoWorst, 1),
      play('', TORONTO, WALK.torontoWorst, 2),
    ];
    const summary = aggregateClass({ records, scenarios: [TORONTO] });
    expect(summary.students).toEqual(['Ana']);
    expect(summary.anonymousRecords).toBe(1);
    expect(summary.scenarios[0]).toMatchObject({ completed: 1, plays: 2, averagePercent: 0 });
  });
});

/** Every nickname, raw and as JSON would escape it. */
function containsNickname(json: string, nicknames: readonly string[]): string[] {
  return nicknames.filter(
    (n) => n !== '' && (json.includes(n) || json.includes(JSON.stringify(n).slice(1, -1))),
  );
}

describe('projectorView', () => {
  const summary = aggregateClass({ records: classRecords(), scenarios: SCENARIOS });
  const NICKNAMES = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli'];

  it('contains no nickname anywhere, even with nothing suppressed', () => {
    expect(containsNickname(JSON.stringify(summary), NICKNAMES)).toEqual(NICKNAMES);
    for (const min of [1, 3, 10]) {
      expect(containsNickname(JSON.stringify(projectorView(summary, min)), NICKNAMES)).toEqual([]);
    }
  });

  it('has no per-student section', () => {
    const view = projectorView(summary);
    expect(Object.keys(view).sort()).toEqual([
      'anonymousRecords',
      'flagsMissedMost',
      'minGroup',
      'scenarios',
      'spotCheck',
      'studentCount',
      'unknownScenarios',
    ]);
    expect(view.studentCount).toBe(5);
    expect(Object.keys(view.spotCheck).sort()).toEqual(['after', 'before', 'both']);
    expect(view.scenarios[0]).not.toHaveProperty('completedBy');
  });

  it('suppresses every breakdown of fewer than 3 students', () => {
    const view = projectorView(summary);
    expect(view.minGroup).toBe(3);
    const [toronto, school, kidnapping] = view.scenarios;
    expect(toronto).toMatchObject({
      suppressed: false,
      completed: 4,
      averagePercent: 43,
      outcomes: { safe: 2, 'safe-but-costly': 1, harmed: 1 },
    });
    // Reached by 4 and by 3: shown; every later decision of Toronto was reached by 2 or fewer.
    expect(toronto?.decisions.map((d) => [d.node, d.suppressed, d.reached])).toEqual([
      ['ring', false, 4],
      ['opening', false, 3],
      ['voicemail', true, null],
      ['next-morning', true, null],
      ['pressure', true, null],
      ['counter-move', true, null],
      ['bitcoin-machine', true, null],
      ['hung-up', true, null],
      ['told-adult', true, null],
      ['official-call', true, null],
    ]);
    expect(toronto?.decisions[1]?.choices.map((c) => c.students)).toEqual([1, 1, 0, 1]);
    // A suppressed decision keeps its question and choices (texts only), never a count.
    expect(toronto?.decisions[2]?.choices.map((c) => [c.id, c.students])).toEqual([
      ['call-number-in-message', null],
      ['delete-and-forget', null],
      ['call-back', null],
    ]);
    expect(school).toMatchObject({ suppressed: false, completed: 3, averagePercent: 40 });
    expect(school?.flags.map((f) => [f.id, f.missed])).toEqual([
      ['unknown-number', 2],
      ['sudden-change', 1],
    ]);
    expect(kidnapping).toMatchObject({
      suppressed: true,
      completed: 0,
      averagePercent: null,
      outcomes: null,
    });
    expect(kidnapping?.flags.every((f) => f.suppressed && f.missed === null)).toBe(true);
    expect(view.spotCheck.before).toMatchObject({ suppressed: false, students: 4, hitRate: 0.7 });
    expect(view.spotCheck.after).toMatchObject({ suppressed: false, students: 3 });
    expect(view.spotCheck.both).toEqual({
      students: 3,
      suppressed: false,
      discernmentChange: 0.289,
    });
  });

  it('suppresses more with a larger minimum group, and re-ranks so hidden counts stay hidden', () => {
    const view = projectorView(summary, 4);
    const [toronto, school] = view.scenarios;
    expect(toronto?.suppressed).toBe(false);
    expect(toronto?.decisions.filter((d) => !d.suppressed).map((d) => d.node)).toEqual(['ring']);
    expect(school).toMatchObject({ suppressed: true, averagePercent: null, outcomes: null });
    expect(school?.flags.map((f) => [f.suppressed, f.missed, f.spotted, f.notSeen])).toEqual([
      [true, null, null, null],
      [true, null, null, null],
    ]);
    expect(view.spotCheck.before.suppressed).toBe(false);
    expect(view.spotCheck.after).toEqual({
      students: 3,
      suppressed: true,
      hitRate: null,
      falseAlarmRate: null,
      discernment: null,
    });
    expect(view.spotCheck.both).toEqual({ students: 3, suppressed: true, discernmentChange: null });
    // Shown flags (Toronto's) by count; then every suppressed one by id, whatever its count.
    expect(view.flagsMissedMost.map((f) => `${f.id}:${f.missed}`)).toEqual([
      'secrecy-and-urgency:2',
      'threat-of-arrest:2',
      'asks-for-details:1',
      'crypto-payment:1',
      'spoofed-caller-id:0',
      'deportation-threat:null',
      'secret-call:null',
      'spoofed-caller-id:null',
      'staged-video:null',
      'sudden-change:null',
      'sudden-orders:null',
      'unknown-number:null',
    ]);
  });

  it('takes an odd minimum group as 1 or the default', () => {
    expect(projectorView(summary, 0).minGroup).toBe(1);
    expect(projectorView(summary, Number.NaN).minGroup).toBe(3);
    expect(projectorView(summary, 2.5).minGroup).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, over arbitrary valid records
// ---------------------------------------------------------------------------------------------

const KNOWN = [TORONTO, SCHOOL];
const FLAG_IDS = [...new Set(KNOWN.flatMap((s) => Object.keys(s.redFlags))), 'old-flag'];
const KNOWN_CHOICES = KNOWN.flatMap((s) =>
  Object.entries(s.nodes).flatMap(([node, n]) => [
    ...(n.decision?.options ?? []).map((o) => ({ node, choice: o.id })),
    ...(n.decision?.actions ?? []).map((a) => ({ node, choice: a.action })),
  ]),
);

const idArb = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}$/);
/** Few distinct ids, so records often share one (an import repeated, or a collision). */
const recordIdArb = fc.oneof(
  fc.constantFrom('rec-00000001', 'rec-00000002', 'rec-00000003'),
  fc.stringMatching(/^rec-[a-z0-9]{8}$/),
);
/** Few distinct times, so ties in time are frequent. */
const timesArb = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }))
  .map(([start, length]) => ({
    startedAt: new Date(SCHOOL_MORNING + start * MINUTE).toISOString(),
    finishedAt: new Date(SCHOOL_MORNING + (start + length) * MINUTE).toISOString(),
    durationMs: length * MINUTE,
  }));

const scenarioResultArb: fc.Arbitrary<ScenarioResult> = fc
  .record({
    id: fc.stringMatching(/^play-[a-z0-9]{4,8}$/),
    scenarioId: fc.constantFrom(TORONTO.id, SCHOOL.id, 'retired-scenario'),
    scenarioVersion: fc.integer({ min: 1, max: 3 }),
    locale: fc.constantFrom('en', 'fr', 'zh-Hans'),
    choices: fc.array(
      fc.oneof(fc.constantFrom(...KNOWN_CHOICES), fc.record({ node: idArb, choice: idArb })),
      { maxLength: 8 },
    ),
    ending: idArb,
    outcome: fc.constantFrom(...OUTCOMES),
    score: fc.integer({ min: -20, max: 20 }),
    bestScore: fc.integer({ min: 1, max: 10 }),
    spotted: fc.subarray(FLAG_IDS),
    missed: fc.subarray(FLAG_IDS),
    times: timesArb,
  })
  .map(({ spotted, missed, times, ...rest }) => ({
    format: 'red-flags/scenario-result' as const,
    schemaVersion: 1 as const,
    ...rest,
    redFlags: { spotted, missed },
    ...times,
  }));

const spotCheckResultArb: fc.Arbitrary<SpotCheckResult> = fc
  .record({
    id: fc.stringMatching(/^spot-[a-z0-9]{4,8}$/),
    form: fc.constantFrom('A' as const, 'B' as const),
    phase: fc.constantFrom('before' as const, 'after' as const),
    locale: fc.constantFrom('en', 'fr'),
    hits: fc.nat(5),
    misses: fc.nat(5),
    falseAlarms: fc.nat(3),
    correctRejections: fc.nat(3),
    discernment: fc.integer({ min: -1000, max: 1000 }).map((n) => n / 1000),
    times: timesArb,
  })
  .map(({ times, ...rest }) => ({
    format: 'red-flags/spot-check-result' as const,
    schemaVersion: 1 as const,
    responses: [],
    ...rest,
    ...times,
  }));

function recordArb(nickname: fc.Arbitrary<string>): fc.Arbitrary<StudentRecord> {
  return fc.record({
    id: recordIdArb,
    classCode: fc.constantFrom('KQ7RMX', 'ABCD23', null),
    student: nickname,
    result: fc.oneof(
      { weight: 3, arbitrary: scenarioResultArb },
      { weight: 1, arbitrary: spotCheckResultArb },
    ),
  });
}

const nicknameArb = fc.oneof(
  fc.constantFrom('Ana', ' Ana', 'Ben', 'ben', 'Chloé', 'Chloe\u0301', '', '10', '2', '王小明'),
  fc.string({ maxLength: 24 }),
);

describe('aggregateClass properties', () => {
  it('generates valid records', () => {
    fc.assert(
      fc.property(recordArb(nicknameArb), (r) => {
        expect(studentRecordSchema.safeParse(r).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the records', () => {
    const recordsAndShuffle = fc
      .array(recordArb(nicknameArb), { maxLength: 30 })
      .chain((records) =>
        fc.tuple(
          fc.constant(records),
          fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }),
        ),
      );
    fc.assert(
      fc.property(recordsAndShuffle, ([records, shuffled]) => {
        const a = aggregateClass({ records, scenarios: SCENARIOS });
        const b = aggregateClass({ records: shuffled, scenarios: SCENARIOS });
        expect(b).toEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and its counts always add up', () => {
    fc.assert(
      fc.property(fc.array(recordArb(nicknameArb), { maxLength: 30 }), (records) => {
        const summary = aggregateClass({ records, scenarios: SCENARIOS });
        expect(new Set(summary.students).size).toBe(summary.students.length);
        for (const s of summary.scenarios) {
          expect(s.completedBy).toHaveLength(s.completed);
          expect(s.plays).toBeGreaterThanOrEqual(s.completed);
          expect(Object.values(s.outcomes).reduce((x, y) => x + y, 0)).toBe(s.completed);
          if (s.averagePercent !== null) {
            expect(s.averagePercent).toBeGreaterThanOrEqual(0);
            expect(s.averagePercent).toBeLessThanOrEqual(100);
          } else expect(s.completed).toBe(0);
          for (const d of s.decisions) {
            expect(d.reached).toBeLessThanOrEqual(s.completed);
            for (const c of d.choices) expect(c.students).toBeLessThanOrEqual(d.reached);
          }
          for (const f of s.flags) {
            expect(f.missed + f.spotted + f.notSeen).toBe(s.completed);
            expect(Math.min(f.missed, f.spotted, f.notSeen)).toBeGreaterThanOrEqual(0);
          }
        }
        const unknownPlays = summary.unknownScenarios.reduce((n, u) => n + u.plays, 0);
        const knownPlays = summary.scenarios.reduce((n, s) => n + s.plays, 0);
        if (new Set(records.map((r) => r.id)).size === records.length) {
          const scenarioRecords = records.filter(
            (r) => r.result.format === 'red-flags/scenario-result' && r.student.trim() !== '',
          );
          expect(knownPlays + unknownPlays).toBe(scenarioRecords.length);
        }
        for (const m of [summary.spotCheck.before, summary.spotCheck.after]) {
          for (const value of [m.hitRate, m.falseAlarmRate]) {
            if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
            if (value !== null) expect(value).toBeLessThanOrEqual(1);
          }
          expect(m.hitRate === null).toBe(m.students === 0);
        }
        // The projector view never throws either.
        projectorView(summary);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a nickname into the projector view', () => {
    // Every nickname holds an Ω, which no scenario id, text key or date can.
    const marked = fc.oneof(
      fc.string({ maxLength: 20 }).map((s) => `Ω${s}`),
      fc.string({ maxLength: 20 }).map((s) => `${s}Ω`),
    );
    fc.assert(
      fc.property(
        fc.array(recordArb(marked), { maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        (records, min) => {
          const summary = aggregateClass({ records, scenarios: SCENARIOS });
          if (summary.students.length > 0) expect(JSON.stringify(summary)).toContain('Ω');
          expect(JSON.stringify(projectorView(summary, min))).not.toContain('Ω');
        },
      ),
      { numRuns: 200 },
    );
  });
});
