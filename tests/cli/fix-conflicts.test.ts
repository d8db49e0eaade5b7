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
import { fixDocumentWith, type FixEngine } from '../../engine/use-cases/fix';

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

  it('names the conflicting fixes of a real draft, writes nothing and exits 1 (Texas, judicial warrant only, before SB 4)', async () => {
    const file = copy('tx-county-2016-judicial-only.ordinance.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const r = await runCli('fix', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /: fixes conflict: "Honor detainers no provision covers: hold as ICE asks \(48 calendar hours\)" \[state-requires-honoring-detainers\] and "Decline detainers no provision covers" \[hold-without-judicial-warrant\] undo each other.*; none of them was applied: a person must choose$/m,
    );
    expect(r.out).not.toMatch(/: fixed: /);
    expect(r.err).toMatch(/nothing to fix; \d+ findings? left; 1 conflict between fixes left to a person/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
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
      ['warning', ['Add a first provision declining detainers for persons under 18']],
    ]);
  });

  it('honors a detainer for as long as the form in use asks (48 calendar hours on the I-247A), so no hold-exceeds-request follows', async () => {
    const file = copy('tx-county-2018-declines-minors.ordinance.yaml');
    const r = await runCli('fix', file, '--code', 'state-requires-honoring-detainers');
    expect(r.out).toMatch(/fixed: Honor the detainer: hold as ICE asks.* \[state-requires-honoring-detainers\]/);
    expect(r.code).toBe(0);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).toMatch(/outcome: hold\n +maxHold: \{ hours: 48, excludingWeekendsAndHolidays: false \}\n +- id: adults/);
    const validate = await runCli('validate', file);
    expect(validate.out).not.toMatch(/hold-exceeds-request/);
    expect(validate.out).not.toMatch(/state-requires-honoring-detainers/);
    expect(validate.code).toBe(0);
    const text = read('tx-county-2018-declines-minors.ordinance.yaml');
    const honor = checkDocument(text).diagnostics.find((d) => d.code === 'state-requires-honoring-detainers' && d.provision === 'minors');
    expect(honor!.fixes![0]!.title).toBe('Honor the detainer: hold as ICE asks (48 calendar hours)');
  });
});
