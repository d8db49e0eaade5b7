// The vocabulary check of a case set: a category, class, degree or record the draft names that no
// case in the set carries means the draft's test can never be true on this set, whatever it says.
// Each finding is a warning located in the draft, with the set's own nearest tags as quick fixes.

import {
  CLASS_BY_BIT_NAMES,
  F_ADMIN,
  F_JUDICIAL,
  H_BONDABLE,
  H_BOND_POSTED,
  H_DETAILS_UNKNOWN,
  H_PROBABLE_CAUSE,
  type CaseTable,
} from './case-table';
import { editDistance, type PathSegment } from './diagnostics';
import type { QuickFix } from './analysis/fixes';
import type { Condition, OffenseFilter, Ordinance, Provision, RecordKey } from './model';
import { layoutOrdinance } from './layout';
import { provisionNameIn } from './provision-names';
import { RECORD_KEYS, yesNoDefault } from './model';
import { CLASS_BITS, RECORD_BITS } from './prepared';
import { U_ADMIN, U_JUDICIAL, U_RECORD_SHIFT, U_WARRANTS } from './unknown-facts';
import { article, detainerTerm, OUTCOME_ACTS, RECORD_LABELS } from './wording';
import type { BlankColumn } from './import/csv-cases';

export interface CaseSetVocabulary {
  /** Offense tags on the set's convictions and charges, with how many cases carry each. */
  categories: Map<string, number>;
  classes: Set<string>;
  /** Whether any offense of the set has a degree. */
  degrees: boolean;
  /** Records true on at least one case. */
  records: Set<RecordKey>;
  /** Records no case's records carry (unknown on every case). */
  recordsNotCarried: Set<RecordKey>;
  /**
   * Yes/no facts of the detainer and of the charges whose every known value in the set is what an
   * empty cell gives (judicial warrant: no, bond posted: no, bondable: yes...), when any value is known.
   */
  onlyDefault: Set<YesNoFact>;
  /** Whether no case has an outstanding warrant, though some cases' records would list them. */
  noWarrants: boolean;
  cases: number;
}

/** The yes/no facts a draft may test whose empty cell reads as a value. */
export type YesNoFact = 'judicialWarrant' | 'administrativeWarrant' | 'bondPosted' | 'bondable' | 'probableCauseFinding';

/** Each fact as a test asks it, and the set when every case or charge has what an empty cell gives. */
const YES_NO_FACTS: Record<YesNoFact, { asked: string; every: string; of: 'case' | 'charge' }> = {
  judicialWarrant: {
    asked: 'whether a judicial warrant supports the detainer',
    every: 'no case in this set has a judicial warrant',
    of: 'case',
  },
  administrativeWarrant: {
    asked: 'whether an administrative warrant (I-200/I-205) is attached',
    every: 'no case in this set has an administrative warrant',
    of: 'case',
  },
  bondPosted: {
    asked: "whether a pending charge's bond was posted",
    every: 'no pending charge in this set has its bond posted',
    of: 'charge',
  },
  bondable: { asked: 'whether a pending charge is bondable', every: 'every pending charge in this set is bondable', of: 'charge' },
  probableCauseFinding: {
    asked: 'whether a judge found probable cause on a pending charge',
    every: 'no pending charge in this set has a finding of probable cause',
    of: 'charge',
  },
};

