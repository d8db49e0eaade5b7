// Export timings against the budgets of design.md: DOCX of a 50-section ordinance under 0.5 s, PDF
// under 2 s (the command line's route: HTML printed by headless Chromium), first call included: the
// first call in this process, and the whole CLI export (validate + lint first) in a fresh one.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildExport, checkPdfFonts, finishPdf } from '../engine/export/index';
import { loadOrdinance, type Ordinance } from '../engine/index';
import { findChromium, printHtmlToPdf } from '../cli/pdf-printer';

/** A valid ordinance with `sections` sections of three detainer provisions each, definitions and findings. */
export function largeOrdinance(sections: number): Ordinance {
  const loaded = loadOrdinance(largeOrdinanceText(sections));
  if (!loaded.ordinance) throw new Error(`benchmark ordinance is invalid: ${loaded.diagnostics[0]?.message}`);
  return loaded.ordinance;
}

/** The YAML text of largeOrdinance(sections). */
export function largeOrdinanceText(sections: number): string {
  const lines: string[] = [
    'title: An Ordinance Concerning Civil Immigration Detainers and the Limits of Local Cooperation',
    'documentNumber: Ordinance 2025-50',
    'jurisdiction: { name: City of Benchmark, state: OH, level: city }',
    'legislativeBody: City Council',
    'agency: the Benchmark Police Department',
    'status: introduced',
    'version: "50.1"',
    'effectiveDate: 2025-07-01',
    'findings:',
    ...[1, 2, 3].map((i) => `  - text: finding number ${i}, that trust between residents and police is essential to public safety`),
    'definitions:',
    '  - { term: violent felony, meaning: a felony in the category violent, covers: [ { classes: [felony], categories: [violent] } ] }',
    '  - { term: serious crime, meaning: a felony or a misdemeanor in the category weapons, covers: [ { classes: [felony] }, { classes: [misdemeanor], categories: [weapons] } ] }',
    'sections:',
  ];
  for (let s = 0; s < sections; s++) {
    lines.push(
      `  - heading: Detainers of class ${s + 1}`,
      `    text: This section governs detainers of the ${s + 1}th kind.`,
      '    provisions:',
    );
    lines.push(
      `      - id: s${s}-violent`,
      '        when:',
      '          all:',
      `            - conviction: { term: violent felony, within: { years: ${(s % 10) + 1}, measuredFrom: release } }`,
      '            - any: [ { administrativeWarrant: true }, { record: finalRemovalOrder } ]',
      '            - not: { charge: { bondPosted: true } }',
      '        outcome: hold',
      '        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }',
      `      - id: s${s}-young`,
      `        when: { age: { under: ${16 + (s % 5)} } }`,
      '        outcome: decline',
      `      - id: s${s}-serious`,
      '        text: The Department may notify ICE of the release of a person charged with a serious crime.',
      '        when: { charge: { term: serious crime } }',
      '        outcome: notify',
    );
  }
  lines.push('otherwise: decline');
  return lines.join('\n') + '\n';
}

/**
 * What a user waits for: `detainer-studio export` in a fresh process (start, read, validate + lint,
 * build, write), the first call and everything before it included.
 */
