// Case loading in the CLI: files streamed in chunks, column mappings, bad rows with --skip-bad,
// the progress line on stderr, and exit codes.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { casesToCsv } from '../../engine/case-csv';
import { generateCases } from '../../engine/generate';

const root = path.resolve(__dirname, '../..');
const policy = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
let dir: string;

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-scale-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('simulate --cases', () => {
  it('streams a multi-megabyte CSV in chunks and simulates every case', async () => {
    const cases = generateCases({ count: 9_000, seed: 8 });
    const file = write('big.csv', casesToCsv(cases));
    expect(fs.statSync(file).size).toBeGreaterThan(2 << 20);
    const r = await run('simulate', policy, '--cases', file);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(`9,000 cases from ${file}`);
  });

  it('lists bad rows with their row and column and exits 1; --skip-bad goes on without them', async () => {
    const good = casesToCsv(generateCases({ count: 5, seed: 1 })).split('\n');
    good[2] = good[2]!.replace(/^([^,]*),\d+,/, '$1,200,');
    good[4] = good[4]!.replace(/,(hold;notify|notify|hold),/, ',ask,');
    const file = write('bad.csv', good.join('\n'));
    const strict = await run('simulate', policy, '--cases', file);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/bad\.csv: row 3 \(B-0002\): error: age: must be between 0 and 130, not 200/);
    expect(strict.err).toMatch(/bad\.csv: row 5 \(B-0004\): error: requests: a request is "hold" or "notify", not "ask"/);
    expect(strict.err).toMatch(/2 of 5 cases have problems; fix them, or pass --skip-bad to simulate the 3 good ones/);
    const lenient = await run('simulate', policy, '--cases', file, '--skip-bad');
    expect(lenient.code).toBe(0);
    expect(lenient.err).toMatch(/warning: skipping 2 bad cases of 5; simulating 3/);
    expect(lenient.out).toMatch(/^3 cases from /m);
  });

  it('a broken file stops with its place, even with --skip-bad', async () => {
    const file = write('open.csv', 'id,age,bookedAt,eligibleForReleaseAt\nA,30,2012-01-01,2012-01-02\nB,"30,2012-01-01,2012-01-02\n');
    const r = await run('simulate', policy, '--cases', file, '--skip-bad');
    expect(r.code).toBe(1);
    expect(r.err).toContain('open.csv: row 3: error: age: a quoted field is not closed');
  });

  it('a missing or unreadable case file exits 2 with its name', async () => {
    const r = await run('simulate', policy, '--cases', path.join(dir, 'none.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/none\.csv: error: no such file/);
    const d = await run('simulate', policy, '--cases', dir);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/is a directory/);
  });

  it('--progress prints progress lines on stderr, ending at 100%', async () => {
    const file = write('p.csv', casesToCsv(generateCases({ count: 6000, seed: 2 })));
    const r = await run('simulate', policy, '--cases', file, '--progress');
    expect(r.code).toBe(0);
    const lines = r.err.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[lines.length - 1]).toMatch(/p\.csv: read 100%, 6,000 records, \d+\.\d s$/);
    expect(r.out).not.toMatch(/reading/);
    const quiet = await run('simulate', policy, '--cases', file);
    expect(quiet.err).toBe('');
  });
});

