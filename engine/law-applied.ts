// Which law applied to an ordinance and why: the federal authorities every hold rests on and the
// state's statutes and rulings in force on the ordinance's date (or taking effect later), each with
// what it requires, its citation, its dates, how sure the project is of it and where it was read. The
// Law applied view, the officer guide and the bundle show this.

import { lawContext, researchWords, stateName as stateNameOf } from './analysis/law-context';
import {
  bindsLevel,
  authority,
  citationOn,
  confidenceWords,
  detainerFormOn,
  inForce,
  LAW,
  sectionCitation,
  type Authority,
  type LawSource,
} from './law';
import type { Ordinance, Scenario } from './model';

export interface AppliedAuthority {
  id: string;
  name: string;
  kind: Authority['kind'];
  /** The citation for the date that applies. */
  citation: string;
  effective?: string;
  /** The effective date was not verified in a primary source: print it with unverifiedDateMark. */
  effectiveUnverified?: true;
  ends?: string;
  /** `in-force` on the date, `later` (in force now, after the date), or `federal`. */
  status: 'federal' | 'in-force' | 'later';
  requires: string;
  penalty?: string;
  confidence: Authority['confidence'];
  /** How sure, in words ("read in a primary source", ...). */
  confidenceWords: string;
  sources: LawSource[];
  notes: string[];
  /** The data file, for a reader who wants the whole entry. */
  file: string;
}

export interface LawApplied {
  state: string;
  stateName: string;
  /** The date whose law applies, and why that date. */
  asOf: string;
  asOfSource: string;
  /** The date the law data is current to. */
  currentTo: string;
  federal: AppliedAuthority[];
  stateLaw: AppliedAuthority[];
  /** True when the law data has nothing for the state that binds the ordinance's level (absence of law found is not proof of none). */
  noStateLaw: boolean;
  /**
   * When the data has no law of the state at all, how far it went, as the lint's finding says it:
   * "searched on December 6, 2026: no enacted state law on detainers found (bills only: ...)" or "not
   * researched". Absent when the state has law on file (even if none of it binds this level).
   */
  research?: string;
}

function applied(a: Authority, date: string, status: AppliedAuthority['status']): AppliedAuthority {
  const out: AppliedAuthority = {
    id: a.id,
    name: a.name,
    kind: a.kind,
    citation: citationOn(a, status === 'later' && a.effective ? a.effective : date),
    status,
    requires: a.requires,
    confidence: a.confidence,
    confidenceWords: confidenceWords(a),
    sources: a.sources,
    notes: a.notes ?? [],
    file: a.file,
  };
  if (a.effective) out.effective = a.effective;
  if (a.effective && a.effectiveUnverified) out.effectiveUnverified = true;
  if (a.ends) out.ends = a.ends;
  if (a.penalty) out.penalty = a.penalty;
  return out;
}

/** The federal authorities on holds and notices that apply on a date. */
function federalOn(o: Ordinance, date: string): Authority[] {
  const ids = [
    'us-8-cfr-287-7',
    'us-galarza-v-szalczyk',
    'us-miranda-olivares',
    'us-morales-v-chadbourne',
    'us-el-cenizo',
    'us-8-usc-1373',
  ];
  if (o.agreement287g && o.agreement287g !== 'none') ids.push('us-8-usc-1357g');
  const list = ids.map(authority);
  list.splice(1, 0, detainerFormOn(date));
  return list;
}

export function lawApplied(o: Ordinance, scenario?: Scenario): LawApplied {
  const ctx = lawContext(o, scenario);
  const federal = federalOn(o, ctx.asOf).map((a) => applied(a, ctx.asOf, a.effective && a.effective > ctx.asOf ? 'later' : 'federal'));
  // Federal rulings and forms that came after the date apply now too; list them after the rest.
  for (const a of LAW.filter((x) => x.jurisdiction === 'US' && (x.kind === 'case' || x.detainerForm?.usedFrom))) {
    if (federal.some((f) => f.id === a.id)) continue;
    if (a.effective && a.effective > ctx.asOf && inForce(a, ctx.currentTo)) federal.push(applied(a, ctx.asOf, 'later'));
  }
  const stateLaw = [...ctx.stateLaw.map((a) => applied(a, ctx.asOf, 'in-force')), ...ctx.later.map((a) => applied(a, ctx.asOf, 'later'))];
  const noStateLaw = !LAW.some((a) => a.jurisdiction === ctx.state && bindsLevel(a, o.jurisdiction.level));
  const out: LawApplied = {
    state: ctx.state,
    stateName: stateNameOf(ctx.state),
    asOf: ctx.asOf,
    asOfSource: ctx.asOfSource,
    currentTo: ctx.currentTo,
    federal,
    stateLaw,
    noStateLaw,
  };
  if (noStateLaw && !LAW.some((a) => a.jurisdiction === ctx.state)) out.research = researchWords(ctx.state);
  return out;
}

/**
 * How a decision reads a request the records lack (`requests` in `dependsOn`), as explain and the app
 * say it: each request a detainer can make, never none (see CompiledPolicy's open bound). The
 * regulation's (a) makes every detainer a request to be told of the release (law/federal/8-cfr-287-7.yaml).
 */
export const UNKNOWN_REQUEST_READING = `What ICE asked for is not in these records: it is read as a hold, notice, or both, never as nothing requested, since every detainer asks at least to be told before the person is released (${sectionCitation('us-8-cfr-287-7')}).`;
