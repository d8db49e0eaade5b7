// The same inputs give byte-identical exports, in one process and across processes, and no export
// carries the wall clock: DOCX zip entries and core properties hold the document's own date.

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExport, EXPORT_FORMATS, RENDITIONS, type ExportRequest } from '../../engine/export/index';
import { unzipSync } from 'fflate';
import { ctFile, generatedCases, loadFile, rivertonFile, root, tempDir, unzip } from './helpers';

const sha = (data: string | Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

describe('deterministic exports', () => {
  const ct = loadFile(ctFile);
  const riverton = loadFile(rivertonFile);
  const cases = { cases: generatedCases(250), label: 'synthetic.json' };

  function request(format: (typeof EXPORT_FORMATS)[number], rendition: string): ExportRequest {
    return {
      format,
      rendition: rendition as ExportRequest['rendition'],
      ordinance: riverton,
      cases,
      ...(format === 'redline' ? { against: ct } : {}),
    };
  }

  for (const format of EXPORT_FORMATS) {
    for (const rendition of RENDITIONS[format]) {
      it(`${format} as ${rendition}: twice, the same SHA-256`, async () => {
        const a = await buildExport(request(format, rendition));
        const b = await buildExport(request(format, rendition));
        const bytes = (r: typeof a) => r.data ?? r.printHtml!;
        expect(sha(bytes(a))).toBe(sha(bytes(b)));
        expect(a.suggestedName).toBe(b.suggestedName);
      });
    }
  }

  it('DOCX carries the document date, never the clock, in its zip entries and core properties', async () => {
    const bytes = (await buildExport({ format: 'docx', ordinance: ct })).data as Uint8Array;
    const core = unzip(bytes)['docProps/core.xml']!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2014-01-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2014-01-01T00:00:00Z</dcterms:modified>');
    // Every local file header (PK\x03\x04) carries the same DOS date: 2014-01-01.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const dates = new Set<number>();
    for (let i = 0; i + 4 < bytes.length; i++) if (view.getUint32(i, true) === 0x04034b50) dates.add(view.getUint16(i + 12, true));
    expect([...dates]).toEqual([((2014 - 1980) << 9) | (1 << 5) | 1]);
    expect(Object.keys(unzipSync(bytes))[0]).toBe('[Content_Types].xml');
  });

  it('an undated ordinance gives a DOCX without created and modified dates', async () => {
    const { effectiveDate: _drop, ...undated } = ct;
    const core = unzip((await buildExport({ format: 'docx', ordinance: undated })).data as Uint8Array)['docProps/core.xml']!;
    expect(core).not.toContain('dcterms:created');
    expect(core).not.toContain('dcterms:modified');
  });

  it('two processes write the same DOCX, bundle and HTML', () => {
    const cli = path.join(root, 'bin/detainer-studio.mjs');
    if (!fs.existsSync(path.join(root, 'dist/cli.mjs'))) execFileSync('node', [path.join(root, 'scripts/build.mjs')], { stdio: 'ignore' });
    const dir = tempDir('det');
    for (const [format, ext] of [
      ['docx', 'docx'],
      ['bundle', 'json'],
      ['html', 'html'],
    ]) {
      const run = (n: number) => {
        const file = path.join(dir, `${n}.${ext}`);
        execFileSync('node', [cli, 'export', rivertonFile, '--format', format!, '--out', file], { stdio: 'ignore' });
        return sha(fs.readFileSync(file));
      };
      expect(run(1), format).toBe(run(2));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
