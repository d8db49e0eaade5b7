// The legal-judgement audit (tests/law/audit): the policies counsel most plausibly writes (policies/),
// run for a city and a county of each state whose law bars, limits or requires cooperation, dated before
// and after each law, with the law findings recorded in audit.yaml and the audit's verdict on each run.
// A finding that appears or disappears fails the test, so a regression (or a fix) shows in the diff.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_CODES, LAW_CODES } from '../law-codes';
import { checkDocument } from '../../../engine/analysis/index';

const dir = __dirname;
interface Run {
  state: string;
  date: string;
  city: Record<string, string[]>;
  county?: Record<string, string[]>;
  verdict: string;
}
const runs = parse(readFileSync(path.join(dir, 'audit.yaml'), 'utf8')) as Run[];
const templates = new Map(
  readdirSync(path.join(dir, 'policies'))
    .filter((f) => f.endsWith('.ordinance.yaml'))
    .map((f) => [f.replace('.ordinance.yaml', ''), readFileSync(path.join(dir, 'policies', f), 'utf8')] as const),
);

/** The template for one jurisdiction and date: its state, level and effective date replaced. */
function variant(text: string, state: string, level: 'city' | 'county', date: string): string {
  let t = text
    .replace(/^ {2}state: [A-Z]{2}$/m, `  state: ${state}`)
    .replace(/^ {2}level: \w+$/m, `  level: ${level}`)
    .replace(/^effectiveDate: .*$/m, `effectiveDate: ${date}`);
  if (level === 'county') {
    t = t.replace('City of Audit', 'Audit County').replace('the Audit Police Department', 'the Audit County Sheriff');
    // A county that never holds or notifies also says it has no 287(g) agreement.
    if (t.includes('(for a county, also: no 287(g)')) t = t.replace('status: adopted\n', 'status: adopted\nagreement287g: none\n');
  }
  return t;
}

/** The law findings of one policy, as code@provision:severity (a whole-document finding has provision "-"). */
function lawFindings(text: string): string[] {
  const r = checkDocument(text, { examples: false });
  expect(r.ordinance).toBeDefined();
  const found = r.diagnostics
    .filter((d) => LAW_CODES.has(d.code) && d.code !== 'hold-without-judicial-warrant')
    .map((d) => `${d.code}@${DOCUMENT_CODES.has(d.code) ? '-' : (d.provision ?? 'default')}:${d.severity}`);
  return [...new Set(found)].sort();
}

describe('legal-judgement audit (tests/law/audit)', () => {
  it('has the nine drafted policies and a verdict for every run', () => {
    expect([...templates.keys()].sort()).toEqual(
      [
        'honor-all',
        'hold-on-finding',
        'judicial-warrant',
        'minors-never',
        'never',
        'notify-all',
        'notify-convicted',
        'review-all',
        'violent-serious',
      ].sort(),
    );
    for (const r of runs) {
      expect(Object.keys(r.city).sort(), `${r.state} ${r.date}`).toEqual([...templates.keys()].sort());
      expect(r.verdict.length, `${r.state} ${r.date} verdict`).toBeGreaterThan(0);
    }
  });

  for (const r of runs)
    it(`${r.state} ${r.date}: the law findings of each drafted policy, for a city and a county`, () => {
      const differences: string[] = [];
      for (const [name, text] of templates)
        for (const level of ['city', 'county'] as const) {
          const want = [...((level === 'county' ? r.county?.[name] : undefined) ?? r.city[name] ?? [])].sort();
          const got = lawFindings(variant(text, r.state, level, r.date));
          if (JSON.stringify(got) !== JSON.stringify(want))
            differences.push(`${level} ${name}: found ${JSON.stringify(got)}, recorded ${JSON.stringify(want)}`);
        }
      expect(differences).toEqual([]);
    });
});
