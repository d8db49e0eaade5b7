// `detainer-studio fix` when fixes undo one another: it stops, applies none of them, names them and
// exits 1; and in a state whose law requires honoring detainers the lint recommends no minimum age
// (the reviewer's Texas repro looped 500 times between no-minimum-age and state-requires-honoring-detainers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';
import { checkDocument, type CheckedDiagnostic } from '../../engine/analysis/index';
import type { QuickFix } from '../../engine/analysis/fixes';
import { fixDocument, fixDocumentWith, type FixEngine } from '../../engine/use-cases/fix';

const fixtures = path.join(__dirname, 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-fix-conflicts-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function copy(name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, read(name));
  return file;
}

/**
 * A made-up analysis of documents written one provision a line ("id: outcome"): each rule's finding
 * carries a fix that rewrites the lines.
 */
function madeUp(
  rules: Array<(lines: string[]) => Array<{ code: string; provision: string; fix: (lines: string[]) => string[] }>>,
): FixEngine {
  const edits = new WeakMap<QuickFix, (lines: string[]) => string[]>();
  return {
    check(text) {
      const lines = text.split('\n');
      const diagnostics: CheckedDiagnostic[] = rules.flatMap((rule) =>
        rule(lines).map((f) => {
          const fix: QuickFix = { title: `fix ${f.code} of ${f.provision}`, edits: [] };
          edits.set(fix, f.fix);
          const line = Math.max(1, lines.findIndex((l) => l.startsWith(`${f.provision}:`)) + 1);
          return {
            severity: 'warning' as const,
            code: f.code,
            message: `${f.code} at ${f.provision} (${lines.length} lines)`,
            line,
            column: 1,
            endLine: line,
            endColumn: 1,
            path: [line - 1],
            provision: f.provision,
            fixes: [fix],
          };
        }),
      );
      return { diagnostics };
    },
    apply: (text, fix) => edits.get(fix)!(text.split('\n')).join('\n'),
  };
}

/** Like no-minimum-age: while no provision declines minors, add one that does (a new id each time). */
const addMinors = (lines: string[]) =>
  lines.some((l) => /^minors-\d+: decline$/.test(l))
    ? []
    : [
        {
          code: 'add-minors',
          provision: lines.find((l) => l.endsWith(': hold'))!.split(':')[0]!,
          fix: (ls: string[]) => [`minors-${ls.length}: decline`, ...ls],
        },
      ];
/** Like state-requires-honoring-detainers: every declining minors provision is turned into a hold. */
const honor = (lines: string[]) =>
  lines
    .filter((l) => /^minors-\d+: decline$/.test(l))
    .map((l) => {
      const id = l.split(':')[0]!;
      return { code: 'honor', provision: id, fix: (ls: string[]) => ls.map((x) => (x === l ? `${id}: hold` : x)) };
    });
/** An unrelated finding with a fix that settles. */
const typo = (lines: string[]) =>
  lines.includes('tpyo: notify')
    ? [{ code: 'typo', provision: 'tpyo', fix: (ls: string[]) => ls.map((x) => (x === 'tpyo: notify' ? 'typo: notify' : x)) }]
    : [];

describe('fix: fixes that undo one another', () => {
  it('stops when a fix brings back a finding of the code that started the round, applies none of them, and applies the rest', () => {
    const r = fixDocumentWith('all: hold\ntpyo: notify', [], madeUp([addMinors, honor, typo]));
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.shown).toBe('finding-returned');
    expect(r.conflicts[0]!.findings.map((f) => f.code)).toEqual(['add-minors', 'honor', 'add-minors']);
    // Nothing of the conflict is written; the unrelated fix is.
    expect(r.text).toBe('all: hold\ntypo: notify');
    expect(r.applied.map((a) => a.code)).toEqual(['typo']);
    expect(r.remaining.map((d) => d.code)).toEqual(['add-minors']);
  });

  it('stops when a fix brings back a document already had', () => {
    const flip = (from: string, to: string, code: string) => (lines: string[]) =>
      lines.includes(from) ? [{ code, provision: 'x', fix: (ls: string[]) => ls.map((l) => (l === from ? to : l)) }] : [];
    const r = fixDocumentWith(
      'x: hold',
      [],
      madeUp([flip('x: hold', 'x: decline', 'no-hold'), flip('x: decline', 'x: hold', 'must-hold')]),
    );
    expect(r.conflicts.map((c) => [c.shown, c.findings.map((f) => f.code)])).toEqual([['document-repeated', ['no-hold', 'must-hold']]]);
    expect([r.text, r.applied]).toEqual(['x: hold', []]);
  });

  it('a real draft that looped (Texas, judicial warrant only, before SB 4) now ends: the judicial-warrant finding recommends no limit SB 4 forbids from its date', async () => {
    const text = read('tx-county-2016-judicial-only.ordinance.yaml');
    const file = copy('tx-county-2016-judicial-only.ordinance.yaml');
    const r = await runCli('fix', file);
    expect(r.out).not.toMatch(/fixes conflict:/);
    expect(r.out).toMatch(
      /fixed: Honor civil immigration detainers no provision covers: hold as ICE asks \(48 calendar hours\) \[state-requires-honoring-detainers\]/,
    );
    expect(r.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      text.replace('otherwise: decline', 'otherwise: hold\notherwiseMaxHold: { hours: 48, excludingWeekendsAndHolidays: false }'),
    );
    // On the fixed draft the otherwise clause holds without a warrant: the finding stays a warning
    // (SB 4 is later than the ordinance) with no fix, and says why.
    const warrant = checkDocument(fs.readFileSync(file, 'utf8')).diagnostics.filter((d) => d.code === 'hold-without-judicial-warrant');
    expect(warrant.map((d) => [d.severity, d.fixes])).toEqual([['warning', []]]);
    expect(warrant[0]!.explanation).toMatch(
      /Texas requires honoring detainers from September 1, 2017 \(Texas SB 4 \(2017\).*\) and forbids requiring a judicial warrant for them, so neither a judicial warrant nor notice only is a change state law allows from that date/,
    );
  });
});

