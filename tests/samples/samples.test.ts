// The samples checked against hand-worked answers: every sample ordinance validates, and decides each
// case of its tests/samples/<name>.expected.yaml file (expected decisions, as `detainer-studio test`
// reads them) as worked out from the policy's own text.
// Scenarios and case sets load cleanly, the CSV and JSON sample sets are the same 200 cases, and the
// first two samples in sorted order disagree on at least one case.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  caseFormatOf,
  checkExpectedDecisions,
  compile,
  formatCaseProblem,
  loadExpectedDecisions,
  loadOrdinance,
  loadScenario,
  OUTCOMES,
  readCaseSet,
  type CaseSet,
  type ExpectedDecisions,
  type LoadedExpectations,
  type Ordinance,
} from '../../engine/index';
import { casesToCsv } from '../../engine/case-csv';
import { generateCases } from '../../engine/generate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ordinanceDir = path.join(root, 'samples/ordinances');
const scenarioDir = path.join(root, 'samples/scenarios');
const caseDir = path.join(root, 'samples/cases');
const fixtureDir = path.join(root, 'tests/samples');

const read = (file: string) => readFileSync(file, 'utf8');
const filesIn = (dir: string, suffix: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort();

const ordinanceFiles = filesIn(ordinanceDir, '.ordinance.yaml');
const fixtureFiles = filesIn(fixtureDir, '.expected.yaml');

/**
 * Cases where the engine and the hand-worked answer disagree and the policy's text says the engine is
 * wrong: the test is marked as failing until the engine is fixed. Key: fixture case id. Empty when
 * the engine agrees on every case.
 */
const ENGINE_DISAGREES: Record<string, string> = {};

function loadSample(file: string): Ordinance {
  const loaded = loadOrdinance(read(path.join(ordinanceDir, file)));
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (!loaded.ordinance || errors.length > 0) {
    throw new Error(`${file} does not validate: ${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  }
  return loaded.ordinance;
}

/** An expected-decisions file, read by the engine as `detainer-studio test` reads it. */
function loadFixture(file: string): { expected: ExpectedDecisions; source: LoadedExpectations['source']; ordinanceFile: string } {
  const loaded = loadExpectedDecisions(read(path.join(fixtureDir, file)));
  if (!loaded.expected) throw new Error(`${file}: ${loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return { expected: loaded.expected, source: loaded.source, ordinanceFile: path.basename(loaded.expected.ordinance) };
}

function readSampleCases(file: string): CaseSet {
  return readCaseSet(read(path.join(caseDir, file)), caseFormatOf(file));
}

describe('sample ordinances', () => {
  it('there are at least twelve, each with hand-worked expectations', () => {
    expect(ordinanceFiles.length).toBeGreaterThanOrEqual(12);
    const covered = new Set(fixtureFiles.map((f) => loadFixture(f).ordinanceFile));
    expect(ordinanceFiles.filter((f) => !covered.has(f))).toEqual([]);
  });

  it.each(ordinanceFiles)('%s validates with no errors or warnings', (file) => {
    const loaded = loadOrdinance(read(path.join(ordinanceDir, file)));
    expect(loaded.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`)).toEqual([]);
    expect(loaded.ordinance).toBeDefined();
  });

  it.each(ordinanceFiles)('%s opens with a comment citing its source', (file) => {
    const lines = read(path.join(ordinanceDir, file)).split('\n');
    const header = lines.slice(0, lines.findIndex((l) => !l.startsWith('#'))).filter((l) => !l.includes('yaml-language-server'));
    expect(header.length).toBeGreaterThanOrEqual(2);
    expect(header.join(' ')).toMatch(/Source|seeds\/\d{3}|letter/i);
  });

  it('the first two in sorted order decide at least one sample case differently', () => {
    const [a, b] = ordinanceFiles.slice(0, 2).map((f) => compile(loadSample(f)));
    const cases = [...readSampleCases('synthetic-200.cases.json').cases, ...readSampleCases('illustrative.cases.yaml').cases];
    const differ = cases.filter((c) => a!.decideCode(c) !== b!.decideCode(c));
    expect(differ.length).toBeGreaterThan(0);
  });
});

for (const file of fixtureFiles) {
  const { expected, source, ordinanceFile } = loadFixture(file);
  describe(`${ordinanceFile} decides as worked out by hand`, () => {
    it('names its sample ordinance by a path from its own folder', () => {
      expect(path.resolve(fixtureDir, expected.ordinance)).toBe(path.join(ordinanceDir, ordinanceFile));
    });

    it('every expectation is complete and consistent', () => {
      expect(expected.cases.length).toBeGreaterThanOrEqual(4);
      for (const c of expected.cases) {
        expect((c.why ?? '').trim().length, c.case.id).toBeGreaterThan(20);
        expect(OUTCOMES).toContain(c.expect.outcome);
        expect(typeof c.expect.provision).toBe('string');
        expect(c.expect.holdUntil === null, `${c.case.id}: holdUntil is given exactly for holds`).toBe(c.expect.outcome !== 'hold');
      }
    });

    const check = checkExpectedDecisions(expected, loadSample(ordinanceFile), source);
    for (const v of check.verdicts) {
      const test = ENGINE_DISAGREES[v.id] ? it.fails : it;
      test(`${v.id}: ${v.expected.outcome} by ${v.expected.provision}`, () => {
        expect(v.differences, v.why).toEqual([]);
      });
    }
  });
}

describe('sample scenarios', () => {
  const files = filesIn(scenarioDir, '.scenario.yaml');
  it('there are scenarios for Cook County, reimbursement, DC and Miami-Dade', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'cook-county-fy2012.scenario.yaml',
        'with-reimbursement.scenario.yaml',
        'dc.scenario.yaml',
        'miami-dade.scenario.yaml',
      ]),
    );
  });
  it.each(files)('%s loads with no problems', (file) => {
    const { scenario, diagnostics } = loadScenario(read(path.join(scenarioDir, file)));
    expect(diagnostics).toEqual([]);
    expect(scenario?.costPerInmateDay).toBeGreaterThan(0);
  });
});

describe('sample case sets', () => {
  it.each(filesIn(caseDir, ''))('%s reads with no problems', (file) => {
    const set = readSampleCases(file);
    expect(set.problems.map((p) => formatCaseProblem(file, p))).toEqual([]);
    expect(set.cases.length).toBe(set.total);
  });

  it('illustrative.cases.yaml holds 10 to 20 cases', () => {
    const n = readSampleCases('illustrative.cases.yaml').cases.length;
    expect(n).toBeGreaterThanOrEqual(10);
    expect(n).toBeLessThanOrEqual(20);
  });

  it('synthetic-200.cases.json and .csv are what `generate --count 200 --seed 2012` makes', () => {
    const generated = generateCases({ count: 200, seed: 2012 });
    const json = JSON.stringify(generated, null, 2) + '\n';
    expect(read(path.join(caseDir, 'synthetic-200.cases.json')) === json, 'regenerate the JSON sample with the CLI').toBe(true);
    expect(read(path.join(caseDir, 'synthetic-200.cases.csv')) === casesToCsv(generated), 'regenerate the CSV sample with the CLI').toBe(true);
  });

  it('the CSV and JSON sample sets are the same 200 cases, decided alike by every sample ordinance', () => {
    const json = readSampleCases('synthetic-200.cases.json').cases;
    const csv = readSampleCases('synthetic-200.cases.csv').cases;
    expect(csv.map((c) => c.id)).toEqual(json.map((c) => c.id));
    expect(json.length).toBe(200);
    for (const file of ordinanceFiles) {
      for (const reimbursementAgreement of [false, true]) {
        const policy = compile(loadSample(file), { reimbursementAgreement });
        const differ = json.filter((c, i) => {
          const a = policy.decide(c);
          const b = policy.decide(csv[i]!);
          return a.outcome !== b.outcome || a.provision !== b.provision || a.holdUntil !== b.holdUntil;
        });
        expect(
          differ.map((c) => c.id),
          file,
        ).toEqual([]);
      }
    }
  });
});
