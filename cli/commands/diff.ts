// `detainer-studio diff A B [--json]`: the smallest cases on which two drafts decide differently, one
// per kind of difference, each checked by running both drafts; or the proof that they are equivalent.
// Exit 0 when equivalent, 1 when they differ or a draft is invalid (as validate), 2 when a file can't be read.

import { diffDrafts, type DraftDifference, type DraftWitness } from '../../engine/index';
import { detainerTerm, OUTCOME_WORDS, provisionNamer, shortFingerprint, type Decision, type Scenario } from '../../engine/index';
import { parseArgs, UsageError } from '../args';
import {
  analyseOrReport,
  loadPolicyOrReport,
  loadScenarioOrReport,
  reimbursementOverride,
  Reported,
  type LoadedPolicy,
  type Output,
} from '../context';
import type { CommandCode } from '../command';
import { count } from '../format';

export const diff: CommandCode = {
  run(argv: string[], io: Output): number {
    const args = parseArgs(argv, { values: ['scenario', 'reimbursement'], flags: ['json'] });
    if (args.positional.length !== 2) throw new UsageError('diff needs exactly two policy files');
    // An invalid draft exits 1 with its located errors, as validate does; a file that can't be read exits 2.
    const a: LoadedPolicy = loadPolicyOrReport(io, args.positional[0]!);
    const b: LoadedPolicy = loadPolicyOrReport(io, args.positional[1]!);
    let scenario: Scenario | undefined;
    if (args.values.has('scenario') || args.values.has('reimbursement')) {
      scenario = reimbursementOverride(args.values.get('reimbursement'), loadScenarioOrReport(io, args.values.get('scenario')));
    }
    let result: DraftDifference;
    try {
      // Too large to compare: said at the larger draft, which is what makes it so.
      const size = (p: LoadedPolicy) => p.ordinance.sections.reduce((n, s) => n + (s.provisions?.length ?? 0), 0);
      result = analyseOrReport(io, size(b) > size(a) ? b : a, 'the difference between the drafts', 2, () =>
        diffDrafts(a.ordinance, b.ordinance, scenario ? { scenario } : {}),
      );
    } catch (e) {
      if (e instanceof Reported) return e.exitCode;
      throw e;
    }
    if (result.unconfirmed.length > 0) {
      io.err(
        `detainer-studio diff: internal error: ${count(result.unconfirmed.length, 'kind')} of difference could not be confirmed on a concrete case\n`,
      );
      return 2;
    }
    if (args.flags.has('json')) {
      io.out(JSON.stringify(diffJson(a, b, result), null, 2) + '\n');
    } else {
      io.out(diffText(a, b, result));
    }
    return result.equivalent ? 0 : 1;
  },
};

function draftInfo(p: LoadedPolicy) {
  return { file: p.file, title: p.ordinance.title, fingerprint: p.fingerprint };
}

/** `{ equivalent, witnesses: [{ case, a, b }] }`, plus what helps a reader (drafts, facts, kind of difference). */
export function diffJson(a: LoadedPolicy, b: LoadedPolicy, r: DraftDifference): Record<string, unknown> {
  return {
    equivalent: r.equivalent,
    witnesses: r.witnesses.map((w) => {
      const out: Record<string, unknown> = { case: w.case, a: w.a, b: w.b, facts: w.facts, kind: w.kind, combinations: w.combinations };
      if (w.scenario) out.scenario = w.scenario;
      return out;
    }),
    drafts: { a: draftInfo(a), b: draftInfo(b) },
    exact: r.exact,
    ...(r.notes.length ? { notes: r.notes } : {}),
  };
}

/** Names a draft's provisions by id and citation: citation and heading (or what it does), the otherwise clause as such. */
type Namer = (id: string, citation: string) => string;

function namerOf(p: LoadedPolicy): Namer {
  const provisions = p.ordinance.sections.flatMap((s) => s.provisions ?? []).map((x) => ({ ...x, citation: '' }));
  return provisionNamer(provisions, detainerTerm(p.ordinance));
}

function headline(d: Decision, named: Namer): string {
  const until = d.holdUntil ? ` until ${d.holdUntil.replace('T', ' ')}` : '';
  return `${OUTCOME_WORDS[d.outcome].toUpperCase()}${until} by ${named(d.provision, d.citation)}`;
}

/** The deciding provision's conditions with their values and facts. */
function because(d: Decision): string[] {
  const lines: string[] = [];
  for (const r of d.reasons) {
    if (r.provision !== d.provision) continue;
    const value = r.value === 'unknown' ? 'unknown: a person decides' : r.value ? 'yes' : 'no';
    lines.push(`${'  '.repeat(r.depth)}${r.condition}: ${value}`);
    for (const f of r.facts) lines.push(`${'  '.repeat(r.depth + 1)}- ${f}`);
  }
  return lines;
}

function wrap(text: string, width: number): string[] {
  const indent = /^\s*/.exec(text)![0];
  const words = text.trim().split(/\s+/);
  const out: string[] = [];
  let line = indent;
  for (const w of words) {
    if (line.trim() && line.length + 1 + w.length > width) {
      out.push(line);
      line = `${indent}  ${w}`;
    } else line = line.trim() ? `${line} ${w}` : `${indent}${w}`;
  }
  out.push(line);
  return out;
}

/** Two explanations in columns, so a reader compares them line by line. */
export function sideBySide(left: string[], right: string[], width = 68): string {
  const l = left.flatMap((x) => wrap(x, width));
  const r = right.flatMap((x) => wrap(x, width));
  const n = Math.max(l.length, r.length);
  const rows: string[] = [];
  for (let i = 0; i < n; i++) rows.push(`    ${(l[i] ?? '').padEnd(width)}  | ${r[i] ?? ''}`.trimEnd());
  return rows.join('\n') + '\n';
}

function witnessText(w: DraftWitness, i: number, a: Namer, b: Namer): string {
  let out = `${i + 1}. A: ${w.kind.a.outcome} by ${a(w.kind.a.provision, w.a.citation)}   B: ${w.kind.b.outcome} by ${b(w.kind.b.provision, w.b.citation)}\n`;
  if (w.clock) out += `   ${w.clock[0]!.toUpperCase()}${w.clock.slice(1)}\n`;
  out += `   Smallest case (${w.case.id}): ${w.facts.join('; ')}\n`;
  if (w.scenario) out += `   Simulate it with --reimbursement ${w.scenario.reimbursementAgreement ? 'yes' : 'no'}\n`;
  out += sideBySide([`Draft A: ${headline(w.a, a)}`, ...because(w.a)], [`Draft B: ${headline(w.b, b)}`, ...because(w.b)]);
  return out;
}

export function diffText(a: LoadedPolicy, b: LoadedPolicy, r: DraftDifference): string {
  let out = `A: ${a.ordinance.title}  [${shortFingerprint(a.fingerprint)}]  ${a.file}\n`;
  out += `B: ${b.ordinance.title}  [${shortFingerprint(b.fingerprint)}]  ${b.file}\n\n`;
  if (r.equivalent) {
    out += r.exact
      ? 'Equivalent: no booking case is decided differently by the two drafts (every combination of the facts they read was checked).\n'
      : 'No difference found, but the analysis was bounded:\n';
  } else {
    out += `The drafts decide differently: ${r.witnesses.length} kind${r.witnesses.length === 1 ? '' : 's'} of difference, each shown on its smallest case.\n\n`;
    const named = [namerOf(a), namerOf(b)] as const;
    out += r.witnesses.map((w, i) => witnessText(w, i, ...named)).join('\n');
  }
  for (const n of r.notes) out += `note: ${n}\n`;
  return out;
}
