// The use cases faces call: drafts checked and read for comparison, a simulation deciding each side
// once with per-provision figures for both, decision codes decoded, and `simulate --json` in pieces
// giving the very bytes the whole document stringified gives.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BASELINE,
  baselineFor,
  caseTable,
  checkDraft,
  compile,
  decideAll,
  decidingConvictions,
  decodeDecision,
  exampleOfFinding,
  explainCase,
  generatedCaseTable,
  HONOR_ALL,
  isBlocking,
  prepareCase,
  readDraftToCompare,
  resolveScenario,
  simulate,
  simulateDraft,
  simulationJson,
  type CompareTarget,
  type Ordinance,
  caseId,
} from '../../engine/index';
import { sampleOrdinanceText } from '../../bench/sample-ordinance';

const root = path.resolve(__dirname, '../..');
const samples = fs
  .readdirSync(path.join(root, 'samples/ordinances'))
  .filter((f) => f.endsWith('.ordinance.yaml'))
  .sort()
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(root, 'samples/ordinances', f), 'utf8') }));
function ordinanceOf(text: string): Ordinance {
  const read = readDraftToCompare(text, 'x.ordinance.yaml');
  if (!read.ok) throw new Error(read.problem);
  return read.ordinance;
}
const { table } = generatedCaseTable({ count: 400, seed: 11 });

/** The document as `simulate --json` built it before it was streamed: whole, then stringified. */
function wholeDocument(o: Ordinance, scenario: { reimbursementAgreement: boolean }, compare: CompareTarget): string {
  const policy = compile(o, scenario);
  const other = compare.kind === 'baseline' ? baselineFor(o) : compare.kind === 'draft' ? compare : null;
  const result = simulate(
    policy,
    table,
    other ? { compare: { policy: compile(other.ordinance, scenario), title: other.title, fingerprint: other.fingerprint } } : {},
  );
  const json: Record<string, unknown> = {
    policy: { title: o.title, fingerprint: 'sha256:x', file: 'p.yaml' },
    scenario: resolveScenario(scenario),
    cases: { file: 'c.csv', total: table.length },
    summary: result.summary,
    breakdown: result.breakdown,
    // With the convictions that decided each, as explain gives them, where some did and the records settle the case.
    decisions: decideAll(policy, table).map((d, i) => {
      const deciding = d.undetermined ? [] : decidingConvictions(policy, table, [i])[0]!.convictions;
      return deciding.length ? { ...d, decidingConvictions: deciding } : d;
    }),
    coverage: result.coverage,
  };
  if (result.comparison) json.comparison = result.comparison;
  return JSON.stringify(json, null, 2) + '\n';
}

describe('simulationJson', () => {
  const second = ordinanceOf(samples[1]!.text);
  for (const { file, text } of samples) {
    it(`writes the same bytes as the whole document: ${file}`, () => {
      const o = ordinanceOf(text);
      for (const compare of [
        { kind: 'none' },
        { kind: 'baseline' },
        { kind: 'draft', ordinance: second, title: second.title, fingerprint: 'sha256:y' },
      ] as CompareTarget[]) {
        for (const reimbursementAgreement of [false, true]) {
          const scenario = { reimbursementAgreement };
          const sim = simulateDraft({ ordinance: o, scenario, cases: table, compare });
          const pieces = [
            ...simulationJson(sim, {
              policy: { title: o.title, fingerprint: 'sha256:x', file: 'p.yaml' },
              cases: { file: 'c.csv', total: table.length },
            }),
          ];
          expect(pieces.length).toBeGreaterThan(table.length);
          expect(pieces.join('')).toBe(wholeDocument(o, scenario, compare));
        }
      }
    });
  }
});

