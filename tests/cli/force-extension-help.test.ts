// Each command's --force-extension help gives a name that very command refuses without it, in its own
// format (render writes Markdown, decision-table CSV or JSON, export HTML among others, sign a JSON
// bundle, generate JSON or CSV), and keeps with it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'force-extension-help-'));
const policy = path.resolve('samples/ordinances/berkeley-2012.ordinance.yaml');
const key = path.join(dir, 'city');
const bundle = path.join(dir, 'berkeley.bundle.json');

/** The words after "without it, " and before " is refused" in COMMAND --help, as arguments. */
async function example(command: string): Promise<string[]> {
  const help = (await runCli(command, '--help')).out;
  const m = /--force-extension\s+write to --out even when its extension does not fit the format \(without it, (.*) is refused\)/.exec(help);
  expect(m, `${command} --help`).not.toBeNull();
  return m![1]!.split(' ');
}

/** The arguments a command needs besides its --out example. */
const inputs: Record<string, () => string[]> = {
  render: () => [policy],
  'decision-table': () => [policy],
  export: () => [policy],
  sign: () => [bundle, '--key', `${key}.key`],
  generate: () => ['--count', '3'],
};

describe('--force-extension help', () => {
  it.each(Object.keys(inputs))('%s: its example is refused without the switch and written with it', async (command) => {
    if (command === 'sign' && !fs.existsSync(bundle)) {
      expect((await runCli('sign', '--new-key', key)).code).toBe(0);
      expect((await runCli('export', policy, '--format', 'bundle', '--out', bundle)).code).toBe(0);
    }
    const words = await example(command);
    const outAt = words.indexOf('--out');
    expect(outAt, words.join(' ')).toBeGreaterThanOrEqual(0);
    const out = path.join(dir, `${command}-${words[outAt + 1]!}`);
    const argv = [command, ...inputs[command]!(), ...words.slice(0, outAt), '--out', out, ...words.slice(outAt + 2)];
    const refused = await runCli(...argv);
    expect(refused.code, refused.err).toBe(2);
    expect(refused.err).toMatch(/the name says \.\w+ but this writes .*, or pass --force-extension to keep the name/);
    expect(fs.existsSync(out)).toBe(false);
    const kept = await runCli(...argv, '--force-extension');
    expect(kept.code, kept.err).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
  });

  it('no command but export names HTML in its example', async () => {
    for (const command of ['render', 'decision-table', 'sign', 'generate']) expect((await example(command)).join(' ')).not.toMatch(/html/i);
  });
});