describe('--mapping', () => {
  const mapping = [
    'columns:',
    '  Booking: id',
    '  Age: age',
    '  Booked: bookedAt',
    '  Release: eligibleForReleaseAt',
    '  ICE: requests',
    '  Level: charge1.class',
    '  Bond: charge1.bondPosted',
    'values:',
    '  ICE: { H: hold, N: notify, B: "hold;notify" }',
    '  Level: { F: felony, M: misdemeanor }',
    'ignore: [Name]',
  ].join('\n');
  const csv =
    'Booking,Name,Age,Booked,Release,ICE,Level,Bond\n' +
    'K1,Doe,34,2015-03-02T10:00,2015-03-04T12:00,B,F,N\n' +
    'K2,Roe,19,2015-03-06T10:00,2015-03-06T16:00,N,M,Y\n';

  it('reads a county export through a mapping file, for simulate and explain', async () => {
    const m = write('county.mapping.yaml', mapping);
    const file = write('county.csv', csv);
    const r = await run('simulate', policy, '--cases', file, '--mapping', m, '--json');
    // The mapped export carries no record or warrant columns, so every ground the draft names that
    // rests on a record or a warrant is warned of, located in the draft; nothing else is printed.
    const lines = r.err.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/:\d+:\d+: warning: .* \[case-set-lacks-(record|warrant)\]$/);
    expect(lines.filter((l) => l.endsWith('[case-set-lacks-warrant]'))).toHaveLength(1);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { decisions: Array<{ id: string; outcome: string; provision: string }> };
    expect(json.decisions.map((d) => d.id)).toEqual(['K1', 'K2']);
    // K1: felony charge, bond not posted (mapped from F and N), detainer asks for both.
    expect(json.decisions[0]!.outcome).toBe('hold');
    expect(json.decisions[0]!.provision).toMatch(/pending/);
    const e = await run('explain', policy, '--cases', file, '--mapping', m, '--id', 'K1');
    expect(e.code).toBe(0);
    expect(e.out).toMatch(/^Case K1: HOLD/);
  });

  it('reports a mapping file with a mistake at its line and column, and exits 1', async () => {
    const m = write('bad.mapping.yaml', mapping.replace('Booked: bookedAt', 'Booked: bookingDate'));
    const r = await run('simulate', policy, '--cases', write('c.csv', csv), '--mapping', m);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.mapping\.yaml:4:11: error: "bookingDate" is not a case column.* \[unknown-column\]/);
  });

  it('without the mapping, the export is refused at its header with a hint', async () => {
    const r = await run('simulate', policy, '--cases', write('c2.csv', csv));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/c2\.csv: row 1: error: the header has none of the case columns .*found Booking, Name, Age, .*--mapping FILE/);
    // Said once, not again for each column.
    expect(r.err).not.toContain('unknown column "Booking"');
  });
  it('warns, in the draft, of a yes/no column the draft tests that is blank on some rows; mapping its blanks to unknown leaves those decisions open', async () => {
    const king = path.join(root, 'samples/ordinances/king-county-17886-2014.ordinance.yaml');
    const m = write(
      'jail.mapping.yaml',
      'columns: { BOOKING_NO: id, DOB: dateOfBirth, BOOK_DT: bookedAt, REL_DT: eligibleForReleaseAt, JUD: judicialWarrant, LVL: charge1.level }\n',
    );
    const file = write(
      'jail.csv',
      'BOOKING_NO,DOB,BOOK_DT,REL_DT,requests,JUD,LVL\n' +
        'J1,2008-02-29,2026-02-28 10:00,2026-03-02 10:00,hold,Y,F1\n' +
        'J2,1990-01-01,2026-02-28 10:00,2026-03-02 10:00,hold,,M2\n' +
        'J3,1990-01-01,2026-02-28 10:00,2026-03-02 10:00,hold,N,F\n',
    );
    const r = await run('simulate', king, '--cases', file, '--mapping', m, '--json');
    expect(r.code).toBe(0);
    const warned = r.err.split('\n').filter((l) => l.endsWith('[case-set-blank-cells]'));
    expect(warned).toEqual([
      expect.stringMatching(
        /king-county-17886-2014\.ordinance\.yaml:\d+:\d+: warning: provision § 2\(a\) Supported by a federal judicial criminal warrant tests whether a judicial warrant supports the detainer; column "JUD" \(judicialWarrant\) is empty on 1 of the 3 rows read, .*\(blanks: \{ JUD: unknown \}\)/,
      ),
    ]);
    const read = JSON.parse(r.out) as { decisions: Array<{ id: string; outcome: string }> };
    expect(read.decisions.map((d) => d.outcome)).toEqual(['hold', 'decline', 'decline']);
    // Blanks mapped to unknown: J2's warrant is open (review, with the outcomes it may have), and nothing is warned.
    const m2 = write('jail2.mapping.yaml', fs.readFileSync(m, 'utf8') + 'blanks: { JUD: unknown }\n');
    const open = await run('simulate', king, '--cases', file, '--mapping', m2, '--json');
    expect(open.code).toBe(0);
    expect(open.err).not.toContain('[case-set-blank-cells]');
    const decided = JSON.parse(open.out) as { decisions: Array<{ id: string; outcome: string }> };
    expect(decided.decisions.map((d) => d.outcome)).toEqual(['hold', 'review', 'decline']);
  });
});
