// The legal lint: findings on the logic of an ordinance (provisions that can never decide, conditions
// that can never be true, order that matters, terms never used, outcomes beyond the request) and on
// the law (holds without probable cause, beyond 48 hours, in Massachusetts after Lunn, of minors, of
// people with no conviction, on an agreement that is not in force). Each finding is located, explained,
// cited where the law is the reason, and carries quick fixes as data.

import type { Diagnostic, PathSegment, Severity } from '../diagnostics';
import { didYouMean } from '../diagnostics';
import { layoutOrdinance } from '../layout';
import type { BookingCase, Condition, Ordinance, Outcome, Provision, Scenario } from '../model';
import type { ParsedSource, SourcePosition } from '../source';
import { ordinanceText } from '../text-model';
import { parseDate } from '../time';
import { FALSE_NODE } from './bdd';
import { caseFacts } from './describe';
import { FactSpace, forEachLeaf } from './facts';
import type { QuickFix } from './fixes';
import { SymbolicPolicy, Verifier, type SymbolicNode, type SymbolicProvision } from './policy';

export interface LintDiagnostic extends Diagnostic {
  /** The provision the finding is about ("default" for the otherwise clause), for per-provision silencing. */
  provision?: string;
  /** The finding in plain English, longer than the message: what happens and why it matters. */
  explanation: string;
  /** Edits that resolve the finding, best first. Silencing with a reason is always possible too. */
  fixes: QuickFix[];
  /** The simplest booking case that shows the finding, when there is one. */
  example?: { case: BookingCase; facts: string[] };
}

export interface LintOptions {
  /** The parsed document, for locations and `# lint-ignore CODE: reason` comments. */
  source?: ParsedSource;
  /** A scenario turns on the scenario-aware rule (holds that need an agreement not in force). */
  scenario?: Scenario;
  /** Attach the simplest illustrating case to findings (default true); the keystroke path can skip it. */
  examples?: boolean;
}

export interface LintRule {
  code: string;
  severity: Severity;
  kind: 'logic' | 'law' | 'completeness' | 'suppression';
  title: string;
  citation?: string;
}

export const CITATIONS = {
  probableCause:
    'Galarza v. Szalczyk, 745 F.3d 634 (3d Cir. 2014); Miranda-Olivares v. Clackamas County (D. Or. 2014); Morales v. Chadbourne, 793 F.3d 208 (1st Cir. 2015)',
  federalMaximum: '8 CFR 287.7(d)',
  lunn: 'Lunn v. Commonwealth, 477 Mass. 517 (2017)',
};

/** Every finding the lint can make, for the Problems panel legend and the reference docs. */
export const LINT_RULES: readonly LintRule[] = [
  { code: 'provision-never-applies', severity: 'warning', kind: 'logic', title: 'a provision whose condition no case can meet' },
  {
    code: 'provision-shadowed',
    severity: 'warning',
    kind: 'logic',
    title: 'a provision that never decides a case because earlier ones always do',
  },
  { code: 'condition-never-true', severity: 'warning', kind: 'logic', title: 'part of a condition that can never be true' },
  { code: 'condition-always-true', severity: 'info', kind: 'logic', title: 'part of a condition that is always true' },
  {
    code: 'order-conflict',
    severity: 'warning',
    kind: 'logic',
    title: 'two provisions decide the same facts differently and the earlier wins',
  },
  { code: 'discretion-only', severity: 'info', kind: 'logic', title: 'a provision that only ever sends cases to review' },
  {
    code: 'outcome-exceeds-request',
    severity: 'warning',
    kind: 'logic',
    title: 'an outcome stricter than ICE ever asks for in the cases decided',
  },
  { code: 'unused-term', severity: 'warning', kind: 'logic', title: 'a defined term used nowhere' },
  {
    code: 'hold-on-administrative-warrant',
    severity: 'warning',
    kind: 'law',
    title: 'a hold on the detainer and an administrative warrant alone',
    citation: CITATIONS.probableCause,
  },
  {
    code: 'hold-exceeds-federal-maximum',
    severity: 'error',
    kind: 'law',
    title: 'a hold longer than 48 hours excluding weekends and holidays',
    citation: CITATIONS.federalMaximum,
  },
  {
    code: 'hold-after-lunn',
    severity: 'error',
    kind: 'law',
    title: 'a Massachusetts hold on a civil detainer after July 24, 2017',
    citation: CITATIONS.lunn,
  },
  { code: 'no-minimum-age', severity: 'warning', kind: 'law', title: 'a person under 18 can be held' },
  {
    code: 'hold-without-conviction',
    severity: 'warning',
    kind: 'law',
    title: 'holds of people with no conviction though the findings aim at serious offenders',
  },
  {
    code: 'agreement-not-in-force',
    severity: 'warning',
    kind: 'law',
    title: 'holds that need a reimbursement agreement the scenario does not have',
  },
  { code: 'otherwise-coverage', severity: 'info', kind: 'completeness', title: 'what the otherwise clause decides' },
  { code: 'suppression-without-reason', severity: 'warning', kind: 'suppression', title: 'a lint-ignore comment without a reason' },
  { code: 'unused-suppression', severity: 'info', kind: 'suppression', title: 'a silenced finding that no longer occurs' },
  { code: 'analysis-too-large', severity: 'info', kind: 'completeness', title: 'an ordinance too large to analyse exactly' },
  { code: 'analysis-failed', severity: 'warning', kind: 'completeness', title: 'the lint stopped on an internal error' },
];

