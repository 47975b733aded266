/**
 * The CSV exports: RFC 4180 (checked by a strict little parser written here), CRLF, a UTF-8 BOM,
 * and formula-injection protection on every text field, from records made by really playing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../src/engine/index';
import {
  CSV_BOM,
  csvField,
  DECISIONS_HEADER,
  decisionsCsv,
  RESULTS_HEADER,
  resultsCsv,
  SPOT_CHECK_HEADER,
  spotCheckCsv,
  toCsv,
} from '../../src/teacher/csv';
import type { StudentRecord } from '../../src/teacher/records';
import { DAY, playResult, realScenario, record, takeSpotCheck } from '../fixtures/class-records';
import { SCHOOL_MORNING } from '../fixtures/clock';

/**
 * A strict RFC 4180 parser: records end with CRLF, a quoted field's quotes are doubled and
 * nothing may follow its closing quote but a comma or the line end; an unquoted field may hold
 * no quote, CR or LF. Anything else throws, so our output must be well-formed to parse at all.
 */
function parseCsv(text: string): string[][] {
  if (!text.startsWith(CSV_BOM)) throw new Error('no BOM');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let state: 'start' | 'unquoted' | 'quoted' | 'closed' = 'start';
  let i = CSV_BOM.length;
  const endField = () => {
    row.push(field);
    field = '';
    state = 'start';
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (state === 'quoted') {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        state = 'closed';
      } else field += c;
      i += 1;
      continue;
    }
    if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      endField();
      rows.push(row);
      row = [];
      i += 2;
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else if (state === 'closed') {
      throw new Error(`text after a closing quote at ${i}`);
    } else if (c === '"') {
      if (state !== 'start') throw new Error(`quote inside an unquoted field at ${i}`);
      state = 'quoted';
      i += 1;
    } else {
      field += c;
      state = 'unquoted';
      i += 1;
    }
  }
  if (state === 'quoted') throw new Error('unterminated quoted field');
  if (state !== 'start' || field !== '' || row.length > 0) throw new Error('last line has no CRLF');
  return rows;
}

/** The OWASP rule, restated independently of the module. */
const expectedText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const TORONTO = realScenario('toronto-police-call');
const SCHOOL = realScenario('genuine-school-office-call');
const SCENARIOS = [TORONTO, SCHOOL];

const BEST = ['answer', 'hang-up', 'call-back', 'report-to-anti-fraud-centre'];
const PAID = ['answer', 'refuse-details', 'offer-to-call-station', 'stay-on-line', 'insert-cash'];
const WORST = ['answer', 'give-personal-details', 'agree-to-pay', 'insert-cash'];
const SCHOOL_BEST = ['let-it-ring', 'call-back', 'tell-dad-tonight'];

let serial = 0;
function play(
  student: string,
  scenario = TORONTO,
  choices = BEST,
  options: { day?: number; locale?: string } = {},
): StudentRecord {
  serial += 1;
  const id = `play-${String(serial).padStart(4, '0')}-csvtest`;
  return record(
    student,
    playResult(scenario, choices, {
      id,
      start: SCHOOL_MORNING + (options.day ?? 0) * DAY,
      locale: options.locale ?? 'en',
    }),
  );
}

function lines(csv: string): string[] {
  return csv.slice(CSV_BOM.length).split('\r\n');
}

describe('the file format', () => {
  const csv = resultsCsv([play('Ana'), play('王小明', SCHOOL, SCHOOL_BEST)], SCENARIOS);

  it('starts with a UTF-8 BOM, so Excel reads accented and Chinese text', () => {
    expect(CSV_BOM).toBe('\uFEFF');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toContain('王小明');
  });

  it('ends every line, the last one too, with CRLF and has no bare LF or CR', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(lines(csv)).toHaveLength(1 + 2 + 1);
  });

  it('starts with a header row', () => {
    expect(lines(csv)[0]).toBe(
      'student,class_code,scenario_id,scenario_version,outcome,score,best_score,safety_percent,' +
        'red_flags_spotted,red_flags_missed,duration_seconds,finished_at,locale',
    );
    expect(lines(decisionsCsv([], SCENARIOS))[0]).toBe(DECISIONS_HEADER.join(','));
    expect(lines(spotCheckCsv([]))[0]).toBe(SPOT_CHECK_HEADER.join(','));
    expect(decisionsCsv([], SCENARIOS)).toBe(`${CSV_BOM}${DECISIONS_HEADER.join(',')}\r\n`);
  });
});

