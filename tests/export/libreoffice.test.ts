// Each DOCX export opens in LibreOffice: converted to PDF (all files in one soffice call, to keep
// this fast), its text holds the title, every section heading, the page numbers and the fingerprint.
// Converted to OpenDocument, the ordinance keeps Word's structure: the title in the Title style,
// every section an outline-level-1 heading, subsections and condition items as lists (nested where
// the conditions nest), and LibreOffice prints the list labels the Markdown prints; the last page
// holds text of the ordinance, never the footer alone.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOrdinanceDocx, renderRedlineDocx } from '../../engine/export/index';
import { shortFingerprint, ordinanceText, renderMarkdown, type Ordinance } from '../../engine/index';
import { ctFile, generatedCases, loadFile, pdfText, rivertonFile, root, skipReason, tempDir } from './helpers';

const skip = skipReason(['soffice', 'pdftotext']);
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(skip)('DOCX through LibreOffice', () => {
  const ct = loadFile(ctFile);
  const riverton = loadFile(rivertonFile);
  const amended: Ordinance = {
    ...ct,
    version: '2015',
    findings: ct.findings?.map((f, i) => (i === 0 ? { ...f, text: f.text.replace('essential', 'vital') } : f)),
  };
  const committee = loadFile(path.join(root, 'tests/analysis/fixtures/boston-committee-draft.ordinance.yaml'));
  const boston = loadFile(path.join(root, 'samples/ordinances/boston-serious-felony-partition-2011.ordinance.yaml'));
  const texts = new Map<string, string>();
  const layouts = new Map<string, string>();
  const odts = new Map<string, string>();

  beforeAll(async () => {
    const dir = tempDir('lo');
    const files: Array<[string, Uint8Array]> = [
      ['ct.docx', await renderOrdinanceDocx(ct)],
      ['riverton.docx', await renderOrdinanceDocx(riverton)],
      ['redline.docx', await renderRedlineDocx(ct, amended, { cases: generatedCases(200), casesLabel: 'synthetic' })],
    ];
    for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
    files.push(['committee.docx', await renderOrdinanceDocx(committee)], ['boston.docx', await renderOrdinanceDocx(boston)]);
    for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
    for (const format of ['pdf', 'fodt']) {
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          format,
          '--outdir',
          dir,
          ...files.filter(([n]) => format === 'pdf' || n !== 'redline.docx').map(([n]) => path.join(dir, n)),
        ],
        { timeout: 120000, stdio: 'ignore' },
      );
    }
    for (const [name] of files) {
      const pdf = path.join(dir, name.replace('.docx', '.pdf'));
      texts.set(name, flat(pdfText(pdf)));
      layouts.set(name, execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      const odt = path.join(dir, name.replace('.docx', '.fodt'));
      if (fs.existsSync(odt)) odts.set(name, fs.readFileSync(odt, 'utf8'));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240000);

  for (const [name, o] of [
    ['ct.docx', ct],
    ['riverton.docx', riverton],
    ['committee.docx', committee],
    ['boston.docx', boston],
  ] as const) {
    it(`${name}: Word's title, headings and lists survive in LibreOffice, with the labels the text prints and no page of footer alone`, () => {
      const t = ordinanceText(o);
      const odt = odts.get(name)!;
      const xmlText = (x: string) =>
        x
          .replace(/<[^>]+>/g, '')
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
      expect(xmlText(/<text:p text:style-name="Title">([\s\S]*?)<\/text:p>/.exec(odt)?.[1] ?? '')).toBe(t.title);
      const headings = [...odt.matchAll(/<text:h [^>]*text:outline-level="1"[^>]*>([\s\S]*?)<\/text:h>/g)].map((m) => xmlText(m[1]!));
      expect(headings).toEqual(t.sections.map((s) => `Section ${s.number}. ${s.heading}`));
      expect(odt).toMatch(/<text:list\b/);
      if (name === 'committee.docx' || name === 'boston.docx')
        expect(odt).toMatch(/<text:list-item>\s*<text:p [^>]*>[^<]*<\/text:p>\s*<text:list>/);
      // The labels LibreOffice prints, at the start of lines, in the order the Markdown prints them
      // (pdftotext's layout may set a label against its text at the top of a page: "(B)the supervisor",
      // shown apart on the page).
      const printed = layouts
        .get(name)!
        .split('\n')
        .map((l) => /^\s*(\((?:[a-z]{1,2}|\d+|[A-Z]|[ivx]+)\))(?:\s|(?=[a-z]))/.exec(l)?.[1])
        .filter((l): l is string => Boolean(l));
      const md = renderMarkdown(o)
        .split('\n')
        .map((l) => /^(?: *- )?(\((?:[a-z]{1,2}|\d+|[A-Z]|[ivx]+)\)) /.exec(l)?.[1])
        .filter((l): l is string => Boolean(l));
      expect(printed).toEqual(md);
      // The last page carries the end of the ordinance (its signatures), not the footer alone.
      const pages = layouts
        .get(name)!
        .split('\f')
        .filter((p) => p.trim());
      const body = pages
        .at(-1)!
        .split('\n')
        .filter((l) => l.trim() && !/Fingerprint|sha256:|Page \d+ of \d+/.test(l));
      expect(body.length, `${name}: last page`).toBeGreaterThan(0);
      expect(pages.at(-1)).toContain(t.signatures.at(-1)!.signer);
    });
  }

  for (const [name, file] of [
    ['ct.docx', ctFile],
    ['riverton.docx', rivertonFile],
  ] as const) {
    it(`${name} holds the title, every section heading, page numbers and the fingerprint`, () => {
      const t = ordinanceText(loadFile(file));
      const text = texts.get(name)!;
      expect(text).toContain(flat(t.title));
      for (const s of t.sections) expect(text).toContain(flat(`Section ${s.number}. ${s.heading}`));
      expect(text).toContain(shortFingerprint(t.fingerprint));
      expect(text).toContain(t.fingerprint);
      expect(text).toMatch(/Page 1 of \d/);
      // Word's own list numbering prints the clause letters.
      expect(text).toContain('(a)');
    });
  }

  it('the redline shows the deleted and the inserted word and the effect on decisions', () => {
    const text = texts.get('redline.docx')!;
    expect(text).toContain('essential');
    expect(text).toContain('vital');
    expect(text).toContain('This amendment changes none of the 200 decisions simulated.');
    expect(text).toContain(shortFingerprint(ordinanceText(amended).fingerprint));
  });
});
