// What the command line writes and reads, on real files: a full disk is an error that leaves the old
// file as it was (a real tmpfs where this may mount one, and always a file-size limit), --out never
// destroys what it names (a FIFO, a device, the command's own input), an extension that says another
// format is refused, and an input that is a pipe or a device is refused before it is read.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/detainer-studio.mjs');
const sample = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
let dir: string;
let policy: string;
let cases: string;

function run(args: string[], opts: { fileSizeLimitKb?: number; timeoutMs?: number } = {}) {
  const r =
    opts.fileSizeLimitKb === undefined
      ? spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: opts.timeoutMs ?? 20_000 })
      : // RLIMIT_FSIZE in a child shell: writes past it fail with EFBIG after a short write (Node ignores SIGXFSZ).
        spawnSync('bash', ['-c', `ulimit -f ${opts.fileSizeLimitKb} && exec "$0" "$@"`, process.execPath, bin, ...args], {
          encoding: 'utf8',
          cwd: root,
          timeout: opts.timeoutMs ?? 20_000,
        });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

/** A valid ordinance whose exports are large: 1,500 long findings. */
function bigPolicy(file: string): void {
  const pad = Array.from({ length: 1500 }, (_, i) => `  - text: finding number ${i} ${'x'.repeat(400)}\n`).join('');
  fs.writeFileSync(file, fs.readFileSync(sample, 'utf8').replace('findings:\n', `findings:\n${pad}`));
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .*:\d+:\d+/);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-safe-'));
  policy = path.join(dir, 'x.ordinance.yaml');
  fs.copyFileSync(sample, policy);
  cases = path.join(dir, 'c.csv');
  expect(run(['generate', '--count', '50', '--seed', '3', '--out', cases]).code).toBe(0);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a full disk is an error, never a truncated file reported as success', () => {
  it('past a file-size limit: exit 2, the old file untouched, no temporary file left', () => {
    const big = path.join(dir, 'big.ordinance.yaml');
    bigPolicy(big);
    const target = path.join(dir, 'limited.md');
    fs.writeFileSync(target, 'the previous export\n');
    const r = run(['export', big, '--format', 'md', '--out', target], { fileSizeLimitKb: 64 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /limited\.md: error: cannot write \(the file is larger than this system allows: [\d,]+ of [\d,]+ bytes written\); the file was left as it was/,
    );
    expect(r.out).not.toMatch(/bytes, policy fingerprint/);
    noStack(r.err);
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export\n');
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('on a real 1 MB tmpfs that fills up (where this may mount one)', (ctx) => {
    const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-full-'));
    const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]).status === 0;
    if (!mounted) {
      fs.rmSync(mountPoint, { recursive: true, force: true });
      console.warn('skipped: mounting a tmpfs needs root and permission to mount; the file-size limit test covers short writes');
      ctx.skip();
      return;
    }
    try {
      fs.writeFileSync(path.join(mountPoint, 'filler'), Buffer.alloc(900_000));
      const big = path.join(dir, 'big2.ordinance.yaml');
      bigPolicy(big);
      const target = path.join(mountPoint, 'o.md');
      const r = run(['export', big, '--format', 'md', '--out', target]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/o\.md: error: cannot write \(the disk is full: [\d,]+ of [\d,]+ bytes written\); no file was created/);
      noStack(r.err);
      expect(fs.readdirSync(mountPoint)).toEqual(['filler']);
    } finally {
      spawnSync('umount', [mountPoint]);
      fs.rmSync(mountPoint, { recursive: true, force: true });
    }
  });
});

