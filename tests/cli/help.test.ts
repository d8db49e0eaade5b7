// Every command answers --help with its usage and options, exit 0, without running or loading anything.
import { describe, expect, it } from 'vitest';
import { commands, main } from '../../cli/main';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('--help', () => {
  it.each(commands.map((c) => c.name))('%s --help prints its usage and every option', async (name) => {
    const command = commands.find((c) => c.name === name)!;
    for (const flag of ['--help', '-h']) {
      const r = await run(name, flag);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toContain(`Usage: detainer-studio ${command.usage}\n`);
      for (const [option] of command.options) expect(r.out).toContain(option);
    }
  });

  it('documents every option the usage line names', () => {
    for (const c of commands) {
      const named = new Set([...c.usage.matchAll(/--[a-z-]+/g)].map((m) => m[0]));
      const described = new Set(c.options.map(([o]) => /^--[a-z-]+/.exec(o)![0]));
      expect(
        [...named].filter((o) => !described.has(o)),
        c.name,
      ).toEqual([]);
    }
  });

  it('--help wins over missing arguments, and `help COMMAND` says the same', async () => {
    const r = await run('simulate', 'policy.yaml', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toBe((await run('help', 'simulate')).out);
  });

  it('after --, --help is a file name', async () => {
    const r = await run('validate', '--', '--help');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--help: error: no such file');
  });
});
