// Measures the renderer's budgets on the browser build in Chromium and prints them:
//  - cold start to an editable document (fresh profile, empty cache), median of several starts;
//  - keystroke to updated squiggles, preview and a 10,000-case simulation, and how long the UI
//    thread was busy meanwhile (long tasks), so "without blocking typing" is a number too;
//  - 1,000,000 cases simulated in the worker with summary, coverage and comparison, and a
//    1,000,000-row CSV file and ICE's million-row workbook (when the import bench has written it) imported into it;
//  - the size of what the first page load fetches, raw and gzipped.
// Usage: npm run bench:renderer  (or node renderer/tools/measure.mjs [--runs N] [--keys N] [--cold-start-only])
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInflateRaw, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, eventCount, startWebServer, waitForEvent } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option('--runs', 7);
const KEYS = option('--keys', 40);
const port = Number(process.env.MEASURE_PORT ?? 4337);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;

/**
 * Where the first sheet's compressed bytes lie in a workbook (a zip): read from its central directory
 * and the entry's local header, so the browser's decoder can be timed on those bytes alone.
 */
function sheetBytes(file) {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file}: no zip directory`);
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === 'xl/worksheets/sheet1.xml') {
      const local = zip.readUInt32LE(at + 42);
      const offset = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return {
        offset,
        length: zip.readUInt32LE(at + 20),
        inflated: zip.readUInt32LE(at + 24),
        bytes: zip.subarray(offset, offset + zip.readUInt32LE(at + 20)),
      };
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${file}: no xl/worksheets/sheet1.xml`);
}

/** Node's zlib inflating the same bytes (the command line's decoder): CPU ms of this process, every thread. */
function nodeInflateCpuMs(bytes) {
  return new Promise((resolve, reject) => {
    const c0 = process.cpuUsage();
    const z = createInflateRaw({ chunkSize: 1 << 20 });
    z.on('data', () => undefined);
    z.on('end', () => {
      const c = process.cpuUsage(c0);
      resolve((c.user + c.system) / 1000);
    });
    z.on('error', reject);
    z.end(bytes);
  });
}

/**
 * CPU ms (user + system) of every live process this one started (the browser's), from /proc: the
 * machine is shared, so the decoders are compared by the CPU they take, not the clock. Undefined
 * where there is no /proc.
 */
function childrenCpuMs() {
  if (!existsSync('/proc/self/stat')) return undefined;
  const parent = new Map();
  const cpu = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      cpu.set(Number(d), ((Number(f[11]) + Number(f[12])) * 1000) / 100);
    } catch {
      // The process ended while it was read.
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent)
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
  }
  mine.delete(process.pid);
  return [...mine].reduce((sum, pid) => sum + cpu.get(pid), 0);
}

// ---- bundle ----
const dist = path.join(root, 'dist/web');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]))];
const assets = readdirSync(path.join(dist, 'assets'));
const sizeOf = (file) => {
  const bytes = readFileSync(path.join(dist, file));
  return { raw: statSync(path.join(dist, file)).size, gzip: gzipSync(bytes).length };
};
const initialSizes = initial.map((f) => ({ file: f, ...sizeOf(f) }));
const lazy = assets.filter((a) => !initial.includes(`assets/${a}`)).map((f) => ({ file: `assets/${f}`, ...sizeOf(`assets/${f}`) }));

const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const loadAtStart = loadAverage();

// ---- server and browser ----
const { address, server } = await startWebServer(port);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

