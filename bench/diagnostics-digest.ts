// A digest of every diagnostic the validator and the lint give on real documents (the samples, the test
// fixtures, the labelled law sets, the benchmark drafts of 10 to 1,000 provisions), each read whole
// (code, severity, message, explanation, place, fixes, example, authority) as the faces print it: run
// before and after a change to the analysis to prove its findings are the same, byte for byte.
//   node dist/bench-analysis.mjs --digest [--write FILE | --check FILE]

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDocument } from '../engine/analysis/index';
import { clearAnalysisCaches } from '../engine/analysis/facts';
import { loadScenario } from '../engine/index';
import type { Scenario } from '../engine/model';
import { sampleOrdinanceText } from './sample-ordinance';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIRECTORIES = [
  'samples/ordinances',
  'tests/analysis/fixtures',
  'tests/analysis/too-large',
  'tests/export/fixtures',
  'tests/renderer/fixtures',
  'tests/law/labelled',
  'tests/law/independent',
];
const DRAFT_SIZES = [10, 30, 100, 300, 1000];

/** The documents, by a name that stays the same from run to run. */
export function digestDocuments(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const dir of DIRECTORIES) {
    if (!existsSync(path.join(ROOT, dir))) continue;
    for (const file of readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.ordinance.yaml'))
      .sort())
      out.push({ name: `${dir}/${file}`, text: readFileSync(path.join(ROOT, dir, file), 'utf8') });
  }
  for (const n of DRAFT_SIZES) out.push({ name: `bench draft of ${n} provisions`, text: sampleOrdinanceText(n) });
  return out;
}

function scenarios(): Array<{ name: string; scenario: Scenario }> {
  const dir = path.join(ROOT, 'samples/scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.scenario.yaml'))
    .sort()
    .map((f) => {
      const r = loadScenario(readFileSync(path.join(dir, f), 'utf8'));
      if (!r.scenario) throw new Error(`samples/scenarios/${f} does not load`);
      return { name: f, scenario: r.scenario };
    });
}

/** Every diagnostic of one check, each in full, in order (JSON reads every field, as the faces do). */
function digestOf(text: string, opts: { scenario?: Scenario; examples?: boolean }): { digest: string; count: number } {
  const { diagnostics } = checkDocument(text, opts);
  const hash = createHash('sha256');
  for (const d of diagnostics) hash.update(JSON.stringify(d) + '\n');
  return { digest: hash.digest('hex'), count: diagnostics.length };
}

/**
 * Edits that change only what the analysis keeps between checks for (comments, headings, the drafters'
 * text), and one that changes the policy after its first provision (the findings of the provisions
 * before it are kept).
 */
const EDITS: Array<[string, (text: string) => string | undefined]> = [
  ['a comment first (every line moves)', (t) => `# a comment\n${t}`],
  ['a heading longer', (t) => (/\n( *)heading: [^\n]*/.test(t) ? t.replace(/\n( *heading: [^\n]*)/, '$1 (revised)') : undefined)],
  ['the title changed', (t) => (/\ntitle: [^\n|>]/.test(t) ? t.replace(/\n(title: [^\n]*)/, '\n$1 (revised)') : undefined)],
  ['the outcome of a later provision changed', (t) => secondOutcomeChanged(t)],
];

/** The text with the second provision outcome that is a decline, notice or review turned to the next of them (none: undefined). */
function secondOutcomeChanged(text: string): string | undefined {
  const next: Record<string, string> = { decline: 'notify', notify: 'review', review: 'decline' };
  let k = 0;
  let changed = false;
  const out = text.replace(/\n( +)outcome: (decline|notify|review)\n/g, (m, indent: string, outcome: string) => {
    if (++k !== 2) return m;
    changed = true;
    return `\n${indent}outcome: ${next[outcome]}\n`;
  });
  return changed ? out : undefined;
}

/**
 * The digest of each document's check: without and with example cases, then under each sample
 * scenario; each from nothing, then again with what the analysis keeps between checks, after the
 * other documents ran and right after itself; and after edits that change no fact, checked warm right
 * after the unedited text and from nothing (an answer the caches would change is caught here).
 */
export function diagnosticsDigest(log?: (line: string) => void): Record<string, string> {
  const out: Record<string, string> = {};
  const docs = digestDocuments();
  const scens = scenarios();
  const same = (key: string, a: { digest: string; count: number }, b: string | undefined, what: string) => {
    if (`${a.count} ${a.digest}` !== b) throw new Error(`${key}: ${what} differs from the check from nothing`);
  };
  for (const pass of ['from nothing', 'kept'] as const) {
    for (const doc of docs) {
      const variants: Array<[string, { scenario?: Scenario; examples?: boolean }]> = [
        ['no examples', { examples: false }],
        ['examples', { examples: true }],
        ...scens
          .filter(() => !doc.name.startsWith('bench draft') || doc.text.length < 20_000)
          .map((s): [string, { scenario?: Scenario }] => [`scenario ${s.name}`, { scenario: s.scenario }]),
      ];
      for (const [variant, opts] of variants) {
        const key = `${doc.name} | ${variant}`;
        if (pass === 'from nothing') {
          clearAnalysisCaches();
          const { digest, count } = digestOf(doc.text, opts);
          out[key] = `${count} ${digest}`;
          continue;
        }
        same(key, digestOf(doc.text, opts), out[key], 'the check after the other documents');
        same(key, digestOf(doc.text, opts), out[key], 'the same check again');
        if (variant !== 'no examples' && variant !== 'examples') continue;
        for (const [name, edit] of EDITS) {
          const edited = edit(doc.text);
          if (edited === undefined) continue;
          digestOf(doc.text, opts);
          const warm = digestOf(edited, opts);
          clearAnalysisCaches();
          const cold = digestOf(edited, opts);
          same(`${key} | edited: ${name}`, warm, `${cold.count} ${cold.digest}`, 'the check right after the unedited text');
          out[`${key} | edited: ${name}`] = `${cold.count} ${cold.digest}`;
        }
      }
    }
    log?.(`${pass}: ${docs.length} documents, ${Object.keys(out).length} checks`);
  }
  return out;
}

/** `--digest [--write FILE | --check FILE]`: prints, writes or compares the digests; false on a difference. */
export function digestCommand(args: string[]): boolean {
  const digests = diagnosticsDigest((l) => process.stderr.write(l + '\n'));
  const write = args.indexOf('--write');
  const check = args.indexOf('--check');
  if (write >= 0) {
    writeFileSync(args[write + 1]!, JSON.stringify(digests, null, 1) + '\n');
    return true;
  }
  if (check >= 0) {
    const before = JSON.parse(readFileSync(args[check + 1]!, 'utf8')) as Record<string, string>;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(digests)])].sort();
    const differ = keys.filter((k) => before[k] !== digests[k]);
    for (const k of differ) console.log(`DIFFERENT ${k}: ${before[k] ?? '(absent)'} -> ${digests[k] ?? '(absent)'}`);
    console.log(`${keys.length - differ.length} of ${keys.length} checks identical`);
    return differ.length === 0;
  }
  console.log(JSON.stringify(digests, null, 1));
  return true;
}