describe('csvField', () => {
  it('quotes a field with a comma, a quote, a CR or an LF, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('')).toBe('');
    expect(csvField('a;b')).toBe('a;b');
  });

  it('prefixes an apostrophe to text starting with = + - @ TAB or CR', () => {
    expect(csvField('=HYPERLINK("http://evil.example/?x","Click")')).toBe(
      `"'=HYPERLINK(""http://evil.example/?x"",""Click"")"`,
    );
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    // Only at the start.
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField("'quoted")).toBe("'quoted");
  });

  it('writes numbers as numbers: a negative score stays -3', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0.667)).toBe('0.667');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('round-trips any text through the parser, apostrophe added where expected', () => {
    const piece = fc.oneof(
      fc.constantFrom(',', '"', '""', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", ' '),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    const rows = fc.array(fc.tuple(text, text, fc.oneof(text, fc.integer())), { maxLength: 5 });
    fc.assert(
      fc.property(rows, (data) => {
        const parsed = parseCsv(toCsv(['a', 'b', 'c'], data));
        expect(parsed).toEqual([
          ['a', 'b', 'c'],
          ...data.map((row) =>
            row.map((cell) => (typeof cell === 'number' ? String(cell) : expectedText(cell))),
          ),
        ]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('resultsCsv', () => {
  it('has one row per student per scenario, from the latest play', () => {
    const csv = resultsCsv(
      [
        play('Ben', TORONTO, PAID, { locale: 'fr' }),
        play('Ana', TORONTO, BEST, { day: 1 }),
        play('Ana', TORONTO, WORST, { day: 0 }),
        play('Ana', SCHOOL, SCHOOL_BEST),
      ],
      SCENARIOS,
    );
    expect(parseCsv(csv)).toEqual([
      [...RESULTS_HEADER],
      [
        'Ana',
        'KQ7RMX',
        'toronto-police-call',
        '1',
        'safe',
        '7',
        '7',
        '100',
        'spoofed-caller-id;threat-of-arrest;asks-for-details',
        '',
        '40',
        '2025-01-16T09:00:40.000Z',
        'en',
      ],
      [
        'Ana',
        'KQ7RMX',
        'genuine-school-office-call',
        '1',
        'safe',
        '5',
        '5',
        '100',
        'unknown-number;sudden-change',
        '',
        '30',
        '2025-01-15T09:00:30.000Z',
        'en',
      ],
      [
        'Ben',
        'KQ7RMX',
        'toronto-police-call',
        '1',
        'harmed',
        '-3',
        '7',
        '0',
        'spoofed-caller-id;asks-for-details',
        'threat-of-arrest;secrecy-and-urgency;crypto-payment',
        '50',
        '2025-01-15T09:00:50.000Z',
        'fr',
      ],
    ]);
    // A negative score is a number, not neutralised text.
    expect(csv).toContain(',harmed,-3,7,0,');
  });

  it('protects every text field against formula injection, nicknames included', () => {
    const nicknames = [
      '=HYPERLINK("//x.io","a")',
      '+1',
      '-2',
      '@SUM(A1:A2)',
      ' =1+1',
      'Li, "Ace"',
      '王小明',
      'Zoé',
    ];
    const records = nicknames.map((n) => play(n));
    // Any device could send a crafted locale: it is text too.
    const crafted = play('Kim');
    const craftedResult = crafted.result as ScenarioResult;
    records.push({ ...crafted, result: { ...craftedResult, locale: '@SUM(1,2)' } });
    const csv = resultsCsv(records, SCENARIOS);
    const rows = parseCsv(csv).slice(1);
    // Sorted as the collator sorts nicknames: punctuation, then symbols, then letters.
    expect(rows.map((r) => r[0])).toEqual([
      "'-2",
      "'@SUM(A1:A2)",
      "'+1",
      "'=1+1",
      '\'=HYPERLINK("//x.io","a")',
      'Kim',
      'Li, "Ace"',
      'Zoé',
      '王小明',
    ]);
    expect(rows.find((r) => r[0] === 'Kim')?.[12]).toBe("'@SUM(1,2)");
    // As the file holds them:
    expect(csv).toContain(`\r\n"'=HYPERLINK(""//x.io"",""a"")",KQ7RMX,`);
    expect(csv).toContain('\r\n"Li, ""Ace""",KQ7RMX,');
    expect(csv).toContain("\r\n'+1,KQ7RMX,");
    expect(csv).toContain('\r\n王小明,KQ7RMX,');
    expect(csv).toContain(`,"'@SUM(1,2)"\r\n`);
    // No field starts with a formula character, unless it is a negative number.
    for (const field of rows.flat()) {
      if (/^[=+\-@\t\r]/.test(field)) expect(field).toMatch(/^-\d+(\.\d+)?$/);
    }
  });

  it('keeps results of unknown scenarios, after the known ones, and leaves out anonymous ones', () => {
    const ana = play('Ana');
    const anaResult = ana.result as ScenarioResult;
    const records = [
      { ...ana, id: 'rec-retired-0001', result: { ...anaResult, scenarioId: 'aaa-retired' } },
      play('Ana', SCHOOL, SCHOOL_BEST),
      play(''),
    ];
    const rows = parseCsv(resultsCsv(records, SCENARIOS)).slice(1);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      ['Ana', 'genuine-school-office-call'],
      ['Ana', 'aaa-retired'],
    ]);
  });

  it('does not depend on the order of the records', () => {
    const records = [
      play('Ana', TORONTO, BEST, { day: 1 }),
      play('Ana', TORONTO, WORST, { day: 0 }),
      play('Ben', TORONTO, PAID),
      play('Ben', SCHOOL, SCHOOL_BEST),
      play('chloé', TORONTO, PAID),
    ];
    const csv = resultsCsv(records, SCENARIOS);
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: 5, maxLength: 5 }), (shuffled) => {
        expect(resultsCsv(shuffled, SCENARIOS)).toBe(csv);
        expect(decisionsCsv(shuffled, SCENARIOS)).toBe(decisionsCsv(records, SCENARIOS));
      }),
      { numRuns: 50 },
    );
  });
});

describe('decisionsCsv', () => {
  it('has one row per student per decision taken in the latest play, with its kind', () => {
    const records = [
      play('Ana', TORONTO, WORST, { day: 0 }),
      play('Ana', TORONTO, BEST, { day: 1 }),
      play('=Bo', SCHOOL, SCHOOL_BEST),
    ];
    expect(parseCsv(decisionsCsv(records, SCENARIOS))).toEqual([
      ['student', 'scenario_id', 'node', 'choice', 'choice_kind'],
      ["'=Bo", 'genuine-school-office-call', 'ring', 'let-it-ring', 'option'],
      ["'=Bo", 'genuine-school-office-call', 'voicemail', 'call-back', 'action'],
      ["'=Bo", 'genuine-school-office-call', 'office-call', 'tell-dad-tonight', 'option'],
      ['Ana', 'toronto-police-call', 'ring', 'answer', 'option'],
      ['Ana', 'toronto-police-call', 'opening', 'hang-up', 'action'],
      ['Ana', 'toronto-police-call', 'hung-up', 'call-back', 'action'],
      ['Ana', 'toronto-police-call', 'official-call', 'report-to-anti-fraud-centre', 'option'],
    ]);
  });

  it('leaves the kind empty for a choice the current scenario no longer has', () => {
    const ana = play('Ana');
    const result = ana.result as ScenarioResult;
    const old = { ...ana, result: { ...result, choices: [{ node: 'ring', choice: 'old-reply' }] } };
    expect(parseCsv(decisionsCsv([old], SCENARIOS))[1]).toEqual([
      'Ana',
      'toronto-police-call',
      'ring',
      'old-reply',
      '',
    ]);
  });
});

describe('spotCheckCsv', () => {
  it('has one row per spot-check result, by student then time', () => {
    const spot = (student: string, phase: 'before' | 'after', day: number, falseAlarm: boolean) => {
      serial += 1;
      return record(
        student,
        takeSpotCheck(
          phase === 'before' ? 'A' : 'B',
          phase,
          (item, i) => (falseAlarm && i === 1 ? 'scam' : item.answer),
          { id: `spot-${serial}-csvtest`, start: SCHOOL_MORNING + day * DAY, locale: 'zh-Hans' },
        ),
      );
    };
    const records = [
      spot('Li, "Ace"', 'after', 2, false),
      spot('Ana', 'after', 3, true),
      spot('Ana', 'before', 0, false),
      spot('-Ana', 'before', 0, false),
    ];
    const rows = parseCsv(spotCheckCsv(records));
    expect(rows[0]).toEqual([...SPOT_CHECK_HEADER]);
    expect(rows.slice(1)).toEqual([
      [
        "'-Ana",
        'KQ7RMX',
        'A',
        'before',
        '5',
        '0',
        '0',
        '3',
        '1',
        '40',
        '2025-01-15T09:00:40.000Z',
        'zh-Hans',
      ],
      [
        'Ana',
        'KQ7RMX',
        'A',
        'before',
        '5',
        '0',
        '0',
        '3',
        '1',
        '40',
        '2025-01-15T09:00:40.000Z',
        'zh-Hans',
      ],
      [
        'Ana',
        'KQ7RMX',
        'B',
        'after',
        '5',
        '0',
        '1',
        '2',
        '0.667',
        '40',
        '2025-01-18T09:00:40.000Z',
        'zh-Hans',
      ],
      [
        'Li, "Ace"',
        'KQ7RMX',
        'B',
        'after',
        '5',
        '0',
        '0',
        '3',
        '1',
        '40',
        '2025-01-17T09:00:40.000Z',
        'zh-Hans',
      ],
    ]);
  });
});
