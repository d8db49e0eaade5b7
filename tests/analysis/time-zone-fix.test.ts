// The no-time-zone note offers the zones the time zone regulation puts the jurisdiction's state in,
// each a quick fix that names it; a fixed document no longer draws the note.
import { describe, expect, it } from 'vitest';
import { applyQuickFix, checkDocument } from '../../engine/analysis/index';
import { time } from '../../engine/index';
import { LAW } from '../../engine/law';
import { ordinanceYaml } from './helpers';

const draft = (state: string) =>
  ordinanceYaml(`      - id: warrant
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 48 }
`).replace('  state: CT\n', `  state: ${state}\n`);

const note = (text: string) => checkDocument(text, { examples: false }).diagnostics.find((d) => d.code === 'no-time-zone');

describe('no-time-zone: the zones of the state', () => {
  it('a state wholly in one zone: one fix, which names it and silences the note', () => {
    const d = note(draft('IL'))!;
    expect(d.explanation).toContain('Illinois lies wholly in one time zone, Central: America/Chicago (49 C.F.R. 71.6).');
    expect(d.fixes!.map((f) => f.title)).toEqual(['Name the time zone: Central (America/Chicago)']);
    const fixed = applyQuickFix(draft('IL'), d.fixes![0]!);
    expect(fixed).toContain('  timeZone: America/Chicago\n');
    expect(note(fixed)).toBeUndefined();
  });

  it('a state in two zones: a fix for each, and the words say to name the one the jail keeps', () => {
    const d = note(draft('TX'))!;
    expect(d.fixes!.map((f) => f.title)).toEqual([
      'Name the time zone: Central (America/Chicago)',
      'Name the time zone: Mountain (America/Denver)',
    ]);
    expect(d.explanation).toContain(
      'Texas lies in more than one time zone (Central: America/Chicago; Mountain: America/Denver; 49 C.F.R. 71.6, 71.8): name the one the jail keeps.',
    );
  });

  it('Arizona: its own zone without daylight saving time first, then the Navajo Nation’s', () => {
    expect(note(draft('AZ'))!.fixes!.map((f) => f.title)).toEqual([
      'Name the time zone: Mountain (Arizona, no daylight saving time) (America/Phoenix)',
      'Name the time zone: Mountain (America/Denver)',
    ]);
  });

  it('a territory in no zone the time statute lists: the note stands with no fix', () => {
    const d = note(draft('GU'))!;
    expect(d.fixes).toEqual([]);
    expect(d.explanation).not.toContain('lies');
  });

  it('every state and the District is in a zone, and every zone the regulation names is one a jurisdiction can name', () => {
    const regulation = LAW.find((a) => a.zoneStates)!;
    for (const z of regulation.zoneStates!) expect(time.timeZone(z.zone), z.zone).toBeDefined();
    const states =
      'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR'.split(
        ' ',
      );
    for (const s of states) expect(time.zonesOfState(s).length, s).toBeGreaterThan(0);
    // A state wholly in a zone is in no other.
    for (const s of states) {
      const zones = time.zonesOfState(s);
      if (zones.some((z) => z.wholly))
        expect(
          zones.map((z) => z.zone.name),
          s,
        ).toHaveLength(1);
    }
  });
});
