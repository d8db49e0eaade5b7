// Text the command line quotes from its inputs (a YAML key, a CSV column name, a file name) reaches the
// terminal with its control characters as visible escapes: an escape sequence in a jail's column
// name or a shared draft's key cannot recolour, clear or retitle the terminal, ring its bell, or
// reorder what is shown (bidirectional overrides). Output files written to stdout keep their bytes.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesToCsv } from '../../engine/case-csv';
import { generateCases } from '../../engine/generate';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/detainer-studio.mjs');
const sample = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// eslint-disable-next-line no-control-regex -- looking for control characters
const RAW = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/;
const ESC = '\u001b';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-terminal-'));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('control characters never reach the terminal raw', { timeout: 120_000 }, () => {
  it('an unknown key of a draft: shown with \\u001b, no escape sequence', () => {
    // YAML's own escapes in a double-quoted key: ESC [31m, ESC ]0;title BEL, U+202E.
    const key = '"\\e[31mred\\e]0;title\\a\\u202Eabc": 1';
    fs.writeFileSync(path.join(dir, 'keys.yaml'), fs.readFileSync(sample, 'utf8').replace('\nfindings:\n', `\n${key}\nfindings:\n`));
    const r = run('validate', 'keys.yaml');
    expect(r.code).toBe(1);
    expect(r.out + r.err).not.toMatch(RAW);
    expect(r.out).toContain('unknown key "\\u001b[31mred\\u001b]0;title\\u0007\\u202eabc"');
  });

  it("a jail's column name and a file name: shown escaped", () => {
    const lines = casesToCsv(generateCases({ count: 5, seed: 1 }))
      .trimEnd()
      .split('\n');
    lines[0] += `,${ESC}[2J${ESC}]0;pwned\u0007\bcol`;
    for (let i = 1; i < lines.length; i++) lines[i] += ',x';
    fs.writeFileSync(path.join(dir, 'h.csv'), lines.join('\n') + '\n');
    const r = run('simulate', sample, '--cases', 'h.csv');
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(RAW);
    expect(r.err).toContain('unknown column "\\u001b[2J\\u001b]0;pwned\\u0007\\u0008col"');
    const missing = run('validate', `${ESC}[31mgone.yaml`);
    expect(missing.out + missing.err).not.toMatch(RAW);
    expect(missing.err).toContain('\\u001b[31mgone.yaml: error');
  });

  it('a CSV printed to stdout keeps its CRLF line ends', () => {
    const r = run('decision-table', sample);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^[^\r\n]+\r\n/);
    expect(r.out).not.toMatch(RAW);
  });
});