/** What a case set's offenses and records say, counted once per case. */
export function caseSetVocabulary(t: CaseTable): CaseSetVocabulary {
  const categories = new Map<string, number>();
  const classes = new Set<string>();
  let degrees = false;
  const seenLists = new Map<number, string[]>();
  const perCase = new Set<string>();
  let recordBits = 0;
  const knownRecords = new Set<RecordKey>();
  // Per yes/no fact: [values known, values other than an empty cell's].
  const facts: Record<YesNoFact, [number, number]> = {
    judicialWarrant: [0, 0],
    administrativeWarrant: [0, 0],
    bondPosted: [0, 0],
    bondable: [0, 0],
    probableCauseFinding: [0, 0],
  };
  let warrants = 0;
  let warrantsListed = false;
  const tagsOf = (list: number) => {
    let names = seenLists.get(list);
    if (!names) seenLists.set(list, (names = (t.strings[list] ?? '').split(';').filter(Boolean)));
    return names;
  };
  for (let i = 0; i < t.length; i++) {
    perCase.clear();
    for (let j = t.convStart[i]!; j < t.convStart[i + 1]!; j++) {
      for (const c of tagsOf(t.convCatList[j]!)) perCase.add(c);
      const name = CLASS_BY_BIT_NAMES[t.convCls[j]!];
      if (name) classes.add(name);
      if (t.convDegree[j]) degrees = true;
    }
    for (let j = t.chargeStart[i]!; j < t.chargeStart[i + 1]!; j++) {
      for (const c of tagsOf(t.chargeCatList[j]!)) perCase.add(c);
      const name = CLASS_BY_BIT_NAMES[t.chargeCls[j]!];
      if (name) classes.add(name);
      if (t.chargeDegree[j]) degrees = true;
      const hf = t.chargeFlags[j]!;
      if (hf & H_DETAILS_UNKNOWN) continue;
      count(facts.bondPosted, (hf & H_BOND_POSTED) !== 0);
      count(facts.bondable, (hf & H_BONDABLE) === 0);
      count(facts.probableCauseFinding, (hf & H_PROBABLE_CAUSE) !== 0);
    }
    const u = t.unknown[i]!;
    if (!(u & U_JUDICIAL)) count(facts.judicialWarrant, (t.flags[i]! & F_JUDICIAL) !== 0);
    if (!(u & U_ADMIN)) count(facts.administrativeWarrant, (t.flags[i]! & F_ADMIN) !== 0);
    warrants += t.warrantStart[i + 1]! - t.warrantStart[i]!;
    if (!(u & U_WARRANTS)) warrantsListed = true;
    for (const c of perCase) categories.set(c, (categories.get(c) ?? 0) + 1);
    recordBits |= t.records[i]!;
    for (const k of RECORD_KEYS) if ((t.unknown[i]! & (RECORD_BITS[k] << U_RECORD_SHIFT)) === 0) knownRecords.add(k);
  }
  return {
    categories,
    classes,
    degrees,
    records: new Set(RECORD_KEYS.filter((k) => recordBits & RECORD_BITS[k])),
    recordsNotCarried: new Set(t.length ? RECORD_KEYS.filter((k) => !knownRecords.has(k)) : []),
    onlyDefault: new Set((Object.keys(facts) as YesNoFact[]).filter((f) => facts[f][0] > 0 && facts[f][1] === 0)),
    noWarrants: warrants === 0 && warrantsListed,
    cases: t.length,
  };
}

/** Counts a known value, and whether it is other than what an empty cell gives. */
function count(fact: [number, number], notDefault: boolean): void {
  fact[0]++;
  if (notDefault) fact[1]++;
}

export interface VocabularyFinding {
  code:
    | 'case-set-lacks-category'
    | 'case-set-lacks-class'
    | 'case-set-lacks-degree'
    | 'case-set-offenses-without-degree'
    | 'case-set-lacks-record'
    | 'case-set-one-value'
    | 'case-set-lacks-warrant'
    | 'case-set-blank-cells';
  severity: 'warning';
  message: string;
  /** Where in the draft the word is. */
  path: PathSegment[];
  /** The set's own words to use instead, nearest first. */
  fixes: QuickFix[];
}

/** The set's tags nearest a word: sharing its first part (`sex` for `sex-offense`), then by edit distance. */
function nearest(word: string, vocabulary: Map<string, number>, max = 3): string[] {
  const head = word.split('-')[0]!;
  const scored = [...vocabulary.keys()].map((w) => {
    const share = w.startsWith(head) || word.startsWith(w.split('-')[0]!) ? 0 : 1;
    return { w, score: share * 100 + editDistance(word, w) };
  });
  return scored
    .filter((s) => s.score < 100 || s.score - 100 <= Math.max(2, Math.floor(word.length / 3)))
    .sort((a, b) => a.score - b.score || vocabulary.get(b.w)! - vocabulary.get(a.w)!)
    .slice(0, max)
    .map((s) => s.w);
}

