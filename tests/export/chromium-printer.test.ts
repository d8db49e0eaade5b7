// The command line's PDF printer: one Chromium driven over the DevTools protocol prints a document
// the same whether it was started for it or is already running and has printed others, and a
// Chromium that can't start or has been stopped fails with a message instead of hanging.

import { describe, expect, it } from 'vitest';
import { ChromiumPrinter, findChromium, printHtmlToPdf, PrinterError } from '../../cli/pdf-printer';
import { buildExport, finishPdf } from '../../engine/export/index';
import { ordinanceText, shortFingerprint } from '../../engine/index';
import { ctFile, loadFile, pdfText, rivertonFile, skipReason, tempDir } from './helpers';
import fs from 'node:fs';
import path from 'node:path';

const chromium = findChromium();
const skip = chromium ? skipReason(['pdftotext']) : 'no Chromium';

describe.skipIf(skip)('ChromiumPrinter', () => {
  it('prints the same PDF with a running Chromium that printed another before as with one started for it', async () => {
    const exports = await Promise.all([ctFile, rivertonFile].map((f) => buildExport({ format: 'pdf', ordinance: loadFile(f) })));
    const printer = ChromiumPrinter.start();
    const printed: Uint8Array[] = [];
    try {
      for (const r of exports) printed.push(finishPdf(await printer.print(r.printHtml!), r));
    } finally {
      await printer.close();
    }
    for (const [i, r] of exports.entries()) {
      const fresh = finishPdf(await printHtmlToPdf(r.printHtml!), r);
      expect(Buffer.from(printed[i]!).equals(Buffer.from(fresh))).toBe(true);
    }
    const file = path.join(tempDir('chromium-printer'), 'ct.pdf');
    fs.writeFileSync(file, printed[0]!);
    expect(pdfText(file)).toContain(shortFingerprint(ordinanceText(loadFile(ctFile)).fingerprint));
  }, 120000);

  it('fails with a message once stopped, and when Chromium cannot start', async () => {
    const printer = ChromiumPrinter.start();
    await printer.close();
    await expect(printer.print('<p>x</p>')).rejects.toBeInstanceOf(PrinterError);
    const missing = ChromiumPrinter.start({ chromium: '/nonexistent/chromium' });
    await expect(missing.print('<p>x</p>')).rejects.toThrow(/cannot start/);
    await missing.close();
  }, 60000);
});
