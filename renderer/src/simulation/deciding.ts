// The conviction that decided each case the table shows. The simulation records, per case, only its
// outcome and deciding provision (the engine's bulk evaluation stays as fast as it is); which of the
// person's convictions satisfied that provision's conviction test is asked of the worker for the rows
// in view, and kept per run, so scrolling back asks nothing again.

import { decidedByOneOfWords, undecidedWords, type Outcome } from '../../../engine/vocabulary';
import type { SettledDecidingConvictions, DecidingConvictionsFound } from './protocol';

/** How many cases one question asks about at most (a screenful and the rows around it). */
const BATCH = 200;

export type FindDeciding = (indexes: number[]) => Promise<DecidingConvictionsFound | null>;

/**
 * The deciding convictions of one run's cases, asked for as rows come into view. `want` asks only
 * for those not known or asked yet; `onChange` is called when answers arrive. A new run (`setRun`)
 * forgets everything: its decisions may differ.
 */
export class DecidingConvictions {
  private run: string | null = null;
  private readonly known = new Map<number, SettledDecidingConvictions>();
  private readonly asked = new Set<number>();
  /** Set when the worker can no longer say for this run (stopped, or replaced after a cancel). */
  private gone = false;

  constructor(
    private readonly find: FindDeciding,
    private readonly onChange: () => void,
  ) {}

  setRun(run: string | null): void {
    if (run === this.run) return;
    this.run = run;
    this.known.clear();
    this.asked.clear();
    this.gone = false;
  }

  /** What decided a case: undefined while not known yet, null when it can't be known for this run. */
  of(caseIndex: number): SettledDecidingConvictions | null | undefined {
    return this.known.get(caseIndex) ?? (this.gone ? null : undefined);
  }

  want(caseIndexes: Iterable<number>): void {
    const run = this.run;
    if (!run || this.gone) return;
    const missing: number[] = [];
    for (const i of caseIndexes) {
      if (this.known.has(i) || this.asked.has(i)) continue;
      this.asked.add(i);
      missing.push(i);
    }
    for (let k = 0; k < missing.length; k += BATCH) void this.ask(run, missing.slice(k, k + BATCH));
  }

  private async ask(run: string, indexes: number[]): Promise<void> {
    let found: DecidingConvictionsFound | null = null;
    try {
      found = await this.find(indexes);
    } catch {
      found = null;
    }
    // An answer for another run than the one shown now is dropped: its decisions may differ.
    if (run !== this.run) return;
    if (!found || found.run !== run || !found.found) {
      // The run is gone from the worker: say so rather than wait for ever.
      this.gone = true;
      this.onChange();
      return;
    }
    found.indexes.forEach((i, k) => this.known.set(i, found.found![k]!));
    this.onChange();
  }
}

/** A provision as the one-of cell names it: its citation, or the otherwise clause's. */
const cited = (p: { provision: string; citation: string }) =>
  p.provision === 'default' ? `the otherwise clause (${p.citation})` : p.citation;

/**
 * The Decided-by cell of a settled case more than one provision may decide (`decidedByOneOf`, as the
 * simulation's per-case lists or the worker's answer give it): their citations, and a tooltip saying,
 * in explain's words, that none decided it alone. Null when one provision did (or it is not known).
 */
export function decidedByOneOfCell(
  d: SettledDecidingConvictions | { decidedByOneOf: ReadonlyArray<{ provision: string; citation: string }> } | null | undefined,
): { text: string; title: string } | null {
  const ps = d?.decidedByOneOf;
  if (!ps) return null;
  return {
    text: ps.map((p) => p.citation).join(' or '),
    title: `Decided by ${decidedByOneOfWords(ps, cited)}: these records do not show whether ${cited(ps[0]!)} applies, and the outcome is the same either way, so no one provision is named as deciding it`,
  };
}

/**
 * The Decided-by cell of a case the records leave undecided (`undecided`, as the simulation's lists
 * give it): the citations of the provisions that would give one of the outcomes it could have, and a
 * tooltip naming each outcome with them. None decided it, and none is singled out.
 */
export function undecidedCell(
  undecided: ReadonlyArray<{ outcome: Outcome; under: ReadonlyArray<{ provision: string; citation: string }> }>,
): {
  text: string;
  title: string;
} {
  const ps = [...new Map(undecided.flatMap((x) => x.under).map((p) => [p.provision, p])).values()];
  return {
    text: ps.map((p) => p.citation).join(' or '),
    title: `${capitalized(undecidedWords(undecided, cited))}: no one provision is named as deciding it. Explain shows the facts it turns on`,
  };
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The deciding-conviction cell: its words and its tooltip. */
export function decidingCell(d: SettledDecidingConvictions | null | undefined): { text: string; title: string } {
  if (d === undefined) return { text: '…', title: 'Finding the conviction that decided this case' };
  if (d === null)
    return {
      text: '?',
      title:
        'Not known for these results: the simulation that made them was stopped or replaced. Simulate again to see which conviction decided each case',
    };
  // The records cannot settle the decision: nothing decided it, so no conviction is named (as the engine's
  // outputs name none), and the outcomes it could have are said as the Decided-by cell says them.
  if (d.undetermined)
    return {
      text: 'not settled',
      title: `No conviction is named: these records cannot settle the decision, so nothing has decided it${d.undecided ? ` (${undecidedWords(d.undecided, cited)})` : ''}. Explain shows the facts it turns on`,
    };
  const c = d.convictions[0];
  // A settled outcome the records leave open which provision gives: none decided it alone.
  const oneOf = d.decidedByOneOf ? d.decidedByOneOf.map((p) => p.citation).join(' or ') : '';
  if (oneOf && !c)
    return {
      text: 'none named',
      title: `No conviction is named: these records leave open whether ${oneOf} decides the case (the outcome is the same either way). Explain shows each test`,
    };
  if (c) {
    const what = c.offense ? `${c.offense} (${c.class})` : c.class;
    const more = d.convictions.length - 1;
    const listed = d.convictions
      .map((x) => `${x.description}${x.convictedOn ? `, convicted ${x.convictedOn}` : ', conviction date not in the records'}`)
      .join('; ');
    return {
      text: `${what}${c.convictedOn ? `, ${c.convictedOn.slice(0, 4)}` : ''}${more > 0 ? ` +${more} more` : ''}`,
      title: oneOf
        ? `${d.convictions.length > 1 ? `These ${d.convictions.length} convictions` : 'This conviction'} satisfied the conviction test of whichever of ${oneOf} decides the case (these records leave open which): ${listed}`
        : `${d.convictions.length > 1 ? `These ${d.convictions.length} convictions` : 'This conviction'} satisfied the conviction test of ${d.citation}, which decided the case: ${listed}`,
    };
  }
  const title =
    d.provision === 'default'
      ? `No conviction decided this case: the otherwise clause (${d.citation}) did, reading none`
      : d.readsConvictions
        ? `No conviction decided this case: ${d.citation} applied without a conviction satisfying a conviction test (one it rules out was absent, or another of its conditions held)`
        : `No conviction decided this case: ${d.citation} reads none (it decided on other facts, such as a warrant, the person's age or the detainer)`;
  return { text: '—', title };
}