/** A place the draft names an offense tag, class, degree or record; a degree with the test naming it. */
interface NamedWord {
  kind: 'category' | 'class' | 'degree' | 'record' | 'fact' | 'warrant';
  word: string;
  path: PathSegment[];
  where: string;
  /** For a degree: the offense test, and the records it reads (a definition's, either). */
  test?: { filter: OffenseFilter; of: 'conviction' | 'charge' | 'either' };
}

/** Every place the draft names offense tags, classes, degrees or records. */
function* namedWords(o: Ordinance): Generator<NamedWord> {
  function* filter(f: OffenseFilter, path: PathSegment[], where: string, of: 'conviction' | 'charge' | 'either'): Generator<NamedWord> {
    for (const [k, c] of (f.categories ?? []).entries())
      yield { kind: 'category' as const, word: c, path: [...path, 'categories', k], where };
    for (const [k, c] of (f.classes ?? []).entries()) yield { kind: 'class' as const, word: c, path: [...path, 'classes', k], where };
    if (f.degrees?.length)
      yield { kind: 'degree' as const, word: f.degrees.join(', '), path: [...path, 'degrees'], where, test: { filter: f, of } };
  }
  function* condition(c: Condition, path: PathSegment[], where: string): Generator<NamedWord> {
    if ('all' in c) for (const [k, x] of c.all.entries()) yield* condition(x, [...path, 'all', k], where);
    else if ('any' in c) for (const [k, x] of c.any.entries()) yield* condition(x, [...path, 'any', k], where);
    else if ('not' in c) yield* condition(c.not, [...path, 'not'], where);
    else if ('conviction' in c) yield* filter(c.conviction, [...path, 'conviction'], where, 'conviction');
    else if ('charge' in c) {
      yield* filter(c.charge, [...path, 'charge'], where, 'charge');
      for (const f of ['bondPosted', 'bondable', 'probableCauseFinding'] as const)
        if (c.charge[f] !== undefined) yield { kind: 'fact', word: f, path: [...path, 'charge', f], where };
    } else if ('record' in c) yield { kind: 'record', word: c.record, path: [...path, 'record'], where };
    else if ('judicialWarrant' in c) yield { kind: 'fact', word: 'judicialWarrant', path: [...path, 'judicialWarrant'], where };
    else if ('administrativeWarrant' in c)
      yield { kind: 'fact', word: 'administrativeWarrant', path: [...path, 'administrativeWarrant'], where };
    else if ('warrant' in c) yield { kind: 'warrant', word: 'warrant', path: [...path, 'warrant'], where };
  }
  for (const [d, def] of (o.definitions ?? []).entries())
    for (const [k, f] of (def.covers ?? []).entries())
      yield* filter(f, ['definitions', d, 'covers', k], `the definition of "${def.term}"`, 'either');
  const named = provisionWords(o);
  for (const [s, section] of o.sections.entries())
    for (const [p, provision] of (section.provisions ?? []).entries())
      if (provision.when) yield* condition(provision.when, ['sections', s, 'provisions', p, 'when'], named(provision));
}

/** A provision as a case-set finding names it: "provision § 3(c) Terrorist Screening Database", in words as lint names it, never by its id. */
function provisionWords(o: Ordinance): (p: Provision) => string {
  const layout = layoutOrdinance(o);
  const term = detainerTerm(o);
  return (p) =>
    `provision ${provisionNameIn({ id: p.id, citation: layout.citationOf.get(p.id) ?? '', heading: p.heading, outcome: p.outcome }, term)}`;
}

/** "1 case", "2 cases". */
function cases(n: number): string {
  return `${num(n)} ${n === 1 ? 'case' : 'cases'}`;
}

function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** "a felony conviction" / "a violent felony or misdemeanor charge": the offenses a degree test reads. */
function offenseWords(test: { filter: OffenseFilter; of: 'conviction' | 'charge' | 'either' }): string {
  const { filter, of } = test;
  const tags = filter.categories?.length ? `${filter.categories.join(' or ')} ` : '';
  const classes = filter.classes?.length ? `${filter.classes.join(' or ')} ` : '';
  const noun = of === 'either' ? 'conviction or charge' : of;
  return `${/^[aeiou]/.test(tags + classes + noun) ? 'an' : 'a'} ${tags}${classes}${noun}`;
}

