// The JSON reader finds keys by their bytes (a table by the first three bytes of a name, then the
// whole name and its closing quote compared four bytes at a time). Keys that share their first
// bytes with one it reads, or that one it reads is the start of, must still be told apart exactly:
// read from bytes (the fast reading) and from text (the reference reading), every file here gives
// the same cases and the same problems, in one piece and cut at every offset near its end.

import { describe, expect, it } from 'vitest';
import { CaseImporter, type CaseSet } from '../../engine/index';
import { generateCases } from '../../engine/generate';
import { tableRows } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generated cases edited freely
type Json = Record<string, any>;

/** Each edit gives a case one awkward key (or spelling), at the front, the back or in place. */
const EDITS: Array<(c: Json) => void> = [
  (c) => (c.ages = 30),
  (c) => (c.idx = 'x'),
  (c) => (c.i = 1),
  (c) => (c.ag = 1),
  (c) => (c.offense = 'at the case level'),
  (c) => (c.ageAtMos = 40),
  (c) => (c.ageAtMostX = 40),
  (c) => (c.ageAtMost = c.age + 2),
  (c) => (c.currentChargesX = []),
  (c) => (c.convictionsX = []),
  (c) => (c.warrant = []),
  (c) => (c.recordsX = {}),
  (c) => (c.facilit = 'x'),
  (c) => (c.facility = 'County jail'),
  (c) => (c.detainer.issuedA = c.detainer.issuedAt),
  (c) => (c.detainer.form = 'I-247A'),
  (c) => (c.detainer.forms = 'I-247A'),
  (c) => (c.detainer.requestsX = ['hold']),
  (c) => c.currentCharges?.[0] && (c.currentCharges[0].bond = true),
  (c) => c.currentCharges?.[0] && (c.currentCharges[0].bondPoste = true),
  (c) => c.currentCharges?.[0] && (c.currentCharges[0].bondableX = true),
  (c) => c.currentCharges?.[0] && (c.currentCharges[0].clas = 'felony'),
  (c) => c.currentCharges?.[0] && (c.currentCharges[0].cat = ['violent']),
  (c) => c.currentCharges?.[0] && (c.currentCharges[0].kind = 'criminal'),
  (c) => c.currentCharges?.[0] && (c.currentCharges[0].offenses = 'x'),
  (c) => c.currentCharges?.[0] && (c.currentCharges[0].convictedOn = '2001-01-01'),
  (c) => c.convictions?.[0] && (c.convictions[0].convictedO = '2001-01-01'),
  (c) => c.convictions?.[0] && (c.convictions[0].current = true),
  (c) => c.convictions?.[0] && (c.convictions[0].curren = true),
  (c) => c.convictions?.[0] && (c.convictions[0].juvenil = true),
  (c) => c.convictions?.[0] && (c.convictions[0].source = 'state record'),
  (c) => c.convictions?.[0] && (c.convictions[0].sourc = 'x'),
  (c) => c.convictions?.[0] && (c.convictions[0].bondable = true),
  (c) => (c.warrants ??= []).push({ kind: 'civil', jurisdiction: 'federal', felon: true }),
  (c) => (c.warrants ??= []).push({ kin: 'civil', jurisdiction: 'federal' }),
  (c) => (c.warrants ??= []).push({ kind: 'criminal', jurisdictio: 'state' }),
  (c) => (c.warrants ??= []).push({ kind: 'criminal', jurisdiction: 'other-state', felony: true }),
  (c) => (c.records = { gangDatabase: true, terroristWatchlistMatch: false, arsonOffenderRegistry: true }),
  (c) => (c.records = { gangDatabas: true }),
  (c) => (c.records = { terroristWatchlistMatchX: true }),
  (c) => (c.records = { sexOffenderRegistry: true, priorRemovalReentry: true, finalRemovalOrder: true }),
  (c) => (c.records = { securityRiskGroup: true, gangDatabase: false }),
  (c) => (c.records = { securityRiskGrou: true }),
];

/** The case with its keys in the reverse order (and those of the objects in it). */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

function cases(): Json[] {
  const list = generateCases({ count: 3 * EDITS.length, seed: 31 }) as unknown as Json[];
  return list.map((c, i) => {
    const copy = structuredClone(c);
    if (i < EDITS.length) EDITS[i]!(copy);
    else if (i < 2 * EDITS.length) {
      EDITS[i - EDITS.length]!(copy);
      return reversed(copy) as Json;
    }
    return copy;
  });
}

function read(chunks: Array<string | Uint8Array>): CaseSet {
  const importer = new CaseImporter({ format: 'json' });
  for (const c of chunks) importer.push(c);
  return importer.finish();
}

function result(set: CaseSet) {
  return { rows: tableRows(set.table), problems: set.problems.map((p) => ({ ...p })), total: set.total, rejected: set.rejected };
}

describe('JSON keys read from bytes', () => {
  const all = cases();
  const files = [
    JSON.stringify(all),
    JSON.stringify({ cases: all }),
    // The last case alone, so its keys lie within a few bytes of the end of what is read.
    JSON.stringify(all.slice(-1)),
    JSON.stringify(all.slice(EDITS.length - 3, EDITS.length)),
    // A key spelled with an escape is not the key's bytes: the reference reading decides.
    JSON.stringify(all.slice(0, 4)).replace('"id"', '"\\u0069d"'),
    // Broken: a key's name runs on past a name the reader knows, with no closing quote before the
    // colon. Only the comparison of the whole name and its quote tells these from the known keys.
    JSON.stringify(all.slice(-20)).replace('"bondable":', '"bondableX:'),
    JSON.stringify(all.slice(-20)).replace('"age":', '"agex:'),
    JSON.stringify(all.slice(-20)).replace('"id":', '"idx:'),
    JSON.stringify(all.slice(-20)).replace('"felony":', '"felonyX:'),
  ];

  it('tell apart keys that share their first bytes, as the reference reading does', () => {
    const enc = new TextEncoder();
    for (const [k, text] of files.entries()) {
      const want = result(read([text]));
      expect(result(read([enc.encode(text)])), `file ${k}, read whole`).toEqual(want);
      // Accepted and rejected cases both: the edits are not all mistakes.
      if (k === 0) {
        expect(want.rejected).toBeGreaterThan(0);
        expect(want.rows.length).toBeGreaterThan(EDITS.length);
      }
    }
  });

  it('give the same result however the end of the file is cut', () => {
    const enc = new TextEncoder();
    for (const [k, text] of files.entries()) {
      const bytes = enc.encode(text);
      const want = result(read([text]));
      for (let cut = Math.max(1, bytes.length - 400); cut < bytes.length; cut++)
        expect(result(read([bytes.slice(0, cut), bytes.slice(cut)])), `file ${k}, cut at ${cut}`).toEqual(want);
    }
  });
});