const RANK: Record<Outcome, number> = { decline: 0, notify: 1, review: 2, hold: 3 };
const LUNN_DATE = parseDate('2017-07-24');
const NOWHERE: SourcePosition = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const FEDERAL_MAX = { hours: 48, excludingWeekendsAndHolidays: true };

interface Finding extends LintDiagnostic {
  /** Where the provision starts, for comments that silence a finding about it. */
  provisionPath?: PathSegment[];
}

/** Wraps a provision's condition so that it also requires `extra`. */
function requireAlso(p: Provision, path: PathSegment[], extra: Condition, title: string): QuickFix {
  const when: Condition = p.when ? ('all' in p.when ? { all: [extra, ...p.when.all] } : { all: [extra, p.when] }) : extra;
  return { title, edits: [{ op: 'set', path: [...path, 'when'], value: when }] };
}

function outcomeFix(path: PathSegment[], outcome: Outcome, title: string, p: Provision): QuickFix {
  const edits: QuickFix['edits'] = [{ op: 'set', path: [...path, 'outcome'], value: outcome }];
  if (outcome !== 'hold' && p.maxHold) edits.push({ op: 'remove', path: [...path, 'maxHold'] });
  return { title, edits };
}

export function lintOrdinance(o: Ordinance, opts: LintOptions = {}): LintDiagnostic[] {
  const source = opts.source;
  const at = (path: PathSegment[], key = false): SourcePosition => (source ? source.locate(path, key) : NOWHERE);
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>, key = false) => findings.push({ ...f, ...at(f.path, key) });

  const space = new FactSpace([o], {
    extraConditions: [
      { ordinance: 0, condition: { age: { under: 18 } } },
      { ordinance: 0, condition: { conviction: {} } },
      { ordinance: 0, condition: { charge: {} } },
      { ordinance: 0, condition: { warrant: { kind: 'criminal' } } },
      { ordinance: 0, condition: { judicialWarrant: true } },
    ],
  });
  const b = space.bdd;
  const policy = new SymbolicPolicy(space, 0, o);
  const verifier = new Verifier(opts.scenario ?? {});
  const layout = layoutOrdinance(o);
  const minors = space.leaf(0, { age: { under: 18 } });
  const anyConviction = space.leaf(0, { conviction: {} });
  const judicial = space.leaf(0, { judicialWarrant: true });
  const bare = b.andAll([
    b.not(anyConviction),
    b.not(space.leaf(0, { charge: {} })),
    b.not(space.leaf(0, { warrant: { kind: 'criminal' } })),
    b.not(judicial),
  ]);
  const req = space.requests();

  // Whether each atom can be true and can be false: a leaf's checks without any diagram work.
  const atomCan = new Map<number, { t: boolean; f: boolean }>();
  const possibleLeaf = (set: number): boolean | undefined => {
    if (set < 2 || b.lowOf(set) > 1 || b.highOf(set) > 1) return undefined;
    const v = b.varOf(set);
    let can = atomCan.get(v);
    if (!can) {
      can = { t: space.possible(b.v(v)), f: space.possible(b.nv(v)) };
      atomCan.set(v, can);
    }
    return b.highOf(set) === 1 ? can.t : can.f;
  };
  const possible = (set: number): boolean => possibleLeaf(set) ?? space.possible(set);

  const detail = opts.examples !== false;
  const example = (set: number, decidedBy?: { provision: string; outcome?: Outcome }): LintDiagnostic['example'] => {
    if (!detail) return undefined;
    const values = space.cheapest(set);
    if (!values) return undefined;
    let concrete: ReturnType<typeof space.concretize>;
    try {
      concrete = space.concretize(values, 'example');
      // An example the engine would decide otherwise is worse than none.
      const d = verifier.decide(o, concrete);
      if (decidedBy && (d.provision !== decidedBy.provision || (decidedBy.outcome && d.outcome !== decidedBy.outcome))) return undefined;
    } catch {
      return undefined;
    }
    const facts = caseFacts(concrete.case);
    if (concrete.reimbursementAgreement !== undefined)
      facts.push(concrete.reimbursementAgreement ? 'a reimbursement agreement is in force' : 'no reimbursement agreement is in force');
    return { case: concrete.case, facts };
  };
  // The provision deciding a full combination: the decision regions are few and disjoint.
  const decidingProvision = (values: ArrayLike<number>): SymbolicProvision | undefined => {
    const r = policy.regions.find((x) => b.evaluate(x.set, values));
    return r ? policy.provisions[r.provisionIndex] : undefined;
  };
  const cite = (i: number) =>
    i < policy.provisions.length
      ? `${policy.provisions[i]!.citation} (${policy.provisions[i]!.id})`
      : `${policy.otherwiseCitation} (otherwise)`;

  // Holds each provision (and the otherwise clause) can give, after the request limits them.
  const holdSets = new Map<number, number>();
  for (const r of policy.regions)
    if (r.outcome === 'hold') holdSets.set(r.provisionIndex, b.or(holdSets.get(r.provisionIndex) ?? FALSE_NODE, r.set));

  const decidedByOutcome: Record<Outcome, number> = { hold: FALSE_NODE, notify: FALSE_NODE, review: FALSE_NODE, decline: FALSE_NODE };
  let minorsReported = false;
  const seriousFinding = (o.findings ?? []).findIndex((f) => f.aims === 'serious-offenders');
  const inMassachusetts = o.jurisdiction.state === 'MA' && o.status !== 'repealed';
  const effective = o.effectiveDate ? parseDate(o.effectiveDate) : NaN;
  const afterLunn = Number.isNaN(effective) || effective >= LUNN_DATE;

  const holdRules = (index: number, id: string, path: PathSegment[], outcomePath: PathSegment[], p: Provision | undefined) => {
    const holds = holdSets.get(index) ?? FALSE_NODE;
    if (holds === FALSE_NODE) return;
    const who = index < policy.provisions.length ? cite(index) : `The otherwise clause (${policy.otherwiseCitation})`;
    const judicialFix = p
      ? requireAlso(p, path, { judicialWarrant: true }, 'Require a judicial warrant for this hold')
      : { title: 'Decline detainers no provision covers', edits: [{ op: 'set' as const, path: ['otherwise'], value: 'decline' }] };
    const notifyFix = p
      ? outcomeFix(path, 'notify', 'Notify ICE of the release instead of holding', p)
      : { title: 'Notify ICE instead of holding', edits: [{ op: 'set' as const, path: ['otherwise'], value: 'notify' }] };
    const adminOnly = b.and(holds, bare);
    if (adminOnly !== FALSE_NODE) {
      add({
        severity: 'warning',
        code: 'hold-on-administrative-warrant',
        message: `${who} allows a hold with no judicial warrant and no criminal conviction, pending charge or criminal warrant: a hold on the detainer and ICE's administrative warrant alone (${CITATIONS.probableCause})`,
        explanation:
          'A detainer is a request, not a command, and holding a person past release is a new arrest. Courts have held that a hold resting only on the detainer and an ICE administrative warrant (signed by an ICE officer, not a judge) lacks probable cause, and that the jurisdiction that chose to hold is liable.',
        citation: CITATIONS.probableCause,
        path: outcomePath,
        provision: id,
        provisionPath: path,
        fixes: [judicialFix, notifyFix],
        example: example(adminOnly, { provision: id, outcome: 'hold' }),
      });
    }
    if (inMassachusetts) {
      const civil = b.and(holds, b.not(judicial));
      if (civil !== FALSE_NODE) {
        add({
          severity: afterLunn ? 'error' : 'warning',
          code: 'hold-after-lunn',
          message: afterLunn
            ? `${who} allows a Massachusetts officer to hold a person on a civil detainer without a judicial warrant; since July 24, 2017 there is no state-law authority to do so (${CITATIONS.lunn})`
            : `${who} allows holds on civil detainers; after July 24, 2017 Massachusetts officers have no state-law authority to hold anyone solely on a civil detainer, so this provision cannot be applied now (${CITATIONS.lunn})`,
          explanation:
            'The Supreme Judicial Court held that Massachusetts law gives court officers no authority to arrest or hold a person solely on a federal civil immigration detainer. A policy in force after the decision may notify ICE, but may not hold on a civil detainer.',
          citation: CITATIONS.lunn,
          path: outcomePath,
          provision: id,
          provisionPath: path,
          fixes: [notifyFix, judicialFix],
          example: example(civil, { provision: id, outcome: 'hold' }),
        });
      }
    }
    if (seriousFinding >= 0) {
      const noConviction = b.and(holds, b.not(anyConviction));
      if (noConviction !== FALSE_NODE) {
        const findingLine = at(['findings', seriousFinding, 'text']).line;
        add({
          severity: 'warning',
          code: 'hold-without-conviction',
          message: `${who} can hold a person with no criminal conviction, though the findings (line ${findingLine}) say the policy aims at serious offenders`,
          explanation:
            'The findings state the purpose the council relies on. A provision that holds people who have never been convicted contradicts that purpose; counsel defending the ordinance will be asked why.',
          path: outcomePath,
          provision: id,
          provisionPath: path,
          fixes: p ? [requireAlso(p, path, { conviction: {} }, 'Require a criminal conviction for this hold')] : [],
          example: example(noConviction, { provision: id, outcome: 'hold' }),
        });
      }
    }
    if (!minorsReported) {
      const minorHeld = b.and(holds, minors);
      if (minorHeld !== FALSE_NODE) {
        minorsReported = true;
        const first = layout.detainerProvisions[0];
        const sectionIndex = first ? first.sectionIndex : 0;
        const ids = new Set(o.sections.flatMap((s) => (s.provisions ?? []).map((x) => x.id)));
        let newId = 'no-minors';
        for (let k = 2; ids.has(newId); k++) newId = `no-minors-${k}`;
        add({
          severity: 'warning',
          code: 'no-minimum-age',
          message: `the policy has no minimum age: ${who} can hold a person under 18`,
          explanation:
            'Many policies never honor a detainer for a person under 18. This ordinance sets no minimum age, so a juvenile can be held past release on a detainer.',
          path: outcomePath,
          provision: id,
          provisionPath: path,
          fixes: [
            {
              title: 'Add a first provision declining detainers for persons under 18',
              edits: [
                {
                  op: 'insert',
                  path: ['sections', sectionIndex, 'provisions', 0],
                  value: { id: newId, heading: 'Persons under 18', when: { age: { under: 18 } }, outcome: 'decline' },
                },
              ],
            },
          ],
          example: example(minorHeld, { provision: id, outcome: 'hold' }),
        });
      }
    }
    if (typeof space.reimbursement === 'number' && opts.scenario && opts.scenario.reimbursementAgreement !== true) {
      const withoutAgreement = b.and(holds, b.nv(space.reimbursement));
      if (withoutAgreement === FALSE_NODE) {
        const all = [...holdSets.values()].every((h) => b.and(h, b.nv(space.reimbursement as number)) === FALSE_NODE);
        const leafPath = p?.when
          ? firstLeafPath(p.when, [...path, 'when'], (c) => 'reimbursementAgreement' in c && c.reimbursementAgreement)
          : undefined;
        add({
          severity: 'warning',
          code: 'agreement-not-in-force',
          message: all
            ? `under the scenario${opts.scenario.name ? ` "${opts.scenario.name}"` : ''} no reimbursement agreement is in force, so every hold is declined: ${who} holds only with an agreement`
            : `under the scenario${opts.scenario.name ? ` "${opts.scenario.name}"` : ''} no reimbursement agreement is in force, so ${who} never holds`,
          explanation:
            'The provision requires a written agreement under which the federal government reimburses the cost of holds. The scenario says no such agreement is in force, so the provision never holds anyone; simulations under this scenario show no holds from it.',
          path: leafPath ?? outcomePath,
          provision: id,
          provisionPath: path,
          fixes: [],
        });
      }
    }
  };

  policy.provisions.forEach((sp: SymbolicProvision, i) => {
    const lp = layout.detainerProvisions[i]!;
    const p = lp.provision;
    const path = sp.path;
    const whenPath = p.when ? [...path, 'when'] : [...path, 'id'];
    const base = { provision: p.id, provisionPath: path };
    const removeFix: QuickFix = { title: `Remove provision "${p.id}"`, edits: [{ op: 'remove', path }] };
    const moveFix = (before: SymbolicProvision): QuickFix => {
      const target = layout.detainerProvisions[before.index]!;
      return {
        title: `Move provision "${p.id}" before ${before.citation} (${before.id})`,
        // Removing first leaves the target's index unchanged: it comes before the moved provision.
        edits: [
          { op: 'remove', path },
          { op: 'insert', path: ['sections', target.sectionIndex, 'provisions', target.provisionIndex], value: p },
        ],
      };
    };

    if (!space.possible(sp.when)) {
      add({
        ...base,
        severity: 'warning',
        code: 'provision-never-applies',
        message: `${cite(i)} can never apply: no booking case can meet its condition`,
        explanation:
          'The parts of the condition contradict each other (or require facts no case can have together), so the provision decides nothing. It is dead text that a reader will take for a rule.',
        path: whenPath,
        fixes: [removeFix],
      });
    } else {
      if (sp.decides === FALSE_NODE) {
        // Which earlier provisions take its cases: the one deciding its simplest case, then (in detail)
        // the one deciding the simplest case left, and so on (the decided sets are disjoint).
        const covering: SymbolicProvision[] = [];
        const pick = space.cheapestPossible(sp.when);
        const firstTaker = pick && decidingProvision(pick);
        if (firstTaker) covering.push(firstTaker);
        let others = true;
        if (detail && firstTaker) {
          let rest = b.diff(policy.applies(sp), firstTaker.decides);
          while (covering.length < 4 && rest !== FALSE_NODE) {
            const values = space.cheapest(rest);
            const e = values && decidingProvision(values);
            if (!e) break;
            covering.push(e);
            rest = b.diff(rest, e.decides);
          }
          if (rest !== FALSE_NODE && covering.length === 4) covering.pop();
          others = rest !== FALSE_NODE;
        }
        const firstCover = covering[0];
        const fixes: QuickFix[] = [removeFix];
        if (firstCover) fixes.push(moveFix(firstCover));
        add({
          ...base,
          severity: 'warning',
          code: 'provision-shadowed',
          message: `${cite(i)} can never decide a case: every case it applies to is decided earlier, by ${covering.map((e) => e.citation).join(', ')}${others ? (detail ? ' and others' : ' (and perhaps others)') : ''}`,
          explanation: `Provisions are read in order and the first that applies decides. Every case this provision covers is already decided by ${covering.map((e) => `${e.citation} (${e.id}, ${e.outcome})`).join(', ')}${others ? ' or other earlier provisions' : ''}, so this provision never takes effect.`,
          path: whenPath,
          fixes,
          example: example(sp.when),
        });
      }
      if (sp.condition) subConditions(sp.condition, true);
      if (sp.decides !== FALSE_NODE) {
        const sure = b.and(sp.decides, sp.condition ? sp.condition.tri.t : 1);
        if (sure === FALSE_NODE && p.outcome !== 'review') {
          add({
            ...base,
            severity: 'info',
            code: 'discretion-only',
            message: `${cite(i)} only ever sends cases to review: it applies only through a discretionary finding, so it never ${p.outcome}s by itself`,
            explanation:
              'The engine cannot make a discretionary finding; every case this provision reaches goes to a person for review, who decides whether the outcome applies.',
            path: whenPath,
            fixes: [],
          });
        } else if (sure !== FALSE_NODE && p.outcome !== 'decline') {
          if (b.and(sure, req.any) === FALSE_NODE) {
            add({
              ...base,
              severity: 'warning',
              code: 'outcome-exceeds-request',
              message: `${cite(i)} says ${p.outcome}, but applies only to detainers that request nothing, so it always declines`,
              explanation:
                'The outcome never exceeds what ICE requested. In every case this provision decides, the detainer asks for neither a hold nor notice.',
              path: [...path, 'outcome'],
              fixes: [outcomeFix(path, 'decline', 'Make the outcome "decline"', p)],
            });
          } else if (p.outcome === 'hold' && b.and(sure, req.holdAsked) === FALSE_NODE) {
            add({
              ...base,
              severity: 'warning',
              code: 'outcome-exceeds-request',
              message: `${cite(i)} allows a hold, but in every case it decides ICE asks only for notice, so it can only notify`,
              explanation:
                'The outcome never exceeds what ICE requested. The condition of this provision admits only detainers that do not ask for a hold (for example it requires a notice-only request), so the hold, and its maximum, never apply.',
              path: [...path, 'outcome'],
              fixes: [outcomeFix(path, 'notify', 'Make the outcome "notify"', p)],
            });
          }
        }
        // Order: cases this provision covers that an earlier provision decides more harshly. (An earlier,
        // more protective provision is the usual way to write an exception, and is not reported.)
        const harsher = b.orAll(
          (Object.keys(decidedByOutcome) as Outcome[]).filter((x) => RANK[x] > RANK[sp.outcome]).map((x) => decidedByOutcome[x]),
        );
        if (b.intersects(sp.when, harsher)) {
          const earlier: Array<{ e: SymbolicProvision; overlap: number }> = [];
          for (let k = 0; k < i && earlier.length < 3; k++) {
            const e = policy.provisions[k]!;
            if (RANK[e.outcome] <= RANK[sp.outcome]) continue;
            const overlap = b.and(sp.when, e.decides);
            if (overlap !== FALSE_NODE) earlier.push({ e, overlap });
          }
          const first = earlier[0];
          if (first) {
            const ex = example(first.overlap, { provision: first.e.id });
            const protective = sp.outcome === 'decline';
            add({
              ...base,
              severity: protective ? 'warning' : 'info',
              code: 'order-conflict',
              message: `order matters: some cases ${cite(i)} covers (${sp.outcome}) are decided first, more harshly, by ${earlier.map(({ e }) => `${e.citation} (${e.outcome})`).join(', ')}${ex ? `, e.g. ${ex.facts.join('; ')}` : ''}`,
              explanation: protective
                ? `This provision declines, but an earlier provision decides some of its cases first: ${earlier.map(({ e }) => `${e.citation} (${e.id}) ${e.outcome}s`).join(', ')}. If it is meant as an exception (as a protection usually is), move it before them.`
                : `An earlier provision with a harsher outcome decides some cases this provision covers: ${earlier.map(({ e }) => `${e.citation} (${e.id}) ${e.outcome}s`).join(', ')}. That is usual when the earlier provision is about more serious facts; check that it is intended.`,
              path: whenPath,
              fixes: protective ? [moveFix(first.e)] : [],
              ...(ex ? { example: ex } : {}),
            });
          }
        }
      }
    }
    holdRules(i, p.id, path, [...path, 'outcome'], p);
    if (p.outcome === 'hold' && p.maxHold && p.maxHold.hours > 48) {
      const excl = p.maxHold.excludingWeekendsAndHolidays === true;
      add({
        ...base,
        severity: excl ? 'error' : 'warning',
        code: 'hold-exceeds-federal-maximum',
        message: excl
          ? `${cite(i)} allows a hold of ${p.maxHold.hours} hours excluding weekends and holidays; the federal maximum is 48 (${CITATIONS.federalMaximum})`
          : `${cite(i)} allows a hold of ${p.maxHold.hours} calendar hours, which exceeds 48 hours excluding weekends and holidays whenever it runs through working days, e.g. from a Monday release (${CITATIONS.federalMaximum})`,
        explanation:
          'The regulation authorizing detainers limits the hold to 48 hours, excluding Saturdays, Sundays and holidays. A longer hold is outside even the federal request and leaves the jurisdiction alone answerable for the detention.',
        citation: CITATIONS.federalMaximum,
        path: [...path, 'maxHold', 'hours'],
        fixes: [
          {
            title: 'Limit the hold to 48 hours excluding Saturdays, Sundays and holidays',
            edits: [{ op: 'set', path: [...path, 'maxHold'], value: FEDERAL_MAX }],
          },
        ],
      });
    }
    // Accumulate what was decided so far, by declared outcome (review for discretionary parts).
    if (sp.decides !== FALSE_NODE) {
      const sure = b.and(sp.decides, sp.condition ? sp.condition.tri.t : 1);
      decidedByOutcome[sp.outcome] = b.or(decidedByOutcome[sp.outcome], sure);
      decidedByOutcome.review = b.or(decidedByOutcome.review, b.diff(sp.decides, sure));
    }
  });
  holdRules(policy.provisions.length, 'default', ['otherwise'], ['otherwise'], undefined);

  function subConditions(node: SymbolicNode, root: boolean): void {
    if (!root) {
      if (!possible(node.tri.n)) {
        const parentIsAny = node.path[node.path.length - 2] === 'any';
        add({
          severity: 'warning',
          code: 'condition-never-true',
          message: `this part of the condition can never be true: ${conditionReading(node.condition)}`,
          explanation:
            'No booking case can meet this part of the condition, so it has no effect (or, under "all", makes the whole condition impossible).',
          path: node.path,
          fixes: parentIsAny ? [{ title: 'Remove this alternative', edits: [{ op: 'remove', path: node.path }] }] : [],
        });
        return;
      }
      if (!possible(b.not(node.tri.t))) {
        const parentIsAll = node.path[node.path.length - 2] === 'all';
        add({
          severity: 'info',
          code: 'condition-always-true',
          message: `this part of the condition is always true: ${conditionReading(node.condition)}`,
          explanation:
            'Every booking case meets this part of the condition, so it adds nothing (or, under "any", makes the whole condition always true).',
          path: node.path,
          fixes: parentIsAll ? [{ title: 'Remove this requirement', edits: [{ op: 'remove', path: node.path }] }] : [],
        });
        return;
      }
    }
    for (const c of node.children) subConditions(c, false);
  }

  unusedTerms(o, findings, at);

  // Completeness: every combination reaches a provision or the otherwise clause.
  const byDefault = policy.reachesDefault !== FALSE_NODE;
  if (policy.provisions.length > 0) {
    add(
      {
        severity: 'info',
        code: 'otherwise-coverage',
        message: !byDefault
          ? `every case is decided by a provision; the otherwise clause (${o.otherwise}) never applies`
          : `every case reaches a provision or the otherwise clause; the otherwise clause (${o.otherwise}) decides the rest`,
        explanation: 'The decision table lists every combination of the facts the ordinance reads, with the provision that decides it.',
        path: ['otherwise'],
        provision: 'default',
        fixes: [],
        ...(byDefault ? { example: example(policy.reachesDefault) } : {}),
      },
      true,
    );
  }

  return applySuppressions(o, findings, source).map(({ provisionPath: _p, ...d }) => {
    const out: LintDiagnostic = d;
    if (out.example === undefined) delete out.example;
    return out;
  });
}

