// Snapshots what the exports print, to prove a change to how they are made leaves the printed text
// alone: for every sample ordinance (and the 50-section benchmark ordinance) it runs the command
// line's `export` to DOCX, PDF and the officer guide's PDF, and keeps every XML part of the DOCX, the
// PDF's text (pdftotext -layout), its page count and fonts (pdfinfo, pdffonts), and the officer guide's
// text. Run it before and after a change, then compare:
//   node scripts/export-identity.mjs snapshot DIR [ORDINANCE.yaml...]
//   node scripts/export-identity.mjs compare BEFORE_DIR AFTER_DIR
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin/detainer-studio.mjs');

function exportTo(policy, format, out) {
  const r = spawnSync(process.execPath, [cli, 'export', policy, '--format', format, '--out', out], { encoding: 'utf8' });
  return r.status === 0 ? null : `exit ${r.status}: ${r.stderr.trim().split('\n').pop()}`;
}

function pdfFacts(pdf) {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1];
  // Font names without the subset tag (which is random per print) and object numbers.
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) =>
      l
        .split(/\s+/)
        .slice(0, 1)[0]
        .replace(/^[A-Z]{6}\+/, ''),
    )
    .sort()
    .join('\n');
  return { text, info: `pages ${pages}\n${fonts}\n` };
}

function snapshot(dir, policies) {
  fs.mkdirSync(dir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'export-identity-'));
  try {
    for (const policy of policies) {
      const name = path.basename(policy).replace(/\.ordinance\.yaml$|\.ya?ml$/, '');
      const into = path.join(dir, name);
      fs.mkdirSync(into, { recursive: true });
      const docx = path.join(tmp, `${name}.docx`);
      const failed = exportTo(policy, 'docx', docx);
      if (failed) {
        fs.writeFileSync(path.join(into, 'refused.txt'), `${failed}\n`);
        process.stdout.write(`${name}: refused (${failed})\n`);
        continue;
      }
      for (const [part, bytes] of Object.entries(unzipSync(fs.readFileSync(docx)))) {
        if (!/\.(xml|rels)$/.test(part)) continue;
        const file = path.join(into, 'docx', part);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, bytes);
      }
      for (const [format, base] of [
        ['pdf', 'pdf'],
        ['officer-guide', 'guide'],
      ]) {
        const pdf = path.join(tmp, `${name}-${base}.pdf`);
        const err = exportTo(policy, format, pdf);
        if (err) {
          fs.writeFileSync(path.join(into, `${base}.refused.txt`), `${err}\n`);
          continue;
        }
        const facts = pdfFacts(pdf);
        fs.writeFileSync(path.join(into, `${base}.txt`), facts.text);
        fs.writeFileSync(path.join(into, `${base}.info`), facts.info);
      }
      process.stdout.write(`${name}: snapshot taken\n`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function filesUnder(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

function compare(before, after) {
  const a = filesUnder(before);
  const b = filesUnder(after);
  let differences = 0;
  for (const f of new Set([...a, ...b])) {
    const x = fs.existsSync(path.join(before, f)) ? fs.readFileSync(path.join(before, f)) : null;
    const y = fs.existsSync(path.join(after, f)) ? fs.readFileSync(path.join(after, f)) : null;
    if (x === null || y === null) {
      differences++;
      process.stdout.write(`${f}: only ${x ? 'before' : 'after'}\n`);
    } else if (!x.equals(y)) {
      differences++;
      process.stdout.write(`${f}: differs\n`);
    }
  }
  process.stdout.write(`${a.length} files before, ${b.length} after: ${differences ? `${differences} DIFFER` : 'identical'}\n`);
  return differences ? 1 : 0;
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'snapshot' && rest[0]) {
  const dir = path.resolve(rest[0]);
  const samples = path.join(root, 'samples/ordinances');
  const policies =
    rest.length > 1
      ? rest.slice(1)
      : fs
          .readdirSync(samples)
          .sort()
          .map((f) => path.join(samples, f));
  snapshot(dir, policies);
} else if (command === 'compare' && rest.length === 2) {
  process.exitCode = compare(path.resolve(rest[0]), path.resolve(rest[1]));
} else {
  process.stderr.write('usage: node scripts/export-identity.mjs snapshot DIR [POLICY...] | compare BEFORE AFTER\n');
  process.exitCode = 2;
}
