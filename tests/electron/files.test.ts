// The main process's document handling on real files: open, atomic save that refuses to overwrite a
// file changed on disk, export, recent files, recovery copies, samples, and watching for changes.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentWatcher, FileService, HostError, pushRecent, recoveryFileName, safeFileName, sampleTitle } from '../../electron/files';
import { MAX_CASE_WORKBOOK_BYTES } from '../../host/contract';
import { repoRoot, ScriptedDialogs, sampleOrdinance, samplesRoot, tempDir } from './helpers';

function service(dialogs = new ScriptedDialogs(), extra: Partial<ConstructorParameters<typeof FileService>[0]> = {}) {
  const userDataDir = tempDir('ds-userdata-');
  const files = new FileService({ userDataDir, samplesDir: samplesRoot, dialogs, documentsDir: userDataDir, ...extra });
  return { files, dialogs, userDataDir };
}

function writeDoc(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Moves a file's modification time, as another program saving it later would. */
function touchLater(file: string, seconds: number): void {
  const t = fs.statSync(file).mtime.getTime() / 1000 + seconds;
  fs.utimesSync(file, t, t);
}

describe('opening', () => {
  it('opens what the dialog chose, with its text, name and modification time, and remembers it', async () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'draft.ordinance.yaml', 'title: Draft\n');
    const { files, dialogs } = service(new ScriptedDialogs().answer(file));
    const opened = await files.openWithDialog('ordinance');
    expect(opened).toEqual({ path: file, name: 'draft.ordinance.yaml', text: 'title: Draft\n', mtimeMs: fs.statSync(file).mtimeMs });
    expect(dialogs.asked[0]).toMatchObject({ kind: 'open', title: 'Open ordinance' });
    expect(dialogs.asked[0]!.extensions).toContain('ordinance.yaml');
    expect(files.recentFiles()).toEqual([file]);
  });

  it('returns null when the dialog is cancelled', async () => {
    const { files } = service(new ScriptedDialogs().answer(null));
    expect(await files.openWithDialog('ordinance')).toBeNull();
    expect(files.recentFiles()).toEqual([]);
  });

  it('does not put case sets in the recent ordinances', async () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'bookings.csv', 'id\nB-1\n');
    const { files, dialogs } = service(new ScriptedDialogs().answer(file));
    expect((await files.openWithDialog('cases'))?.text).toBe('id\nB-1\n');
    expect(dialogs.asked[0]!.extensions).toContain('csv');
    expect(files.recentFiles()).toEqual([]);
  });

  it('gives a workbook of case records as bytes, and refuses one larger than the app holds before reading it', async () => {
    const docs = tempDir();
    const workbook = path.join(docs, 'detainers.xlsx');
    fs.copyFileSync(path.join(repoRoot, 'tests/ice/fixtures/ice-detainers-fixture.xlsx'), workbook);
    const { files, dialogs } = service(new ScriptedDialogs().answer(workbook));
    const opened = await files.openWithDialog('cases');
    expect(dialogs.asked[0]!.extensions).toContain('xlsx');
    expect(opened).toMatchObject({ name: 'detainers.xlsx', text: '' });
    expect(opened!.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.compare(Buffer.from(opened!.bytes!), fs.readFileSync(workbook))).toBe(0);
    // A sparse file: its size says too large, and not a byte of it is read.
    const huge = path.join(docs, 'huge.xlsx');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, MAX_CASE_WORKBOOK_BYTES + 88 * 1024 * 1024);
    expect(() => files.openFromOutside(huge)).toThrow(
      /^huge\.xlsx is 600 MB, more than the 512 MB the app opens; simulate it with the command line .* --source ice-detainers\), which streams it/,
    );
  });

  it('reads by path only files the user chose: recent files, dialog choices, the command line', async () => {
    const docs = tempDir();
    const chosen = writeDoc(docs, 'a.ordinance.yaml', 'a');
    const other = writeDoc(docs, 'secret.txt', 'not yours');
    const { files } = service(new ScriptedDialogs().answer(chosen));
    expect(() => files.readGranted(other)).toThrow(HostError);
    try {
      files.readGranted(other);
    } catch (e) {
      expect((e as HostError).code).toBe('not-permitted');
    }
    await files.openWithDialog('ordinance');
    expect(files.readGranted(chosen).text).toBe('a');
    const outside = writeDoc(docs, 'double-clicked.ordinance.yaml', 'b');
    expect(files.openFromOutside(outside).text).toBe('b');
    expect(files.readGranted(outside).text).toBe('b');
  });

  it('drops a recent file that no longer exists when it fails to open, with a clear message', () => {
    const docs = tempDir();
    const gone = writeDoc(docs, 'gone.ordinance.yaml', 'x');
    const { files } = service();
    files.openFromOutside(gone);
    fs.rmSync(gone);
    expect(() => files.readGranted(gone)).toThrow(/no such file/);
    expect(files.recentFiles()).toEqual([]);
  });
});

