// `detainer-studio test`: expected decisions checked against a policy, every mismatch located with
// its reason, exit 1 on any mismatch (for a city's CI), 2 on an unreadable file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-in-process';

const root = path.resolve(__dirname, '../..');
const samples = path.join(root, 'tests/samples');
const expectedFiles = fs
  .readdirSync(samples)
  .filter((f) => f.endsWith('.expected.yaml'))
  .map((f) => path.join(samples, f));
const berkeley = path.join(samples, 'berkeley-2012.expected.yaml');
let dir: string;

const run = runCli;

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const ordinance = path.join(root, 'samples/ordinances/berkeley-2012.ordinance.yaml');
const oneCase = (expectLine: string) => `ordinance: ${JSON.stringify(path.relative(dir, ordinance))}
cases:
  - why: the department honors no detainer
    expect: ${expectLine}
    case:
      id: T-1
      age: 30
      bookedAt: 2012-11-07T08:00
      eligibleForReleaseAt: 2012-11-09T17:00
      detainer: { requests: [hold, notify], issuedAt: 2012-11-07T13:00 }
`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-test-cmd-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('detainer-studio test', () => {
  it("passes on every sample's hand-worked expectations", async () => {
    const r = await run('test', ...expectedFiles);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(expectedFiles.length);
    expect(r.err).toMatch(/berkeley-2012\.expected\.yaml: (\d+) of \1 cases decided as expected by .*berkeley-2012\.ordinance\.yaml\n/);
  });

  it('locates each mismatch, says what differs and why, and exits 1', async () => {
    const file = write('wrong.expected.yaml', oneCase('{ outcome: hold, provision: no-detainers-honored, holdUntil: 2012-11-11T17:00 }'));
    const r = await run('test', file);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `${file}:3:5: error: case T-1: outcome: expected hold, got decline; hold until: expected 2012-11-11T17:00, got no hold [expected-decision]\n` +
        '    why: the department honors no detainer\n',
    );
    expect(r.err).toMatch(/0 of 1 case decided as expected .*; 1 not\n$/);
  });

  it('checks another draft against the same expectations with --policy', async () => {
    const other = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
    const r = await run('test', berkeley, '--policy', other);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/deciding provision: expected "no-detainers-honored", got § \d+\S* [A-Z]/);
  });

  it('reports a file that is not expected decisions with line and column, exit 1', async () => {
    const file = write('bad.expected.yaml', oneCase('{ outcome: maybe }'));
    const r = await run('test', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4:\\d+: error: .*maybe`, 'm'));
  });

  it('prints JSON with --json', async () => {
    const file = write('one.expected.yaml', oneCase('{ outcome: decline, provision: no-detainers-honored }'));
    const r = await run('test', file, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.files[0]).toMatchObject({ file, passed: 1, failed: 0 });
    expect(j.files[0].cases[0]).toMatchObject({
      id: 'T-1',
      pass: true,
      got: { outcome: 'decline', provision: 'no-detainers-honored', holdUntil: null },
    });
  });

  it('reads an ordinance the file names by an absolute path', async () => {
    const file = write(
      'absolute.expected.yaml',
      oneCase('{ outcome: decline }').replace(/^ordinance: .*$/m, `ordinance: ${JSON.stringify(ordinance)}`),
    );
    const r = await run('test', file);
    expect(r.err).not.toMatch(/no such file/);
    expect(r.err).toBe(`${file}: 1 of 1 case decided as expected by ${ordinance}\n`);
    expect(r.code).toBe(0);
  });

  it('says when an expected provision is a citation or no id of the policy, not only that it differs', async () => {
    // Chicago's otherwise clause, § 2(b), declines a detainer without a judicial warrant, conviction or charge.
    const chicago = path.join(root, 'samples/ordinances/chicago-welcoming-city-2012.ordinance.yaml');
    const onChicago = (expectLine: string) =>
      oneCase(expectLine).replace(/^ordinance: .*$/m, `ordinance: ${JSON.stringify(path.relative(dir, chicago))}`);
    const cited = await run('test', write('cited.expected.yaml', onChicago('{ outcome: decline, provision: "§ 2(b)" }')));
    expect(cited.code).toBe(1);
    expect(cited.out).toContain(
      'deciding provision: expected "§ 2(b)", got § 2(b) Otherwise; "§ 2(b)" is a citation: name the provision by its id, "default" for § 2(b) Otherwise [expected-decision]',
    );
    const unknown = await run('test', write('unknown-id.expected.yaml', onChicago('{ outcome: decline, provision: no-holds }')));
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain(
      'deciding provision: expected "no-holds", got § 2(b) Otherwise; "no-holds" is not a provision id of this policy, whose ids are not-solely-civil (§ 2(a)(1) Detainer supported by a judicial warrant), criminal-exceptions (§ 2(a)(2) Outstanding warrant, felony conviction, pending felony, gang member), default (§ 2(b) Otherwise) [expected-decision]',
    );
  });

  it('names the provisions expected and given in words, as lint, explain and diff name them, never by their ids', async () => {
    const chicago = path.join(root, 'samples/ordinances/chicago-welcoming-city-2012.ordinance.yaml');
    const text = oneCase('{ outcome: decline, provision: not-solely-civil }').replace(
      /^ordinance: .*$/m,
      `ordinance: ${JSON.stringify(path.relative(dir, chicago))}`,
    );
    const r = await run('test', write('named.expected.yaml', text));
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      ': deciding provision: expected § 2(a)(1) Detainer supported by a judicial warrant, got § 2(b) Otherwise [expected-decision]',
    );
    expect(r.out).not.toMatch(/not-solely-civil|default/);
  });

  it('exits 2 on a missing file, going on with the others', async () => {
    const r = await run('test', path.join(dir, 'missing.expected.yaml'), berkeley);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing\.expected\.yaml: error: /);
    expect(r.err).toMatch(/berkeley-2012\.expected\.yaml: \d+ of \d+ cases decided as expected/);
  });
});

describe('detainer-studio test: a file with cases it cannot read', () => {
  it('reports every bad case at its line and column, checks the others, and exits 1', async () => {
    const good = (id: string, outcome: string) => oneCase(`{ outcome: ${outcome} }`).split('cases:\n')[1]!.replace('id: T-1', `id: ${id}`);
    const file = write(
      'some-bad.expected.yaml',
      oneCase('{ outcome: decline }') +
        good('T-2', 'decline').replace('age: 30', 'age: thirty') +
        good('T-3', 'hold') +
        good('T-4', 'decline').replace('bookedAt: 2012-11-07T08:00', 'bookedAt: 2012-11-37T08:00'),
    );
    const r = await run('test', file);
    expect(r.code).toBe(1);
    const errors = r.err.split('\n').filter((l) => l.includes(': error: '));
    // T-2 (a schema error) and T-4 (a date the engine can't read), each where it is.
    expect(errors).toEqual([
      `${file}:15:12: error: "Age" must be a whole number, not text ("thirty") [wrong-type]`,
      `${file}:32:17: error: "2012-11-37T08:00" is not a real date (November has no 37th) [bad-case]`,
    ]);
    // T-1 and T-3 are checked: T-3 expects a hold Berkeley never gives.
    expect(r.out).toBe(
      `${file}:19:5: error: case T-3: outcome: expected hold, got decline [expected-decision]\n    why: the department honors no detainer\n`,
    );
    expect(r.err).toContain(`${file}: 1 of 2 cases decided as expected by ${ordinance}; 1 not; 2 cases not read (listed above)\n`);
    const json = JSON.parse((await run('test', file, '--json')).out);
    expect(json.files[0].cases.map((c: { id: string }) => c.id)).toEqual(['T-1', 'T-3']);
    expect(json.files[0].notRead).toBe(2);
  });
});
