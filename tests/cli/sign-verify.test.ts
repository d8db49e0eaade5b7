// Bundles a police department can trust, run as real processes on real files: `verify` re-runs the
// legal lint (a re-hashed 200-hour bundle fails), reads strict JSON only, and checks an Ed25519
// signature against the city's key (a forged or altered signature fails); `sign` makes and uses keys
// in PEM or raw form.

import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../engine/index';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/detainer-studio.mjs');
const sample = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
let dir: string;
let bundle: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const inDir = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-sign-'));
  bundle = inDir('ct.json');
  expect(run('export', sample, '--format', 'bundle', '--out', bundle).code).toBe(0);
  expect(run('sign', '--new-key', 'city').code).toBe(0);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('verify re-runs validation and the legal lint', { timeout: 60_000 }, () => {
  it('an exported bundle verifies, saying the policy passes the lint and that it is not signed', () => {
    const r = run('verify', bundle);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /ct\.json: verified: .*matches the policy; the policy passes validation and the legal lint( \(\d+ warnings?\))?; not signed/,
    );
  });

  it('a bundle edited to 200-hour holds with its SHA-256 recomputed fails, located at the hold', () => {
    const b = JSON.parse(fs.readFileSync(bundle, 'utf8')) as {
      fingerprint: string;
      policy: { sections: { provisions: { maxHold?: unknown }[] }[] };
      decisionLogic: { provisions: { maxHold: unknown }[] };
    };
    const hold = { hours: 200, excludingWeekendsAndHolidays: true };
    b.policy.sections[0]!.provisions[0]!.maxHold = hold;
    b.decisionLogic.provisions[0]!.maxHold = hold;
    b.fingerprint = fingerprint(b.policy);
    const text = JSON.stringify(b, null, 2) + '\n';
    fs.writeFileSync(inDir('rehashed.json'), text);
    const r = run('verify', 'rehashed.json');
    expect(r.code).toBe(1);
    const m = /^rehashed\.json:(\d+):(\d+): error: the policy in the bundle: .*200 hours.* \[hold-exceeds-federal-maximum\]$/m.exec(r.err);
    expect(m, r.err).not.toBeNull();
    expect(text.split('\n')[Number(m![1]) - 1]).toMatch(/"hours": 200|"maxHold"/);
    expect(r.err).toMatch(/rehashed\.json: NOT VERIFIED/);
    expect(r.out).toBe('');
  });

  it('a bundle rewritten as YAML or with a trailing comment fails', () => {
    const json = fs.readFileSync(bundle, 'utf8');
    fs.writeFileSync(inDir('commented.json'), json + '# approved by the council\n');
    const c = run('verify', 'commented.json');
    expect(c.code).toBe(1);
    expect(c.err).toMatch(/^commented\.json:\d+:1: error: a policy bundle is strict JSON: found "#" after the end of the JSON value/m);
    const yaml = json.replace(/"([A-Za-z]+)": /g, '$1: ');
    fs.writeFileSync(inDir('yaml.json'), yaml);
    expect(run('verify', 'yaml.json').code).toBe(1);
  });
});

