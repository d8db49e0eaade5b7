// PDF on the command line: headless Chromium prints the HTML exports. Each PDF's text holds the title,
// the section headings and the fingerprint; the officer guide fits on two pages before its decision-table
// appendix; printing twice gives
// the same bytes, dated with the document's own date.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { ordinanceText, shortFingerprint } from '../../engine/index';
import { ctFile, felonyHoldText, lawNotesIn, loadFile, pdfInfo, pdfText, rivertonFile, root, skipReason, tempDir, which } from './helpers';

const cookFile = path.join(root, 'samples/ordinances/cook-county-46-37-2011.ordinance.yaml');
const chromium = process.env.DETAINER_STUDIO_CHROMIUM ?? which('chromium') ?? which('google-chrome');
const skip = chromium ? skipReason(['pdftotext', 'pdfinfo']) : skipReason(['chromium']);
const flat = (s: string) => s.replace(/\s+/g, ' ');
const quiet = { out: () => {}, err: () => {} };

describe.skipIf(skip)('PDF through headless Chromium', () => {
  const dir = tempDir('pdf');
  const cases = path.join(dir, 'cases.json');
  const out = (name: string) => path.join(dir, name);
  // Every guide's page count is checked in the browser suite; here the command line's route.
  const guideFiles = [ctFile, rivertonFile];

  const breakReports = [
    {
      policy: path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'),
      cases: path.join(root, 'samples/cases/synthetic-200.cases.csv'),
    },
    {
      policy: path.join(root, 'samples/ordinances/violent-convictions-only-2012.ordinance.yaml'),
      cases: path.join(root, 'tests/ice/fixtures/ice-detainers-fixture.xlsx'),
    },
  ];

  // A Florida policy of 2019: Florida SB 168's date (July 1, 2019) is one the law data could not verify.
  const florida = path.join(dir, 'florida.ordinance.yaml');

  beforeAll(async () => {
    expect(await main(['generate', '--count', '150', '--seed', '3', '--out', cases], quiet)).toBe(0);
    fs.writeFileSync(florida, felonyHoldText('FL', '2019-09-01', 'A Florida city'));
    const jobs: string[][] = [
      ['export', ctFile, '--format', 'pdf', '--out', out('ct-1.pdf')],
      ['export', ctFile, '--format', 'pdf', '--out', out('ct-2.pdf')],
      ['export', cookFile, '--format', 'pdf', '--out', out('cook.pdf')],
      ['export', ctFile, '--format', 'html', '--out', out('ct-1.html')],
      ['export', ctFile, '--format', 'report', '--cases', cases, '--out', out('report.pdf')],
      ...guideFiles.map((f, i) => ['export', f, '--format', 'officer-guide', '--out', out(`guide-${i}.pdf`)]),
      ['export', florida, '--format', 'officer-guide', '--out', out('guide-florida.pdf')],
      // Two reports whose tables by year and month once began at a page's foot.
      ...breakReports.map((r, i) => ['export', r.policy, '--format', 'report', '--cases', r.cases, '--out', out(`breaks-${i}.pdf`)]),
    ];
    for (const job of jobs) {
      const errors: string[] = [];
      const code = await main(job, { out: () => {}, err: (t) => errors.push(t) });
      if (code !== 0) throw new Error(`${job.join(' ')}: exit ${code}: ${errors.join('')}`);
    }
  }, 120000);

  it('the ordinance PDF holds the title, every section heading and the fingerprint on each page', () => {
    const t = ordinanceText(loadFile(ctFile));
    const text = flat(pdfText(out('ct-1.pdf')));
    expect(text).toContain(flat(t.title));
    for (const s of t.sections) expect(text).toContain(`Section ${s.number}. ${s.heading}`);
    const pages = Number(pdfInfo(out('ct-1.pdf')).Pages);
    expect(text.split(`Fingerprint ${shortFingerprint(t.fingerprint)}`).length - 1).toBeGreaterThanOrEqual(pages);
    expect(text).toContain(t.fingerprint);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('every page prints the fingerprint once, the last too (the bottom margin carries it, not also a closing line)', () => {
    for (const [file, policy] of [
      ['ct-1.pdf', ctFile],
      ['cook.pdf', cookFile],
    ] as const) {
      const t = ordinanceText(loadFile(policy));
      const pages = pdfText(out(file))
        .split('\f')
        .filter((p) => p.trim());
      expect(pages.length, file).toBeGreaterThan(1);
      for (const [i, page] of pages.entries()) {
        expect(page.split(t.fingerprint).length - 1, `${file} page ${i + 1}`).toBe(1);
        expect(page.split(`Fingerprint ${shortFingerprint(t.fingerprint)}`).length - 1, `${file} page ${i + 1}`).toBe(1);
      }
    }
  });

  it('Cook County, whose version is its date: the cover and the footers say that date once, not again as its version', () => {
    const pages = pdfText(out('cook.pdf')).split('\f');
    const cover = flat(pages[0]!);
    expect(cover).toContain('County of Cook, IL · Enacted · Effective September 7, 2011');
    expect(cover).not.toContain('Version 2011-09-07 · Effective');
    expect(cover).toContain('Version 2011-09-07 · Fingerprint 44f3e6679575');
    expect(flat(pages.join(' '))).not.toContain('2011-09-07 · 2011-09-07');
  });

  it('printing twice gives identical bytes, dated with the effective date, not the clock', () => {
    const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    expect(sha(out('ct-1.pdf'))).toBe(sha(out('ct-2.pdf')));
    const info = pdfInfo(out('ct-1.pdf'));
    expect(info.CreationDate).toMatch(/Jan +1 .*2014/);
    expect(info.ModDate).toMatch(/Jan +1 .*2014/);
    expect(info.Title).toBe('An Act Concerning Civil Immigration Detainers');
  });

  it('the officer guide PDF fits on one or two pages (three with law notes) and carries the fingerprint', () => {
    guideFiles.forEach((f, i) => {
      const file = out(`guide-${i}.pdf`);
      // The decision table is an appendix on pages of its own; the guide proper fits on one or two, or on
      // three where it prints what the law says about its steps (never cut to fit).
      const pageTexts = pdfText(file).split('\f');
      const appendix = pageTexts.findIndex((t) => t.includes('Appendix: the complete decision table'));
      expect(appendix, path.relative(root, f)).toBeGreaterThanOrEqual(1);
      expect(appendix, path.relative(root, f)).toBeLessThanOrEqual(lawNotesIn(pageTexts) ? 3 : 2);
      expect(Number(pdfInfo(file).Pages)).toBeGreaterThan(appendix);
      const text = flat(pdfText(file));
      expect(text).toContain('Officer guide');
      expect(text).toContain(ordinanceText(loadFile(f)).fingerprint);
    });
  });

  it("the officer guide PDF prints a law's unverified date as the lint does: '(a date not verified)'", () => {
    const text = flat(pdfText(out('guide-florida.pdf')));
    expect(text).toContain(
      'Florida SB 168 (2019), federal immigration enforcement (Fla. Stat. §§ 908.103-908.105), since July 1, 2019 (a date not verified)',
    );
  });

  it('a fingerprint reads as one word with the punctuation after it: no space before a period or a parenthesis', () => {
    // Set in a smaller size than the text around it, a fingerprint ended its word in the PDF's text:
    // "Policy fingerprint 638c47572a50 ." and "(sha256:... )".
    const t = ordinanceText(loadFile(ctFile));
    // The ordinance's closing line, "(sha256:...)", is the HTML's on screen; in print the margin carries the fingerprint.
    const ordinance = flat(pdfText(out('ct-1.pdf')));
    expect(ordinance).not.toContain(`${t.fingerprint} )`);
    const html = fs.readFileSync(out('ct-1.html'), 'utf8');
    expect(html).toContain(`(<span class="fingerprint">${t.fingerprint}</span>)`);
    const guide = flat(pdfText(out('guide-0.pdf')));
    expect(guide).toContain(`Policy fingerprint ${shortFingerprint(t.fingerprint)}. `);
    // A citation, set at the size of the text around it too, ends with its sentence's period.
    expect(guide).toMatch(/counted from release time \(§ [^.]*\)\. /);
    expect(guide).not.toMatch(/\) \./);
  });

  it('the impact report PDF holds the summary, the comparison, coverage and the fingerprint', () => {
    const text = flat(pdfText(out('report.pdf')));
    const fp = ordinanceText(loadFile(ctFile)).fingerprint;
    for (const heading of [
      'Summary',
      'Comparison with the baseline',
      'Changed cases',
      'Coverage: which provision decided each case',
      'Assumptions and sources',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('150 booking cases');
    expect(text).toContain(fp);
  });

  it('a case id in the table of changed cases is one word: "B-0001" never breaks at its hyphen', () => {
    const text = pdfText(out('breaks-0.pdf'));
    expect(text).toMatch(/\bB-\d{4}\b/);
    expect(text).not.toMatch(/\bB-\s*\n/);
  });

  it("no heading or table caption ends a page: each goes over with its table's header and first row", () => {
    for (let i = 0; i < breakReports.length; i++) {
      const pages = pdfText(out(`breaks-${i}.pdf`)).split('\f');
      const pageOf = (needle: string) => pages.findIndex((p) => p.includes(needle));
      expect(pageOf('By year, month and facility'), `report ${i}`).toBe(pageOf('Decisions by year of the request'));
      for (const caption of ['Decisions by year of the request', 'Decisions by month of the request', 'Decisions by facility']) {
        const at = pageOf(caption);
        if (at < 0) continue;
        const after = pages[at]!.slice(pages[at]!.indexOf(caption));
        // The header, then a first row: a year, a month or a facility, then its figures.
        expect(after, `report ${i}: ${caption}`).toMatch(/Undecided|Declined/);
        expect(after, `report ${i}: ${caption}`).toMatch(/\n(\d{4}(-\d\d)?|[A-Z][A-Z ]+)\n/);
      }
    }
  });
});
