// The `export` and `verify` commands: the contract's formats and options, located errors with exit
// 1 for a bad policy, exit 2 for wrong usage, and verify's verdicts.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { fingerprint } from '../../engine/index';
import { ctFile, loadFile, rivertonFile, tempDir, unzip } from './helpers';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('detainer-studio export and verify', () => {
  const dir = tempDir('cli');
  const file = (name: string) => path.join(dir, name);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is listed in the help', async () => {
    const help = await run('--help');
    expect(help.out).toContain('export POLICY --format md|html|docx|pdf|officer-guide|bundle|report|redline');
    expect(help.out).toContain('verify BUNDLE...');
  });

  it('writes Markdown to standard output without --out, identical to render', async () => {
    const md = await run('export', ctFile, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.out).toBe((await run('render', ctFile)).out);
  });

  it('writes each text format to --out and says what it wrote', async () => {
    for (const [format, name] of [
      ['html', 'a.html'],
      ['docx', 'a.docx'],
      ['bundle', 'a.json'],
      ['officer-guide', 'guide.html'],
    ]) {
      const r = await run('export', rivertonFile, '--format', format!, '--out', file(name!));
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(`${file(name!)}: `);
      // The fixture's fingerprint (it moved from Oregon to Wyoming, where its holds are lawful).
      expect(r.out).toContain('policy fingerprint 12a69fe4efb1');
    }
    expect(fs.readFileSync(file('guide.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*Officer guide/);
    expect(unzip(fs.readFileSync(file('a.docx')))['word/document.xml']).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('writes a report in HTML and a redline in DOCX and HTML', async () => {
    const cases = file('cases.json');
    expect((await run('generate', '--count', '120', '--out', cases)).code).toBe(0);
    const report = await run('export', ctFile, '--format', 'report', '--cases', cases, '--out', file('report.html'));
    expect(report.code, report.err).toBe(0);
    expect(fs.readFileSync(file('report.html'), 'utf8')).toContain('120 booking cases');
    const compare = await run(
      'export',
      ctFile,
      '--format',
      'report',
      '--cases',
      cases,
      '--compare',
      rivertonFile,
      '--out',
      file('compare.html'),
    );
    expect(compare.code, compare.err).toBe(0);
    expect(fs.readFileSync(file('compare.html'), 'utf8')).toContain('Comparison with the other draft');
    const against = await run(
      'export',
      ctFile,
      '--format',
      'report',
      '--cases',
      cases,
      '--against',
      rivertonFile,
      '--out',
      file('against.html'),
    );
    expect(against.code, against.err).toBe(0);
    expect(fs.readFileSync(file('against.html'), 'utf8')).toBe(fs.readFileSync(file('compare.html'), 'utf8'));
    const both = await run(
      'export',
      ctFile,
      '--format',
      'report',
      '--cases',
      cases,
      '--against',
      rivertonFile,
      '--baseline',
      'honor-all',
      '--out',
      file('x.html'),
    );
    expect(both.code).toBe(2);
    expect(both.err).toContain('give one of --compare, --against or --baseline, not --against and --baseline');
    for (const name of ['redline.docx', 'redline.html']) {
      const r = await run('export', rivertonFile, '--format', 'redline', '--against', ctFile, '--cases', cases, '--out', file(name));
      expect(r.code, r.err).toBe(0);
    }
    expect(fs.readFileSync(file('redline.html'), 'utf8')).toMatch(/This amendment changes \d+ of 120 decisions/);
  });

  it('exits 1 with located errors when the policy is invalid', async () => {
    const bad = file('bad.ordinance.yaml');
    fs.writeFileSync(bad, fs.readFileSync(ctFile, 'utf8').replace('otherwise: decline', 'otherwise: maybe'));
    const r = await run('export', bad, '--format', 'docx', '--out', file('bad.docx'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: `));
    expect(fs.existsSync(file('bad.docx'))).toBe(false);
  });

  it('exits 2 on wrong usage, naming the problem', async () => {
    const cases: Array<[string[], string]> = [
      [['export', ctFile], 'export needs --format'],
      [['export', ctFile, '--format', 'rtf'], 'unknown format "rtf"'],
      [['export', ctFile, '--format', 'report', '--out', file('r.pdf')], '--format report needs --cases FILE'],
      [['export', ctFile, '--format', 'redline', '--out', file('r.docx')], '--format redline needs --against OLD_POLICY'],
      [['export', ctFile, '--format', 'md', '--against', ctFile], '--against does not apply to --format md'],
      [['export', ctFile, '--format', 'docx'], 'give --out FILE'],
      [['export', ctFile, '--format', 'pdf'], 'give --out FILE'],
      [['export', '--format', 'md'], 'export needs exactly one policy file'],
      [['verify'], 'verify needs at least one bundle file'],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain(message);
    }
    expect((await run('export', file('missing.yaml'), '--format', 'md')).code).toBe(2);
  });

  it('says how to get Chromium when there is none to print a PDF with (exit 2), and writes nothing', async () => {
    const saved = process.env.DETAINER_STUDIO_CHROMIUM;
    process.env.DETAINER_STUDIO_CHROMIUM = file('no-such-chromium');
    try {
      const r = await run('export', ctFile, '--format', 'pdf', '--out', file('x.pdf'));
      expect(r.code).toBe(2);
      expect(r.err).toContain('PDF needs Chromium or Chrome and none was found');
      expect(fs.existsSync(file('x.pdf'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.DETAINER_STUDIO_CHROMIUM;
      else process.env.DETAINER_STUDIO_CHROMIUM = saved;
    }
  });

  it('verify: exit 0 for a fresh bundle, exit 1 with a clear message for a tampered one, 2 for a missing file', async () => {
    const bundle = file('ct.json');
    expect((await run('export', ctFile, '--format', 'bundle', '--out', bundle)).code).toBe(0);
    const ok = await run('verify', bundle);
    expect(ok.code).toBe(0);
    expect(ok.out).toBe(
      `${bundle}: verified: "An Act Concerning Civil Immigration Detainers", version 2014, effective 2014-01-01; fingerprint ${fingerprint(loadFile(ctFile))} matches the policy; the policy passes validation and the legal lint (24 warnings); not signed\n`,
    );

    const b = JSON.parse(fs.readFileSync(bundle, 'utf8'));
    b.policy.otherwise = 'hold';
    fs.writeFileSync(file('tampered.json'), JSON.stringify(b, null, 2));
    const bad = await run('verify', file('tampered.json'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${file('tampered.json')}:3:`);
    expect(bad.err).toContain('the fingerprint does not match the policy in the bundle');
    expect(bad.err).toContain('NOT VERIFIED');
    expect((await run('verify', file('nope.json'))).code).toBe(2);
  });
});
