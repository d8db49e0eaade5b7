// Each DOCX export opens in LibreOffice: converted to PDF (all files in one soffice call, to keep
// this fast), its text holds the title, every section heading, the page numbers and the fingerprint.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOrdinanceDocx, renderRedlineDocx } from '../../engine/export/index';
import { shortFingerprint, ordinanceText, type Ordinance } from '../../engine/index';
import { ctFile, generatedCases, loadFile, pdfText, rivertonFile, skipReason, tempDir } from './helpers';

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
  const texts = new Map<string, string>();

  beforeAll(async () => {
    const dir = tempDir('lo');
    const files: Array<[string, Uint8Array]> = [
      ['ct.docx', await renderOrdinanceDocx(ct)],
      ['riverton.docx', await renderOrdinanceDocx(riverton)],
      ['redline.docx', await renderRedlineDocx(ct, amended, { cases: generatedCases(200), casesLabel: 'synthetic' })],
    ];
    for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files.map(([n]) => path.join(dir, n)),
      ],
      { timeout: 120000, stdio: 'ignore' },
    );
    for (const [name] of files) texts.set(name, flat(pdfText(path.join(dir, name.replace('.docx', '.pdf')))));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 150000);

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
