// Words for fact combinations: the columns of the decision table with the value each row fixes, and
// the plain list of facts a concrete booking case sets (what a witness of a difference shows).

import type { BookingCase, ConvictionTest, ChargeTest, Ordinance, RecordKey, WarrantTest } from '../model';
import { inOrdinanceTerms, offenseFilterWords, windowWords } from '../wording';
import { DEFAULT_AGE, type FactSpace, type PredicateEntry } from './facts';

export interface FactColumn {
  /** Stable key: `requests`, `age`, `record:gangDatabase`, `conviction:0`, ... */
  key: string;
  /** A short heading for a table. */
  label: string;
  /** The fact in a full sentence. */
  reading: string;
}

const RECORD_LABELS: Record<RecordKey, string> = {
  gangDatabase: 'Gang database',
  terroristWatchlistMatch: 'Terrorist screening match',
  finalRemovalOrder: 'Final order of removal',
  priorRemovalReentry: 'Prior removal and re-entry',
  sexOffenderRegistry: 'Sex offender registry',
  arsonOffenderRegistry: 'Arson offender registry',
  securityRiskGroup: 'Security Risk Group designation',
};

function offenseLabel(t: { term?: string; classes?: ConvictionTest['classes']; degrees?: number[]; categories?: string[] }): string {
  const inline = t.classes?.length || t.degrees?.length || t.categories?.length ? offenseFilterWords(t, true) : '';
  if (t.term) return inline ? `${t.term} (also ${inline})` : t.term;
  return inline || 'any offense';
}

/** A short heading for a record test: "Convictions: violent felony, within the ten years before ...". */
export function predicateLabel(p: PredicateEntry): string {
  const c = p.condition;
  if ('conviction' in c) {
    const t: ConvictionTest = c.conviction;
    const parts = [offenseLabel(t)];
    if (t.within) parts.push(windowWords(t.within));
    if (t.current === true) parts.push('for the current custody');
    if (t.current === false) parts.push('other than the current custody');
    if (t.includeJuvenile === true) parts.push('juvenile adjudications counted');
    return `Convictions: ${parts.join(', ')}`;
  }
  if ('charge' in c) {
    const t: ChargeTest = c.charge;
    const parts = [offenseLabel(t)];
    if (t.bondPosted !== undefined) parts.push(t.bondPosted ? 'bond posted' : 'bond not posted');
    if (t.bondable !== undefined) parts.push(t.bondable ? 'bondable' : 'not bondable');
    if (t.probableCauseFinding !== undefined) parts.push(t.probableCauseFinding ? 'probable cause found' : 'no probable-cause finding');
    return `Pending charge: ${parts.join(', ')}`;
  }
  if ('warrant' in c) {
    const t: WarrantTest = c.warrant;
    const parts: string[] = [t.kind ?? 'any kind'];
    if (t.jurisdictions?.length) parts.push(`issued by ${t.jurisdictions.join(' or ')}`);
    if (t.felony !== undefined) parts.push(t.felony ? 'felony' : 'not a felony');
    return `Outstanding warrant: ${parts.join(', ')}`;
  }
  return 'Record test';
}

/**
 * The columns a fact space has: every fact its ordinances read. Given the ordinance the table is of, a
 * column's reading names the detainer as its printed text does (inOrdinanceTerms): it says what that
 * ordinance's conditions read.
 */
export function factColumns(space: FactSpace, o?: Pick<Ordinance, 'definitions'>): FactColumn[] {
  const cols = generalColumns(space);
  return o ? cols.map((c) => ({ ...c, label: inOrdinanceTerms(c.label, o), reading: inOrdinanceTerms(c.reading, o) })) : cols;
}

function generalColumns(space: FactSpace): FactColumn[] {
  const cols: FactColumn[] = [];
  if (space.frames.length > 1)
    cols.push({ key: 'frame', label: 'Detainer issued', reading: 'how long after the arrest the detainer is issued' });
  cols.push({
    key: 'requests',
    label: 'ICE requested',
    reading: 'what the detainer asks for: a hold, notice of release, both, or neither',
  });
  if (space.judicial >= 0) {
    cols.push({
      key: 'judicialWarrant',
      label: 'Judicial warrant',
      reading: 'a warrant signed by a federal judge or magistrate supports the detainer',
    });
  }
  if (space.admin >= 0) {
    cols.push({
      key: 'administrativeWarrant',
      label: 'ICE administrative warrant',
      reading: 'an ICE administrative warrant (form I-200 or I-205) accompanies the detainer',
    });
  }
  if (typeof space.reimbursement === 'number') {
    cols.push({
      key: 'reimbursementAgreement',
      label: 'Reimbursement agreement',
      reading: 'a written agreement is in force under which the federal government reimburses all costs of complying with detainers',
    });
  }
  if (space.ageCuts.length) cols.push({ key: 'age', label: 'Age', reading: "the person's age in whole years at booking" });
  for (const k of space.recordVars.keys())
    cols.push({ key: `record:${k}`, label: RECORD_LABELS[k], reading: `records show: ${RECORD_LABELS[k].toLowerCase()}` });
  for (const name of ['warrant', 'charge', 'conviction'] as const) {
    for (const p of space.predicates(name))
      cols.push({ key: `${name}:${p.index}`, label: predicateLabel(p), reading: space.predicateReading(p) });
  }
  return cols;
}

/** An age range [lo, hi) in words, as a table column shows it. */
export function ageWords(lo: number, hi: number): string {
  return lo === 0 && hi > 130
    ? 'any'
    : lo === 0
      ? `under ${hi}`
      : hi > 130
        ? `${lo} or older`
        : hi === lo + 1
          ? `${lo}`
          : `${lo} to ${hi - 1}`;
}

