// The outline beside the editor: every section and provision of a real ordinance, labelled as a
// reader knows it, with the citation it prints under.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutOrdinance, loadOrdinance } from '../../engine/index';
import { outlineOf } from '../../renderer/src/analysis/outline';
import { asRecord } from '../../renderer/src/form/document-ops';

const text = readFileSync(new URL('../../samples/ordinances/connecticut-trust-act-2014.ordinance.yaml', import.meta.url), 'utf8');

describe('outlineOf', () => {
  it('labels a provision by its heading, else by what it governs, never by a bare id when it has a type', () => {
    const loaded = loadOrdinance(text);
    const layout = layoutOrdinance(loaded.ordinance!);
    const entries = outlineOf(asRecord(loaded.source.value)!, loaded.source, layout.citationOf);
    const provisions = entries.filter((e) => e.kind === 'provision');
    expect(provisions.find((e) => e.id === 'gang-member')).toMatchObject({ label: 'Known gang member', citation: '§ 3(b)' });
    // The notice to ICE has no heading: it is named by its type, with its citation.
    expect(provisions.find((e) => e.id === 'notice-of-decision')).toMatchObject({ label: 'Notice to ICE', citation: '§ 4' });
    expect(provisions.map((e) => e.label)).not.toContain('notice-of-decision');
    // Each entry points at its line in the text.
    const lines = text.split('\n');
    expect(lines[provisions.find((e) => e.id === 'gang-member')!.line - 1]).toContain('id: gang-member');
    expect(entries.at(-1)).toMatchObject({ kind: 'otherwise', label: 'Otherwise: decline' });
  });
});
