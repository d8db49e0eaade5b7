// explain names a conviction the records give no offense for by its class, not by a bracket that opens
// the line: "1st-degree felony (violent)", as "rape (1st-degree felony; violent)" names one with an offense.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { twoHoldsText, VIOLENT_FELONY_BOOKING } from '../engine/two-holds';
import { runCli } from './run-in-process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-conviction-words-'));
const policy = path.join(dir, 'two-holds.ordinance.yaml');
const cases = path.join(dir, 'cases.json');
fs.writeFileSync(policy, twoHoldsText('{ hours: 24 }'));
const base = VIOLENT_FELONY_BOOKING;
const detainer = { ...base.detainer, judicialWarrant: true };
fs.writeFileSync(
  cases,
  JSON.stringify([
    {
      ...base,
      id: 'no-offense',
      detainer,
      convictions: [{ class: 'felony', degree: 1, categories: ['violent'], convictedOn: '2018-02-01' }],
    },
    { ...base, id: 'bare', detainer, convictions: [{ class: 'felony', convictedOn: '2018-02-01' }] },
    { ...base, id: 'named', detainer },
  ]),
);

describe('explain: a deciding conviction with no offense in the records', () => {
  it('leads with its class, with no bracket before it, in the headline and the reasons', async () => {
    const r = await runCli('explain', policy, '--cases', cases, '--id', 'no-offense');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[1]).toBe(
      'Deciding conviction: 1st-degree felony (violent), convicted 2018-02-01 (satisfied the conviction test of § 2(a)).',
    );
    expect(lines).toContain('      - 1st-degree felony (violent), convicted 2018-02-01: counts');
    expect(r.out).not.toMatch(/: \(|- \(/);
  });

  it('names a conviction with neither offense nor categories by its class alone', async () => {
    const r = await runCli('explain', policy, '--cases', cases, '--id', 'bare');
    expect(r.out.split('\n')[1]).toBe('Deciding conviction: felony, convicted 2018-02-01 (satisfied the conviction test of § 2(a)).');
  });

  it('keeps the offense first, its class in brackets, when the records give one', async () => {
    const r = await runCli('explain', policy, '--cases', cases, '--id', 'named');
    expect(r.out.split('\n')[1]).toBe(
      'Deciding conviction: rape (1st-degree felony; violent), convicted 2018-02-01 (satisfied the conviction test of § 2(a)).',
    );
  });
});