describe('Ed25519 signatures', { timeout: 90_000 }, () => {
  it('sign --new-key writes a private key only its owner can read and a public key, and never overwrites them', () => {
    expect(fs.statSync(inDir('city.key')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(inDir('city.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(fs.readFileSync(inDir('city.pub'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const before = fs.readFileSync(inDir('city.key'));
    const again = run('sign', '--new-key', 'city');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/city\.key exists; a key is never overwritten/);
    expect(fs.readFileSync(inDir('city.key')).equals(before)).toBe(true);
  });

  it('a bundle signed with the city key verifies against that key; without --key the signer is named but not vouched for', () => {
    const s = run('sign', 'ct.json', '--key', 'city.key', '--signer', 'City of Hartford, Town Clerk', '--out', 'signed.json');
    expect(s.code, s.err).toBe(0);
    const v = run('verify', 'signed.json', '--key', 'city.pub');
    expect(v.code, v.err).toBe(0);
    expect(v.out).toMatch(/signed by key sha256:[0-9a-f]{16} \("City of Hartford, Town Clerk"\), the key in city\.pub/);
    const loose = run('verify', 'signed.json');
    expect(loose.code).toBe(0);
    expect(loose.out).toMatch(/not checked against a key you trust \(pass --key\)/);
  });

  it('a forged signature fails: another key, an altered signer, an altered policy re-hashed after signing', () => {
    expect(run('sign', '--new-key', 'forger').code).toBe(0);
    expect(run('sign', 'ct.json', '--key', 'forger.key', '--signer', 'City of Hartford, Town Clerk', '--out', 'forged.json').code).toBe(0);
    const other = run('verify', 'forged.json', '--key', 'city.pub');
    expect(other.code).toBe(1);
    expect(other.err).toMatch(
      /forged\.json:\d+:\d+: error: the bundle is signed with key sha256:[0-9a-f]{16} \("City of Hartford, Town Clerk"\), not with the key you trust .*\[signature-untrusted-key\]/,
    );

    const signed = JSON.parse(fs.readFileSync(inDir('signed.json'), 'utf8')) as Record<string, unknown> & {
      signature: { signer: string; value: string };
      policy: { title: string };
      title: string;
      fingerprint: string;
    };
    const altered = structuredClone(signed);
    altered.signature.signer = 'Someone Else';
    fs.writeFileSync(inDir('altered-signer.json'), JSON.stringify(altered, null, 2));
    const a = run('verify', 'altered-signer.json');
    expect(a.code).toBe(1);
    expect(a.err).toMatch(
      /does not match the bundle: the bundle was changed after it was signed, or the signature is forged \[signature-invalid\]/,
    );

    const rewritten = structuredClone(signed);
    rewritten.policy.title = rewritten.title = 'An Act Concerning Something Else';
    rewritten.fingerprint = fingerprint(rewritten.policy);
    fs.writeFileSync(inDir('rewritten.json'), JSON.stringify(rewritten, null, 2));
    const w = run('verify', 'rewritten.json', '--key', 'city.pub');
    expect(w.code).toBe(1);
    expect(w.err).toMatch(/\[signature-invalid\]/);

    const garbage = structuredClone(signed);
    garbage.signature.value = Buffer.alloc(64, 7).toString('base64');
    fs.writeFileSync(inDir('garbage.json'), JSON.stringify(garbage, null, 2));
    expect(run('verify', 'garbage.json').code).toBe(1);
  });

  it('with --key an unsigned bundle fails; sign refuses a bundle that does not verify', () => {
    const u = run('verify', 'ct.json', '--key', 'city.pub');
    expect(u.code).toBe(1);
    expect(u.err).toMatch(/the bundle is not signed; --key asks for a signature by city\.pub \[signature-missing\]/);
    const bad = run('sign', 'rehashed.json', '--key', 'city.key', '--out', 'never.json');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/rehashed\.json: not signed: the bundle does not verify/);
    expect(fs.existsSync(inDir('never.json'))).toBe(false);
  });

  it('takes existing keys: raw 32-byte keys as bytes, hex or base64, and PEM made by openssl', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
    fs.writeFileSync(inDir('raw.seed'), seed);
    fs.writeFileSync(inDir('raw.pub.hex'), raw.toString('hex') + '\n');
    fs.writeFileSync(inDir('raw.pub.b64'), raw.toString('base64') + '\n');
    expect(run('sign', 'ct.json', '--key', 'raw.seed', '--out', 'raw-signed.json').code).toBe(0);
    expect(run('verify', 'raw-signed.json', '--key', 'raw.pub.hex').code).toBe(0);
    expect(run('verify', 'raw-signed.json', '--key', 'raw.pub.b64').code).toBe(0);
    expect(run('verify', 'raw-signed.json', '--key', 'city.pub').code).toBe(1);
    if (spawnSync('openssl', ['version']).status === 0) {
      execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', inDir('ossl.key')]);
      execFileSync('openssl', ['pkey', '-in', inDir('ossl.key'), '-pubout', '-out', inDir('ossl.pub')]);
      expect(run('sign', 'ct.json', '--key', 'ossl.key', '--out', 'ossl-signed.json').code).toBe(0);
      expect(run('verify', 'ossl-signed.json', '--key', 'ossl.pub').code).toBe(0);
    }
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.writeFileSync(inDir('rsa.pub'), rsa.publicKey.export({ format: 'pem', type: 'spki' }));
    const r = run('verify', 'signed.json', '--key', 'rsa.pub');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/rsa\.pub: error: is a rsa key; bundles are signed with Ed25519 keys/);
    fs.writeFileSync(inDir('nonsense.key'), 'hello\n');
    expect(run('sign', 'ct.json', '--key', 'nonsense.key').err).toMatch(/nonsense\.key: error: is not a key: expected a PEM key/);
  });

  it('export refuses a bundle whose legal error is silenced only by a comment, located in the ordinance', () => {
    const text = fs
      .readFileSync(sample, 'utf8')
      .replace(
        /maxHold: \{ hours: 48, excludingWeekendsAndHolidays: true \}/,
        'maxHold: { hours: 96, excludingWeekendsAndHolidays: true } # lint-ignore hold-exceeds-federal-maximum: allowed here',
      );
    fs.writeFileSync(inDir('silenced.ordinance.yaml'), text);
    const line = text.split('\n').findIndex((l) => l.includes('hours: 96')) + 1;
    const r = run('export', 'silenced.ordinance.yaml', '--format', 'bundle', '--out', 'silenced.json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `^silenced\\.ordinance\\.yaml:${line}:\\d+: error: .*silence it with a "suppress:" entry.*\\[hold-exceeds-federal-maximum\\]$`,
        'm',
      ),
    );
    expect(fs.existsSync(inDir('silenced.json'))).toBe(false);
    expect(run('export', 'silenced.ordinance.yaml', '--format', 'md').code).toBe(0);
  });
});