describe('saving', () => {
  it('saves over the opened file atomically and reports the new modification time', async () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'd.ordinance.yaml', 'old');
    const { files } = service();
    const opened = files.openFromOutside(file);
    const saved = await files.save({ path: file, suggestedName: 'd.ordinance.yaml', text: 'new text', expectedMtimeMs: opened.mtimeMs });
    expect(fs.readFileSync(file, 'utf8')).toBe('new text');
    expect(saved).toEqual({ path: file, name: 'd.ordinance.yaml', mtimeMs: fs.statSync(file).mtimeMs });
    expect(fs.readdirSync(docs)).toEqual(['d.ordinance.yaml']);
  });

  it('refuses to overwrite a file changed on disk since it was read, unless forced', async () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'd.ordinance.yaml', 'theirs v1');
    const { files } = service();
    const opened = files.openFromOutside(file);
    fs.writeFileSync(file, 'someone else saved this');
    touchLater(file, 5);
    const attempt = files.save({ path: file, suggestedName: 'd.ordinance.yaml', text: 'mine', expectedMtimeMs: opened.mtimeMs });
    await expect(attempt).rejects.toMatchObject({ code: 'changed-on-disk' });
    await expect(attempt).rejects.toThrow(/changed on disk/);
    expect(fs.readFileSync(file, 'utf8')).toBe('someone else saved this');
    await files.save({ path: file, suggestedName: 'd.ordinance.yaml', text: 'mine', expectedMtimeMs: opened.mtimeMs, force: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
  });

  it('saves after its own save without a false "changed on disk"', async () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'd.ordinance.yaml', 'v0');
    const { files } = service();
    let mtime = files.openFromOutside(file).mtimeMs;
    for (const text of ['v1', 'v2', 'v3']) {
      const saved = await files.save({ path: file, suggestedName: 'd.ordinance.yaml', text, expectedMtimeMs: mtime });
      mtime = saved!.mtimeMs;
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('v3');
  });

  it('does not silently recreate a file deleted since it was opened; Save anyway does', async () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'd.ordinance.yaml', 'v0');
    const { files } = service();
    const opened = files.openFromOutside(file);
    fs.rmSync(file);
    const attempt = files.save({ path: file, suggestedName: 'd.ordinance.yaml', text: 'kept', expectedMtimeMs: opened.mtimeMs });
    await expect(attempt).rejects.toMatchObject({ code: 'changed-on-disk', message: expect.stringMatching(/deleted on disk/) });
    expect(fs.existsSync(file)).toBe(false);
    await files.save({ path: file, suggestedName: 'd.ordinance.yaml', text: 'kept', expectedMtimeMs: opened.mtimeMs, force: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('kept');
  });

  it('catches an edit on disk that kept the modification time (content decides, not the clock)', async () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'd.ordinance.yaml', 'version one\n');
    const second = 1_700_000_000; // a whole second, so putting it back is exact on every file system
    fs.utimesSync(file, second, second);
    const { files } = service();
    const opened = files.openFromOutside(file);
    fs.writeFileSync(file, 'version two\n');
    fs.utimesSync(file, second, second);
    expect(fs.statSync(file).mtimeMs).toBe(opened.mtimeMs);
    const attempt = files.save({ path: file, suggestedName: 'd.ordinance.yaml', text: 'mine', expectedMtimeMs: opened.mtimeMs });
    await expect(attempt).rejects.toMatchObject({ code: 'changed-on-disk' });
    expect(fs.readFileSync(file, 'utf8')).toBe('version two\n');
  });

  it('saves over a file that was only touched (same content, newer time): nothing would be lost', async () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'd.ordinance.yaml', 'v0');
    const { files } = service();
    const opened = files.openFromOutside(file);
    touchLater(file, 30);
    await files.save({ path: file, suggestedName: 'd.ordinance.yaml', text: 'mine', expectedMtimeMs: opened.mtimeMs });
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
  });

  it('keeps permissions and owner, writes through a symbolic link, and never follows a planted temporary name', async () => {
    const docs = tempDir();
    const real = writeDoc(docs, 'real.ordinance.yaml', 'v0');
    fs.chmodSync(real, 0o600);
    const link = path.join(docs, 'link.ordinance.yaml');
    fs.symlinkSync('real.ordinance.yaml', link);
    const { files } = service();
    const opened = files.openFromOutside(link);
    await files.save({ path: link, suggestedName: 'link.ordinance.yaml', text: 'v1', expectedMtimeMs: opened.mtimeMs });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8')).toBe('v1');
    expect(fs.statSync(real).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(docs).sort()).toEqual(['link.ordinance.yaml', 'real.ordinance.yaml']);
  });

  it('Save As asks where, offering a safe file name, and then may save there again', async () => {
    const docs = tempDir();
    const target = path.join(docs, 'new.ordinance.yaml');
    const { files, dialogs } = service(new ScriptedDialogs().answer(target));
    const saved = await files.save({
      path: null,
      suggestedName: '../../etc/evil:name.ordinance.yaml',
      text: 'fresh',
      expectedMtimeMs: null,
    });
    expect(saved?.path).toBe(target);
    expect(path.basename(dialogs.asked[0]!.defaultPath!)).toBe('evil_name.ordinance.yaml');
    expect(fs.readFileSync(target, 'utf8')).toBe('fresh');
    await files.save({ path: target, suggestedName: 'new.ordinance.yaml', text: 'again', expectedMtimeMs: saved!.mtimeMs });
    expect(fs.readFileSync(target, 'utf8')).toBe('again');
    expect(files.recentFiles()).toEqual([target]);
  });

  it('Save As returns null when cancelled and writes nothing', async () => {
    const docs = tempDir();
    const { files } = service(new ScriptedDialogs().answer(null), { documentsDir: docs });
    expect(await files.save({ path: null, suggestedName: 'x.ordinance.yaml', text: 't', expectedMtimeMs: null })).toBeNull();
    expect(fs.readdirSync(docs)).toEqual([]);
  });

  it('refuses to write a path the user never chose', async () => {
    const docs = tempDir();
    const { files } = service();
    const target = path.join(docs, 'planted.txt');
    await expect(files.save({ path: target, suggestedName: 'x', text: 'evil', expectedMtimeMs: null })).rejects.toMatchObject({
      code: 'not-permitted',
    });
    expect(fs.existsSync(target)).toBe(false);
  });

  it('reports a folder that cannot be written with the file named, and leaves no temporary file', async () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'd.ordinance.yaml', 'v0');
    const { files } = service();
    const opened = files.openFromOutside(file);
    fs.chmodSync(docs, 0o500);
    try {
      if (process.getuid?.() === 0) {
        // root ignores folder permissions; make the target a folder instead so the rename fails
        fs.chmodSync(docs, 0o700);
        fs.rmSync(file);
        fs.mkdirSync(file);
        fs.writeFileSync(path.join(file, 'inside'), 'x');
      }
      await expect(files.save({ path: file, suggestedName: 'd', text: 'new', expectedMtimeMs: null })).rejects.toThrow(
        /d\.ordinance\.yaml|cannot write|is a directory/,
      );
      expect(fs.readdirSync(docs).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    } finally {
      fs.chmodSync(docs, 0o700);
    }
    expect(opened.text).toBe('v0');
  });
});

