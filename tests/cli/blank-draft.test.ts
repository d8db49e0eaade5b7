// A new blank draft names no place: the engine reports its jurisdiction's name and state as errors to
// choose, located at the jurisdiction, and the command line refuses to check or export it as an ordinance.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrdinance } from '../../engine/index';
import { STARTER_NAME, STARTER_ORDINANCE } from '../../renderer/src/app/starter';
import { runCli } from './run-in-process';

const JURISDICTION_LINE = STARTER_ORDINANCE.split('\n').indexOf('jurisdiction:') + 1;
const CHOOSE_STATE =
  'choose the state this ordinance is for: the state decides which state law it is checked against (its two-letter postal code, e.g. MA, IL or TX)';
const NAME_IT = 'name the city, town, county or state this ordinance is for (e.g. City of Boston or Cook County)';

function starterFile(text = STARTER_ORDINANCE): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'blank-draft-')), STARTER_NAME);
  writeFileSync(file, text);
  return file;
}

describe('a blank draft', () => {
  it('names no place and no state: the engine reports both, located at the jurisdiction, and compiles nothing', () => {
    expect(STARTER_ORDINANCE).not.toMatch(/City of Example|^\s+state:/m);
    const loaded = loadOrdinance(STARTER_ORDINANCE);
    expect(loaded.ordinance).toBeUndefined();
    expect(loaded.diagnostics.map((d) => [d.severity, d.code, d.line, d.message])).toEqual([
      ['error', 'choose-jurisdiction', JURISDICTION_LINE, NAME_IT],
      ['error', 'choose-state', JURISDICTION_LINE, CHOOSE_STATE],
    ]);
  });

  it('once its place and state are chosen, checks clean against that state', () => {
    const chosen = STARTER_ORDINANCE.replace(
      'jurisdiction:\n',
      'jurisdiction:\n  name: City of Austin\n  state: TX\n  timeZone: America/Chicago\n',
    );
    const loaded = loadOrdinance(chosen);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.ordinance?.jurisdiction.state).toBe('TX');
  });

  it('validate on the command line gives the located errors; export refuses it', async () => {
    const file = starterFile();
    const v = await runCli('validate', file);
    expect(v.code).toBe(1);
    expect(v.out + v.err).toContain(`${file}:${JURISDICTION_LINE}:1: error: ${CHOOSE_STATE} [choose-state]`);
    expect(v.out + v.err).toContain(`${file}:${JURISDICTION_LINE}:1: error: ${NAME_IT} [choose-jurisdiction]`);
    for (const format of ['md', 'officer-guide', 'bundle']) {
      const out = path.join(path.dirname(file), `out-${format}`);
      const e = await runCli('export', file, '--format', format, '--out', out);
      expect(e.code, format).not.toBe(0);
      expect(e.err, format).toContain('[choose-state]');
    }
  });

  it('a file with a jurisdiction but no state gets the same words, whatever else it holds', async () => {
    const text =
      'title: T\njurisdiction: { name: Town of Hull }\nsections:\n  - heading: H\n    provisions:\n      - { id: a, when: { age: { under: 18 } }, outcome: decline }\notherwise: decline\n';
    const v = await runCli('validate', starterFile(text));
    expect(v.code).toBe(1);
    expect(v.out + v.err).toContain(`:2:1: error: ${CHOOSE_STATE} [choose-state]`);
    expect(v.out + v.err).not.toContain('choose-jurisdiction');
  });
});
