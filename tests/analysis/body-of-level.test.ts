// A legislative body named for another level of government than the jurisdiction's draws a warning: a
// county's ordinance enacted by its "City Council" (a new draft's body, kept when the level was changed)
// would print "ordained by the City Council of the County of Alameda".
import { describe, expect, it } from 'vitest';
import { applyQuickFix, checkDocument } from '../../engine/analysis/index';
import { ordinanceText } from '../../engine/text-model';
import { ordinanceFrom, ordinanceYaml } from './helpers';

const draft = (name: string, level: string, body?: string) =>
  ordinanceYaml(`      - id: warrant
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 48 }
`)
    .replace('  name: Test City\n', `  name: ${name}\n  level: ${level}\n`)
    .replace('title: Test Ordinance\n', `title: Test Ordinance\n${body ? `legislativeBody: ${body}\n` : ''}`);

const finding = (text: string) => checkDocument(text, { examples: false }).diagnostics.find((d) => d.code === 'body-not-of-level');

describe('body-not-of-level', () => {
  it("a county enacting by a City Council: a warning at the body, and a fix that leaves the county's usual body", () => {
    const text = draft('County of Alameda', 'county', 'City Council');
    const d = finding(text)!;
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      `the legislative body "City Council" is a city's, but the jurisdiction is a county: the ordinance's enacting clause would name the City Council of the County of Alameda`,
    );
    expect(d.line).toBe(text.split('\n').findIndex((l) => l.startsWith('legislativeBody:')) + 1);
    expect(d.fixes!.map((f) => f.title)).toEqual(['Remove the legislative body (the text then names the County Board)']);
    const fixed = applyQuickFix(text, d.fixes![0]!);
    expect(fixed).not.toContain('legislativeBody:');
    expect(finding(fixed)).toBeUndefined();
    const printed = JSON.stringify(ordinanceText(ordinanceFrom(fixed)));
    expect(printed).toContain('County Board of the County of Alameda');
    expect(printed).not.toContain('City Council');
  });

  it('a city enacting by a Board of Supervisors: a warning', () => {
    expect(finding(draft('City of Riverton', 'city', 'Board of Supervisors'))?.message).toBe(
      `the legislative body "Board of Supervisors" is a county's, but the jurisdiction is a city: the ordinance's enacting clause would name the Board of Supervisors of the City of Riverton`,
    );
  });

  it("quiet for each level's own body, a city-county's either body, a town's City Council, and no body named", () => {
    expect(finding(draft('County of Alameda', 'county', 'Board of Supervisors'))).toBeUndefined();
    expect(finding(draft('Harris County', 'county', 'Commissioners Court'))).toBeUndefined();
    expect(finding(draft('City of Riverton', 'city', 'City Council'))).toBeUndefined();
    expect(finding(draft('City and County of Denver', 'county', 'City Council'))).toBeUndefined();
    expect(finding(draft('City and County of San Francisco', 'city', 'Board of Supervisors'))).toBeUndefined();
    expect(finding(draft('Town of Amherst', 'town', 'City Council'))).toBeUndefined();
    expect(finding(draft('County of Alameda', 'county'))).toBeUndefined();
  });
});
