// Exported HTML passes the headings-and-landmarks check in a real Chromium, fetches nothing and runs
// no script, and markup typed into the ordinance prints as text.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from '@playwright/test';
import {
  buildExport,
  renderImpactReportHtml,
  renderOfficerGuideHtml,
  renderOrdinanceHtml,
  renderRedlineHtml,
} from '../../engine/export/index';
import { auditHtml } from './a11y';
import { CHROMIUM_ARGS } from '../../renderer/tools/browser.mjs';
import { ordinanceText, shortFingerprint } from '../../engine/index';
import { allOrdinanceFiles, ctFile, generatedCases, loadFile, pdfText, rivertonFile, skipReason, tempDir, which } from './helpers';
import fs from 'node:fs';
import path from 'node:path';

const CHROMIUM = process.env.DETAINER_STUDIO_CHROMIUM ?? which('chromium') ?? which('google-chrome');
const skip = CHROMIUM ? undefined : skipReason(['chromium']);

describe.skipIf(skip)('HTML exports in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage();
  }, 30000);
  afterAll(async () => {
    await browser?.close();
  });

  const ct = loadFile(ctFile);
  const riverton = loadFile(rivertonFile);
  const cases = generatedCases(300);
  const amended = {
    ...ct,
    version: '2015',
    sections: ct.sections.map((s) => ({ ...s, provisions: s.provisions?.filter((p) => p.id !== 'gang-database') })),
  };
  const documents: Array<[string, () => string | Promise<string>]> = [
    ['ordinance (sample)', () => renderOrdinanceHtml(ct)],
    ['ordinance (markup in the text)', () => renderOrdinanceHtml(riverton)],
    ['officer guide (sample)', () => renderOfficerGuideHtml(ct)],
    ['officer guide (markup in the text)', () => renderOfficerGuideHtml(riverton)],
    ['impact report', () => renderImpactReportHtml({ ordinance: ct, cases, casesLabel: 'synthetic <300>.json' })],
    ['impact report against another draft', () => renderImpactReportHtml({ ordinance: riverton, cases, casesLabel: 'x', compareWith: ct })],
    ['redline with the simulation delta', () => renderRedlineHtml(ct, amended, { cases, casesLabel: 'synthetic' })],
    ['bundle preview', async () => (await buildExport({ format: 'bundle', ordinance: riverton })).preview],
  ];
  for (const [name, make] of documents) {
    it(`${name}: headings, landmarks, labels`, async () => {
      expect(await auditHtml(page, await make())).toEqual([]);
    });
  }

  it('prints markup typed into the ordinance as text', async () => {
    await page.setContent(renderOrdinanceHtml(riverton));
    expect(await page.locator('h1').textContent()).toBe('An Ordinance Concerning Civil Immigration Detainers <script>alert("x")</script>');
    expect(await page.locator('h2', { hasText: 'Detainers' }).textContent()).toBe('Section 4. Detainers <i>honored</i> & declined');
    expect(await page.locator('i, b, script').count()).toBe(0);
  });

  it('keeps the page-margin footer inside its style rule when the version holds quotes and </style>', async () => {
    const tricky = { ...riverton, version: '4 "x" \\ </style><h1>injected</h1>' };
    const html = renderOrdinanceHtml(tricky);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    await page.setContent(html);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.doc-header .subtitle').textContent()).toContain('Version 4 "x" \\ </style><h1>injected</h1>');
  });

  it.skipIf(!which('pdftotext'))(
    "prints through the page's own print engine, as the app's window does, with page numbers and fingerprint",
    async () => {
      const t = ordinanceText(ct);
      await page.setContent(renderOrdinanceHtml(ct));
      // The options the app passes to webContents.printToPDF: the stylesheet decides size and margins.
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
      const dir = tempDir('cdp');
      fs.writeFileSync(path.join(dir, 'o.pdf'), pdf);
      const text = pdfText(path.join(dir, 'o.pdf')).replace(/\s+/g, ' ');
      fs.rmSync(dir, { recursive: true, force: true });
      expect(text).toContain(t.title);
      for (const s of t.sections) expect(text).toContain(`Section ${s.number}. ${s.heading}`);
      expect(text).toContain(`Fingerprint ${shortFingerprint(t.fingerprint)}`);
      expect(text).toContain(t.fingerprint);
      expect(text).toMatch(/Page 1 of \d/);
    },
  );

  it('every officer guide prints on one or two pages (three where it prints law notes), before its decision-table appendix', async () => {
    for (const file of allOrdinanceFiles()) {
      const html = renderOfficerGuideHtml(loadFile(file));
      expect(html, path.basename(file)).toContain('Appendix: the complete decision table');
      // The appendix starts on a page of its own; the guide proper is what must fit on two pages. What the
      // law says about the steps (the law notes, at the top and at each step) is never cut to fit: it may
      // take a third page, and only it.
      const guide = html.replace(/<section class="appendix"[\s\S]*?<\/section>/, '');
      const pagesOf = async (h: string) => {
        await page.setContent(h);
        const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
        return pdf.match(/\/Type \/Page(?!s)/g)?.length ?? 0;
      };
      const withoutLaw = guide
        .replace(/<section class="law-notes"[\s\S]*?<\/section>/, '')
        .replace(/<p class="step-law">[\s\S]*?<\/p>/g, '');
      const pages = await pagesOf(withoutLaw);
      expect(pages, path.basename(file)).toBeGreaterThanOrEqual(1);
      expect(pages, path.basename(file)).toBeLessThanOrEqual(2);
      expect(await pagesOf(guide), path.basename(file)).toBeLessThanOrEqual(guide === withoutLaw ? 2 : 3);
    }
  }, 60000);

  it('finds the problems it looks for', async () => {
    const bad =
      '<!DOCTYPE html><html><head><title>t</title></head><body><h1>a</h1><h1>b</h1><h3>c</h3><svg></svg><section aria-labelledby="nope"></section><table><thead><tr><th>x</th></tr></thead></table><script>1</script></body></html>';
    const problems = await auditHtml(page, bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        'the html element has no lang attribute',
        'expected one h1, found 2',
        'heading level skipped: h1 then h3 ("c")',
        'expected one main landmark, found 0',
        'an svg chart without role="img"',
        'an svg chart without an accessible name',
        'aria-labelledby="nope" names nothing',
        'a column header without scope',
        '1 script elements',
      ]),
    );
    expect(
      await auditHtml(
        page,
        '<!DOCTYPE html><html lang="en"><head><title>t</title><link rel="stylesheet" href="https://example.org/x.css"></head><body><header><h1>a</h1></header><main></main><footer></footer></body></html>',
      ),
    ).toEqual(['fetched https://example.org/x.css']);
  });
});
