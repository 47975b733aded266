/**
 * Help lines per region and language: the data file is valid, a region gets its own lines and
 * its parents', a debrief always has lines (an unknown region falls back to the national ones),
 * and each scam type gets the lines that fit it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP_LINES_FILE, validateHelpLines } from '../../scripts/lib/scenario-files';
import { helpLinesFor, helpLinesSchema } from '../../src/content/help-lines-schema';
import { SCAM_TYPES } from '../../src/engine/index';

const file = helpLinesSchema.parse(JSON.parse(readFileSync(HELP_LINES_FILE, 'utf8')));
const ids = (region: string, topic: (typeof SCAM_TYPES)[number]) =>
  helpLinesFor(region, topic, file).map((l) => l.id);

describe('help lines', () => {
  it('the data file is valid and names the regions the scenarios use', () => {
    const report = validateHelpLines();
    expect(report.problems).toEqual([]);
    expect(report.regions).toEqual(expect.arrayContaining(['CA', 'CA-AB', 'CA-ON']));
  });

  it('puts emergency first, then the region, then the national lines', () => {
    expect(ids('CA-ON', 'police-impersonation')).toEqual([
      'emergency',
      'toronto-police',
      'crime-stoppers-toronto',
      'kids-help-phone',
      'anti-fraud-centre',
      'crime-stoppers',
      'credit-bureaus',
    ]);
  });

  it('gives sextortion debriefs NeedHelpNow, Cybertip and Kids Help Phone', () => {
    expect(ids('CA-AB', 'sextortion')).toEqual(
      expect.arrayContaining(['need-help-now', 'cybertip', 'kids-help-phone', 'calgary-police']),
    );
    expect(ids('CA-AB', 'sextortion')).not.toContain('credit-bureaus');
  });

  it('falls back to the national lines for a region it does not know, never to nothing', () => {
    for (const topic of SCAM_TYPES) {
      const unknown = ids('FR', topic);
      expect(unknown).toEqual(ids('CA', topic));
      expect(unknown.length).toBeGreaterThan(1);
      expect(unknown).toContain('emergency');
    }
  });

  it('has every line in every language', () => {
    for (const region of Object.values(file.regions)) {
      for (const line of region.lines) {
        expect(Object.keys(line.name).sort()).toEqual(['en', 'fr', 'zh-Hans']);
        expect(Object.keys(line.what).sort()).toEqual(['en', 'fr', 'zh-Hans']);
      }
    }
  });

  it('rejects a file whose line lacks a language or whose parent is unknown', () => {
    const damaged = structuredClone(file) as unknown as {
      regions: Record<string, { parent?: string; lines: { name: Record<string, string> }[] }>;
    };
    const ontario = damaged.regions['CA-ON'];
    if (!ontario?.lines[0]) throw new Error('fixture');
    delete ontario.lines[0].name.fr;
    ontario.parent = 'XX';
    const result = helpLinesSchema.safeParse(damaged);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(
      'regions.CA-ON.lines.0.name.fr',
    );
  });
});
