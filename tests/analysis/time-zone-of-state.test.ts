// A time zone written in the ordinance that is none of the zones the time zone regulation puts its
// state in draws a warning: hold ends are computed in the zone named, so a wrong one moves them.
import { describe, expect, it } from 'vitest';
import { applyQuickFix, checkDocument } from '../../engine/analysis/index';
import { ordinanceYaml } from './helpers';

const draft = (state: string, zone: string) =>
  ordinanceYaml(`      - id: warrant
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 48 }
`).replace('  state: CT\n', `  state: ${state}\n  timeZone: ${zone}\n`);

const finding = (text: string) => checkDocument(text, { examples: false }).diagnostics.find((d) => d.code === 'time-zone-not-of-state');

describe('time-zone-not-of-state', () => {
  it('a zone of another state: a warning at the zone, citing the regulation, with a fix to the state’s one zone', () => {
    const text = draft('CT', 'America/Los_Angeles');
    const d = finding(text)!;
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'the time zone America/Los_Angeles (Pacific) is not a zone of Connecticut, which lies in Eastern (America/New_York) (49 C.F.R. 71.4): hold ends are computed in the zone named, so they would be off by the difference',
    );
    expect(d.citation).toBe('49 C.F.R. 71.4');
    expect(d.line).toBe(text.split('\n').findIndex((l) => l.includes('timeZone:')) + 1);
    expect(d.fixes!.map((f) => f.title)).toEqual(['Set the time zone to Eastern (America/New_York)']);
    const fixed = applyQuickFix(text, d.fixes![0]!);
    expect(fixed).toContain('  timeZone: America/New_York\n');
    expect(finding(fixed)).toBeUndefined();
  });

  it('a state that spans zones accepts any of its zones, and a foreign one draws the warning with no guessed fix', () => {
    expect(finding(draft('TX', 'America/Chicago'))).toBeUndefined();
    expect(finding(draft('TX', 'America/Denver'))).toBeUndefined();
    expect(finding(draft('AZ', 'America/Phoenix'))).toBeUndefined();
    expect(finding(draft('AZ', 'America/Denver'))).toBeUndefined();
    const d = finding(draft('TX', 'America/New_York'))!;
    expect(d.message).toContain('which lies in Central (America/Chicago) or Mountain (America/Denver) (49 C.F.R. 71.6, 71.8)');
    expect(d.explanation).toContain('name the one the jail keeps');
    expect(d.fixes).toEqual([]);
  });

  it('the state’s own zone, no zone, or a territory the regulation puts in no zone: no warning', () => {
    expect(finding(draft('CT', 'America/New_York'))).toBeUndefined();
    expect(finding(ordinanceYaml('      - id: w\n        when: { judicialWarrant: true }\n        outcome: decline\n'))).toBeUndefined();
    expect(finding(draft('GU', 'Pacific/Honolulu'))).toBeUndefined();
  });
});
