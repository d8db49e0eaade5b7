// The outline of an ordinance as the editor reads it (even half written): findings, definitions,
// sections and their provisions with the citations they print under, and the otherwise clause.

import type { ParsedSource } from '../../../engine/index';
import { OUTCOMES, provisionTitle, type Outcome } from '../../../engine/vocabulary';
import { asRecord } from '../form/document-ops';
import { PROVISION_TYPE_WORDS } from '../lib/words';
import type { OutlineEntry } from './protocol';

const isOutcome = (x: string): x is Outcome => (OUTCOMES as readonly string[]).includes(x);

export function outlineOf(data: Record<string, unknown>, source: ParsedSource, citations: Map<string, string> | null): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const at = (path: (string | number)[]) => source.locate(path, true);
  if (Array.isArray(data.findings) && data.findings.length) {
    const p = at(['findings']);
    out.push({ kind: 'findings', label: `Findings (${data.findings.length})`, line: p.line, column: p.column, depth: 0 });
  }
  if (Array.isArray(data.definitions) && data.definitions.length) {
    const p = at(['definitions']);
    out.push({ kind: 'definitions', label: `Definitions (${data.definitions.length})`, line: p.line, column: p.column, depth: 0 });
  }
  const sections = Array.isArray(data.sections) ? data.sections : [];
  sections.forEach((s, si) => {
    const section = asRecord(s);
    const p = at(['sections', si]);
    out.push({
      kind: 'section',
      label: typeof section?.heading === 'string' ? section.heading : `Section ${si + 1}`,
      line: p.line,
      column: p.column,
      depth: 0,
    });
    const provisions = Array.isArray(section?.provisions) ? section.provisions : [];
    provisions.forEach((v, pi) => {
      const provision = asRecord(v);
      const id = typeof provision?.id === 'string' ? provision.id : undefined;
      const q = at(['sections', si, 'provisions', pi]);
      const heading = typeof provision?.heading === 'string' ? provision.heading : undefined;
      // A provision without a heading by what it governs ("Notice to ICE"), a detainer rule by what it does
      // as the engine names it everywhere ("[no heading; declines the detainer]"), never by its id.
      const type =
        typeof provision?.type === 'string' && provision.type !== 'detainer' && provision.type !== 'other' ? provision.type : undefined;
      const outcome = typeof provision?.outcome === 'string' && isOutcome(provision.outcome) ? provision.outcome : undefined;
      out.push({
        kind: 'provision',
        label:
          (heading?.trim() ? heading : undefined) ??
          (type ? PROVISION_TYPE_WORDS[type] : undefined) ??
          provisionTitle({ id: id ?? '', citation: '', heading, outcome }),
        id,
        citation: id ? citations?.get(id) : undefined,
        line: q.line,
        column: q.column,
        depth: 1,
      });
    });
  });
  if (typeof data.otherwise === 'string') {
    const p = at(['otherwise']);
    out.push({ kind: 'otherwise', label: `Otherwise: ${data.otherwise}`, line: p.line, column: p.column, depth: 0 });
  }
  return out;
}
