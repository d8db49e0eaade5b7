// Every PDF export printed by Chromium with the machine's fonts hidden (fontconfig pointed at an empty
// configuration): the text is all there (pdftotext), set in the shipped typefaces, embedded (pdffonts),
// the officer guide keeps to its page budget, and the bytes equal those printed with the machine's
// fonts visible. And a PDF printed without text, or in a substitute font, is refused.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, printHtmlToPdf } from '../../cli/pdf-printer';
import { finishPdf, PdfFontError, renderOfficerGuideHtml, renderOrdinanceHtml, SHIPPED_FONT_NAMES } from '../../engine/export/index';
import { ctFile, htmlText, lawNotesIn, loadFile, pdfText, root, rivertonFile, skipReason, tempDir } from './helpers';

const chromium = findChromium();
const skip = chromium ? skipReason(['pdftotext', 'pdffonts']) : skipReason(['chromium']);
const cli = path.join(root, 'bin', 'detainer-studio.mjs');

/** `pdffonts` rows: name (subset tag removed), whether embedded. */
function pdffonts(file: string): { name: string; embedded: boolean }[] {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return rows.map((row) => {
    const cols = row.trim().split(/\s+/);
    // name, type (one or more words), encoding, emb, sub, uni, object, generation
    return { name: cols[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** The words a page shows: its body text without markup, SVG titles or descriptions. */
function htmlWords(html: string): string[] {
  const body = html.slice(html.indexOf('<body>')).replace(/<(title|desc)\b[^>]*>[\s\S]*?<\/\1>/g, ' ');
  return [...new Set(htmlText(body, 'span|dfn|strong|em|b|i|code|a|ins|del|abbr|sup|sub').split(/\s+/).filter(Boolean))];
}

describe.skipIf(skip)('PDF exports with no system fonts visible', () => {
  const dir = tempDir('no-system-fonts');
  const emptyConfig = path.join(dir, 'fonts.conf');
  const hidden = { ...process.env, FONTCONFIG_FILE: emptyConfig };
  const casesFile = path.join(dir, 'cases.json');
  const out = (name: string) => path.join(dir, name);
  const ct = loadFile(ctFile);

  /** Each PDF export, by name: its CLI arguments and the HTML it prints. */
  const exportsToPrint: { name: string; args: string[]; html: () => string }[] = [
    {
      name: 'ordinance',
      args: [ctFile, '--format', 'pdf'],
      // Its closing line (version, date, fingerprint) is hidden in print: every page's margin prints those words.
      html: () => renderOrdinanceHtml(ct).replace(/<footer class="doc-footer">[\s\S]*?<\/footer>/, ''),
    },
    {
      name: 'guide-riverton',
      args: [rivertonFile, '--format', 'officer-guide'],
      html: () => renderOfficerGuideHtml(loadFile(rivertonFile)),
    },
    { name: 'guide-ct', args: [ctFile, '--format', 'officer-guide'], html: () => renderOfficerGuideHtml(ct) },
    { name: 'report', args: [ctFile, '--format', 'report', '--cases', casesFile], html: () => '' },
    { name: 'redline', args: [ctFile, '--format', 'redline', '--against', rivertonFile], html: () => '' },
  ];

  const exportPdf = (args: string[], file: string, env: NodeJS.ProcessEnv) =>
    execFileSync(process.execPath, [cli, 'export', ...args, '--out', file], { env, encoding: 'utf8', stdio: 'pipe' });

  beforeAll(() => {
    fs.writeFileSync(
      emptyConfig,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${dir}/fc-cache</cachedir></fontconfig>\n`,
    );
    // fc-list with the empty configuration must see nothing, or this test proves nothing.
    const seen = execFileSync('sh', ['-c', 'command -v fc-list >/dev/null && fc-list || true'], { env: hidden, encoding: 'utf8' });
    expect(seen.trim()).toBe('');
    execFileSync(process.execPath, [cli, 'generate', '--count', '120', '--seed', '5', '--out', casesFile], { stdio: 'pipe' });
    for (const e of exportsToPrint) {
      exportPdf(e.args, out(`${e.name}-hidden.pdf`), hidden);
      exportPdf(e.args, out(`${e.name}-visible.pdf`), process.env);
    }
  }, 180000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sets every PDF in the shipped typefaces, embedded', () => {
    for (const e of exportsToPrint) {
      const fonts = pdffonts(out(`${e.name}-hidden.pdf`));
      expect(fonts.length, e.name).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(SHIPPED_FONT_NAMES.includes(f.name), `${e.name}: ${f.name}`).toBe(true);
        expect(f.embedded, `${e.name}: ${f.name}`).toBe(true);
      }
    }
  });

  it('prints every word of the page, the margins included', () => {
    for (const e of exportsToPrint) {
      const text = pdfText(out(`${e.name}-hidden.pdf`));
      const printed = new Set(text.split(/\s+/));
      // A long word (the fingerprint) may break across lines; pdftotext joins a word broken after its hyphen
      // and drops that hyphen, which may be any one of the word's hyphens ("9-25-102" broken after "9-25-").
      const flat = text.replace(/\s+/g, '');
      const joined = (w: string) => [...w].some((c, i) => c === '-' && flat.includes(w.slice(0, i) + w.slice(i + 1)));
      expect(text, e.name).toMatch(/Page 1 of \d/);
      expect(text, e.name).toContain('Fingerprint');
      const html = e.html();
      if (html) {
        const missing = htmlWords(html).filter(
          (w) => !printed.has(w) && !flat.includes(w) && !flat.includes(w.replace(/-/g, '')) && !joined(w),
        );
        expect(missing, e.name).toEqual([]);
      }
    }
  });

  it('keeps each officer guide to one or two pages (three with law notes) before its decision-table appendix', () => {
    for (const e of exportsToPrint.filter((x) => x.name.startsWith('guide-'))) {
      const pages = pdfText(out(`${e.name}-hidden.pdf`)).split('\f');
      const appendix = pages.findIndex((t) => t.includes('Appendix: the complete decision table'));
      expect(appendix, e.name).toBeGreaterThanOrEqual(1);
      expect(appendix, e.name).toBeLessThanOrEqual(lawNotesIn(pages) ? 3 : 2);
    }
  });

  it('gives the same bytes with the machine fonts hidden as with them visible', () => {
    for (const e of exportsToPrint) {
      const a = fs.readFileSync(out(`${e.name}-hidden.pdf`));
      const b = fs.readFileSync(out(`${e.name}-visible.pdf`));
      expect(a.equals(b), e.name).toBe(true);
    }
  });

  it('refuses a PDF that printed without text, and one set in a font of the machine', async () => {
    const plain = '<!DOCTYPE html><html><body><p>Hold for no more than 48 hours.</p></body></html>';
    const bare = await printHtmlToPdf(plain, { env: hidden });
    expect(() => finishPdf(bare, {})).toThrow(/holds no fonts, so its pages carry no text/);
    // With the machine's fonts visible, a page that asks for none of the shipped ones gets a font of
    // the machine (or, where it has none, no font at all): refused either way.
    const substitute = await printHtmlToPdf(plain.replace('<p>', '<p style="font-family: sans-serif">'));
    expect(() => finishPdf(substitute, {})).toThrow(PdfFontError);
  }, 60000);

  it("prints the impact report's chart labels in the shipped sans-serif", () => {
    expect(pdffonts(out('report-hidden.pdf')).map((f) => f.name)).toContain('Arimo-Regular');
  });
});