describe('--out never destroys what it names', () => {
  it('refuses a FIFO (the FIFO stays, nothing blocks)', () => {
    const fifo = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const r = run(['export', policy, '--format', 'md', '--out', fifo], { timeoutMs: 10_000 });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out .*pipe\.md is a FIFO \(named pipe\); --out must name a regular file or a new path/);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a device, here through a link in a temporary folder (a device node of its own where mknod is allowed)', () => {
    const link = path.join(dir, 'null.md');
    fs.symlinkSync('/dev/null', link);
    const r = run(['render', policy, '--out', link]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a character device; --out must name a regular file or a new path/);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    const node = path.join(dir, 'device.md');
    if (spawnSync('mknod', [node, 'c', '1', '3']).status === 0) {
      const d = run(['export', policy, '--format', 'md', '--out', node]);
      expect(d.code).toBe(2);
      expect(fs.statSync(node).isCharacterDevice()).toBe(true);
    }
  });

  it('refuses a folder', () => {
    const r = run(['decision-table', policy, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is a directory; --out must name a regular file or a new path/);
  });

  it('refuses its own input: export x.ordinance.yaml --out x.ordinance.yaml', () => {
    const before = fs.readFileSync(policy);
    const r = run(['export', policy, '--format', 'html', '--out', policy, '--force-extension']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is the same file as the input .*x\.ordinance\.yaml; writing there would destroy it/);
    expect(fs.readFileSync(policy).equals(before)).toBe(true);
  });

  it('refuses the case file: report --cases c.csv --out c.csv, and a hard link to it', () => {
    const before = fs.readFileSync(cases);
    const r = run(['export', policy, '--format', 'report', '--cases', cases, '--out', cases, '--force-extension']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is the same file as the input .*c\.csv/);
    const hard = path.join(dir, 'report.html');
    fs.linkSync(cases, hard);
    const h = run(['export', policy, '--format', 'report', '--cases', cases, '--out', hard]);
    expect(h.code).toBe(2);
    expect(h.err).toMatch(/is another name for the input .*c\.csv/);
    expect(fs.readFileSync(cases).equals(before)).toBe(true);
  });

  it('refuses an extension that says another format unless --force-extension', () => {
    const pdf = path.join(dir, 'ordinance.pdf');
    const r = run(['export', policy, '--format', 'html', '--out', pdf]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the name says \.pdf but this writes HTML; name it .*ordinance\.html, or pass --force-extension/);
    expect(fs.existsSync(pdf)).toBe(false);
    expect(run(['export', policy, '--format', 'html', '--out', pdf, '--force-extension']).code).toBe(0);
    expect(fs.readFileSync(pdf, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(run(['generate', '--count', '2', '--format', 'json', '--out', path.join(dir, 'g.csv')]).code).toBe(2);
    expect(run(['decision-table', policy, '--json', '--out', path.join(dir, 't.csv')]).code).toBe(2);
    expect(run(['render', policy, '--out', path.join(dir, 'r.ordinance.yaml')]).code).toBe(2);
    // a name that says nothing about the format is the user's choice
    expect(run(['render', policy, '--out', path.join(dir, 'rendered')]).code).toBe(0);
  });

  it("refuses any extension that does not fit, as it refuses another format's, naming the fitting ones", () => {
    // --format officer-guide --out ct.guide wrote a PDF there, while --format pdf --out ct.docx was refused.
    const guide = path.join(dir, 'ct.guide');
    const r = run(['export', policy, '--format', 'officer-guide', '--out', guide]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `--out ${guide}: the name ends in .guide but this writes PDF; name it ${guide}.pdf (or ${guide}.html for HTML)`,
    );
    expect(fs.existsSync(guide)).toBe(false);
    const docx = path.join(dir, 'ct.docx');
    expect(run(['export', policy, '--format', 'officer-guide', '--out', docx]).err).toContain(
      `the name says .docx but this writes PDF; name it ${path.join(dir, 'ct.pdf')} (or ${path.join(dir, 'ct.html')} for HTML)`,
    );
    expect(run(['generate', '--count', '2', '--out', path.join(dir, 'g.jsonl')]).code).toBe(2);
    // The export format's own name says which document the file holds; the command says the rendition.
    const bundle = path.join(dir, 'a.bundle');
    const named = run(['export', policy, '--format', 'bundle', '--out', bundle]);
    expect(named.code).toBe(0);
    expect(named.out).toContain(`${bundle}: bundle (the name does not end in .json)`);
  });

  it('keeps the permissions of the file it replaces and writes through a link to it', () => {
    const real = path.join(dir, 'kept.md');
    fs.writeFileSync(real, 'old');
    fs.chmodSync(real, 0o600);
    const link = path.join(dir, 'kept-link.md');
    fs.symlinkSync('kept.md', link);
    expect(run(['render', policy, '--out', link]).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.statSync(real).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(real, 'utf8')).toMatch(/^# An Act Concerning/);
  });
});

describe('inputs must be regular files, refused before a byte is read', () => {
  it('a FIFO with no writer, /dev/zero and /dev/urandom answer at once with exit 2 in every command that reads', () => {
    const fifo = path.join(dir, 'input-pipe');
    execFileSync('mkfifo', [fifo]);
    // every command that reads, on a FIFO; the endless devices on the two ways files are read (whole, streamed)
    const attempts: string[][] = [
      ['validate', fifo],
      ['render', fifo],
      ['verify', fifo],
      ['diff', fifo, policy],
      ['decision-table', fifo],
      ['export', fifo, '--format', 'md'],
      ['simulate', policy, '--cases', fifo],
      ['simulate', policy, '--cases', cases, '--scenario', fifo],
      ['simulate', policy, '--cases', cases, '--mapping', fifo],
      ['explain', policy, '--cases', fifo, '--id', 'x'],
      ['validate', '/dev/zero'],
      ['simulate', policy, '--cases', '/dev/zero'],
      ['verify', '/dev/urandom'],
      ['simulate', policy, '--cases', '/dev/urandom'],
    ];
    for (const args of attempts) {
      const r = run(args, { timeoutMs: 10_000 });
      expect(r.signal, args.join(' ')).toBeNull();
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
      expect(r.err, args.join(' ')).toMatch(/is (a FIFO \(named pipe\)|a character device), not a regular file; nothing was read/);
      noStack(r.err);
    }
  }, 90_000);

  it('a policy document past the reading cap is refused without reading it', () => {
    const huge = path.join(dir, 'huge.ordinance.yaml');
    const fd = fs.openSync(huge, 'w');
    fs.ftruncateSync(fd, 64 * 1024 * 1024); // sparse: no disk used
    fs.closeSync(fd);
    const r = run(['validate', huge]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/huge\.ordinance\.yaml: error: is 64 MB, more than the 16 MB this reads/);
  });
});

describe('the writer itself', () => {
  it('removes temporary files left by dead writers, never what someone planted under such a name', async () => {
    const { writeFileAtomic } = await import('../../host/files.node');
    const folder = fs.mkdtempSync(path.join(dir, 'stale-'));
    const target = path.join(folder, 'x.md');
    const victim = path.join(folder, 'victim');
    fs.writeFileSync(victim, 'not ours');
    // pids above the kernel's maximum are never alive
    fs.writeFileSync(path.join(folder, '.x.md.4194399.aaaaaaaaaaaa.tmp'), 'half a save');
    fs.symlinkSync(victim, path.join(folder, '.x.md.4194398.bbbbbbbbbbbb.tmp'));
    const written = writeFileAtomic(target, 'whole');
    expect(written).toMatchObject({ path: target, bytes: 5 });
    expect(fs.readdirSync(folder).sort()).toEqual(['.x.md.4194398.bbbbbbbbbbbb.tmp', 'victim', 'x.md']);
    expect(fs.readFileSync(victim, 'utf8')).toBe('not ours');
  });

  it('refuses with reason "changed" when the file no longer holds what the caller read', async () => {
    const { contentHash, writeFileAtomic } = await import('../../host/files.node');
    const target = path.join(dir, 'expected.md');
    fs.writeFileSync(target, 'read');
    expect(() => writeFileAtomic(target, 'new', { expectedHash: contentHash('something else') })).toThrow(/changed on disk/);
    expect(() => writeFileAtomic(target, 'new', { expectedHash: null })).toThrow(/created on disk by someone else/);
    expect(fs.readFileSync(target, 'utf8')).toBe('read');
    writeFileAtomic(target, 'new', { expectedHash: contentHash('read') });
    fs.rmSync(target);
    expect(() => writeFileAtomic(target, 'newer', { expectedHash: contentHash('new') })).toThrow(/deleted on disk/);
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('the streamed writer', () => {
  it('replaces the file only on commit; abort leaves the old one; a reused buffer is copied', async () => {
    const { contentHash, createAtomicWriter } = await import('../../host/files.node');
    const target = path.join(dir, 'streamed.json');
    fs.writeFileSync(target, 'old');
    const w = createAtomicWriter(target);
    const reused = Buffer.from('[1,');
    w.write(reused);
    reused.write('XXX');
    for (let i = 2; i < 50_000; i++) w.write(`${i},`);
    w.write('0]');
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    const done = w.commit();
    const text = fs.readFileSync(target, 'utf8');
    expect(text.startsWith('[1,2,3,')).toBe(true);
    expect((JSON.parse(text) as number[]).length).toBe(50_000);
    expect(done).toMatchObject({ path: target, bytes: Buffer.byteLength(text), hash: contentHash(text) });
    const aborted = createAtomicWriter(target);
    aborted.write('half');
    aborted.abort();
    aborted.abort();
    expect(fs.readFileSync(target, 'utf8')).toBe(text);
    expect(() => aborted.write('more')).toThrow(/already aborted/);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.streamed'))).toEqual([]);
  });

  it('a full disk midway through a stream is an error and the old file stays', () => {
    const target = path.join(dir, 'stream-limited.csv');
    fs.writeFileSync(target, 'previous\n');
    // generate streams or writes whole; either way, past 64 KB the write fails
    const r = run(['generate', '--count', '5000', '--format', 'csv', '--out', target], { fileSizeLimitKb: 64 });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /stream-limited\.csv: error: cannot write \(the file is larger than this system allows: [\d,]+ of [\d,]+ bytes written\)/,
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('previous\n');
  });
});
