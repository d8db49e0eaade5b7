// Shared by the analysis tests: the sample ordinances and the fixtures, loaded and checked.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadOrdinance, prepareCase, type BookingCase, type Ordinance, type PreparedCase } from '../../engine/index';

const root = path.resolve(__dirname, '../..');

function ordinanceFiles(dir: string): string[] {
  try {
    return readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith('.ordinance.yaml'))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** Every sample ordinance of the repository and every fixture of these tests, by file. */
export function allOrdinanceFiles(): string[] {
  return [...ordinanceFiles('samples/ordinances'), ...ordinanceFiles('tests/analysis/fixtures')];
}

export function readRepoFile(file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

export function ordinanceFrom(text: string): Ordinance {
  const loaded = loadOrdinance(text);
  if (!loaded.ordinance)
    throw new Error(`invalid test ordinance: ${loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return loaded.ordinance;
}

export function fixture(name: string): Ordinance {
  return ordinanceFrom(readRepoFile(`tests/analysis/fixtures/${name}.ordinance.yaml`));
}

export function prepared(c: BookingCase): PreparedCase {
  const r = prepareCase(c, 0);
  if (!r.ok) throw new Error(`case breaks the contract: ${r.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  return r.prepared;
}

/** A minimal valid ordinance around the given detainer provisions (YAML list items, indented by 6). */
export function ordinanceYaml(provisions: string, extra = '', otherwise = 'decline'): string {
  return `title: Test Ordinance
jurisdiction:
  name: Test City
  state: CT
definitions:
  - term: felony
    meaning: an offense punishable by more than a year
    covers:
      - classes: [felony]
  - term: violent felony
    meaning: a felony involving violence
    covers:
      - classes: [felony]
        categories: [violent]
${extra}sections:
  - heading: Detainers
    provisions:
${provisions}otherwise: ${otherwise}
`;
}

/** Replaces the n-th match of `re` (a global pattern) in `text` (counted round), or gives the text unchanged. */
export function replaceNth(text: string, re: RegExp, n: number, by: (m: string) => string): string {
  const count = text.match(re)?.length ?? 0;
  if (count === 0) return text;
  let k = 0;
  const target = n % count;
  return text.replace(re, (m) => (k++ === target ? by(m) : m));
}