describe('simulateDraft', () => {
  const o = ordinanceOf(samples.find((s) => s.file.startsWith('connecticut'))!.text);

  it("compares with the baseline on the draft's clock: across a change of the clocks, the same hold as ICE asks is no difference", () => {
    // Released Saturday 10:00 before clocks go forward (Sunday, March 10, 2019): 48 hours end Monday at 11:00 on the wall clock.
    const zoned = ordinanceOf(
      `title: Hold as asked\njurisdiction: { name: Test, state: PA, level: county, timeZone: America/New_York }\nsections:\n  - heading: D\n    provisions:\n      - id: asked\n        when: { requested: hold }\n        outcome: hold\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: false }\notherwise: decline\n`,
    );
    const prepared = prepareCase(
      {
        id: 'DST-1',
        age: 30,
        bookedAt: '2019-03-08T08:00',
        eligibleForReleaseAt: '2019-03-09T10:00',
        detainer: { requests: ['hold'], issuedAt: '2019-03-08T12:00', judicialWarrant: false, administrativeWarrant: true },
      },
      0,
    );
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const cases = caseTable([prepared.prepared]);
    const sim = simulateDraft({ ordinance: zoned, cases, compare: { kind: 'baseline' } });
    const c = sim.result.comparison!;
    expect(sim.result.summary.holdHours).toBe(48);
    expect(c.otherSummary.holdHours).toBe(48);
    expect(c.changed).toBe(0);
    expect(c.delta.holdHours).toBe(0);
    expect(sim.sides.other!.title).toBe(BASELINE.title);
    // The baseline's own explanation ends the hold when the draft's does: Monday 11:00, not 10:00.
    const explained = explainCase({ ordinance: zoned, compare: { kind: 'baseline' }, cases: sim.cases, index: 0 });
    expect(explained.decision.holdUntil).toBe('2019-03-11T11:00');
    expect(explained.other!.holdUntil).toBe(explained.decision.holdUntil);
    // Without a zone both count the wall clock, as before.
    expect(baselineFor({ ...zoned, jurisdiction: { ...zoned.jurisdiction, timeZone: undefined } }).ordinance).toBe(HONOR_ALL);
  });

  it('gives both sides codes, provisions and hold hours that agree with the summaries', () => {
    const sim = simulateDraft({ ordinance: o, cases: table, compare: { kind: 'baseline' } });
    const { policy, other } = sim.sides;
    expect(other!.title).toBe(BASELINE.title);
    expect(other!.provisions.map((p) => p.id)).toEqual(['honor-hold', 'honor-notify', 'default']);
    expect(policy.provisions.at(-1)!.id).toBe('default');
    for (const side of [policy, other!]) {
      expect(side.codes.length).toBe(table.length);
      expect(side.holdHoursByProvision.length).toBe(side.provisions.length);
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(policy.holdHoursByProvision) + policy.holdHoursOneOf).toBeCloseTo(sim.result.summary.holdHours, 1);
    expect(sum(other!.holdHoursByProvision) + other!.holdHoursOneOf).toBeCloseTo(sim.result.comparison!.otherSummary.holdHours, 1);
    // Each code decodes to the outcome and provision the full explanation gives.
    const baseline = compile(baselineFor(o).ordinance);
    for (let i = 0; i < table.length; i += 37) {
      const mine = decodeDecision(policy.codes[i]!, policy.provisions);
      const d = sim.policy.explain(table, i);
      expect([mine.outcome, mine.provision.id, mine.provision.citation]).toEqual([d.outcome, d.provision, d.citation]);
      const theirs = decodeDecision(other!.codes[i]!, other!.provisions);
      expect([theirs.outcome, theirs.provision.id]).toEqual([baseline.explain(table, i).outcome, baseline.explain(table, i).provision]);
    }
    // Decided differently: another outcome, or a hold ending at another time, as the full explanations give them.
    let changed = 0;
    let endsDiffer = 0;
    for (let i = 0; i < table.length; i++) {
      const a = sim.policy.explain(table, i);
      const b = baseline.explain(table, i);
      if (a.outcome !== b.outcome) changed++;
      else if (a.outcome === 'hold' && a.holdUntil !== b.holdUntil) endsDiffer++;
    }
    expect(endsDiffer).toBeGreaterThan(0);
    expect(sim.result.comparison!.holdEndsDiffer).toBe(endsDiffer);
    expect(sim.result.comparison!.changed).toBe(changed + endsDiffer);
  });

  it('reports progress over both passes and stops when told to', () => {
    const seen: Array<[number, number]> = [];
    simulateDraft({
      ordinance: o,
      cases: table,
      compare: { kind: 'baseline' },
      progressEvery: 100,
      onProgress: (d, t) => void seen.push([d, t]),
    });
    expect(seen.at(-1)).toEqual([800, 800]);
    expect(seen.map(([d]) => d)).toEqual([100, 200, 300, 400, 500, 600, 700, 800]);
    expect(() => simulateDraft({ ordinance: o, cases: table, progressEvery: 100, onProgress: () => false })).toThrow(/cancelled/);
  });

  it('explains one case under both sides', () => {
    const e = explainCase({ ordinance: o, cases: table, index: 3, compare: { kind: 'baseline' } });
    expect(e.bookingCase.id).toBe(caseId(table, 3));
    expect(e.decision.id).toBe(caseId(table, 3));
    expect(e.other!.provision).toMatch(/^honor-|default/);
    expect(e.otherTitle).toBe(BASELINE.title);
  });
});

