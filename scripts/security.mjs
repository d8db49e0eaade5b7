// `npm run security` (`--json` for a machine-readable report): Electronegativity's static scan of the main process and preload, failing on any
// high or medium finding. A finding reviewed by hand is silenced in the source with its reason (see below).
// Runs offline: the one check that downloads Electron's release list from GitHub is left out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * A finding reviewed by hand is silenced where it is raised, with the scanner's own annotation
 * (`// eng-disable CHECK_ID` on the flagged line) under a comment starting "Reviewed:" that says why.
 * The report lists every such annotation; one without its "Reviewed:" comment fails the scan.
 */
function reviewedAnnotations(dir, files) {
  const found = [];
  for (const file of files) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      const m = /(?:\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]+([\w \t,]+)/.exec(text);
      if (!m) return;
      const above = lines.slice(Math.max(0, i - 6), i + 1).join('\n');
      const reason = /Reviewed:\s*([^\n]*)/.exec(above);
      found.push({ file, line: i + 1, checks: m[1].trim().split(/[\s,]+/), reason: reason ? reason[1].trim() : null });
    });
  }
  return found;
}

/** Checks left out, and why. */
const EXCLUDED_CHECKS = {
  // Fetches https://raw.githubusercontent.com/electron/releases on every run: there is no network here
  // or in CI. Keeping Electron current is done by updating the `electron` devDependency.
  AvailableSecurityFixesGlobalCheck: 'needs network access to GitHub',
};

/** The CSP the main process sends as a header, read from electron/security.ts (bundled on the fly). */
async function servedContentSecurityPolicy() {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [path.join(root, 'electron', 'security.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  const mod = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
  return mod.CONTENT_SECURITY_POLICY;
}

function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The folder Electronegativity reads: electron/ as written, the renderer's index.html when this
 * checkout has it, and the header CSP as a meta tag (the scanner reads CSPs only from HTML and
 * from literal strings; ours is one constant, sent by the app:// protocol handler).
 */
async function stage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-security-'));
  fs.cpSync(path.join(root, 'electron'), path.join(dir, 'electron'), { recursive: true });
  for (const candidate of ['renderer/index.html', 'dist/web/index.html']) {
    const file = path.join(root, candidate);
    if (fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(path.join(dir, candidate)), { recursive: true });
      fs.copyFileSync(file, path.join(dir, candidate));
      break;
    }
  }
  const csp = await servedContentSecurityPolicy();
  fs.writeFileSync(
    path.join(dir, 'electron', 'served-headers.html'),
    `<!doctype html>\n<!-- The Content-Security-Policy header electron/app-protocol.ts sends with every app:// file. -->\n` +
      `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">\n`,
  );
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const electronVersion = (pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[^\d]*/, '');
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: pkg.name, version: pkg.version, main: pkg.main, devDependencies: { electron: electronVersion } }, null, 2),
  );
  return { dir, electronVersion };
}

export async function runSecurityScan({ quiet = false } = {}) {
  const { dir, electronVersion } = await stage();
  const run = require('@doyensec/electronegativity');
  // The scanner logs its own progress chatter (translations it can't download, and so on): keep it
  // out of the report unless something goes wrong.
  const chatter = [];
  const log = console.log;
  const warn = console.warn;
  console.log = (...args) => chatter.push(args.join(' '));
  console.warn = (...args) => chatter.push(args.join(' '));
  let result;
  try {
    result = await run(
      {
        input: dir,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: Object.keys(EXCLUDED_CHECKS).map((c) => c.toLowerCase()),
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: true,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
    console.warn = warn;
  }
  const issues = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file,
    line: i.location.line,
    column: i.location.column,
    description: i.description,
    sample: i.sample,
    manualReview: i.manualReview,
  }));
  const parseErrors = result.errors.filter((e) => !e.tolerable);
  const blocking = issues.filter((i) => i.severity === 'HIGH' || i.severity === 'MEDIUM');
  const scanned = fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|js|html|json)$/.test(f))
    .sort();
  const reviewed = reviewedAnnotations(dir, scanned);
  const unexplained = reviewed.filter((r) => !r.reason);
  fs.rmSync(dir, { recursive: true, force: true });
  const report = {
    electronVersion,
    checks: { global: result.globalChecks, atomic: result.atomicChecks, excluded: EXCLUDED_CHECKS },
    scanned,
    issues,
    parseErrors,
    blocking,
    reviewed,
    unexplained,
    chatter,
  };
  if (!quiet) printReport(report);
  return report;
}

function printReport(r) {
  const out = (line = '') => process.stdout.write(line + '\n');
  out(
    `Electronegativity: ${r.checks.atomic} atomic and ${r.checks.global} global checks on ${r.scanned.length} files (Electron ${r.electronVersion})`,
  );
  out(`  scanned: ${r.scanned.join(', ')}`);
  for (const [check, why] of Object.entries(r.checks.excluded)) out(`  left out: ${check} (${why})`);
  const bySeverity = {};
  for (const i of r.issues) bySeverity[i.severity] = (bySeverity[i.severity] ?? 0) + 1;
  out(
    `  findings: ${r.issues.length} (${
      Object.entries(bySeverity)
        .map(([s, n]) => `${n} ${s.toLowerCase()}`)
        .join(', ') || 'none'
    })`,
  );
  for (const i of r.issues) {
    out(`  - ${i.severity}/${i.confidence} ${i.id} ${i.file}:${i.line}:${i.column}`);
    out(`      ${i.description}${i.sample && i.sample !== 'N/A' ? `: ${String(i.sample).slice(0, 120)}` : ''}`);
  }
  for (const e of r.parseErrors) out(`  ! could not parse ${e.file}: ${e.message}`);
  for (const a of r.reviewed) {
    out(`  reviewed and silenced in source: ${a.checks.join(', ')} at ${a.file}:${a.line}${a.reason ? ` (${a.reason}...)` : ''}`);
  }
  for (const a of r.unexplained) out(`  ! eng-disable without a "Reviewed:" comment above it: ${a.file}:${a.line}`);
  if (r.blocking.length || r.parseErrors.length || r.unexplained.length) {
    if (r.chatter.length) out(`  scanner output:\n    ${r.chatter.join('\n    ')}`);
    out(`security: FAILED (${r.blocking.length} high or medium findings, ${r.parseErrors.length} files not parsed)`);
  } else {
    out('security: passed (no high or medium findings)');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  const report = await runSecurityScan({ quiet: json });
  if (json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  process.exitCode = report.blocking.length || report.parseErrors.length || report.unexplained.length ? 1 : 0;
}
