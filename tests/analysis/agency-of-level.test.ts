// The agency the text names follows the level of government when the ordinance names none (a county's
// Sheriff's Office, a city's or town's Police Department), as the legislative body does; an agency
// named for another level (a county draft keeping a new draft's "the Police Department") is a warning,
// never an error, since a county may have a police department of its own.
import { describe, expect, it } from 'vitest';
import { applyQuickFix, checkDocument } from '../../engine/analysis/index';
import { agencyName } from '../../engine/wording';
import { ordinanceText } from '../../engine/text-model';
import { ordinanceFrom, ordinanceYaml } from './helpers';

const draft = (name: string, level: string, agency?: string) =>
  ordinanceYaml(`      - id: warrant
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 48 }
`)
    .replace('  name: Test City\n', `  name: ${name}\n  level: ${level}\n`)
    .replace(/^agency:.*\n/m, '')
    .replace('title: Test Ordinance\n', `title: Test Ordinance\n${agency ? `agency: ${agency}\n` : ''}`);

const finding = (text: string) => checkDocument(text, { examples: false }).diagnostics.find((d) => d.code === 'agency-not-of-level');
const printed = (text: string) => JSON.stringify(ordinanceText(ordinanceFrom(text)));

describe('the agency of a level', () => {
  it('with none named, the text names the usual agency of the level', () => {
    expect(printed(draft('County of Alameda', 'county'))).toContain("the Sheriff's Office shall honor");
    expect(printed(draft('City of Riverton', 'city'))).toContain('the Police Department shall honor');
    expect(printed(draft('Town of Amherst', 'town'))).toContain('the Police Department shall honor');
    expect(agencyName({ jurisdiction: { name: 'Connecticut', state: 'CT', level: 'state' } })).toBe('the law enforcement agency');
    expect(agencyName({ jurisdiction: { name: 'Somewhere', state: 'MA' } })).toBe('the law enforcement agency');
  });

  it("a county whose agency is a city's police department: a warning at the agency, and a fix that leaves the county's usual one", () => {
    const text = draft('County of Alameda', 'county', 'the Police Department');
    expect(printed(text)).toContain('the Police Department shall honor');
    const d = finding(text)!;
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      `the agency "the Police Department" is a city's or town's police, but the jurisdiction is a county: the ordinance's text would say that the Police Department holds, notifies or declines on detainers`,
    );
    expect(d.line).toBe(text.split('\n').findIndex((l) => l.startsWith('agency:')) + 1);
    expect(d.fixes!.map((f) => f.title)).toEqual(["Remove the agency (the text then names the Sheriff's Office)"]);
    const fixed = applyQuickFix(text, d.fixes![0]!);
    expect(finding(fixed)).toBeUndefined();
    expect(printed(fixed)).toContain("the Sheriff's Office shall honor");
  });

  it("a city whose agency is a sheriff's office: a warning", () => {
    expect(finding(draft('City of Riverton', 'city', "the Sheriff's Office"))?.severity).toBe('warning');
  });

  it('quiet for a county police department named for its county, a city-county, each level’s own agency, and none named', () => {
    expect(finding(draft('Nassau County', 'county', 'the Nassau County Police Department'))).toBeUndefined();
    expect(finding(draft('City and County of Denver', 'county', 'the Police Department'))).toBeUndefined();
    expect(finding(draft('City and County of San Francisco', 'city', "the Sheriff's Office"))).toBeUndefined();
    expect(finding(draft('County of Alameda', 'county', "the Sheriff's Office"))).toBeUndefined();
    expect(finding(draft('City of Riverton', 'city', 'the Police Department'))).toBeUndefined();
    expect(finding(draft('County of Alameda', 'county'))).toBeUndefined();
  });
});