try {
  // ---- cold start ----
  // Editable: a new document opens in the form, whose fields are built from the document read on the
  // window's thread until the engine's worker answers; the time is navigation to the first painted
  // frame showing them ('document-editable').
  // Then a key typed by the keyboard into the Title field (committed with Enter) must reach the
  // engine: navigation to the engine's answer for that typed version is printed too.
  const starts = [];
  const typedChecked = [];
  const firstChecks = [];
  const firstPaints = [];
  const editorEarly = [];
  for (let i = 0; i < RUNS; i++) {
    // A new context each time: its own empty HTTP cache (and so no compiled-code cache), no storage.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${address}?e2e`);
    const editable = await waitForEvent(page, 'document-editable');
    const checked = await waitForEvent(page, 'analysis-applied');
    const since = await eventCount(page);
    const title = page.getByRole('textbox', { name: 'Title', exact: true });
    await title.click();
    await title.press('End');
    await page.keyboard.type('s');
    await page.keyboard.press('Enter');
    const changed = await waitForEvent(page, 'document-changed', {}, since);
    const typed = await waitForEvent(page, 'analysis-applied', { version: changed.detail.version }, since);
    const text = await page.evaluate(() => window.__detainerStudio.getText());
    if (!/^title: .*Detainerss?$/m.test(text)) throw new Error('the key typed into the Title field did not reach the document');
    const timing = await page.evaluate((at) => {
      const editor = performance.getEntriesByType('resource').find((r) => /\/editor-module-[^/]*\.js$/.test(r.name));
      return {
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        editorBefore: !!editor && editor.startTime < at,
      };
    }, editable.at);
    starts.push(editable.at);
    typedChecked.push(typed.at);
    firstChecks.push(checked.at);
    firstPaints.push(timing.paint);
    editorEarly.push(timing.editorBefore);
    await context.close();
  }

  if (args.includes('--cold-start-only')) {
    process.stdout.write(
      `load average at the start ${loadAtStart}, at the end ${loadAverage()}\n` +
        `cold start to an editable form: median ${ms(median(starts))}, max ${ms(Math.max(...starts))}  [budget 1500 ms: ${median(starts) <= 1500 ? 'met' : 'MISSED'}]\n` +
        `  navigation to the engine's check of a key typed into the Title field: median ${ms(median(typedChecked))}\n` +
        `  first contentful paint: median ${ms(median(firstPaints))}; first engine check: median ${ms(median(firstChecks))}; ` +
        `editor requested before editable: ${editorEarly.filter(Boolean).length} of ${RUNS}\n`,
    );
    await browser.close();
    server.kill();
    process.exit(0);
  }

  // ---- keystrokes with a live 10,000-case simulation ----
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    // The file input, not the File System Access picker, so that a file can be chosen from here
    // (both hand the worker the same File to stream).
    window.showOpenFilePicker = undefined;
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${address}?e2e`);
  // Keystrokes are timed with the YAML editor open: its squiggles are part of what is waited for.
  await page.getByRole('tab', { name: 'YAML' }).click();
  await waitForEvent(page, 'editor-ready');
  let since = await eventCount(page);
  await page.getByLabel('Open a sample ordinance').selectOption({ label: 'An Act Concerning Civil Immigration Detainers' });
  await waitForEvent(page, 'analysis-applied', {}, since);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  since = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Synthetic: 10,000 cases (seed 2012)' });
  await waitForEvent(page, 'simulation-rendered', { total: 10000 }, since);
  // Warm up, then measure: each keystroke adds a letter to the title (a real change of the draft:
  // new text, new fingerprint, a new simulation), one at a time. The right-hand pane shows either
  // the preview or the simulation, so each is measured on screen in its own round; the other round
  // still waits for the worker's simulation result.
  const titleLine = (await page.evaluate(() => window.__detainerStudio.getText())).split('\n').findIndex((l) => l.startsWith('title:')) + 1;
  const windows = [];
  const measureKeys = async (tab) => {
    await page.getByRole('tab', { name: tab }).click();
    const rows = [];
    const from = await page.evaluate(() => window.__detainerStudio.now());
    for (let k = 0; k < KEYS + 5; k++) {
      const from = await eventCount(page);
      const { t0, version, syncMs } = await page.evaluate((line) => {
        const hook = window.__detainerStudio;
        const t0 = hook.now();
        const version = hook.insertAt(line, 8, 'x');
        return { t0, version, syncMs: hook.now() - t0 };
      }, titleLine);
      const analysed = await waitForEvent(page, 'analysis-applied', { version }, from);
      const shown = await waitForEvent(page, tab === 'Preview' ? 'preview-rendered' : 'simulation-rendered', { version }, from);
      const simulated = await waitForEvent(page, 'simulation-done', { version }, from);
      if (k >= 5)
        rows.push({
          squiggles: analysed.at - t0,
          shown: shown.at - t0,
          simulation: simulated.at - t0,
          all: Math.max(analysed.at, shown.at, simulated.at) - t0,
          engineMs: analysed.detail.engineMs,
          simWorkerMs: simulated.detail.ms,
          syncMs,
        });
    }
    windows.push([from, await page.evaluate(() => window.__detainerStudio.now())]);
    return rows;
  };
  const previewRows = await measureKeys('Preview');
  const simulationRows = await measureKeys('Simulation');
  const rows = [...previewRows, ...simulationRows];
  const allLongTasks = await page.evaluate(() => window.__longTasks);
  const longTasks = allLongTasks.filter((t) => windows.some(([a, b]) => t.start >= a && t.start <= b));

  // A burst: 20 keys 25 ms apart; the newest text is what the results show, soon after the last key.
  since = await eventCount(page);
  const burst = await page.evaluate(async (line) => {
    const hook = window.__detainerStudio;
    let version = 0;
    let last = 0;
    for (let i = 0; i < 20; i++) {
      version = hook.insertAt(line, 8, 'y');
      last = hook.now();
      await new Promise((r) => setTimeout(r, 25));
    }
    return { version, last };
  }, titleLine);
  const burstSim = await waitForEvent(page, 'simulation-rendered', { version: burst.version }, since);

  // ---- 1,000,000 cases in the simulation worker ----
  // Generated in the worker (never in the UI thread), then simulated with the summary, coverage and
  // the comparison with the baseline, on demand (a set this large doesn't re-run on every keystroke).
  since = await eventCount(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Synthetic: 1,000,000 cases (seed 2012)' });
  const millionLoaded = await waitForEvent(page, 'cases-loaded', { count: 1_000_000 }, since);
  const millionRuns = [];
  for (let i = 0; i < 4; i++) {
    const from = await eventCount(page);
    const t0 = await page.evaluate(() => window.__detainerStudio.now());
    await page.getByRole('button', { name: 'Run simulation' }).click();
    const done = await waitForEvent(page, 'simulation-done', { total: 1_000_000 }, from);
    const shown = await waitForEvent(page, 'simulation-rendered', { total: 1_000_000 }, from);
    millionRuns.push({ worker: done.detail.ms, shown: shown.at - t0 });
  }

  // ---- a 1,000,000-row CSV file opened in the app ----
  // Streamed from the file into the worker's case table, with progress; from choosing the file to
  // the set being ready.
  const csvDir = mkdtempSync(path.join(os.tmpdir(), 'ds-measure-'));
  const csv = path.join(csvDir, 'million.cases.csv');
  execFileSync(process.execPath, [
    path.join(root, 'bin/detainer-studio.mjs'),
    'generate',
    '--count',
    '1000000',
    '--seed',
    '7',
    '--format',
    'csv',
    '--out',
    csv,
  ]);
  const csvImports = [];
  for (let i = 0; i < 2; i++) {
    const from = await eventCount(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open a case file…' }).click();
    const t0 = await page.evaluate(() => window.__detainerStudio.now());
    await (await chooser).setFiles(csv);
    const loaded = await waitForEvent(page, 'cases-loaded', { name: 'million.cases.csv' }, from);
    csvImports.push({ worker: loaded.detail.ms, wall: loaded.at - t0, count: loaded.detail.count, problems: loaded.detail.problems });
    // A loaded set is simulated at once; the next file is opened once that is done, so that each
    // import is timed from an idle app (opened during that simulation, it would wait for it first).
    await waitForEvent(page, 'simulation-done', { total: 1_000_000 }, from);
  }
  const csvBytes = statSync(csv).size;
  rmSync(csvDir, { recursive: true, force: true });

  // ---- ICE's million-row workbook opened in the app ----
  // The file `npm run bench -- import-ice` writes (not written here: it takes a minute). Its sheet is
  // inflated by the browser's decoder in a worker of its own while the simulation worker reads rows.
  const benchDir = path.join(os.tmpdir(), 'detainer-studio-bench');
  const workbook = existsSync(benchDir) ? readdirSync(benchDir).find((n) => /^ice-detainers-1000000-.*\.xlsx$/.test(n)) : undefined;
  const workbookImports = [];
  if (workbook) {
    for (let i = 0; i < 2; i++) {
      const from = await eventCount(page);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open a case file…' }).click();
      const t0 = await page.evaluate(() => window.__detainerStudio.now());
      await (await chooser).setFiles(path.join(benchDir, workbook));
      // A workbook takes far longer than a CSV in a browser whose decoder is slow (see its limit below).
      const loaded = await waitForEvent(page, 'cases-loaded', { name: workbook }, from, 600_000);
      workbookImports.push({
        worker: loaded.detail.ms,
        wall: loaded.at - t0,
        count: loaded.detail.count,
        problems: loaded.detail.problems,
      });
      await waitForEvent(page, 'simulation-done', {}, from);
    }
  }
  // The limit of a workbook's import in the app: the browser's own decoder (DecompressionStream), in
  // a page, inflating the sheet's bytes alone, beside Node's zlib on the same bytes, alternating.
  const decoder = [];
  if (workbook) {
    const sheet = sheetBytes(path.join(benchDir, workbook));
    const blank = await context.newPage();
    await blank.setContent('<input type="file">');
    await blank.setInputFiles('input', path.join(benchDir, workbook));
    for (let i = 0; i < 2; i++) {
      const c0 = childrenCpuMs();
      const browserMs = await blank.evaluate(
        async ({ offset, length }) => {
          const file = document.querySelector('input').files[0];
          const bytes = new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
          const t0 = performance.now();
          const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
          for (;;) if ((await reader.read()).done) break;
          return performance.now() - t0;
        },
        { offset: sheet.offset, length: sheet.length },
      );
      const browserCpu = c0 === undefined ? undefined : childrenCpuMs() - c0;
      decoder.push({ browser: browserMs, browserCpu, node: await nodeInflateCpuMs(sheet.bytes), inflated: sheet.inflated });
    }
    await blank.close();
  }
  await context.close();

  // ---- report ----
  const out = [];
  out.push('Renderer budgets (browser build, Chromium, this machine)');
  out.push(`  load average at the start ${loadAtStart}, at the end ${loadAverage()} (${os.cpus().length} cores)`);
  out.push('');
  const coldMedian = median(starts);
  out.push(
    `Cold start to an editable document (${RUNS} fresh profiles, navigation to the first painted frame of the form with the document's fields, read on the window's thread until the engine's worker answers): median ${ms(coldMedian)}, max ${ms(Math.max(...starts))}  [budget 1500 ms: ${coldMedian <= 1500 ? 'met' : 'MISSED'}]`,
  );
  out.push(`  first contentful paint (the window's frame): median ${ms(median(firstPaints))}`);
  out.push(
    `  navigation to the engine's check of a key typed into the Title field (Enter): median ${ms(median(typedChecked))}, max ${ms(Math.max(...typedChecked))}`,
  );
  out.push(
    `  the YAML editor (Monaco) requested before the document was editable: ${editorEarly.filter(Boolean).length} of ${RUNS} starts (it loads when the YAML view is first shown; its code is fetched when the window is idle)`,
  );
  out.push(`  first engine check on screen: median ${ms(median(firstChecks))}`);
  out.push('');
  const col = (key, list = rows) => list.map((r) => r[key]);
  const line = (label, xs) => `  ${label.padEnd(48)} median ${ms(median(xs))}, p90 ${ms(pct(xs, 90))}, max ${ms(Math.max(...xs))}`;
  out.push(`Keystroke to updated view (${rows.length} keystrokes, 10,000-case live simulation compared with the baseline):`);
  out.push(line('squiggles and Problems', col('squiggles')));
  out.push(line('preview on screen', col('shown', previewRows)));
  out.push(line('simulation result (worker)', col('simulation')));
  out.push(line('simulation on screen', col('shown', simulationRows)));
  out.push(line('all of it, preview shown', col('all', previewRows)));
  out.push(line('all of it, simulation shown', col('all', simulationRows)));
  out.push(
    `  engine check in the worker: median ${ms(median(col('engineMs')))}; simulation in the worker: median ${ms(median(col('simWorkerMs')))}`,
  );
  out.push(
    `  UI thread per keystroke (the edit itself): median ${ms(median(col('syncMs')))}, max ${ms(Math.max(...col('syncMs')))}  [budget 100 ms, all]`,
  );
  out.push(
    `  long tasks (>50 ms) on the UI thread while typing: ${longTasks.length}${longTasks.length ? `, longest ${ms(Math.max(...longTasks.map((t) => t.duration)))}` : ''}` +
      ` (before typing, opening the sample and the case set: ${allLongTasks.length - longTasks.length})`,
  );
  out.push(`  burst of 20 keys 25 ms apart: results for the last key ${ms(burstSim.at - burst.last)} after it`);
  out.push('');
  out.push(`1,000,000 cases in the simulation worker (generated there in ${ms(millionLoaded.detail.ms)}):`);
  out.push(
    line(
      'simulate + summary, coverage, baseline (worker)',
      millionRuns.map((r) => r.worker),
    ) + '  [budget 1000 ms]',
  );
  out.push(
    line(
      'Run pressed to results on screen',
      millionRuns.map((r) => r.shown),
    ),
  );
  out.push(
    `  a ${(csvBytes / 1e6).toFixed(0)} MB CSV of ${csvImports[0].count.toLocaleString('en-US')} rows (${csvImports[0].problems} bad) opened from a file: ` +
      `import in the worker ${csvImports.map((r) => ms(r.worker)).join(', ')}; file chosen to set ready ${csvImports.map((r) => ms(r.wall)).join(', ')}  [budget 2500 ms, file chosen to set ready (design.md: import a 1,000,000-row CSV): ${Math.max(...csvImports.map((r) => r.wall)) <= 2500 ? 'met' : 'MISSED'}]`,
  );
  out.push(
    workbookImports.length
      ? `  ICE's workbook of ${workbookImports[0].count.toLocaleString('en-US')} detainers (${workbookImports[0].problems} bad) opened from a file: ` +
          `import in the worker ${workbookImports.map((r) => ms(r.worker)).join(', ')}; file chosen to set ready ${workbookImports.map((r) => ms(r.wall)).join(', ')}  [budget 2500 ms, as the CSV's: ${Math.max(...workbookImports.map((r) => r.wall)) <= 2500 ? 'met' : 'MISSED'}]`
      : "  ICE's million-row workbook: not measured (run `npm run bench -- import-ice` first; it writes the file this opens)",
  );
  if (decoder.length) {
    // By CPU where the browser's can be read (its time includes reading the part's bytes), else by the clock.
    const byCpu = decoder.every((d) => d.browserCpu !== undefined);
    const b = median(decoder.map((d) => (byCpu ? d.browserCpu : d.browser)));
    const n = median(decoder.map((d) => d.node));
    out.push(
      `    its limit: this browser's own decoder inflating the sheet's ${(decoder[0].inflated / 1e6).toFixed(0)} MB alone ${decoder.map((d) => ms(d.browser)).join(', ')} wall` +
        (byCpu ? `, ${decoder.map((d) => ms(d.browserCpu)).join(', ')} CPU (the browser's processes)` : '') +
        `; Node's zlib (the command line's) on the same bytes ${decoder.map((d) => ms(d.node)).join(', ')} CPU: ${(b / n).toFixed(1)}x${byCpu ? '' : ' (browser wall against Node CPU)'}` +
        (b > 2500 ? '  [the decoder alone is over the 2500 ms budget: no reader can meet it in this browser]' : ''),
    );
  }
  out.push('');
  out.push('Initial load (index.html and what it links):');
  for (const f of initialSizes) out.push(`  ${f.file.padEnd(40)} ${kb(f.raw).padStart(9)} raw, ${kb(f.gzip).padStart(8)} gzip`);
  const total = initialSizes.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
  out.push(`  total${' '.repeat(36)}${kb(total.raw).padStart(9)} raw, ${kb(total.gzip).padStart(8)} gzip`);
  out.push('Loaded later (workers, fonts, lazy chunks):');
  for (const f of lazy.sort((a, b) => b.raw - a.raw))
    out.push(`  ${f.file.padEnd(40)} ${kb(f.raw).padStart(9)} raw, ${kb(f.gzip).padStart(8)} gzip`);
  process.stdout.write(out.join('\n') + '\n');
} finally {
  await browser.close();
  server.kill();
}