/**
 * Cases with an offense the test's classes and tags cover but with no degree recorded, and how many
 * such offenses: convictions, charges, or both for a definition.
 */
function casesWithDegreelessOffense(
  t: CaseTable,
  f: OffenseFilter,
  of: 'conviction' | 'charge' | 'either',
): { cases: number; offenses: number } {
  let classBits = 0;
  for (const c of f.classes ?? []) classBits |= CLASS_BITS[c];
  const wanted = new Set(f.categories ?? []);
  const tagged = new Map<number, boolean>();
  const covers = (cls: number, list: number): boolean => {
    if (classBits && (cls & classBits) === 0) return false;
    if (!wanted.size) return true;
    let hit = tagged.get(list);
    if (hit === undefined) {
      hit = (t.strings[list] ?? '').split(';').some((c) => wanted.has(c));
      tagged.set(list, hit);
    }
    return hit;
  };
  let cases = 0;
  let offenses = 0;
  for (let i = 0; i < t.length; i++) {
    let here = 0;
    if (of !== 'charge')
      for (let j = t.convStart[i]!; j < t.convStart[i + 1]!; j++) if (!t.convDegree[j] && covers(t.convCls[j]!, t.convCatList[j]!)) here++;
    if (of !== 'conviction')
      for (let j = t.chargeStart[i]!; j < t.chargeStart[i + 1]!; j++)
        if (!t.chargeDegree[j] && covers(t.chargeCls[j]!, t.chargeCatList[j]!)) here++;
    if (here) {
      cases++;
      offenses += here;
    }
  }
  return { cases, offenses };
}

