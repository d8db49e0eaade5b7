// `detainer-studio fix`: quick fixes applied in place through the safe writer, comments and layout
// kept, only the codes asked for, nothing written on --dry-run, line endings kept.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';
import { checkDocument } from '../../engine/index';

const root = path.resolve(__dirname, '../..');
const fixture = fs.readFileSync(path.join(root, 'tests/analysis/fixtures/chicago-welcoming-city-2012.ordinance.yaml'), 'utf8');
let dir: string;

const run = runCli;

function copy(name: string, text = fixture): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const fixable = (text: string) => checkDocument(text).diagnostics.filter((d) => !d.suppressed && d.fixes?.length);
const codes = (text: string) => fixable(text).map((d) => d.code);
/** Errors and warnings with a fix: what `fix` without --code fixes (notes only when named). */
const fixableProblems = (text: string) =>
  fixable(text)
    .filter((d) => d.severity !== 'info')
    .map((d) => d.code);
const quoted = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-fix-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('detainer-studio fix', () => {
  it('renames a misspelt key to the one the validator suggests, and the file then validates', async () => {
    const text = fixture.replace(/^( +)outcome: hold$/m, '$1outcom: hold # typed in a hurry');
    expect(text).not.toBe(fixture);
    const file = copy('misspelt-key.ordinance.yaml', text);
    const before = await run('validate', file);
    expect(before.out).toMatch(/error: unknown key "outcom" in "Provision"; did you mean "outcome"\? \[unknown-key\]/);
    const r = await run('fix', file, '--code', 'unknown-key');
    expect(r.out).toMatch(/fixed: Rename "outcom" to "outcome" \[unknown-key\]/);
    expect(r.err).not.toMatch(/nothing to fix/);
    expect(fs.readFileSync(file, 'utf8')).toBe(text.replace('outcom: hold # typed in a hurry', 'outcome: hold # typed in a hurry'));
    const after = await run('validate', file);
    expect(after.code).toBe((await run('validate', copy('unchanged.ordinance.yaml'))).code);
    expect(after.out).not.toMatch(/error/);
  });

  it('applies the preferred fix of every error and warning in place, keeping the comments', async () => {
    expect(fixableProblems(fixture).length).toBeGreaterThan(1);
    expect(codes(fixture)).toContain('no-minimum-age'); // a note: left unless asked for
    const file = copy('all.ordinance.yaml');
    const r = await run('fix', file);
    expect(r.code).toBe(0);
    const after = fs.readFileSync(file, 'utf8');
    expect(fixableProblems(after)).toEqual([]);
    expect(r.out).not.toContain('[no-minimum-age]');
    expect(r.out).toMatch(
      new RegExp(`^${quoted(file)}:\\d+:\\d+: fixed: Require a judicial warrant for this hold \\[hold-without-judicial-warrant\\]$`, 'm'),
    );
    expect(r.err).toMatch(/\d+ fixes applied; 0 findings left/);
    for (const line of fixture.split('\n').filter((l) => l.trimStart().startsWith('#'))) expect(after).toContain(line);
    expect(checkDocument(after).ordinance).toBeDefined();
  });

  it('fixes only the codes given, notes included', async () => {
    const file = copy('one.ordinance.yaml');
    const r = await run('fix', file, '--code', 'no-minimum-age');
    expect(r.code).toBe(0);
    const [first, ...rest] = r.out.trim().split('\n');
    expect(first).toMatch(/: fixed: .*\[no-minimum-age\]$/);
    expect(rest.length).toBeGreaterThan(0); // the errors and warnings, left as they were
    for (const line of rest) expect(line).toMatch(/: (error|warning): /);
    const left = codes(fs.readFileSync(file, 'utf8'));
    expect(left).not.toContain('no-minimum-age');
    expect(left.length).toBe(codes(fixture).length - 1);
  });

  it('writes nothing on --dry-run', async () => {
    const file = copy('dry.ordinance.yaml');
    const r = await run('fix', file, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/would fix: /);
    expect(fs.readFileSync(file, 'utf8')).toBe(fixture);
  });

  it('keeps Windows line endings', async () => {
    const file = copy('crlf.ordinance.yaml', fixture.replace(/\n/g, '\r\n'));
    expect((await run('fix', file)).code).toBe(0);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).not.toMatch(/[^\r]\n/);
    expect(fixableProblems(after)).toEqual([]);
  });

  it('says there is nothing to fix, and exits 1 on an error no fix removes', async () => {
    const clean = copy('clean.ordinance.yaml');
    await run('fix', clean);
    const r = await run('fix', clean);
    expect([r.code, r.err]).toEqual([0, `${clean}: nothing to fix; 0 findings left\n`]);
    const broken = copy('broken.ordinance.yaml', fixture.replace('otherwise: decline', 'otherwise: maybe'));
    const b = await run('fix', broken);
    expect(b.code).toBe(1);
    expect(b.out).toMatch(/error: .*maybe/);
  });

  it('says so, and exits 1, when a code asked for is not found, writing nothing', async () => {
    const file = copy('unfound-code.ordinance.yaml');
    const r = await run('fix', file, '--code', 'duplicate-id');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}: no finding has the code duplicate-id\n`);
    expect(r.err).toContain('nothing to fix');
    expect(fs.readFileSync(file, 'utf8')).toBe(fixture);
  });

  it('says a code no finding is ever given is unknown, and names the codes nearest it', async () => {
    const file = copy('unknown-code.ordinance.yaml');
    const r = await run('fix', file, '--code', 'hold-without-maximim', '--code', 'shadowed', '--code', 'no-such-finding');
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `${file}: unknown code hold-without-maximim: no finding is ever given it; did you mean hold-without-maximum?\n`,
    );
    expect(r.out).toContain(`${file}: unknown code shadowed: no finding is ever given it; did you mean provision-shadowed?\n`);
    expect(r.out).toContain(
      `${file}: unknown code no-such-finding: no finding is ever given it; the code of a finding is the last word of its line, in brackets, as validate prints it (e.g. [hold-without-maximum])\n`,
    );
    expect(r.out).not.toContain('no finding has the code');
    expect(fs.readFileSync(file, 'utf8')).toBe(fixture);
  });

  it('refuses a missing file with its name, and a second policy', async () => {
    const missing = path.join(dir, 'missing.ordinance.yaml');
    const m = await run('fix', missing);
    expect(m.code).not.toBe(0);
    expect(m.err).toContain(missing);
    const two = await run('fix', copy('a.yaml'), copy('b.yaml'));
    expect(two.code).toBe(2);
    expect(two.err).toMatch(/exactly one policy/);
  });
});
