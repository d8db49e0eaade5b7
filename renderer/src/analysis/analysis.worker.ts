// The analysis worker: on every edit, the engine validates the ordinance (the authority for squiggles
// and the Problems panel), prints its text for the preview and maps its outline, off the UI thread.

import {
  checkDocument,
  layoutOrdinance,
  markdownFromText,
  ordinanceText,
  parseSource,
  quickFixTextEdit,
  silenceFix,
  type LintDiagnostic,
  type Ordinance,
  type ParsedSource,
} from '../../../engine/index';
import { workerScope } from '../lib/worker-scope';
import type { AnalysisRequest, AnalysisResult, AnalysisWorkerMessage, FixRequest, FixResponse, OutlineEntry } from './protocol';

const scope = workerScope<AnalysisRequest, AnalysisWorkerMessage>();

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function outlineOf(data: Record<string, unknown>, source: ParsedSource, citations: Map<string, string> | null): OutlineEntry[] {
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
    const section = record(s);
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
      const provision = record(v);
      const id = typeof provision?.id === 'string' ? provision.id : undefined;
      const q = at(['sections', si, 'provisions', pi]);
      const heading = typeof provision?.heading === 'string' ? provision.heading : undefined;
      out.push({
        kind: 'provision',
        label: heading ?? id ?? `Provision ${pi + 1}`,
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

/** Citations as the text would print them; for a draft with errors, as well as its shape allows. */
function citationsOf(document: Ordinance | Record<string, unknown> | null): Map<string, string> | null {
  if (!document || !Array.isArray(document.sections)) return null;
  try {
    return layoutOrdinance(document as Ordinance).citationOf;
  } catch {
    return null;
  }
}

function analyze(version: number, text: string): AnalysisResult {
  const start = performance.now();
  // Validation, then the legal lint; example cases are left out on the keystroke path.
  const loaded = checkDocument(text, { examples: false });
  const data = record(loaded.source.value) ?? null;
  const ordinance = loaded.ordinance ?? null;
  const printed = ordinance ? ordinanceText(ordinance) : null;
  const citations = citationsOf(ordinance ?? data);
  const outline = data ? outlineOf(data, loaded.source, citations) : [];
  const provisionLines: Record<string, number> = {};
  for (const e of outline) if (e.kind === 'provision' && e.id && !(e.id in provisionLines)) provisionLines[e.id] = e.line;
  return {
    kind: 'analysis',
    version,
    diagnostics: loaded.diagnostics,
    data,
    ordinance,
    text: printed,
    markdown: printed ? markdownFromText(printed) : null,
    outline,
    provisionLines,
    engineMs: performance.now() - start,
  };
}

function fixEdit(request: FixRequest): FixResponse {
  try {
    const fix =
      request.kind === 'fix'
        ? request.fix
        : silenceFix(request.diagnostic as LintDiagnostic, request.reason, parseSource(request.text, 'ordinance'));
    return { kind: 'fix-edit', id: request.id, edit: quickFixTextEdit(request.text, fix) };
  } catch (e) {
    return { kind: 'fix-failed', id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind !== 'analyze') {
    scope.postMessage(fixEdit(request));
    return;
  }
  try {
    scope.postMessage(analyze(request.version, request.text));
  } catch (e) {
    // The engine promises located diagnostics, not exceptions; if one escapes, say so instead of hanging.
    scope.postMessage({ kind: 'analysis-failed', version: request.version, error: e instanceof Error ? e.message : String(e) });
  }
};
