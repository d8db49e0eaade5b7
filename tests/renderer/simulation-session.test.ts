// The simulation's results belong to the document they were worked out for: opening or creating
// another document drops them (and a run still going for the closed one shows nothing), so the
// Simulation tab never shows one document's figures under another's name.
import { describe, expect, it } from 'vitest';
import type { Ordinance } from '../../engine/index';
import type { CasesLoaded, SimulationDone } from '../../renderer/src/simulation/protocol';
import { SimulationSession, type SimulationPort } from '../../renderer/src/simulation/simulation-session';

const CASES = { name: 'cases.csv', count: 200, total: 200, problemCount: 0, problems: [], notes: [] } as unknown as CasesLoaded;
const ordinance = (title: string) => ({ title }) as unknown as Ordinance;

/** A port whose runs finish when the test says so, each answering with the version asked for. */
function manualPort() {
  const runs: Array<{ version: number; title: string; finish: () => void }> = [];
  const port: SimulationPort = {
    caseSource: null,
    loadCases: async () => CASES,
    chooseCases: async () => CASES,
    simulate: (request) =>
      new Promise<SimulationDone>((resolve) =>
        runs.push({
          version: request.version,
          title: request.ordinance.title,
          finish: () => resolve({ version: request.version, summary: { total: 200 }, ms: 1 } as unknown as SimulationDone),
        }),
      ),
    explain: async () => {
      throw new Error('not used');
    },
    cancel: () => null,
    dispose: () => undefined,
  };
  return { port, runs };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A session with the synthetic case set and document 0's first draft sent (its run finished unless told not to). */
async function withFirstDraft(finish = true) {
  const { port, runs } = manualPort();
  const sim = new SimulationSession(port);
  await sim.loadCases({ kind: 'synthetic', name: 'cases', count: 200, seed: 1 });
  sim.setDraft(ordinance('first'), 3, 0);
  await settle();
  if (finish) {
    runs.shift()!.finish();
    await settle();
  }
  return { sim, runs };
}

describe('results and the document they belong to', () => {
  it('are dropped when another document is opened, and the next draft is simulated afresh', async () => {
    const { sim, runs } = await withFirstDraft();
    expect(sim.state.result).not.toBeNull();
    expect(sim.state.resultDocument).toBe(0);

    // Another document (not yet valid): the first one's figures go at once, the case set stays.
    sim.setDocument(1);
    expect(sim.state.result).toBeNull();
    expect(sim.state.resultVersion).toBe(-1);
    expect(sim.state.cases).toBe(CASES);
    expect(sim.draftVersion).toBe(-1);

    // Its first version without errors is simulated and shown as its own.
    sim.setDraft(ordinance('second'), 1_000_001, 1);
    await settle();
    expect(runs.map((r) => r.title)).toEqual(['second']);
    runs.shift()!.finish();
    await settle();
    expect(sim.state.resultVersion).toBe(1_000_001);
    expect(sim.state.resultDocument).toBe(1);
  });

  it('of a run still going when its document is closed are never shown', async () => {
    const { sim, runs } = await withFirstDraft(false);
    sim.setDocument(1);
    runs.shift()!.finish();
    await settle();
    expect(sim.state.result).toBeNull();
    expect(sim.state.status.kind).toBe('ready');
  });

  it('a draft of another document replaces the last one even without setDocument first', async () => {
    const { sim } = await withFirstDraft();
    sim.setDraft(ordinance('second'), 1_000_001, 1);
    expect(sim.state.result).toBeNull();
  });
});

describe('a county export and its column mapping', () => {
  const csv = { kind: 'text', name: 'county.csv', text: 'BOOKING_NO\n1\n' } as const;
  const mapping = { columns: { BOOKING_NO: 'id' } };

  it('keeps a refused CSV for the Map columns panel, and forgets it once a file is read', async () => {
    const { port } = manualPort();
    let refuse = true;
    port.loadCases = async () => {
      if (refuse) throw new Error('county.csv was not loaded: it holds no cases');
      return CASES;
    };
    const sim = new SimulationSession(port);
    expect(await sim.loadCases(csv)).toBe(false);
    expect(sim.state.refused).toBe(csv);
    refuse = false;
    expect(await sim.loadCases({ ...csv, mapping })).toBe(true);
    expect(sim.state.refused).toBeNull();
  });

  it('reads a file of the name a mapping was made for with that mapping, and no other file', () => {
    const sim = new SimulationSession(manualPort().port);
    expect(sim.withKeptMapping(csv)).toBe(csv);
    sim.setMappingDraft({ name: 'county.csv', mapping });
    expect(sim.withKeptMapping(csv)).toEqual({ ...csv, mapping });
    expect(sim.withKeptMapping({ ...csv, name: 'other.csv' })).toEqual({ ...csv, name: 'other.csv' });
    // A mapping applies to CSV files alone.
    expect(sim.withKeptMapping({ kind: 'text', name: 'county.csv.json', text: '[]' })).not.toHaveProperty('mapping');
  });
});