describe('saving to a full disk', () => {
  it('a save past a file-size limit fails, naming the cause, and the old version stays whole', async () => {
    const esbuild = await import('esbuild');
    const script = path.join(tempDir('ds-save-build-'), 'save-document.mjs');
    await esbuild.build({
      entryPoints: [path.join(repoRoot, 'tests', 'electron', 'fixtures', 'save-document.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    const docs = tempDir();
    const file = writeDoc(docs, 'd.ordinance.yaml', 'the saved version\n');
    // RLIMIT_FSIZE of 64 KB in a child process: the write stops short, then fails with EFBIG.
    const r = spawnSync('bash', ['-c', 'ulimit -f 64 && exec "$0" "$@"', process.execPath, script, file, String(409_612)], {
      encoding: 'utf8',
    });
    expect(r.signal).toBeNull();
    const outcome = JSON.parse(r.stdout) as { ok: boolean; message?: string };
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(
      /cannot write \(the file is larger than this system allows: [\d,]+ of 409,612 bytes written\); the file was left as it was/,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('the saved version\n');
    expect(fs.readdirSync(docs)).toEqual(['d.ordinance.yaml']);
  });

  it('a save to a real full tmpfs fails and keeps the old version (where this may mount one)', async (ctx) => {
    const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-full-'));
    const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]).status === 0;
    if (!mounted) {
      fs.rmSync(mountPoint, { recursive: true, force: true });
      console.warn('skipped: mounting a tmpfs needs root and permission to mount; the file-size limit test covers short writes');
      ctx.skip();
      return;
    }
    try {
      const file = writeDoc(mountPoint, 'd.ordinance.yaml', 'the saved version\n');
      fs.writeFileSync(path.join(mountPoint, 'filler'), Buffer.alloc(800_000));
      const { files } = service();
      const opened = files.openFromOutside(file);
      const attempt = files.save({
        path: file,
        suggestedName: 'd.ordinance.yaml',
        text: 'z'.repeat(409_612),
        expectedMtimeMs: opened.mtimeMs,
      });
      await expect(attempt).rejects.toThrow(
        /cannot write \(the disk is full: [\d,]+ of 409,612 bytes written\); the file was left as it was/,
      );
      expect(fs.readFileSync(file, 'utf8')).toBe('the saved version\n');
      expect(fs.readdirSync(mountPoint).sort()).toEqual(['d.ordinance.yaml', 'filler']);
    } finally {
      spawnSync('umount', [mountPoint]);
      fs.rmSync(mountPoint, { recursive: true, force: true });
    }
  });
});

describe('exporting', () => {
  it('writes text or bytes where the user chose, with the filter for the format', async () => {
    const docs = tempDir();
    const target = path.join(docs, 'ordinance.docx');
    const { files, dialogs } = service(new ScriptedDialogs().answer(target, path.join(docs, 'o.md')));
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]);
    const saved = await files.exportFile({
      suggestedName: 'ordinance.docx',
      data: bytes,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(saved?.name).toBe('ordinance.docx');
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(bytes);
    expect(dialogs.asked[0]!.extensions).toContain('docx');
    await files.exportFile({ suggestedName: 'o.md', data: '# Title\n', mimeType: 'text/markdown; charset=utf-8' });
    expect(fs.readFileSync(path.join(docs, 'o.md'), 'utf8')).toBe('# Title\n');
    expect(dialogs.asked[1]!.extensions).toContain('md');
    expect(files.recentFiles()).toEqual([]);
  });
});

describe('recent files', () => {
  it('puts the latest first, keeps each file once, and keeps at most ten', () => {
    let list: string[] = [];
    for (let i = 0; i < 14; i++) list = pushRecent(list, `/docs/${i}.ordinance.yaml`, 10);
    list = pushRecent(list, '/docs/7.ordinance.yaml', 10);
    list = pushRecent(list, '/docs/./7.ordinance.yaml', 10);
    expect(list).toHaveLength(10);
    expect(list[0]).toBe(path.resolve('/docs/7.ordinance.yaml'));
    expect(list.filter((f) => f.endsWith('/7.ordinance.yaml'))).toHaveLength(1);
    expect(list[1]).toBe(path.resolve('/docs/13.ordinance.yaml'));
    expect(list).not.toContain(path.resolve('/docs/3.ordinance.yaml'));
  });

  it('is kept in userData across sessions, tells the menu when it changes, and can be cleared', () => {
    const docs = tempDir();
    const dialogs = new ScriptedDialogs();
    const { files, userDataDir } = service(dialogs);
    const changes: string[][] = [];
    const a = writeDoc(docs, 'a.ordinance.yaml', 'a');
    const b = writeDoc(docs, 'b.ordinance.yaml', 'b');
    files.openFromOutside(a);
    files.openFromOutside(b);
    files.openFromOutside(a);
    const again = new FileService({ userDataDir, samplesDir: samplesRoot, dialogs, onRecentFilesChanged: (l) => changes.push(l) });
    expect(again.recentFiles()).toEqual([a, b]);
    // a file from last session's list may be read again without a dialog
    expect(again.readGranted(b).text).toBe('b');
    expect(changes.at(-1)).toEqual([b, a]);
    again.clearRecent();
    expect(changes.at(-1)).toEqual([]);
    expect(new FileService({ userDataDir, samplesDir: samplesRoot, dialogs }).recentFiles()).toEqual([]);
  });

  it('survives a damaged recent-files list', () => {
    const { userDataDir } = service();
    fs.writeFileSync(path.join(userDataDir, 'recent-files.json'), '{"files": [42, "relative/path", "/abs/ok.ordinance.yaml"');
    const files = new FileService({ userDataDir, samplesDir: samplesRoot, dialogs: new ScriptedDialogs() });
    expect(files.recentFiles()).toEqual([]);
    fs.writeFileSync(path.join(userDataDir, 'recent-files.json'), '{"files": [42, "relative/path", "/abs/ok.ordinance.yaml"]}');
    expect(new FileService({ userDataDir, samplesDir: samplesRoot, dialogs: new ScriptedDialogs() }).recentFiles()).toEqual([
      path.resolve('/abs/ok.ordinance.yaml'),
    ]);
  });
});

describe('recovery copies', () => {
  it('round-trips unsaved work across a restart, most recent first, and clears one or all', () => {
    const { files, userDataDir } = service();
    files.writeRecovery({ docId: '/docs/a.ordinance.yaml', name: 'a.ordinance.yaml', text: 'unsaved A', savedAtMs: 1000 });
    const session = { left: 'form', right: 'simulation', caseSet: 'synthetic:10000', compare: 'baseline' } as const;
    files.writeRecovery({ docId: 'untitled-1', name: 'Untitled', text: 'unsaved B ✓ ünïcode', savedAtMs: 2000, session });
    files.writeRecovery({ docId: '/docs/a.ordinance.yaml', name: 'a.ordinance.yaml', text: 'unsaved A, later', savedAtMs: 3000 });
    // a new process after a crash: only the files on disk remain
    const after = new FileService({ userDataDir, samplesDir: samplesRoot, dialogs: new ScriptedDialogs() });
    expect(after.readRecovery()).toEqual([
      { docId: '/docs/a.ordinance.yaml', name: 'a.ordinance.yaml', text: 'unsaved A, later', savedAtMs: 3000 },
      { docId: 'untitled-1', name: 'Untitled', text: 'unsaved B ✓ ünïcode', savedAtMs: 2000, session },
    ]);
    after.clearRecovery('untitled-1');
    expect(after.readRecovery().map((e) => e.docId)).toEqual(['/docs/a.ordinance.yaml']);
    after.clearAllRecovery();
    expect(after.readRecovery()).toEqual([]);
  });

  it('names copies by a hash, so a document id cannot point anywhere else', () => {
    const { files, userDataDir } = service();
    files.writeRecovery({ docId: '../../../../tmp/escape', name: 'x', text: 't', savedAtMs: 1 });
    const names = fs.readdirSync(path.join(userDataDir, 'recovery'));
    expect(names).toEqual([recoveryFileName('../../../../tmp/escape')]);
    expect(names[0]).toMatch(/^[0-9a-f]{40}\.json$/);
  });

  it('skips damaged or foreign files in the recovery folder instead of failing', () => {
    const { files, userDataDir } = service();
    files.writeRecovery({ docId: 'good', name: 'g', text: 'kept', savedAtMs: 5 });
    const dir = path.join(userDataDir, 'recovery');
    fs.writeFileSync(path.join(dir, recoveryFileName('torn')), '{"docId":"torn","name":"t","te');
    fs.writeFileSync(path.join(dir, recoveryFileName('other')), JSON.stringify({ docId: 'not-other', name: 'n', text: 't', savedAtMs: 1 }));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    expect(files.readRecovery().map((e) => e.text)).toEqual(['kept']);
  });

  it('has nothing to offer on a first run', () => {
    expect(service().files.readRecovery()).toEqual([]);
  });
});

describe('samples', () => {
  it('lists the bundled samples with their titles and reads one as a new, unsaved document', () => {
    const { files } = service();
    const samples = files.listSamples();
    const ct = samples.find((s) => s.name === 'ordinances/connecticut-trust-act-2014.ordinance.yaml');
    expect(ct).toEqual({
      name: 'ordinances/connecticut-trust-act-2014.ordinance.yaml',
      kind: 'ordinance',
      title: 'An Act Concerning Civil Immigration Detainers',
    });
    const opened = files.readSample(ct!.name);
    expect(opened.path).toBeNull();
    expect(opened.text).toBe(fs.readFileSync(sampleOrdinance, 'utf8'));
  });

  it('reads nothing but a listed sample', () => {
    const { files } = service();
    for (const name of ['../package.json', 'ordinances/../../package.json', '/etc/passwd', 'ordinances/missing.ordinance.yaml']) {
      expect(() => files.readSample(name)).toThrow(/no sample named/);
    }
  });

  it('titles case sets and scenarios from their file names', () => {
    expect(sampleTitle('/x/large-county-2019.cases.csv', 'cases')).toBe('Large county 2019');
    expect(sampleTitle('/x/reimbursed_jail.scenario.yaml', 'scenario')).toBe('Reimbursed jail');
  });

  it('offers dialogs a file name without folders or reserved characters', () => {
    expect(safeFileName('..\\..\\Windows\\system32\\x.yaml')).toBe('x.yaml');
    expect(safeFileName('a<b>c:d"e|f?g*h\u0001.md')).toBe('a_b_c_d_e_f_g_h_.md');
    expect(safeFileName('...')).toBe('untitled');
    expect(safeFileName('.hidden.ordinance.yaml')).toBe('hidden.ordinance.yaml');
  });
});

describe('watching for changes on disk', () => {
  function waitFor(predicate: () => boolean, ms = 3000): Promise<void> {
    const start = Date.now();
    return new Promise((resolve, reject) => {
      const tick = () => {
        if (predicate()) resolve();
        else if (Date.now() - start > ms) reject(new Error('timed out'));
        else setTimeout(tick, 20);
      };
      tick();
    });
  }

  it("reports another program's save, including an atomic replace, but not our own", async () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'w.ordinance.yaml', 'v0');
    const changed: string[] = [];
    const watcher = new DocumentWatcher({ onChanged: (f) => changed.push(f), debounceMs: 30 });
    const { files } = service(new ScriptedDialogs(), { onDocumentTracked: (f, m) => watcher.track(f, m) });
    try {
      const opened = files.openFromOutside(file);
      // our own save: recorded before the watcher looks, so never reported
      await files.save({ path: file, suggestedName: 'w', text: 'ours', expectedMtimeMs: opened.mtimeMs });
      await new Promise((r) => setTimeout(r, 200));
      expect(changed).toEqual([]);
      // another editor replaces the file (write elsewhere, rename over)
      const tmp = path.join(docs, '.other-editor.tmp');
      fs.writeFileSync(tmp, 'theirs');
      fs.renameSync(tmp, file);
      touchLater(file, 3);
      await waitFor(() => changed.length > 0);
      expect(changed).toEqual([file]);
      // and the next save without force is refused, because the saved mtime is stale
      await expect(files.save({ path: file, suggestedName: 'w', text: 'mine', expectedMtimeMs: opened.mtimeMs })).rejects.toMatchObject({
        code: 'changed-on-disk',
      });
    } finally {
      watcher.close();
    }
  });

  it('notices a change on focus where the file system sends no events', () => {
    const docs = tempDir();
    const file = writeDoc(docs, 'n.ordinance.yaml', 'v0');
    const changed: string[] = [];
    const watcher = new DocumentWatcher({ onChanged: (f) => changed.push(f), debounceMs: 10_000 });
    try {
      watcher.track(file, fs.statSync(file).mtimeMs);
      watcher.checkAll();
      expect(changed).toEqual([]);
      touchLater(file, 10); // touched, same content: not a change
      watcher.checkAll();
      expect(changed).toEqual([]);
      const { atime, mtime } = fs.statSync(file);
      fs.writeFileSync(file, 'v1'); // edited, modification time put back: still a change
      fs.utimesSync(file, atime, mtime);
      watcher.checkAll();
      watcher.checkAll();
      expect(changed).toEqual([file]);
      fs.rmSync(file);
      watcher.checkAll();
      expect(changed).toEqual([file, file]);
    } finally {
      watcher.close();
    }
  });
});
