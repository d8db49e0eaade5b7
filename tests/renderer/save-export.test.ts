// The Export dialog's save step on a host with a print engine (the desktop app's route): the PDF is
// printed from the printable HTML by real headless Chromium, stamped with the document's date, and
// written where the host says; the file equals `detainer-studio export --format pdf`. Text and Word
// files go out as built; a cancelled save dialog and a failing printer are reported, not thrown.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, printHtmlToPdf } from '../../cli/pdf-printer';
import { buildExport, finishPdf } from '../../engine/export/index';
import { loadOrdinance } from '../../engine/index';
import type { ExportRequest, Host, Result, SavedFile } from '../../host/contract';
import type { Built } from '../../renderer/src/export/protocol';
import { saveExport } from '../../renderer/src/export/save-export';

const root = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml');
const ordinance = loadOrdinance(fs.readFileSync(SAMPLE, 'utf8')).ordinance!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detainer-save-export-'));

async function built(format: 'pdf' | 'docx' | 'bundle'): Promise<Built> {
  const r = await buildExport({ format, ordinance });
  return { kind: 'built', id: 1, caseCount: 0, ms: 0, ...r };
}

/** A host that writes exports into `dir` (or cancels) and prints with the given printer. */
function fileHost(print: Host['printToPdf'], cancel = false) {
  const requests: ExportRequest[] = [];
  const host: Pick<Host, 'printToPdf' | 'exportFile'> = {
    printToPdf: print,
    async exportFile(request): Promise<Result<SavedFile | null>> {
      requests.push(request);
      if (cancel) return { ok: true, value: null };
      const target = path.join(dir, request.suggestedName);
      fs.writeFileSync(target, request.data);
      return { ok: true, value: { path: target, name: request.suggestedName, mtimeMs: null } };
    },
  };
  return { host, requests };
}

const finish = async (pdf: Uint8Array, date: string | undefined) => finishPdf(pdf, date !== undefined ? { documentDate: date } : {});
const chromium = findChromium();

describe('saving an export', () => {
  it.skipIf(!chromium)(
    'prints a PDF from the printable HTML with the host and saves the same bytes as the command line',
    async () => {
      const printed: string[] = [];
      const { host, requests } = fileHost(async (html) => {
        printed.push(html);
        return { ok: true, value: await printHtmlToPdf(html) };
      });
      const pdf = await built('pdf');
      const r = await saveExport(host, pdf, finish);
      expect(r).toMatchObject({ kind: 'saved', name: 'trust-act-2014.pdf' });
      expect(printed).toEqual([pdf.printHtml]);
      expect(requests[0]!.mimeType).toBe('application/pdf');
      const saved = fs.readFileSync(path.join(dir, 'trust-act-2014.pdf'));
      expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Dated by the ordinance (effective 2014-01-01), never by the clock.
      expect(saved.toString('latin1')).toMatch(/\/CreationDate \(D:20140101/);
      const cli = path.join(dir, 'cli.pdf');
      execFileSync(process.execPath, [path.join(root, 'bin/detainer-studio.mjs'), 'export', SAMPLE, '--format', 'pdf', '--out', cli]);
      expect(saved.equals(fs.readFileSync(cli))).toBe(true);
    },
    60_000,
  );

  it('saves Word and JSON as built, without printing', async () => {
    const { host, requests } = fileHost(async () => {
      throw new Error('nothing should be printed');
    });
    for (const format of ['docx', 'bundle'] as const) {
      const b = await built(format);
      const r = await saveExport(host, b, finish);
      expect(r).toMatchObject({ kind: 'saved', name: b.suggestedName });
      expect(fs.readFileSync(path.join(dir, b.suggestedName)).equals(Buffer.from(b.data!))).toBe(true);
    }
    expect(requests.map((q) => q.mimeType)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/json',
    ]);
  });

  it('reports a printer that fails and a save dialog that is closed', async () => {
    const failing = fileHost(async () => ({ ok: false, error: 'printing to PDF needs the desktop app' }));
    expect(await saveExport(failing.host, await built('pdf'), finish)).toEqual({
      kind: 'failed',
      error: 'could not print the PDF: printing to PDF needs the desktop app',
    });
    expect(failing.requests).toEqual([]);
    const closed = fileHost(async () => ({ ok: false, error: 'unused' }), true);
    expect(await saveExport(closed.host, await built('docx'), finish)).toEqual({ kind: 'cancelled' });
  });
});