function yesNo(x: number | undefined): string {
  return x === 1 ? 'yes' : x === 0 ? 'no' : 'any';
}

/** What a cube (0, 1 or -1 per variable) says about each column. */
export function columnValues(space: FactSpace, cube: ArrayLike<number>): Record<string, string> {
  const out: Record<string, string> = {};
  if (space.frames.length > 1) {
    const possible = space.frames.filter((f) => space.frameVars.every((v, bit) => cube[v] === -1 || cube[v] === ((f.index >> bit) & 1)));
    out.frame =
      possible.length === space.frames.length
        ? 'any'
        : possible
            .map((f) =>
              f.delta === 0
                ? 'same day as the arrest'
                : f.delta > 0
                  ? `${f.delta} days after the arrest`
                  : `${-f.delta} days before the arrest`,
            )
            .join(' or ');
  }
  const rh = cube[space.reqHold];
  const rn = cube[space.reqNotify];
  out.requests =
    rh === 1 && rn === 1
      ? 'hold and notice'
      : rh === 1 && rn === 0
        ? 'hold only'
        : rh === 0 && rn === 1
          ? 'notice only'
          : rh === 0 && rn === 0
            ? 'nothing'
            : rh === 1
              ? 'hold (with or without notice)'
              : rh === 0
                ? 'no hold'
                : rn === 1
                  ? 'notice (with or without hold)'
                  : rn === 0
                    ? 'no notice'
                    : 'any';
  if (space.judicial >= 0) out.judicialWarrant = yesNo(cube[space.judicial]);
  if (space.admin >= 0) out.administrativeWarrant = yesNo(cube[space.admin]);
  if (typeof space.reimbursement === 'number') out.reimbursementAgreement = yesNo(cube[space.reimbursement]);
  if (space.ageCuts.length) {
    const { lo, hi } = space.ageRange(cube);
    out.age = ageWords(lo, hi);
  }
  for (const [k, v] of space.recordVars) out[`record:${k}`] = yesNo(cube[v]);
  for (const name of ['warrant', 'charge', 'conviction'] as const) {
    for (const p of space.predicates(name)) {
      let lo = 0;
      let hi = Infinity;
      for (const [k, v] of p.vars) {
        if (cube[v] === 1) lo = Math.max(lo, k);
        else if (cube[v] === 0) hi = Math.min(hi, k);
      }
      const counted = p.thresholds.some((k) => k > 1);
      let value: string;
      if (lo === 0 && hi === Infinity) value = 'any';
      else if (!counted) value = lo >= 1 ? 'yes' : 'no';
      else if (hi === 1) value = 'none';
      else if (hi === Infinity) value = `${lo} or more`;
      else if (hi === lo + 1) value = `${lo}`;
      else value = lo === 0 ? `fewer than ${hi}` : `${lo} to ${hi - 1}`;
      out[`${name}:${p.index}`] = value;
    }
  }
  return out;
}

/**
 * The facts a booking case sets, in plain words, leaving out what every default case has. `detainer`
 * names the detainer: the ordinance's term where the case is an example of what that ordinance does
 * (detainerTerm), the general word where it is not one ordinance's (a case two drafts decide apart).
 */
export function caseFacts(c: BookingCase, detainer = 'detainer'): string[] {
  const facts: string[] = [];
  facts.push(`age ${c.age}${c.age === DEFAULT_AGE ? '' : c.age < 18 ? ' (a minor)' : ''}`);
  const req = c.detainer.requests;
  facts.push(
    req.length === 0
      ? `the ${detainer} requests nothing`
      : req.includes('hold') && req.includes('notify')
        ? 'ICE requests a hold and notice of release'
        : req.includes('hold')
          ? 'ICE requests a hold only'
          : 'ICE requests notice of release only',
  );
  const issued = c.detainer.issuedAt?.slice(0, 10);
  const booked = c.bookedAt?.slice(0, 10);
  if (issued && booked && issued !== booked)
    facts.push(`${detainer} issued ${issued}, ${issued > booked ? 'after' : 'before'} the arrest on ${booked}`);
  // A conviction's date means something only beside the date a look-back window counts back from.
  else if (booked && c.convictions?.length) facts.push(`arrested and ${detainer} issued ${booked}`);
  if (c.detainer.judicialWarrant) facts.push(`a judicial warrant supports the ${detainer}`);
  if (c.detainer.administrativeWarrant) facts.push('an ICE administrative warrant (I-200/I-205) is attached');
  for (const x of c.currentCharges ?? []) {
    const flags = [
      x.bondPosted ? 'bond posted' : 'bond not posted',
      x.bondable === false ? 'not bondable' : '',
      x.probableCauseFinding ? 'probable cause found' : '',
    ].filter(Boolean);
    facts.push(`pending charge: ${x.offense ?? x.class} (${flags.join(', ')})`);
  }
  for (const x of c.convictions ?? []) {
    const extra = [
      x.releasedOn ? `released ${x.releasedOn}` : '',
      x.incarceratedDays ? `${x.incarceratedDays} days incarcerated` : '',
      x.current ? 'the conviction for the current custody' : '',
      x.juvenile ? 'juvenile adjudication' : '',
    ].filter(Boolean);
    facts.push(`conviction: ${x.offense ?? x.class}, ${x.convictedOn}${extra.length ? ` (${extra.join(', ')})` : ''}`);
  }
  for (const w of c.warrants ?? [])
    facts.push(`outstanding ${w.kind} warrant${w.jurisdiction ? ` (${w.jurisdiction})` : ''}${w.felony ? ' for a felony' : ''}`);
  for (const [k, v] of Object.entries(c.records ?? {})) if (v) facts.push(RECORD_LABELS[k as RecordKey].toLowerCase());
  return facts;
}
