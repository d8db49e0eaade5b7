// The simulation worker's answer to "which convictions decided these cases" (the cases table's
// Deciding conviction column): the engine's settled reading, so a case the records cannot settle names
// no conviction, as simulate --json and explain name none.

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadOrdinance } from '../../engine/index';
import type {
  DecidingConvictionsFound,
  SimulationDone,
  SimulationRequest,
  SimulationResponse,
} from '../../renderer/src/simulation/protocol';

// The workbook decoder's own worker is not wanted here: these cases are text.
vi.mock('../../renderer/src/simulation/inflate-thread', () => ({ threadedInflateStream: () => undefined }));

const posted: SimulationResponse[] = [];
const scope: { onmessage: ((e: { data: SimulationRequest }) => void) | null; postMessage: (m: SimulationResponse) => void } = {
  onmessage: null,
  postMessage: (m) => void posted.push(m),
};

/** Sends the worker one request and waits for its answer. */
async function ask<K extends SimulationResponse['kind']>(request: SimulationRequest, kind: K) {
  const from = posted.length;
  scope.onmessage!({ data: request });
  for (let k = 0; k < 200 && !posted.slice(from).some((m) => m.kind === kind || m.kind === 'failed'); k++)
    await new Promise((r) => setTimeout(r, 5));
  const answer = posted.slice(from).find((m) => m.kind === kind || m.kind === 'failed');
  if (!answer || answer.kind === 'failed') throw new Error(answer ? answer.error : `no ${kind}`);
  return answer as Extract<SimulationResponse, { kind: K }>;
}

const ordinance = loadOrdinance(`title: A felony with a judge's warrant
jurisdiction: { name: Testville, state: NM }
sections:
  - heading: Detainers
    provisions:
      - id: felony-and-warrant
        heading: Felony and a judicial warrant
        when: { all: [ { conviction: { classes: [felony] } }, { judicialWarrant: true } ] }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
      - id: warrant
        heading: Judicial warrant
        when: { judicialWarrant: true }
        outcome: notify
otherwise: decline
`).ordinance!;

const rape = { offense: 'rape', class: 'felony', degree: 1, categories: ['violent'], convictedOn: '2018-02-01' };
function bookingCase(id: string, judicialWarrant: boolean | null, convictions: unknown[]) {
  return {
    id,
    age: 40,
    bookedAt: '2024-03-01T09:00',
    eligibleForReleaseAt: '2024-03-02T10:00',
    detainer: { requests: ['hold'], issuedAt: '2024-03-01T12:00', ...(judicialWarrant === null ? {} : { judicialWarrant }) },
    ...(judicialWarrant === null ? { unknown: ['judicialWarrant'] } : {}),
    convictions,
  };
}
const cases = [
  // Settled: the rape and the warrant decide it (hold).
  bookingCase('settled', true, [rape]),
  // Open: whether a judge signed a warrant is not in the records: hold or decline. The rape meets the
  // conviction test of the first provision that may decide it, but nothing has decided it.
  bookingCase('open', null, [rape]),
  // Settled without a conviction: a warrant and no felony (notify).
  bookingCase('warrant-only', true, []),
  // Settled by the otherwise clause.
  bookingCase('nothing', false, [rape]),
];

describe('the simulation worker names the deciding convictions as the engine settles them', () => {
  let done: SimulationDone;
  let found: DecidingConvictionsFound;
  beforeAll(async () => {
    vi.stubGlobal('self', scope);
    // By a name the type check does not follow: the worker's modules are typed for Vite (tsconfig.renderer.json checks them).
    const worker = '../../renderer/src/simulation/simulation.worker';
    await import(/* @vite-ignore */ worker);
    await ask(
      { kind: 'load-cases', id: 1, source: { kind: 'text', name: 'cases.json', text: JSON.stringify(cases), format: 'json' } },
      'cases-loaded',
    );
    done = await ask(
      {
        kind: 'simulate',
        id: 2,
        version: 1,
        ordinance,
        scenario: { reimbursementAgreement: false, costPerInmateDay: 100, holidays: 'us-federal' },
        compare: { kind: 'none' },
      },
      'simulated',
    );
    found = await ask({ kind: 'deciding', id: 3, run: done.run, indexes: [0, 1, 2, 3] }, 'deciding');
  });

  it('a settled decision: the conviction that satisfied the deciding provision', () => {
    expect(found.found![0]!.provision).toBe('felony-and-warrant');
    expect(found.found![0]!.convictions.map((c) => c.offense)).toEqual(['rape']);
    expect(found.found![0]).not.toHaveProperty('undetermined');
  });

  it('a decision the records cannot settle: no conviction, marked undetermined', () => {
    const p = done.open!.possible[1]!;
    expect(p & (p - 1)).not.toBe(0);
    expect(found.found![1]).toMatchObject({ provision: 'felony-and-warrant', convictions: [], undetermined: true });
  });

  it('decided without a conviction (a warrant alone, the otherwise clause): none named', () => {
    expect(found.found![2]).toMatchObject({ provision: 'warrant', readsConvictions: false, convictions: [] });
    expect(found.found![3]).toMatchObject({ provision: 'default', convictions: [] });
    expect(found.found![2]).not.toHaveProperty('undetermined');
    expect(found.found![3]).not.toHaveProperty('undetermined');
  });
});
