// The time zone when the form's state changes: the zones a state's jurisdictions can name come from the
// time zone regulation (law/federal/49-cfr-71.yaml, through the engine's zonesOfState). A zone that is
// one of the new state's stays, whoever chose it; a state in one zone gets that zone; a state in more
// than one is not guessed for: a zone that is none of its zones is taken out and the drafter is asked.

import type { DocumentEdit } from '../../../engine/document';
import { STATE_NAMES, zonesAsChoice, zonesCitation, zonesOfState } from '../../../engine/vocabulary';

export interface StateZones {
  /** The state's name ("Texas"), or its code when it is no state or territory. */
  name: string;
  zones: Array<{ name: string; label: string }>;
  /** "49 C.F.R. 71.6, 71.8": the sections that put the state in its zones. */
  cite: string;
  /** "Central (America/Chicago) or Mountain (America/Denver)". */
  choice: string;
}

/** The zones a jurisdiction of the state can name; null when the regulation lists none (Guam, an unknown code). */
export function stateZones(state: string | undefined): StateZones | null {
  if (!state) return null;
  const found = zonesOfState(state);
  if (found.length === 0) return null;
  return {
    name: STATE_NAMES[state] ?? state,
    zones: found.map((z) => ({ name: z.zone.name, label: z.zone.label })),
    cite: zonesCitation(found),
    choice: zonesAsChoice(found),
  };
}

export interface ZoneChange {
  /** The edits to the time zone that go with the new state (none when it stays as it is). */
  ops: DocumentEdit[];
  /** What was done to the time zone, in words, or null when nothing was. */
  note: string | null;
}

/** What a change of the jurisdiction's state to `state` does to the time zone `current`. */
export function zoneForNewState(state: string, current: string | undefined): ZoneChange {
  const s = stateZones(state);
  const path = ['jurisdiction', 'timeZone'];
  // No zone the regulation gives for the state: nothing to go by, the zone stays as it is.
  if (!s) return { ops: [], note: null };
  // A zone of the new state stays, whether it was chosen by hand or set before.
  if (current !== undefined && s.zones.some((z) => z.name === current)) return { ops: [], note: null };
  if (s.zones.length === 1) {
    const only = s.zones[0]!;
    return {
      ops: [{ op: 'set', path, value: only.name }],
      note: `Time zone set to ${only.label} (${only.name}), the one zone ${s.name} lies in (${s.cite})${current ? `, in place of ${current}` : ''}.`,
    };
  }
  // More than one zone: don't guess.
  if (current === undefined) return { ops: [], note: null };
  return {
    ops: [{ op: 'delete', path }],
    note: `Time zone ${current} taken out: it is not a zone of ${s.name}.`,
  };
}
