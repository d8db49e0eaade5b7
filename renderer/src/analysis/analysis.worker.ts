// The analysis worker: on every edit, the engine validates the ordinance (the authority for squiggles
// and the Problems panel), prints its text for the preview and maps its outline, off the UI thread.
// A second instance works out the decision table and the difference between drafts on request.

import {
  checkDocument,
  checkExpectedDecisions,
  decisionTable,
  decisionTableCsv,
  diffDrafts,
  exampleOfFinding,
  fingerprint,
  layoutOrdinance,
  loadExpectedDecisions,
  markdownFromText,
  ordinanceText,
  parseSource,
  quickFixTextEdit,
  readDraftToCompare,
  silenceFix,
  type LintDiagnostic,
  type Ordinance,
  type Scenario,
} from '../../../engine/index';
import { workerScope } from '../lib/worker-scope';
import { asRecord } from '../form/document-ops';
import { outlineOf } from './outline';
import type {
  AnalysisRequest,
  AnalysisResult,
  AnalysisWorkerMessage,
  DeepRequest,
  DeepResponse,
  FixRequest,
  FixResponse,
  ReimbursementChoice,
} from './protocol';
import { provisionHeadsOf, rowProvisionName } from './table-rows';

const scope = workerScope<AnalysisRequest, AnalysisWorkerMessage>();

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
  const data = asRecord(loaded.source.value) ?? null;
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

/** The scenario the CLI builds from `--reimbursement yes|no`; none leaves the agreement open. */
function scenarioOf(choice: ReimbursementChoice): Scenario | undefined {
  return choice === 'either' ? undefined : { reimbursementAgreement: choice === 'yes' };
}

/** The last table worked out: edits that leave the policy's meaning as it was (comments) reuse it. */
let lastTable: { key: string; table: ReturnType<typeof decisionTable>; csv: string } | null = null;

function deep(request: DeepRequest): DeepResponse {
  const start = performance.now();
  switch (request.kind) {
    case 'decision-table': {
      const scenario = scenarioOf(request.reimbursement);
      const key = `${fingerprint(request.ordinance)} ${request.reimbursement}`;
      if (lastTable?.key !== key) {
        const table = decisionTable(request.ordinance, scenario ? { scenario } : {});
        lastTable = { key, table, csv: decisionTableCsv(table) };
      }
      return {
        kind: 'decision-table',
        id: request.id,
        version: request.version,
        reimbursement: request.reimbursement,
        table: lastTable.table,
        csv: lastTable.csv,
        provisions: provisionHeadsOf(request.ordinance),
        ms: performance.now() - start,
      };
    }
    case 'load-draft': {
      const read = readDraftToCompare(request.text, request.name);
      return read.ok
        ? {
            kind: 'draft-loaded',
            id: request.id,
            name: request.name,
            ordinance: read.ordinance,
            title: read.title,
            fingerprint: read.fingerprint,
          }
        : { kind: 'draft-refused', id: request.id, name: request.name, error: read.problem };
    }
    case 'expected': {
      const loaded = loadExpectedDecisions(request.text);
      const base = { kind: 'expected' as const, id: request.id, version: request.version, name: request.name };
      if (!loaded.expected) {
        const problems = loaded.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => `line ${d.line}, column ${d.column}: ${d.message}`);
        return { ...base, ordinance: null, problems, passed: 0, failed: 0, verdicts: [], ms: performance.now() - start };
      }
      const check = checkExpectedDecisions(loaded.expected, request.ordinance, loaded.source);
      const layout = layoutOrdinance(request.ordinance);
      const heads = provisionHeadsOf(request.ordinance);
      // A provision the file expects, named as the draft names it; null when the draft has no such id.
      const expectedName = (id: string | undefined): string | null => {
        if (id === undefined) return null;
        const citation = id === 'default' ? layout.otherwiseCitation : layout.citationOf.get(id);
        return citation === undefined ? null : rowProvisionName({ provision: id, citation }, heads);
      };
      return {
        ...base,
        ordinance: loaded.expected.ordinance,
        problems: [],
        passed: check.passed,
        failed: check.failed,
        verdicts: check.verdicts.map((v) => ({
          id: v.id,
          why: v.why ?? null,
          expected: v.expected,
          expectedName: expectedName(v.expected.provision),
          got: {
            outcome: v.decision.outcome,
            provision: v.decision.provision,
            citation: v.decision.citation,
            name: rowProvisionName(v.decision, heads),
            holdUntil: v.decision.holdUntil,
          },
          differences: v.differences,
          line: v.at.line,
        })),
        ms: performance.now() - start,
      };
    }
    case 'finding-example': {
      return { kind: 'finding-example', id: request.id, example: exampleOfFinding(request.text, request.finding) };
    }
    case 'diff': {
      const scenario = scenarioOf(request.reimbursement);
      const difference = diffDrafts(request.a, request.b, scenario ? { scenario } : {});
      return {
        kind: 'diff',
        id: request.id,
        version: request.version,
        reimbursement: request.reimbursement,
        a: fingerprint(request.a),
        b: fingerprint(request.b),
        aTitle: request.a.title,
        bTitle: request.b.title,
        difference,
        ms: performance.now() - start,
      };
    }
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'fix' || request.kind === 'silence') {
    scope.postMessage(fixEdit(request));
    return;
  }
  if (request.kind !== 'analyze') {
    try {
      scope.postMessage(deep(request));
    } catch (e) {
      scope.postMessage({ kind: 'deep-failed', id: request.id, error: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  try {
    scope.postMessage(analyze(request.version, request.text));
  } catch (e) {
    // The engine promises located diagnostics, not exceptions; if one escapes, say so instead of hanging.
    scope.postMessage({ kind: 'analysis-failed', version: request.version, error: e instanceof Error ? e.message : String(e) });
  }
};