describe('the lint in a state that requires honoring detainers', () => {
  it('recommends no minimum age: the finding informs, says state law forbids it, and fix ends at once (was 500 fixes)', async () => {
    const text = read('tx-county-2018-hold-all.ordinance.yaml');
    const minors = checkDocument(text).diagnostics.filter((d) => d.code === 'no-minimum-age');
    expect(minors).toHaveLength(1);
    expect(minors[0]!.severity).toBe('info');
    expect(minors[0]!.fixes).toEqual([]);
    expect(minors[0]!.message).toMatch(
      /Texas requires agencies to honor detainers whatever the person's age, since September 1, 2017 .*a minimum age is a limit state law forbids/,
    );
    const file = copy('tx-county-2018-hold-all.ordinance.yaml');
    const r = await runCli('fix', file, '--dry-run');
    expect(r.out).not.toMatch(/would fix|fixes conflict:/);
    expect(r.err).toBe(`${file}: nothing to fix; 1 finding left\n`);
    expect(r.code).toBe(0);
    const named = await runCli('fix', file, '--code', 'no-minimum-age');
    expect(named.out).not.toMatch(/fixed: /);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('still recommends a minimum age where no state law requires holds', () => {
    const text = read('tx-county-2018-hold-all.ordinance.yaml').replace('state: TX', 'state: IL');
    const minors = checkDocument(text).diagnostics.filter((d) => d.code === 'no-minimum-age');
    expect(minors.map((d) => [d.severity, d.fixes?.map((f) => f.title)])).toEqual([
      ['warning', ['Add a first provision declining civil immigration detainers for persons under 18']],
    ]);
  });

  it('honors a detainer for as long as the form in use asks (48 calendar hours on the I-247A), so no hold-exceeds-request follows', async () => {
    const file = copy('tx-county-2018-declines-minors.ordinance.yaml');
    const r = await runCli('fix', file, '--code', 'state-requires-honoring-detainers');
    expect(r.out).toMatch(/fixed: Honor the civil immigration detainer: hold as ICE asks.* \[state-requires-honoring-detainers\]/);
    expect(r.code).toBe(0);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).toMatch(/outcome: hold\n +maxHold: \{ hours: 48, excludingWeekendsAndHolidays: false \}\n +- id: adults/);
    const validate = await runCli('validate', file);
    expect(validate.out).not.toMatch(/hold-exceeds-request/);
    expect(validate.out).not.toMatch(/state-requires-honoring-detainers/);
    expect(validate.code).toBe(0);
    const text = read('tx-county-2018-declines-minors.ordinance.yaml');
    const honor = checkDocument(text).diagnostics.find((d) => d.code === 'state-requires-honoring-detainers' && d.provision === 'minors');
    expect(honor!.fixes![0]!.title).toBe('Honor the civil immigration detainer: hold as ICE asks (48 calendar hours)');
  });
});

describe('fixes in states whose law requires honoring detainers recommend nothing that law forbids', () => {
  const tx2018 = read('tx-county-2018-hold-all.ordinance.yaml');

  it('under a duty in force the judicial-warrant finding still warns (the liability stays) but offers no fix (Tennessee and West Virginia also forbid requiring one)', () => {
    const warrant = checkDocument(tx2018).diagnostics.filter((d) => d.code === 'hold-without-judicial-warrant');
    expect(warrant.map((d) => [d.severity, d.fixes])).toEqual([['warning', []]]);
    const tn = checkDocument(tx2018.replace('state: TX', 'state: TN').replace('effectiveDate: 2018-01-01', 'effectiveDate: 2026-06-01'));
    const tnWarrant = tn.diagnostics.filter((d) => d.code === 'hold-without-judicial-warrant');
    expect(tnWarrant.map((d) => [d.severity, d.fixes])).toEqual([['warning', []]]);
    expect(tnWarrant[0]!.explanation).toMatch(
      /Tennessee requires honoring detainers \(.*\) and forbids requiring a judicial warrant for them, so neither a judicial warrant nor notice only is a change state law allows;/,
    );
    // Where no state law requires holds the finding warns and offers both limits.
    const il = checkDocument(tx2018.replace('state: TX', 'state: NY')).diagnostics.filter(
      (d) => d.code === 'hold-without-judicial-warrant',
    );
    expect(il.map((d) => [d.severity, d.fixes?.map((f) => f.title)])).toEqual([
      ['warning', ['Require a judicial warrant for this hold', 'Notify ICE of the release instead of holding']],
    ]);
  });

  it('a duty to give notice alone (Montana HB 200) is fixed by notifying ICE of the release, not by a hold', async () => {
    const text = tx2018
      .replace('state: TX', 'state: MT')
      .replace('effectiveDate: 2018-01-01', 'effectiveDate: 2022-06-01')
      .replace('outcome: hold\n        maxHold: { hours: 48 }', 'outcome: decline');
    const duty = checkDocument(text).diagnostics.filter((d) => d.code === 'state-requires-honoring-detainers');
    expect(duty.map((d) => d.fixes?.map((f) => f.title))).toEqual([['Notify ICE of the release, as state law requires']]);
    const file = path.join(dir, 'mt-2022-declines.ordinance.yaml');
    fs.writeFileSync(file, text);
    const r = await runCli('fix', file);
    expect(r.out).not.toMatch(/fixes conflict:/);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/- id: honor-all\n +heading: All detainers\n +outcome: notify\n/);
  });

  it("a hold that rests on an officer's finding is fixed by holding whatever the finding, not by a fix that changes nothing", () => {
    const text = tx2018.replace(
      '        outcome: hold',
      '        when:\n          discretion: { by: officer, finding: the person presents a risk to public safety }\n        outcome: hold',
    );
    const duty = checkDocument(text).diagnostics.filter((d) => d.code === 'state-requires-honoring-detainers');
    expect(duty.map((d) => d.fixes?.map((f) => [f.title, f.edits]))).toEqual([
      [
        [
          'Hold whatever the finding: remove the finding from this provision',
          [{ op: 'delete', path: ['sections', 0, 'provisions', 0, 'when'] }],
        ],
      ],
    ]);
  });

  it('a hold of people with no conviction, in findings aimed at serious offenders, is not fixed by requiring a conviction SB 4 forbids', () => {
    const text = tx2018.replace(
      'sections:',
      'findings:\n  - text: the county cooperates with ICE in the cases of serious offenders\n    aims: serious-offenders\nsections:',
    );
    const noConviction = checkDocument(text).diagnostics.filter((d) => d.code === 'hold-without-conviction');
    expect(noConviction.map((d) => d.fixes)).toEqual([[]]);
    expect(noConviction[0]!.explanation).toMatch(
      /Texas requires honoring these detainers \(Texas SB 4 \(2017\).*\), so requiring a conviction is a limit state law forbids: the findings are what can change\./,
    );
    const ny = checkDocument(text.replace('state: TX', 'state: NY')).diagnostics.filter((d) => d.code === 'hold-without-conviction');
    expect(ny.map((d) => d.fixes?.map((f) => f.title))).toEqual([['Require a criminal conviction for this hold']]);
  });

  it('fix ends without a conflict on every sample moved to each state whose law requires honoring or notice, before and after its law', () => {
    const dir0 = path.join(__dirname, '../../samples/ordinances');
    const conflicts: string[] = [];
    for (const state of ['TX', 'FL', 'GA', 'MT', 'WV', 'TN', 'IA', 'NC'])
      for (const date of ['2014-06-01', '2025-06-01'])
        for (const name of fs.readdirSync(dir0)) {
          const text = fs
            .readFileSync(path.join(dir0, name), 'utf8')
            .replace(/state: [A-Z]{2}/, `state: ${state}`)
            .replace(/^effectiveDate: .*/m, `effectiveDate: ${date}`);
          for (const c of fixDocument(text).conflicts)
            conflicts.push(`${state} ${date} ${name}: ${c.findings.map((f) => f.code).join(' > ')}`);
        }
    expect(conflicts).toEqual([]);
  });
});
