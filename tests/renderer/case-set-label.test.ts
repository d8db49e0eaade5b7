// The Simulation view, the status bar and the Export dialog name a loaded case set as the impact report
// does: the file's title, then its own name (the engine's caseSetLabel); a synthetic set by its own name.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CasesLoaded, SimulationRequest, SimulationResponse } from '../../renderer/src/simulation/protocol';

vi.mock('../../renderer/src/simulation/inflate-thread', () => ({ threadedInflateStream: () => undefined }));

const ROOT = path.resolve(__dirname, '../..');
const posted: SimulationResponse[] = [];
const scope: { onmessage: ((e: { data: SimulationRequest }) => void) | null; postMessage: (m: SimulationResponse) => void } = {
  onmessage: null,
  postMessage: (m) => void posted.push(m),
};

async function load(id: number, source: Extract<SimulationRequest, { kind: 'load-cases' }>['source']): Promise<CasesLoaded> {
  const from = posted.length;
  scope.onmessage!({ data: { kind: 'load-cases', id, source } });
  // Up to 20 seconds: the machine may be busy.
  for (let k = 0; k < 2000 && !posted.slice(from).some((m) => m.kind === 'cases-loaded' || m.kind === 'failed'); k++)
    await new Promise((r) => setTimeout(r, 10));
  const answer = posted.slice(from).find((m) => m.kind === 'cases-loaded' || m.kind === 'failed');
  if (!answer || answer.kind !== 'cases-loaded') throw new Error(answer && answer.kind === 'failed' ? answer.error : 'no answer');
  return answer;
}

describe('the simulation worker names the case set it loaded', () => {
  beforeAll(async () => {
    vi.stubGlobal('self', scope);
    // By a name the type check does not follow: the worker's modules are typed for Vite.
    const worker = '../../renderer/src/simulation/simulation.worker';
    await import(/* @vite-ignore */ worker);
  }, 60_000);

  it('a case file: its title, then its file name, as the impact report names it', async () => {
    const text = readFileSync(path.join(ROOT, 'samples/cases/synthetic-200.cases.csv'), 'utf8');
    const loaded = await load(1, { kind: 'text', name: 'synthetic-200.cases.csv', text });
    expect(loaded.name).toBe('synthetic-200.cases.csv');
    expect(loaded.label).toBe('Synthetic 200 (synthetic-200.cases.csv)');
  }, 30_000);

  it('a synthetic set: its own name, not made into a file title', async () => {
    const loaded = await load(2, { kind: 'synthetic', name: 'Synthetic set, seed 2012', count: 50, seed: 2012 });
    expect(loaded.label).toBe('Synthetic set, seed 2012');
  }, 30_000);
});
