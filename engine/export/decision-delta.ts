// What a change of policy does to decisions, in words: "this amendment changes N of M decisions:
// 8 from hold to decline, ...", from a simulation that compared two policies on the same cases.

import type { CompiledPolicy } from '../compile';
import { OUTCOMES, type Ordinance, type Outcome } from '../model';
import { provisionNamer } from '../provision-names';
import { detainerTerm } from '../wording';
import type { ChangedCase, ComparedAfterRelease, Comparison, HoldLimit, SimulationResult } from '../simulate';
import {
  comparedAfterReleaseWords,
  comparedDecisions,
  comparedInTimeWords,
  decidedByOneOfWords,
  holdEndsDifferWords,
  undecidedWords,
  holdEndsMayDifferSentence,
  holdLimitWords,
} from '../summary-bounds';
import { escapeHtml } from './html';

/** An outcome, or "undecided": the records cannot settle the decision (the engine's code says review). */
export type Decided = Outcome | 'undecided';

export interface Transition {
  /** The outcome under the other (earlier, or baseline) policy. */
  from: Decided;
  /** The outcome under this policy. */
  to: Decided;
  count: number;
}

export interface DecisionDelta {
  total: number;
  /** Cases decided differently for certain: another outcome, or a hold ending at another time (`Comparison.changed`). */
  changed: number;
  /** Cases one side leaves undecided on these records that may or may not be decided differently (`Comparison.mayDiffer`). */
  mayDiffer: number;
  /** Changed outcomes, most frequent first. */
  transitions: Transition[];
  /** Cases held under both, the holds ending at different times (not among the transitions). */
  holdEndsDiffer: number;
  /** Of them, holds from a release time the records lack whose limits end apart from any release time. */
  holdEndsDifferByLimit: number;
  /**
   * Cases held under both from a release time the records lack, or by a provision the records leave
   * open under limits that end apart: whether they end at different times unknown (not in `changed`).
   */
  holdEndsMayDiffer: number;
  /** Of them, those a provision the records leave open may decide under limits that end apart (absent when none). */
  holdEndsMayDifferUnsettled?: number;
  /** The first changed cases (all of them when there are few). */
  cases: ChangedCase[];
  /**
   * Set when some request came after its release time (`Comparison.afterRelease`): those cases, left
   * out of `changed`, `mayDiffer`, the transitions and `cases`, as the outcome counts keep them apart.
   */
  afterRelease?: ComparedAfterRelease;
  /**
   * Each side's provisions named in words by id ("§ 2(a) Serious felonies", "§ 2(c) Otherwise"), as lint,
   * explain and diff name them: the changed cases say which provision decided, never by its id.
   */
  names?: { policy: Record<string, string>; other: Record<string, string> };
}

/** A compiled policy's provisions and otherwise clause named in words, by id (`default`: the otherwise clause). */
export function provisionNamesOf(policy: CompiledPolicy, ordinance: Ordinance): Record<string, string> {
  const name = provisionNamer(policy.provisions, detainerTerm(ordinance));
  const out: Record<string, string> = {};
  for (const p of policy.provisions) out[p.id] = name(p.id, p.citation);
  out.default = name('default', policy.otherwiseCitation);
  return out;
}

/** Per case, both sides' codes and, where the records leave facts unknown, the outcomes each may get (bits). */
export interface DecidedCodes {
  codes: Int32Array;
  otherCodes: Int32Array;
  possible?: Uint8Array;
  otherPossible?: Uint8Array;
  /** The cases whose request came after release (`SimulationResult.afterReleaseCases`): in no transition. */
  afterReleaseCases?: Int32Array;
}

/** A simulation's codes and possible outcomes on both sides, as `decisionDelta` reads them. */
export function decidedCodesOf(r: SimulationResult): DecidedCodes {
  return {
    codes: r.codes,
    otherCodes: r.otherCodes!,
    ...(r.possible ? { possible: r.possible } : {}),
    ...(r.otherPossible ? { otherPossible: r.otherPossible } : {}),
    ...(r.afterReleaseCases ? { afterReleaseCases: r.afterReleaseCases } : {}),
  };
}

const DECIDED: readonly Decided[] = [...OUTCOMES, 'undecided'];

/**
 * The changed decisions by outcome. With `decided` (a comparison on records that leave facts unknown),
 * an open decision counts as undecided, not as review: no one has been asked to decide it.
 */