/** The draft's words no case of the set carries, each where the draft names it. */
export function checkCaseSetVocabulary(o: Ordinance, t: CaseTable, vocabulary = caseSetVocabulary(t)): VocabularyFinding[] {
  if (vocabulary.cases === 0) return [];
  const out: VocabularyFinding[] = [];
  const outcomeOf = (path: PathSegment[]) => {
    if (path[0] !== 'sections') return undefined;
    const provision = o.sections[path[1] as number]?.provisions?.[path[3] as number];
    // What the provision does on what it reads, true of both kinds of request: a hold provision gives
    // notice where the detainer asks only for notice, so it "holds or gives notice", never "holds" alone.
    if (!provision?.outcome) return undefined;
    return provision.outcome === 'hold' ? `${OUTCOME_ACTS.hold.gives} or gives notice` : OUTCOME_ACTS[provision.outcome].gives;
  };
  const uses = (words: string[]) => (words.length ? words.map((w) => `'${w}'`).join(', ') : 'none');
  for (const n of namedWords(o)) {
    const verb = outcomeOf(n.path);
    const lead = verb ? `the draft ${verb} for` : `${n.where} covers`;
    const where = verb ? ` (${n.where})` : '';
    if (n.kind === 'category' && !vocabulary.categories.has(n.word)) {
      const near = nearest(n.word, vocabulary.categories);
      out.push({
        code: 'case-set-lacks-category',
        severity: 'warning',
        message: `${lead} '${n.word}'${where}; no case in this set has that tag, so this test is never true on it; the set uses ${near.length ? uses(near) : `${uses([...vocabulary.categories.keys()].slice(0, 8))}${vocabulary.categories.size > 8 ? ', ...' : ''}`}`,
        path: n.path,
        fixes: near.map((w) => ({
          title: `Use the set's tag '${w}' (${cases(vocabulary.categories.get(w)!)})`,
          edits: [{ op: 'set', path: n.path, value: w }],
        })),
      });
    } else if (n.kind === 'class' && !vocabulary.classes.has(n.word)) {
      out.push({
        code: 'case-set-lacks-class',
        severity: 'warning',
        message: `${lead} ${n.word} offenses${where}; no offense in this set is recorded as ${article(n.word)}`,
        path: n.path,
        fixes: [],
      });
    } else if (n.kind === 'degree' && !vocabulary.degrees) {
      out.push({
        code: 'case-set-lacks-degree',
        severity: 'warning',
        message: `${n.where} tests offense degrees (${n.word}); no offense in this set has a degree, so the test is never true on it`,
        path: n.path,
        fixes: [],
      });
    } else if (n.kind === 'degree' && n.test) {
      // Some offenses have degrees and some don't: one without is read as having none (an ungraded
      // offense), which the test never passes. When the records only leave the degree out, the
      // decisions on those cases rest on a fact the set lacks: say how many cases that can touch.
      const without = casesWithDegreelessOffense(t, n.test.filter, n.test.of);
      if (without.cases > 0)
        out.push({
          code: 'case-set-offenses-without-degree',
          severity: 'warning',
          message: `${n.where} tests offense degrees (${n.word}); in ${num(without.cases)} ${without.cases === 1 ? 'case' : 'cases'} ${offenseWords(n.test)} it would otherwise cover has no degree recorded (${num(without.offenses)} ${without.offenses === 1 ? 'offense' : 'offenses'} in all): the test reads such an offense as having no degree and is never true for it. If the records leave degrees out, rather than the offenses having none, the decisions on those cases may be wrong`,
          path: n.path,
          fixes: [],
        });
    } else if (n.kind === 'fact' && vocabulary.onlyDefault.has(n.word as YesNoFact)) {
      // An empty cell reads as a value (no judicial warrant, bond not posted...): a set whose every
      // case has that value may only lack the column, and then the test reads the same on every case.
      const fact = YES_NO_FACTS[n.word as YesNoFact];
      out.push({
        code: 'case-set-one-value',
        severity: 'warning',
        message: `${n.where} tests ${fact.asked}; ${fact.every} (as an empty cell reads), so the test comes out the same on every ${fact.of}. If the records leave this fact out, the decisions that turn on it may be wrong`,
        path: n.path,
        fixes: [],
      });
    } else if (n.kind === 'warrant' && vocabulary.noWarrants) {
      out.push({
        code: 'case-set-lacks-warrant',
        severity: 'warning',
        message: `${n.where} tests for an outstanding warrant; no case in this set lists one, so the test is never true on it. If the records leave warrants out, the decisions that turn on them may be wrong`,
        path: n.path,
        fixes: [],
      });
    } else if (n.kind === 'record') {
      const key = n.word as RecordKey;
      if (vocabulary.recordsNotCarried.has(key))
        out.push({
          code: 'case-set-lacks-record',
          severity: 'warning',
          message: `${lead} '${RECORD_LABELS[key]}'${where}; this set's records don't carry it: every decision that turns on it is open`,
          path: n.path,
          fixes: [],
        });
      else if (!vocabulary.records.has(key))
        out.push({
          code: 'case-set-lacks-record',
          severity: 'warning',
          message: `${lead} '${RECORD_LABELS[key]}'${where}; no case in this set has it`,
          path: n.path,
          fixes: [],
        });
    }
  }
  return out;
}

/** A yes/no fact of a case file's columns a draft tests, as `fact` or `group:fact`, and what the test asks. */
function* testedYesNoFacts(o: Ordinance): Generator<{ key: string; asked: string; path: PathSegment[]; where: string }> {
  const countJuvenile = o.juvenileAdjudications === 'counted';
  function* condition(
    c: Condition,
    path: PathSegment[],
    where: string,
  ): Generator<{ key: string; asked: string; path: PathSegment[]; where: string }> {
    if ('all' in c) for (const [k, x] of c.all.entries()) yield* condition(x, [...path, 'all', k], where);
    else if ('any' in c) for (const [k, x] of c.any.entries()) yield* condition(x, [...path, 'any', k], where);
    else if ('not' in c) yield* condition(c.not, [...path, 'not'], where);
    else if ('judicialWarrant' in c || 'administrativeWarrant' in c) {
      const f = 'judicialWarrant' in c ? 'judicialWarrant' : 'administrativeWarrant';
      yield { key: f, asked: YES_NO_FACTS[f].asked, path: [...path, f], where };
    } else if ('record' in c) yield { key: c.record, asked: `'${RECORD_LABELS[c.record]}'`, path: [...path, 'record'], where };
    else if ('charge' in c) {
      for (const f of ['bondPosted', 'bondable', 'probableCauseFinding'] as const)
        if (c.charge[f] !== undefined) yield { key: `charge:${f}`, asked: YES_NO_FACTS[f].asked, path: [...path, 'charge', f], where };
    } else if ('conviction' in c) {
      if (c.conviction.current !== undefined)
        yield {
          key: 'conviction:current',
          asked: 'whether a conviction is the one for the current custody',
          path: [...path, 'conviction', 'current'],
          where,
        };
      // A juvenile adjudication is left out of the count unless the test or the ordinance counts them.
      if (!(c.conviction.includeJuvenile ?? countJuvenile))
        yield {
          key: 'conviction:juvenile',
          asked: 'convictions, leaving out juvenile adjudications',
          path: [...path, 'conviction'],
          where,
        };
    } else if ('warrant' in c && c.warrant.felony !== undefined)
      yield { key: 'warrant:felony', asked: 'whether a warrant is for a felony', path: [...path, 'warrant', 'felony'], where };
  }
  const named = provisionWords(o);
  for (const [s, section] of o.sections.entries())
    for (const [p, provision] of (section.provisions ?? []).entries())
      if (provision.when) yield* condition(provision.when, ['sections', s, 'provisions', p, 'when'], named(provision));
}

