// The Export dialog offers exactly what the engine (and so the command line) can export: every
// format, each in every file type it has, with the default first; and sizes are said plainly.
import { describe, expect, it } from 'vitest';
import { buildExport, EXPORT_FORMATS, RENDITIONS } from '../../engine/export/index';
import { loadOrdinance } from '../../engine/index';
import { EXPORT_DOCUMENTS } from '../../engine/vocabulary';
import { describeSize } from '../../renderer/src/export/choices';
import { readFileSync } from 'node:fs';

describe('the Export dialog’s choices', () => {
  const offered = EXPORT_DOCUMENTS.flatMap((d) => d.fileTypes.map((t) => `${t.format}:${t.rendition}`));

  it('cover every format and rendition of the engine, once each', () => {
    const engine = EXPORT_FORMATS.flatMap((f) => RENDITIONS[f].map((r) => `${f}:${r}`));
    expect([...offered].sort()).toEqual([...engine].sort());
    expect(new Set(offered).size).toBe(offered.length);
  });

  it('default to the engine’s own default file type for each document but the ordinance (Word first)', () => {
    for (const d of EXPORT_DOCUMENTS.filter((x) => x.id !== 'ordinance')) {
      expect(d.fileTypes[0]!.rendition, d.id).toBe(RENDITIONS[d.fileTypes[0]!.format][0]);
    }
    expect(EXPORT_DOCUMENTS.find((d) => d.id === 'ordinance')!.fileTypes[0]!.rendition).toBe('docx');
  });

  it('each choice that needs no cases builds, in the file type it names', async () => {
    const { ordinance } = loadOrdinance(readFileSync('samples/ordinances/connecticut-trust-act-2014.ordinance.yaml', 'utf8'));
    for (const d of EXPORT_DOCUMENTS.filter((x) => x.id !== 'report' && x.id !== 'redline')) {
      for (const t of d.fileTypes) {
        const r = await buildExport({ format: t.format, rendition: t.rendition, ordinance: ordinance! });
        expect(r.rendition).toBe(t.rendition);
        expect(r.suggestedName.endsWith(t.rendition === 'md' ? '.md' : `.${t.rendition}`)).toBe(true);
        expect(r.preview).toMatch(/^<!DOCTYPE html>/);
      }
    }
  });
});

describe('describeSize', () => {
  it('says bytes, KB and MB', () => {
    expect(describeSize(512)).toBe('512 bytes');
    expect(describeSize(2048)).toBe('2.0 KB');
    expect(describeSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