function conditionReading(c: Condition): string {
  const keys = Object.keys(c);
  return keys.length === 1 ? `${keys[0]}: ${JSON.stringify((c as Record<string, unknown>)[keys[0]!])}` : JSON.stringify(c);
}

function firstLeafPath(c: Condition, path: PathSegment[], pick: (leaf: Condition) => boolean): PathSegment[] | undefined {
  if ('all' in c || 'any' in c) {
    const key = 'all' in c ? 'all' : 'any';
    const items = 'all' in c ? c.all : c.any;
    for (let i = 0; i < items.length; i++) {
      const found = firstLeafPath(items[i]!, [...path, key, i], pick);
      if (found) return found;
    }
    return undefined;
  }
  if ('not' in c) return firstLeafPath(c.not, [...path, 'not'], pick);
  return pick(c) ? path : undefined;
}

function unusedTerms(o: Ordinance, findings: Finding[], at: (p: PathSegment[], key?: boolean) => SourcePosition): void {
  const defs = o.definitions ?? [];
  if (defs.length === 0) return;
  const used = new Set<string>();
  for (const s of o.sections)
    for (const p of s.provisions ?? [])
      if (p.when)
        forEachLeaf(p.when, (l) => {
          if ('conviction' in l && l.conviction.term) used.add(l.conviction.term.toLowerCase());
          if ('charge' in l && l.charge.term) used.add(l.charge.term.toLowerCase());
        });
  let printed: string | undefined;
  defs.forEach((d, i) => {
    const term = d.term.toLowerCase();
    if (used.has(term)) return;
    // A term that conditions do not use may still be a word of the printed text.
    printed ??= printedText(o);
    const pattern = new RegExp(`(^|[^a-z0-9])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(s|es)?([^a-z0-9]|$)`, 'i');
    if (pattern.test(printed)) return;
    const path = ['definitions', i, 'term'];
    findings.push({
      severity: 'warning',
      code: 'unused-term',
      message: `the defined term "${d.term}" is used by no condition and appears nowhere in the text`,
      explanation:
        'A definition that nothing uses invites the reader to look for the rule that applies it. Remove it, or use it in a condition.',
      path,
      ...at(path),
      // Removing the only definition removes the list itself: an empty "definitions:" is not a list.
      fixes: [
        {
          title: `Remove the definition of "${d.term}"`,
          edits: [{ op: 'remove', path: defs.length === 1 ? ['definitions'] : ['definitions', i] }],
        },
      ],
    });
  });
}

