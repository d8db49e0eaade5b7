// The lint never disappears: an ordinance too large to analyse exactly (a 200-hour hold and forty
// provisions with distinct thresholds) keeps the findings that need no whole-policy analysis (the
// hold beyond the federal maximum), gets one located error that cannot be silenced and blocks
// export, and every command that analyses it answers with that one located line, never "internal error".

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { checkDocument } from '../../engine/analysis/index';

const repo = (p: string) => path.resolve(__dirname, '../..', p);
const file = repo('tests/analysis/too-large/forty-thresholds.ordinance.yaml');
const text = readFileSync(file, 'utf8');
const sectionsLine = text.split('\n').findIndex((l) => l.startsWith('sections:')) + 1;
const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-too-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('an ordinance too large to analyse exactly', () => {
  const r = checkDocument(text, { examples: false });
  it('keeps its hold-exceeds error and gets one located analysis-too-large error', () => {
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code).sort()).toEqual(['analysis-too-large', 'hold-exceeds-federal-maximum']);
    expect(errors.find((d) => d.code === 'analysis-too-large')).toMatchObject({ line: sectionsLine, column: 1 });
    expect(r.diagnostics.some((d) => d.code === 'hold-exceeds-request')).toBe(true);
  });
  it('cannot be silenced', { timeout: 60_000 }, () => {
    const silenced = checkDocument(text + 'suppress:\n  - code: analysis-too-large\n    reason: we accept it\n', { examples: false });
    expect(silenced.diagnostics.find((d) => d.code === 'analysis-too-large')?.suppressed).toBeUndefined();
  });
  it('validate fails with both errors, located', { timeout: 60_000 }, async () => {
    const v = await run('validate', file);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(new RegExp(`forty-thresholds\\.ordinance\\.yaml:${sectionsLine}:1: error: .*\\[analysis-too-large\\]`));
    expect(v.out).toMatch(/error: .*200 hours.*\[hold-exceeds-federal-maximum\]/);
  });
  // Each command works out the analysis until it gives up (a few seconds each): generous time limits.
  it('is refused for export, every format, with the located line', { timeout: 180_000 }, async () => {
    for (const [format, ext] of [
      ['md', 'md'],
      ['bundle', 'json'],
      ['officer-guide', 'html'],
    ] as const) {
      const e = await run('export', file, '--format', format, '--out', path.join(dir, `out.${ext}`));
      expect(e.code, format).toBe(1);
      expect(e.err, format).toMatch(/:\d+:1: error: .*\[analysis-too-large\]/);
      expect(e.err, format).not.toMatch(/internal error/);
    }
  });
  it('decision-table and diff answer with one located line, not "internal error"', { timeout: 120_000 }, async () => {
    const t = await run('decision-table', file);
    expect(t.code).toBe(1);
    expect(t.err.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`:${sectionsLine}:1: error: the decision table cannot be worked out.*\\[analysis-too-large\\]$`)),
    ]);
    const other = path.join(dir, 'small.ordinance.yaml');
    writeFileSync(other, readFileSync(repo('samples/ordinances/berkeley-2012.ordinance.yaml'), 'utf8'));
    const d = await run('diff', other, file);
    expect(d.code).toBe(2);
    expect(d.err.trim().split('\n')).toEqual([
      expect.stringMatching(
        /forty-thresholds\.ordinance\.yaml:\d+:1: error: the difference between the drafts cannot be worked out.*\[analysis-too-large\]$/,
      ),
    ]);
  });
});
