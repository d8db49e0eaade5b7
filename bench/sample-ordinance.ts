// Large ordinances made of the samples' own provisions, varied: the benchmark and scaling documents of
// the analysis budget (many distinct facts, as a long real draft has, not copies of a few provisions).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { loadOrdinance, type Condition, type Definition, type Ordinance, type Provision } from '../engine/index';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['samples/ordinances', 'tests/analysis/fixtures'];

interface Pool {
  definitions: Definition[];
  /** Each provision with the index of the file it comes from. */
  provisions: Array<Provision & { file: number }>;
  files: number;
}

let pool: Pool | undefined;

/**
 * Every detainer provision with a condition in the sample ordinances and the analysis fixtures, with
 * their defined terms; a term defined differently by two drafts is renamed in the later one.
 */
function samplePool(): Pool {
  if (pool) return pool;
  const definitions = new Map<string, Definition>();
  const provisions: Array<Provision & { file: number }> = [];
  let files = 0;
  for (const dir of SOURCES) {
    for (const file of readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.ordinance.yaml'))
      .sort()) {
      const o = loadOrdinance(readFileSync(path.join(ROOT, dir, file), 'utf8')).ordinance;
      if (!o) throw new Error(`${dir}/${file} does not load`);
      const rename = new Map<string, string>();
      for (const d of o.definitions ?? []) {
        const key = d.term.toLowerCase();
        const prev = definitions.get(key);
        if (!prev) definitions.set(key, d);
        else if (JSON.stringify(prev.covers) !== JSON.stringify(d.covers)) {
          const term = `${d.term} (${file.replace(/\.ordinance\.yaml$/, '')})`;
          rename.set(key, term);
          definitions.set(term.toLowerCase(), { ...d, term });
        }
      }
      for (const s of o.sections)
        for (const p of s.provisions ?? [])
          if ((p.type ?? 'detainer') === 'detainer' && p.when && p.outcome)
            provisions.push({ ...p, file: files, when: mapCondition(p.when, (c) => renameTerms(c, rename)) });
      files++;
    }
  }
  pool = { definitions: [...definitions.values()], provisions, files };
  return pool;
}

function renameTerms(c: Condition, rename: Map<string, string>): Condition {
  const term = (t: string | undefined) => (t === undefined ? t : (rename.get(t.toLowerCase()) ?? t));
  if ('conviction' in c && c.conviction.term) return { conviction: { ...c.conviction, term: term(c.conviction.term) } };
  if ('charge' in c && c.charge.term) return { charge: { ...c.charge, term: term(c.charge.term) } };
  return c;
}

/** A condition with every leaf replaced by `leaf(it)`. */
function mapCondition(c: Condition, leaf: (c: Condition) => Condition): Condition {
  if ('all' in c) return { all: c.all.map((x) => mapCondition(x, leaf)) };
  if ('any' in c) return { any: c.any.map((x) => mapCondition(x, leaf)) };
  if ('not' in c) return { not: mapCondition(c.not, leaf) };
  return leaf(c);
}

export interface SampleOptions {
  /**
   * Vary look-back periods too (3, 5, 7 or 10 years): every distinct period multiplies the kinds of
   * conviction record the analysis must tell apart, the hardest dimension for it.
   */
  windows?: boolean;
}

/**
 * The `round`-th variant of a leaf: ages move by a few years (and, with `windows`, look-back periods
 * change), as drafts of one policy differ. Round 0 is the provision as written.
 */
function varyLeaf(c: Condition, round: number, opts: SampleOptions): Condition {
  if (round === 0) return c;
  if ('conviction' in c && opts.windows && c.conviction.within) {
    const years = [3, 5, 7, 10][(c.conviction.within.years + round) % 4]!;
    return { conviction: { ...c.conviction, within: { ...c.conviction.within, years } } };
  }
  if ('age' in c) {
    const shift = (a: number | undefined) => (a === undefined ? a : Math.max(14, Math.min(80, a + ((round * 3) % 13) - 6)));
    const age: { atLeast?: number; under?: number } = {};
    if (c.age.atLeast !== undefined) age.atLeast = shift(c.age.atLeast);
    if (c.age.under !== undefined) age.under = shift(c.age.under);
    return { age };
  }
  return c;
}

/**
 * An ordinance of `count` provisions drawn in turn from the samples' provisions; every pass over them
 * varies the numbers their conditions read, so the document reads many distinct facts.
 */
export function sampleOrdinance(count: number, opts: SampleOptions = {}): Ordinance {
  const { definitions, provisions } = samplePool();
  const list: Provision[] = [];
  for (let i = 0; i < count; i++) {
    const base = provisions[i % provisions.length]!;
    const pool = samplePool();
    const round = Math.floor(i / provisions.length);
    // The provisions of each sample, in each pass, apply to their own year of age (as if each draft
    // were one part of a long ordinance), so one draft's provisions do not decide another's cases.
    const year = 18 + ((pool.files * round + base.file) % 112);
    const band: Condition = { age: { atLeast: year, under: year + 1 } };
    const when = mapCondition(base.when!, (c) => varyLeaf(c, round, opts));
    const { file, ...provision } = base;
    void file;
    const p: Provision = {
      ...provision,
      id: `p${i + 1}-${base.id}`,
      when: 'all' in when ? { all: [band, ...when.all] } : { all: [band, when] },
    };
    list.push(p);
  }
  const perSection = 20;
  const sections = [];
  for (let s = 0; s * perSection < list.length; s++)
    sections.push({ heading: `Detainers, part ${s + 1}`, provisions: list.slice(s * perSection, (s + 1) * perSection) });
  return {
    title: `An ordinance of ${count} provisions from the samples`,
    jurisdiction: { name: 'Composed City', state: 'CT', level: 'city' },
    findings: [{ text: 'the City reserves detainers for serious offenders', aims: 'serious-offenders' }],
    definitions,
    sections,
    otherwise: 'decline',
  };
}

/** The same ordinance as YAML text, as a drafter would have it open. */
export function sampleOrdinanceText(count: number, opts: SampleOptions = {}): string {
  return stringify(sampleOrdinance(count, opts), { lineWidth: 100, aliasDuplicateObjects: false });
}