/** The printed text, without the words that introduce each definition (a definition is not a use of its term). */
function printedText(o: Ordinance): string {
  const t = ordinanceText(o);
  const parts: string[] = [t.title, ...t.whereas];
  for (const s of t.sections) {
    if (s.intro) parts.push(s.intro);
    for (const c of s.clauses) {
      if (c.term) {
        parts.push(c.text.replace(`"${c.term}" means`, ''));
        continue;
      }
      parts.push(c.text);
      for (const item of flattenItems(c.items)) parts.push(item);
      if (c.after) parts.push(c.after);
    }
  }
  return parts.join('\n');
}

function flattenItems(items: Array<{ text: string; items?: unknown[] }> | undefined): string[] {
  if (!items) return [];
  return items.flatMap((i) => [i.text, ...flattenItems(i.items as Array<{ text: string; items?: unknown[] }> | undefined)]);
}

const IGNORE_RE = /#\s*lint-ignore\s+([a-z0-9-]+)\s*(?::\s*(.*?))?\s*$/;

/** Marks findings silenced by the document's `suppress` list or a `# lint-ignore CODE: reason` comment. */
function applySuppressions(o: Ordinance, findings: Finding[], source: ParsedSource | undefined): Finding[] {
  const out = [...findings];
  const entries = (o.suppress ?? []).map((s, i) => ({ ...s, index: i, used: false }));
  const comments: Array<{ line: number; code: string; reason: string | undefined; used: boolean }> = [];
  if (source) {
    source.text.split('\n').forEach((text, i) => {
      const m = IGNORE_RE.exec(text);
      if (m) comments.push({ line: i + 1, code: m[1]!, reason: m[2] || undefined, used: false });
    });
  }
  for (const f of out) {
    const entry = entries.find((e) => e.code === f.code && (e.provision === undefined || e.provision === f.provision));
    if (entry) {
      entry.used = true;
      f.suppressed = entry.reason;
      continue;
    }
    if (comments.length === 0 || !source) continue;
    const lines = new Set([f.line, f.line - 1]);
    if (f.provisionPath) {
      const start = source.locate(f.provisionPath).line;
      lines.add(start);
      lines.add(start - 1);
    }
    const comment = comments.find((c) => c.code === f.code && lines.has(c.line));
    if (!comment) continue;
    comment.used = true;
    if (comment.reason) f.suppressed = comment.reason;
  }
  for (const c of comments) {
    const pos = { line: c.line, column: 1, endLine: c.line, endColumn: (source?.text.split('\n')[c.line - 1]?.length ?? 0) + 1 };
    if (!c.reason && c.used) {
      out.push({
        severity: 'warning',
        code: 'suppression-without-reason',
        message: `"lint-ignore ${c.code}" needs a reason: write "# lint-ignore ${c.code}: why the drafters accept it"`,
        explanation:
          'A silenced finding stays on the record with the reason the drafters accepted it; without a reason the finding is not silenced.',
        path: [],
        ...pos,
        fixes: [],
      });
    } else if (!c.used && LINT_RULES.some((r) => r.code === c.code)) {
      out.push({
        severity: 'info',
        code: 'unused-suppression',
        message: `nothing here is silenced by "lint-ignore ${c.code}": the finding no longer occurs`,
        explanation: 'The finding this comment silenced is gone; the comment can be removed.',
        path: [],
        ...pos,
        fixes: [],
      });
    }
  }
  for (const e of entries) {
    if (e.used) continue;
    const path = ['suppress', e.index];
    out.push({
      severity: 'info',
      code: 'unused-suppression',
      message: `the silenced finding "${e.code}"${e.provision ? ` on "${e.provision}"` : ''} no longer occurs`,
      explanation: 'The finding this entry silenced is gone; the entry can be removed.',
      path,
      ...(source ? source.locate(path) : NOWHERE),
      fixes: [{ title: 'Remove this entry', edits: [{ op: 'remove', path }] }],
    });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/**
 * The quick fix that silences a finding with the drafters' reason: a `# lint-ignore CODE: reason`
 * comment above the provision the finding is about (or above its line). The editor asks for the reason.
 */
export function silenceFix(d: LintDiagnostic, reason: string, source: ParsedSource): QuickFix {
  const text = reason.replace(/\s+/g, ' ').trim();
  if (!text) throw new Error('a silenced finding needs a reason');
  const provisionPath = d.path.length >= 4 && d.path[0] === 'sections' && d.path[2] === 'provisions' ? d.path.slice(0, 4) : undefined;
  const line = provisionPath ? source.locate(provisionPath).line : d.line;
  return { title: `Silence "${d.code}" with a reason`, edits: [{ op: 'comment', line, text: `lint-ignore ${d.code}: ${text}` }] };
}

/** Quick fixes for the validator's own findings, where the remedy is mechanical. */
export function validatorFixes(d: Diagnostic, source: ParsedSource): QuickFix[] {
  const doc = source.value as Partial<Ordinance> | undefined;
  if (d.code === 'undefined-term' && doc && d.path[d.path.length - 1] === 'term') {
    let value: unknown = doc;
    for (const seg of d.path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[seg] : undefined;
    if (typeof value !== 'string') return [];
    const terms = (doc.definitions ?? []).map((x) => x.term);
    const guess = didYouMean(value, terms);
    const fixes: QuickFix[] = [];
    if (guess) fixes.push({ title: `Use the defined term "${guess}"`, edits: [{ op: 'set', path: d.path, value: guess }] });
    fixes.push({
      title: `Define "${value}"`,
      edits: [
        {
          op: 'insert',
          path: ['definitions', terms.length],
          value: {
            term: value,
            meaning: `(what "${value}" means)`,
            covers: [
              {
                categories: [
                  value
                    .toLowerCase()
                    .replace(/[^a-z0-9]+/g, '-')
                    .replace(/^-+|-+$/g, '') || 'offense',
                ],
              },
            ],
          },
        },
      ],
    });
    return fixes;
  }
  if (d.code === 'hold-without-maximum' && d.path[d.path.length - 1] === 'outcome') {
    return [
      {
        title: 'Limit the hold to 48 hours excluding Saturdays, Sundays and holidays',
        edits: [{ op: 'set', path: [...d.path.slice(0, -1), 'maxHold'], value: FEDERAL_MAX }],
      },
    ];
  }
  return [];
}