export function decisionDelta(comparison: Comparison, total: number, maxCases = 200, decided?: DecidedCodes): DecisionDelta {
  const transitions: Transition[] = [];
  // The requests after release are in no transition (the matrix counts them): the codes are read case by case.
  if (decided && (decided.possible || decided.otherPossible || decided.afterReleaseCases)) {
    const cells = new Float64Array(25);
    const of = (code: number, p: Uint8Array | undefined, i: number) => (p && (p[i]! & (p[i]! - 1)) !== 0 ? 4 : code & 3);
    const late = decided.afterReleaseCases;
    let nextLate = 0;
    for (let i = 0; i < decided.codes.length; i++) {
      if (late && nextLate < late.length && late[nextLate] === i) {
        nextLate++;
        continue;
      }
      if ((decided.codes[i]! & 3) === (decided.otherCodes[i]! & 3)) continue;
      cells[of(decided.codes[i]!, decided.possible, i) * 5 + of(decided.otherCodes[i]!, decided.otherPossible, i)]!++;
    }
    for (let to = 0; to < 5; to++)
      for (let from = 0; from < 5; from++)
        if (cells[to * 5 + from]! > 0) transitions.push({ from: DECIDED[from]!, to: DECIDED[to]!, count: cells[to * 5 + from]! });
  } else
    for (const to of OUTCOMES) {
      for (const from of OUTCOMES) {
        const count = comparison.matrix[to][from];
        if (from !== to && count > 0) transitions.push({ from, to, count });
      }
    }
  transitions.sort(
    (x, y) => y.count - x.count || DECIDED.indexOf(x.from) - DECIDED.indexOf(y.from) || DECIDED.indexOf(x.to) - DECIDED.indexOf(y.to),
  );
  return {
    total,
    changed: comparison.changed,
    mayDiffer: comparison.mayDiffer,
    transitions,
    holdEndsDiffer: comparison.holdEndsDiffer,
    holdEndsDifferByLimit: comparison.holdEndsDifferByLimit,
    holdEndsMayDiffer: comparison.holdEndsMayDiffer,
    ...(comparison.holdEndsMayDifferUnsettled ? { holdEndsMayDifferUnsettled: comparison.holdEndsMayDifferUnsettled } : {}),
    cases: comparison.cases.slice(0, maxCases),
    ...(comparison.afterRelease ? { afterRelease: comparison.afterRelease } : {}),
  };
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** "This amendment changes 12 of 200 decisions: 8 from hold to decline; 4 from notify to decline." */
export function deltaSentence(d: DecisionDelta, subject = 'This amendment'): string {
  const open = d.holdEndsMayDiffer ? ` ${holdEndsMayDifferSentence(d)}` : '';
  const may = d.mayDiffer
    ? `, and may change ${d.mayDiffer.toLocaleString('en-US')} more that the records leave undecided under one of the two`
    : '';
  // The requests after release are counted apart, as the outcome counts keep them apart.
  const decisions = `${count(comparedDecisions(d.total, d), 'decision')}${comparedInTimeWords(d)}`;
  const late = d.afterRelease ? ` ${capitalized(comparedAfterReleaseWords(d))}.` : '';
  if (d.changed === 0 && !d.mayDiffer)
    return `${subject} changes none of the ${count(comparedDecisions(d.total, d), 'decision')} simulated${comparedInTimeWords(d)}.${late}${open}`;
  const parts = d.transitions.map((t) => `${t.count.toLocaleString('en-US')} from ${t.from} to ${t.to}`);
  if (d.holdEndsDiffer) parts.push(holdEndsDifferWords(d.holdEndsDiffer, d.holdEndsDifferByLimit));
  const certain = d.changed === 0 ? 'none' : d.changed.toLocaleString('en-US');
  return `${subject} changes ${certain} of ${decisions}${d.mayDiffer ? ' for certain' : ''}${may}: ${parts.join('; ')}.${late}${open}`;
}

/** The rows of the table of changed decisions: from, to, cases; holds ending at another time last. */
export function transitionRows(d: DecisionDelta): string[][] {
  const rows = d.transitions.map((t) => [t.from, t.to, t.count.toLocaleString('en-US')]);
  if (d.holdEndsDiffer) rows.push(['hold', 'hold, ending at a different time', d.holdEndsDiffer.toLocaleString('en-US')]);
  return rows;
}

/**
 * A changed case's decision on one side in words: "hold until 2012-09-09 16:00 (§ 2(a) Serious felonies)";
 * one that more than one provision may give, "hold, under § 2(a) Serious felonies or, if it does not
 * apply, § 2(b) Warrants". Each provision by `names` (its side's, `DecisionDelta.names`), else by its
 * citation alone: never by its id.
 */
export function changedDecisionWords(
  ref: ChangedCase['policy'],
  opts: { open?: boolean; baseline?: boolean; until?: string; limit?: HoldLimit; names?: Record<string, string> } = {},
): string {
  const named = (p: { provision: string; citation: string }) =>
    opts.baseline ? p.citation : ((Object.hasOwn(opts.names ?? {}, p.provision) ? opts.names![p.provision] : undefined) ?? p.citation);
  const until = opts.until
    ? ` until ${opts.until.replace('T', ' ')}`
    : opts.limit
      ? ` until ${holdLimitWords(opts.limit)} after release (release time unknown)`
      : '';
  // An open decision: each outcome it could have, under the provisions that would give it.
  if (opts.open && ref.undecided) return undecidedWords(ref.undecided, named);
  // A settled decision the records leave open which provision gives: each that may, none as the one.
  if (ref.decidedByOneOf && !opts.open) return `${ref.outcome}${until}, under ${decidedByOneOfWords(ref.decidedByOneOf, named)}`;
  return `${opts.open ? 'undecided' : ref.outcome}${until} (${named(ref)})`;
}

/** A changed case's side, with when its hold ends: the words of `changedDecisionWords`. */
export function changedCaseWords(
  c: ChangedCase,
  side: 'policy' | 'other',
  opts: { baseline?: boolean; names?: DecisionDelta['names'] } = {},
): string {
  const open = side === 'policy' ? c.policyOpen : c.otherOpen;
  return changedDecisionWords(c[side], {
    ...(open ? { open } : {}),
    ...(opts.baseline ? { baseline: true } : {}),
    ...(opts.names ? { names: opts.names[side] } : {}),
    ...(c.holdUntil ? { until: c.holdUntil[side] } : {}),
    ...(c.holdLimits ? { limit: c.holdLimits[side] } : {}),
  });
}

/** The delta as HTML: the sentence and a table of changed outcomes. */
export function deltaHtml(delta: DecisionDelta & { casesLabel: string }, subject: string, beforeName: string, afterName: string): string {
  const out: string[] = [];
  out.push(
    `<p><strong>${escapeHtml(deltaSentence(delta, subject))}</strong> Simulated on ${escapeHtml(delta.total.toLocaleString('en-US'))} booking case${delta.total === 1 ? '' : 's'} from ${escapeHtml(delta.casesLabel)}.</p>`,
  );
  const rows = transitionRows(delta);
  if (rows.length) {
    out.push(
      `<table><caption>Changed decisions by outcome</caption><thead><tr><th scope="col">${escapeHtml(beforeName)}</th><th scope="col">${escapeHtml(afterName)}</th><th scope="col" class="num">Cases</th></tr></thead><tbody>`,
    );
    for (const [from, to, cases] of rows)
      out.push(`<tr><td>${escapeHtml(from!)}</td><td>${escapeHtml(to!)}</td><td class="num">${cases}</td></tr>`);
    out.push('</tbody></table>');
  }
  return out.join('\n');
}

/**
 * What the list of changed cases holds: "The first 200 of 387 cases decided or perhaps decided
 * differently" (the cases one side leaves undecided that may be decided alike are listed too), or "All 12 changed cases".
 */
export function changedCasesCaption(delta: Pick<DecisionDelta, 'cases' | 'changed' | 'mayDiffer'>): string {
  const shown = delta.cases.length;
  const listed = delta.changed + delta.mayDiffer;
  const which = delta.mayDiffer ? 'cases decided or perhaps decided differently' : 'changed cases';
  return shown < listed
    ? `The first ${shown.toLocaleString('en-US')} of ${listed.toLocaleString('en-US')} ${which}`
    : `All ${shown.toLocaleString('en-US')} ${which}`;
}

/** The changed cases as an HTML table: each case's outcome and deciding provision before and after. */
export function changedCasesHtml(
  delta: DecisionDelta,
  beforeName: string,
  afterName: string,
  opts: { beforeIsBaseline?: boolean } = {},
): string {
  if (delta.cases.length === 0) return '<p>No case is decided differently.</p>';
  const caption = changedCasesCaption(delta);
  const out = [
    `<table><caption>${caption}</caption><thead><tr><th scope="col">Case</th><th scope="col">${escapeHtml(beforeName)}</th><th scope="col">${escapeHtml(afterName)}</th></tr></thead><tbody>`,
  ];
  // An open decision (the records cannot settle it) is undecided, whatever its code's outcome; the baseline's
  // reason is its own rule, not a provision of a draft.
  // A hold that ends at another time says when: "hold until 2012-09-09 16:00", or by its limit when the records give no release time.
  for (const c of delta.cases) {
    out.push(
      `<tr><td class="case-id">${escapeHtml(c.id)}</td><td>${escapeHtml(changedCaseWords(c, 'other', { baseline: opts.beforeIsBaseline, names: delta.names }))}</td><td>${escapeHtml(changedCaseWords(c, 'policy', { names: delta.names }))}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  return out.join('\n');
}
