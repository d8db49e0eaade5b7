// The labelled policy set (tests/law/labelled): small ordinances across many states and dates, each with
// the law findings a lawyer would expect. The lint's law findings are compared with the labels; the
// test prints precision and recall and every disagreement, and fails if either falls below its floor.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_CODES, LAW_CODES } from './law-codes';
import { checkDocument } from '../../engine/analysis/index';

const dir = path.resolve(__dirname, 'labelled');

interface Label {
  file: string;
  why: string;
  expect: Array<{ code: string; provision: string | null }>;
}

const labels = parse(readFileSync(path.join(dir, 'labels.yaml'), 'utf8')) as Label[];
const key = (code: string, provision: string | null | undefined) => `${code}@${provision ?? '-'}`;

describe('the labelled policy set', () => {
  it('has at least 40 policies across at least 20 states, every file labelled', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ordinance.yaml'));
    expect(files.sort()).toEqual(labels.map((l) => l.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
    const states = new Set(files.map((f) => /state: ([A-Z]{2})/.exec(readFileSync(path.join(dir, f), 'utf8'))![1]));
    expect(states.size).toBeGreaterThanOrEqual(20);
  });

  it('the lint finds what a lawyer would expect: precision and recall', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const disagreements: string[] = [];
    for (const l of labels) {
      const r = checkDocument(readFileSync(path.join(dir, l.file), 'utf8'), { examples: false });
      expect(r.ordinance, l.file).toBeDefined();
      const found = new Set(
        r.diagnostics
          .filter((d) => LAW_CODES.has(d.code))
          .map((d) => key(d.code, DOCUMENT_CODES.has(d.code) ? null : (d.provision ?? null))),
      );
      const wanted = new Set(l.expect.map((e) => key(e.code, e.provision)));
      for (const k of found) {
        if (wanted.has(k)) tp++;
        else {
          fp++;
          disagreements.push(`${l.file}: found, not expected: ${k}`);
        }
      }
      for (const k of wanted)
        if (!found.has(k)) {
          fn++;
          disagreements.push(`${l.file}: expected, not found: ${k}`);
        }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `labelled set: ${labels.length} policies, ${tp} findings as expected, ${fp} unexpected, ${fn} missed: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        (disagreements.length ? `\n  ${disagreements.join('\n  ')}` : ''),
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