function cliExport(format: 'docx' | 'pdf', sections: number): { ms: number[]; error?: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-bench-export-'));
  try {
    const policy = path.join(dir, 'large.ordinance.yaml');
    fs.writeFileSync(policy, largeOrdinanceText(sections));
    const ms: number[] = [];
    for (let run = 0; run < 3; run++) {
      const out = path.join(dir, `out-${run}.${format}`);
      const t0 = performance.now();
      const r = spawnSync(
        process.execPath,
        [path.join(process.cwd(), 'bin/detainer-studio.mjs'), 'export', policy, '--format', format, '--out', out],
        {
          encoding: 'utf8',
        },
      );
      ms.push(performance.now() - t0);
      if (r.status !== 0) return { ms, error: r.stderr.trim().split('\n').pop() };
    }
    return { ms };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(runs: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return out;
}

function row(what: string, ms: number[], budgetMs: number | null): string {
  const m = median(ms);
  const verdict =
    budgetMs === null
      ? ''
      : m <= budgetMs
        ? `within ${budgetMs} ms budget (${(m / budgetMs).toFixed(2)}x)`
        : `OVER the ${budgetMs} ms budget`;
  return `  ${what.padEnd(34)} median ${m.toFixed(1).padStart(7)} ms   min ${Math.min(...ms)
    .toFixed(1)
    .padStart(7)} ms   max ${Math.max(...ms)
    .toFixed(1)
    .padStart(7)} ms   ${verdict}\n`;
}

export async function exportBenchmarks(write: (s: string) => void = (s) => process.stdout.write(s)): Promise<void> {
  const o = largeOrdinance(50);
  write(`\n== exports: a 50-section ordinance (${o.sections.reduce((n, s) => n + (s.provisions?.length ?? 0), 0)} provisions) ==\n`);
  // The first call, before anything warmed the code up, is what a user opening the dialog waits for.
  write(row('DOCX, first call in this process', await time(1, () => buildExport({ format: 'docx', ordinance: o })), 500));
  const docxCli = cliExport('docx', 50);
  write(docxCli.error ? `  CLI export --format docx failed: ${docxCli.error}\n` : row('CLI export docx (fresh process)', docxCli.ms, 500));
  for (let i = 0; i < 3; i++) await buildExport({ format: 'docx', ordinance: o });
  write(row('DOCX (build + pack)', await time(15, () => buildExport({ format: 'docx', ordinance: o })), 500));
  write(row('HTML', await time(15, () => buildExport({ format: 'html', ordinance: o })), null));
  // What the embedded typefaces add to each HTML page (and to what Chromium is given to print).
  for (const [what, format] of [
    ['ordinance HTML', 'html'],
    ['officer guide HTML', 'officer-guide'],
  ] as const) {
    const html = String((await buildExport({ format, rendition: 'html', ordinance: o })).data);
    const fonts = [...html.matchAll(/base64,[A-Za-z0-9+/=]+/g)].reduce((n, m) => n + m[0].length, 0);
    write(
      `  ${`${what} size`.padEnd(34)} ${(html.length / 1024).toFixed(0).padStart(7)} KB, of which embedded fonts ${(fonts / 1024).toFixed(0)} KB\n`,
    );
  }
  write(row('officer guide HTML', await time(15, () => buildExport({ format: 'officer-guide', rendition: 'html', ordinance: o })), null));
  write(row('policy bundle', await time(15, () => buildExport({ format: 'bundle', ordinance: o })), null));
  const older = largeOrdinance(49);
  write(
    row('redline DOCX (49 -> 50 sections)', await time(5, () => buildExport({ format: 'redline', ordinance: o, against: older })), null),
  );
  const chromium = findChromium();
  if (!chromium) {
    write('  PDF: skipped, no Chromium found (set DETAINER_STUDIO_CHROMIUM)\n');
    return;
  }
  const pdf = async () => {
    const r = await buildExport({ format: 'pdf', ordinance: o });
    return finishPdf(await printHtmlToPdf(r.printHtml!, { chromium }), r);
  };
  const pages =
    Buffer.from(await pdf())
      .toString('latin1')
      .match(/\/Type \/Page(?!s)/g)?.length ?? 0;
  write(row(`PDF, ${pages} pages (${chromium.split('/').pop()})`, await time(5, pdf), 2000));
  const pdfCli = cliExport('pdf', 50);
  write(pdfCli.error ? `  CLI export --format pdf failed: ${pdfCli.error}\n` : row('CLI export pdf (fresh process)', pdfCli.ms, 2000));
  const printed = await pdf();
  write(row('  of which: PDF font check', await time(15, async () => checkPdfFonts(printed)), null));
  const guide = async () => {
    const r = await buildExport({ format: 'officer-guide', ordinance: o });
    return finishPdf(await printHtmlToPdf(r.printHtml!, { chromium }), r);
  };
  write(row('officer guide PDF', await time(5, guide), 2000));
}
