// The form's time zone when the state changes: read from the time zone regulation through the engine,
// set where the state lies in one zone, asked for where it lies in more, never changed when it is one
// of the new state's zones.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { stateZones, zoneForNewState } from '../../renderer/src/form/time-zone';

const regulation = parse(readFileSync(new URL('../../law/federal/49-cfr-71.yaml', import.meta.url), 'utf8')) as {
  zoneStates: Array<{ zone: string; states: string[]; partly?: string[] }>;
};
const zonesIn = (state: string) =>
  [true, false].flatMap((wholly) =>
    regulation.zoneStates.filter((z) => (wholly ? z.states : (z.partly ?? [])).includes(state)).map((z) => z.zone),
  );

describe('zoneForNewState', () => {
  it('sets the one zone of a state that lies in one, in place of another state’s zone, and says so', () => {
    expect(zoneForNewState('OK', 'America/New_York')).toEqual({
      ops: [{ op: 'set', path: ['jurisdiction', 'timeZone'], value: 'America/Chicago' }],
      note: 'Time zone set to Central (America/Chicago), the one zone Oklahoma lies in (49 C.F.R. 71.6), in place of America/New_York.',
    });
    expect(zoneForNewState('NY', undefined).ops).toEqual([{ op: 'set', path: ['jurisdiction', 'timeZone'], value: 'America/New_York' }]);
    expect(zoneForNewState('HI', 'America/Los_Angeles').ops[0]).toMatchObject({ op: 'set', value: 'Pacific/Honolulu' });
  });

  it('does not guess for a state in more than one zone: a zone not of that state is taken out, none is put in', () => {
    expect(zoneForNewState('TX', 'America/New_York')).toEqual({
      ops: [{ op: 'delete', path: ['jurisdiction', 'timeZone'] }],
      note: 'Time zone America/New_York taken out: it is not a zone of Texas.',
    });
    expect(zoneForNewState('FL', undefined)).toEqual({ ops: [], note: null });
  });

  it('keeps a zone that is one of the new state’s, chosen by hand or not', () => {
    expect(zoneForNewState('TX', 'America/Denver')).toEqual({ ops: [], note: null });
    expect(zoneForNewState('NE', 'America/Denver')).toEqual({ ops: [], note: null });
    expect(zoneForNewState('AZ', 'America/Denver')).toEqual({ ops: [], note: null });
    expect(zoneForNewState('CA', 'America/Los_Angeles')).toEqual({ ops: [], note: null });
  });

  it('leaves the zone alone where the regulation lists none for the state', () => {
    expect(zoneForNewState('GU', 'America/New_York')).toEqual({ ops: [], note: null });
    expect(zoneForNewState('ZZ', undefined)).toEqual({ ops: [], note: null });
  });

  it('offers, for every state the regulation lists, exactly its zones, those covering it wholly first', () => {
    const states = new Set(regulation.zoneStates.flatMap((z) => [...z.states, ...(z.partly ?? [])]));
    expect(states.size).toBeGreaterThan(50);
    for (const state of states) {
      expect(stateZones(state)!.zones.map((z) => z.name)).toEqual(zonesIn(state));
      const change = zoneForNewState(state, 'Pacific/Honolulu');
      const zones = zonesIn(state);
      if (zones.includes('Pacific/Honolulu')) expect(change.ops).toEqual([]);
      else if (zones.length === 1) expect(change.ops).toEqual([{ op: 'set', path: ['jurisdiction', 'timeZone'], value: zones[0] }]);
      else expect(change.ops).toEqual([{ op: 'delete', path: ['jurisdiction', 'timeZone'] }]);
    }
  });
});