describe('drafts', () => {
  it('reads a draft to compare, or says which line stops it', () => {
    const good = readDraftToCompare(samples[0]!.text, 'a.ordinance.yaml');
    expect(good.ok && good.fingerprint).toMatch(/^sha256:/);
    const bad = readDraftToCompare(samples[0]!.text.replace('otherwise: decline', 'otherwise: maybe'), 'b.ordinance.yaml');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem).toMatch(/^b\.ordinance\.yaml cannot be compared: line \d+, column \d+: /);
    expect(readDraftToCompare('- a list', 'c.yaml')).toMatchObject({ ok: false });
  });

  it('checkDraft says what blocks: errors nobody silenced', () => {
    const checked = checkDraft(samples[0]!.text);
    expect(checked.blocking).toEqual(checked.diagnostics.filter(isBlocking));
    expect(checked.usable).toBe(checked.blocking.length ? undefined : checked.ordinance);
    expect(isBlocking({ severity: 'error', suppressed: 'accepted' })).toBe(false);
    expect(isBlocking({ severity: 'warning' })).toBe(false);
    expect(checkDraft('title: [').usable).toBeUndefined();
  });

  it('exampleOfFinding gives the example of a finding that the keystroke check (without examples) found, and none for a code or place not of the text', () => {
    let shown = 0;
    for (const { text } of samples) {
      const keystroke = checkDraft(text, { examples: false }).diagnostics;
      const full = checkDraft(text).diagnostics;
      expect(keystroke.map((d) => d.message)).toEqual(full.map((d) => d.message));
      keystroke.forEach((d, i) => {
        const example = exampleOfFinding(text, d);
        expect(example, `${d.code} at ${d.line}`).toEqual(full[i]!.example ?? null);
        if (example) shown++;
      });
      const first = keystroke.find((d) => exampleOfFinding(text, d));
      if (first) {
        expect(exampleOfFinding(text, { ...first, code: 'no-such-finding' })).toBeNull();
        expect(exampleOfFinding(text, { ...first, path: [...first.path, 'x'] })).toBeNull();
        expect(exampleOfFinding(`${text}\n# edited\n`, first)).toEqual(exampleOfFinding(text, first));
      }
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('exampleOfFinding finds the example of a finding whose words the keystroke check gives without it (an order conflict, a shadowed provision)', () => {
    const text = sampleOrdinanceText(300);
    const keystroke = checkDraft(text, { examples: false }).diagnostics;
    const full = checkDraft(text).diagnostics;
    for (const code of ['order-conflict', 'provision-shadowed']) {
      const found = keystroke.filter((d) => d.code === code);
      expect(found.length, code).toBeGreaterThan(0);
      // Their messages differ between the two checks, and each still gets the full check's example.
      expect(
        found.some((d) => !full.some((f) => f.message === d.message)),
        code,
      ).toBe(true);
      for (const d of found) {
        const twin = full.find((f) => f.code === code && f.provision === d.provision && JSON.stringify(f.path) === JSON.stringify(d.path));
        expect(exampleOfFinding(text, d), `${code} of ${d.provision}`).toEqual(twin!.example ?? null);
      }
      expect(
        found.some((d) => exampleOfFinding(text, d)),
        code,
      ).toBe(true);
    }
  });
});