const GROUP_ITEM: Record<string, string> = { charge: 'charge', conviction: 'conviction', warrant: 'warrant' };

/**
 * A yes/no column of the case file the draft tests that is empty on some rows and filled on others:
 * its empty cells read as the column's default (no; bondable: yes), which may not be what they mean.
 * Said once per column, where the draft first tests the fact, with how to map the blanks to unknown:
 * on the command line, the mapping file's `blanks` key; in the app (`where: 'app'`), the Map columns
 * panel's "Empty cells" part, where any meaning chosen (the default too) is written as the column's entry.
 */
export function checkBlankCells(
  o: Ordinance,
  blanks: readonly BlankColumn[] | undefined,
  where: 'command-line' | 'app' = 'command-line',
): VocabularyFinding[] {
  if (!blanks?.length) return [];
  const out: VocabularyFinding[] = [];
  const said = new Set<string>();
  for (const t of testedYesNoFacts(o)) {
    for (const b of blanks) {
      const key = b.group ? `${b.group}:${b.fact}` : b.fact;
      if (key !== t.key || said.has(b.target)) continue;
      said.add(b.target);
      const reads = yesNoDefault(b.fact) ? 'yes' : 'no';
      const column = b.column === b.target ? `"${b.column}"` : `"${b.column}" (${b.target})`;
      const n = b.target.match(/^[a-z]+(\d+)\./)?.[1];
      const of = b.group ? `${num(b.of)} rows with ${GROUP_ITEM[b.group]} ${n}` : `${num(b.of)} rows`;
      const key2 = /^[A-Za-z0-9_.-]+$/.test(b.column) ? b.column : JSON.stringify(b.column);
      // The case format has no unknown for a conviction's juvenile flag or a warrant's felony flag.
      const canBeUnknown = b.fact !== 'juvenile' && b.fact !== 'felony';
      out.push({
        code: 'case-set-blank-cells',
        severity: 'warning',
        message:
          `${t.where} tests ${t.asked}; column ${column} is empty on ${num(b.blank)} of the ${of} read, and each empty cell reads as "${reads}" while the other rows give a value. ` +
          (where === 'app'
            ? canBeUnknown
              ? `If an empty cell means the records don't say, choose unknown for ${column} under Empty cells in the Map columns panel (Map columns…): the decisions that turn on it are then open, not guessed; if it does mean ${reads}, choose ${reads} there`
              : `The case format can't leave this fact unknown: fill the empty cells, or if an empty cell does mean ${reads}, choose ${reads} for ${column} under Empty cells in the Map columns panel (Map columns…)`
            : canBeUnknown
              ? `If an empty cell means the records don't say, map blanks to unknown in the column mapping (blanks: { ${key2}: unknown }): the decisions that turn on it are then open, not guessed; if it does mean ${reads}, say so (blanks: { ${key2}: ${reads} })`
              : `The case format can't leave this fact unknown: fill the empty cells, or if an empty cell does mean ${reads}, say so in the column mapping (blanks: { ${key2}: ${reads} })`),
        path: t.path,
        fixes: [],
      });
    }
  }
  return out;
}
