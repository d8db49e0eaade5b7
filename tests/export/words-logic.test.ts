// The words agree with the logic: the printed detainer rules of every sample are read back as a
// reader would read them (condition first, "all"/"any" lists, "Except as provided in ...", the
// outcome sentence, the "otherwise" clause, and the definition of "honor" for what a detainer asks)
// and decide thousands of booking cases exactly as the compiled policy does, citation and all.
// Each leaf condition is looked up by its printed words among the engine's own readings, so a word
// that says the wrong thing (a "may" where the engine always holds, an "and" for an "or", a lost
// "not", a wrong citation) fails here.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseId, caseTable, type CaseTable } from '../../engine/case-table';
import { compile, FALSE, OUTCOME_CODE, TRUE, UNKNOWN, clampOutcome, type Tri } from '../../engine/compile';
import {
  fingerprint,
  OUTCOMES,
  type ChargeTest,
  ordinanceText,
  ordinanceWords,
  type Condition,
  type Ordinance,
  type Outcome,
  type TextClause,
  type TextItem,
} from '../../engine/index';
import { leafWords, withDetainerTerm } from '../../engine/wording';
import fc from 'fast-check';
import { ordinance, runs } from '../fuzz/arbitraries';
import { allOrdinanceFiles, generatedCases, loadFile, root } from './helpers';

type Eval = (i: number) => Tri;

const files = [...allOrdinanceFiles(), path.join(root, 'tests/analysis/fixtures/boston-committee-draft.ordinance.yaml')];

function leaves(c: Condition | undefined, out: Condition[]): Condition[] {
  if (!c) return out;
  if ('all' in c) c.all.forEach((x) => leaves(x, out));
  else if ('any' in c) c.any.forEach((x) => leaves(x, out));
  else if ('not' in c) leaves(c.not, out);
  else out.push(c);
  return out;
}

/** What one leaf condition is on each row, decided by the engine alone (a one-provision policy). */
function leafValue(o: Ordinance, leaf: Condition, table: CaseTable): Eval {
  const probe: Ordinance = {
    ...o,
    sections: [{ heading: 'probe', provisions: [{ id: 'probe', when: leaf, outcome: 'hold', maxHold: { hours: 48 } }] }],
    otherwise: 'decline',
  };
  const bound = compile(probe).bind(table);
  return (i) => (bound.decide(i) >> 2 !== 0 ? FALSE : bound.allowed(i, 0) === OUTCOME_CODE.review ? UNKNOWN : TRUE);
}

const not = (v: Tri): Tri => (v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE);
const all = (vs: Tri[]): Tri => (vs.includes(FALSE) ? FALSE : vs.includes(UNKNOWN) ? UNKNOWN : TRUE);
const any = (vs: Tri[]): Tri => (vs.includes(TRUE) ? TRUE : vs.includes(UNKNOWN) ? UNKNOWN : FALSE);

interface Reader {
  /** The leaf a printed line names, and whether the line says it is not so. */
  leaf(words: string): Eval;
}

/** A list line: its words without the closing "; and", "; or", "," or ".". */
function bare(text: string): string {
  return text.replace(/(; (and|or)|[,.])$/, '');
}

function readItems(items: TextItem[], head: string, r: Reader): Eval {
  const isAll = /^all of the following are true/.test(head);
  expect(isAll || /^any of the following is true/.test(head), head).toBe(true);
  const parts = items.map((item) => (item.items ? readItems(item.items, item.text, r) : r.leaf(bare(item.text))));
  // The joining word printed between the lines is the list's own.
  for (const item of items.slice(0, -1)) if (!item.items) expect(item.text.endsWith(isAll ? '; and' : '; or'), item.text).toBe(true);
  return (i) => (isAll ? all : any)(parts.map((p) => p(i)));
}

interface ReadRule {
  citation: string;
  /** A provision in the author's own words, read from its generated reading. */
  authorWorded?: boolean;
  exceptions: string[] | null;
  condition: Eval | null;
  outcome: Outcome;
  hours?: number;
  excluding?: boolean;
}

/** Citations as printed in "Except as provided in ...": "§ 3(a)", "§ 3(a) and § 3(b)", "§ 3(a) through (d)". */
function expandCitations(words: string): string[] {
  const out: string[] = [];
  for (const part of words.split(/, and |, | and /)) {
    const range = /^§ (\d+)\(([a-z])\) through \(([a-z])\)$/.exec(part);
    if (range) {
      for (let c = range[2]!.charCodeAt(0); c <= range[3]!.charCodeAt(0); c++) out.push(`§ ${range[1]}(${String.fromCharCode(c)})`);
    } else out.push(part);
  }
  return out;
}

/** A citation or a list of them as printed: "§ 4", "§ 3(e) and § 5". */
const CITE = '§ \\d+(\\([a-z0-9]+\\))*(( and |, and |, )§ \\d+(\\([a-z0-9]+\\))*)*';

/** A term as a regular expression matching it literally. */
function escaped(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readOutcome(predicate: string, term: string): Pick<ReadRule, 'outcome' | 'hours' | 'excluding'> {
  const t = escaped(term);
  const hold = new RegExp(
    `^shall honor the ${t} by holding the person for no longer than (\\d+) hours(, excluding Saturdays, Sundays and holidays,)? after the time the person would otherwise be released\\.$`,
  ).exec(predicate);
  if (hold) return { outcome: 'hold', hours: Number(hold[1]), excluding: Boolean(hold[2]) };
  if (
    new RegExp(
      `^shall not hold the person on the ${t} and shall respond to it only by notifying ICE of the time of the person's release( and, as ${CITE} requires, of that decision)?\\.$`,
    ).test(predicate)
  )
    return { outcome: 'notify' };
  if (new RegExp(`^shall refer the ${t} to a supervisor, who shall decide in writing whether to honor it\\.$`).test(predicate))
    return { outcome: 'review' };
  if (
    new RegExp(`^shall decline the ${t}, shall not hold the person and shall not notify ICE of the time of the person's release\\.$`).test(
      predicate,
    )
  )
    return { outcome: 'decline' };
  // A decline where a notice-to-ice provision requires ICE be told of the decision, or of the release too.
  const cite = CITE;
  if (
    new RegExp(
      `^shall decline the ${t} and shall not hold the person, and shall notify ICE of that decision as ${cite} requires but shall not notify ICE of the time of the person's release\\.$`,
    ).test(predicate) ||
    new RegExp(
      `^shall decline the ${t} and shall not hold the person past the time the person would otherwise be released, and shall notify ICE only as ${cite} requires\\.$`,
    ).test(predicate)
  )
    return { outcome: 'decline' };
  throw new Error(`no outcome sentence the reader knows: "${predicate}"`);
}

function readClause(c: TextClause, section: number, agency: string, term: string, r: Reader): ReadRule {
  const citation = `§ ${section}${c.label ?? ''}`;
  const whole = c.after ? `${c.text} ${c.after}` : c.text;
  expect(whole, citation).not.toMatch(/\bmay (honor|hold|respond)\b/);
  const exceptMatch = /^Except as provided in (.+?), (if|the|a|an|in|In)\b/.exec(c.text);
  const exceptions = exceptMatch ? expandCitations(exceptMatch[1]!) : null;
  const rest = exceptMatch ? c.text.slice(exceptMatch[0].length - exceptMatch[2]!.length) : c.text;
  if (c.items) {
    const head = /^[Ii]f (.*):$/.exec(rest);
    expect(head, citation).not.toBeNull();
    expect(c.after!.startsWith(`${agency} `), citation).toBe(true);
    return { citation, exceptions, condition: readItems(c.items, head![1]!, r), ...readOutcome(c.after!.slice(agency.length + 1), term) };
  }
  const at = rest.lastIndexOf(`, ${agency} shall `);
  if (/^[Ii]f /.test(rest)) {
    expect(at, citation).toBeGreaterThan(0);
    return { citation, exceptions, condition: r.leaf(rest.slice(3, at)), ...readOutcome(rest.slice(at + agency.length + 3), term) };
  }
  // No condition: "In every case, the agency shall ..." or "Except as provided in ..., the agency shall ...".
  const unconditional = /^(?:In every case, )?(.*)$/.exec(rest)![1]!;
  expect(unconditional.startsWith(`${agency} `), citation).toBe(true);
  return { citation, exceptions, condition: null, ...readOutcome(unconditional.slice(agency.length + 1), term) };
}

/** Reads the printed rules of `o` back and decides every row of `table` by them and by the engine. */
function checkAgreement(o: Ordinance, table: CaseTable, label: string): void {
  const t = ordinanceText(o);
  const policy = compile(o);
  const bound = policy.bind(table);
  const agency = o.agency?.trim() || 'the law enforcement agency';
  // The detainer's term: the defined term an outcome sentence names (King County's "civil immigration
  // hold request" has no "detainer" in it), else the "civil immigration detainer" the text defines.
  const clauses = t.sections.flatMap((s) => s.clauses);
  const sentences = clauses.map((c) => (c.after ? `${c.text} ${c.after}` : c.text));
  // The longest such term: "ICE detainer", not the "ICE" it begins with.
  const names = (d: string) =>
    sentences.some((x) => new RegExp(`shall (honor|decline|refer) the ${escaped(d)}\\b|hold the person on the ${escaped(d)}\\b`).test(x));
  const term =
    clauses
      .map((c) => c.term)
      .filter((d): d is string => d !== undefined && names(d))
      .sort((a, b) => b.length - a.length)[0] ?? 'civil immigration detainer';

  // The printed leaves, by their words, among the engine's readings of the document's leaves.
  const byWords = new Map<string, Eval>();
  for (const p of o.sections.flatMap((s) => s.provisions ?? [])) {
    for (const leaf of leaves(p.when, [])) {
      const v = leafValue(o, leaf, table);
      for (const negated of [false, true]) {
        // As printed: with the ordinance's term for the detainer.
        const words = withDetainerTerm(leafWords(leaf, negated), term);
        byWords.set(words, negated ? (i) => not(v(i)) : v);
      }
    }
  }
  const reader: Reader = {
    leaf(words) {
      const v = byWords.get(words);
      if (!v) throw new Error(`${label}: no condition of the document reads "${words}"`);
      return v;
    },
  };

  // Read every printed detainer rule and the otherwise clause, in printed order.
  const rules: ReadRule[] = [];
  let otherwise: { rule: ReadRule; applies: string[] } | null = null;
  let authorWorded = 0;
  const printedDetainerIds = new Set(policy.provisions.map((p) => p.id));
  for (const s of t.sections) {
    for (const c of s.clauses) {
      const ids = c.provisions ?? (c.provision && c.provision !== 'default' ? [c.provision] : []);
      if (c.provision === 'default') {
        const m = /^In every case(?: to which (?:neither (.+) nor (.+) applies|none of (.+) applies|(.+) does not apply))?, (.*)$/.exec(
          c.text,
        )!;
        expect(m, c.text).not.toBeNull();
        const applies = m[1] ? [m[1], m[2]!] : m[3] ? expandCitations(m[3]) : m[4] ? [m[4]] : [];
        expect(m[5]!.startsWith(`${agency} `)).toBe(true);
        otherwise = {
          rule: {
            citation: `§ ${s.number}${c.label ?? ''}`,
            exceptions: null,
            condition: null,
            ...readOutcome(m[5]!.slice(agency.length + 1), term),
          },
          applies,
        };
        continue;
      }
      if (!ids.some((id) => printedDetainerIds.has(id))) continue;
      if (c.authorWording) {
        // The author's own words: the reader falls back on the generated reading (printed in the annex when asked for).
        authorWorded++;
        const p = policy.provisions.find((x) => x.id === c.provision)!;
        rules.push({
          citation: p.citation,
          authorWorded: true,
          exceptions: rules.map((x) => x.citation),
          condition: p.condition
            ? (
                (cond) => (i: number) =>
                  cond.bind(table)(i)
              )(p.condition)
            : null,
          outcome: p.outcome,
          ...(p.maxHold ? { hours: p.maxHold.hours, excluding: Boolean(p.maxHold.excludingWeekendsAndHolidays) } : {}),
        });
        continue;
      }
      rules.push(readClause(c, s.number, agency, term, reader));
    }
  }
  expect(rules.length + authorWorded).toBeGreaterThanOrEqual(0);

  // Precedence: each rule is subject to exactly the rules printed before it.
  rules.forEach((r, k) => {
    const before = rules.slice(0, k).map((x) => x.citation);
    expect(r.exceptions ?? [], `${r.citation} "Except as provided in"`).toEqual(before);
  });
  if (otherwise) expect((otherwise as { applies: string[] }).applies).toEqual(rules.map((x) => x.citation));
  const hasOtherwise = otherwise !== null;
  expect(hasOtherwise || rules.some((r) => r.condition === null)).toBe(true);

  // The maximum hold printed is the engine's, per provision.
  for (const p of policy.provisions) {
    const printed = rules.find((r) => p.citation === r.citation || p.citation.startsWith(`${r.citation}(`))!;
    expect(printed, p.citation).toBeDefined();
    expect(printed.outcome, p.citation).toBe(p.outcome);
    if (p.outcome === 'hold') {
      const engine = policy.maxHoldOf(p.index);
      expect(printed.hours, p.citation).toBe(engine.hours);
      expect(printed.excluding, p.citation).toBe(Boolean(engine.excludingWeekendsAndHolidays));
    }
  }

  // And the otherwise clause's: its otherwiseMaxHold, or the federal maximum, as the engine holds.
  if (otherwise && o.otherwise === 'hold') {
    const printed = (otherwise as { rule: ReadRule }).rule;
    const engine = policy.maxHoldOf(policy.provisions.length);
    expect(printed.outcome, 'otherwise').toBe('hold');
    expect(printed.hours, 'otherwise').toBe(engine.hours);
    expect(printed.excluding, 'otherwise').toBe(Boolean(engine.excludingWeekendsAndHolidays));
  }

  // "Honor" is defined as the engine clamps an outcome to what the detainer requests.
  const honors = t.sections.flatMap((s) => s.clauses).find((c) => c.term === 'honor');
  if (
    rules.some((r) => !r.authorWorded && (r.outcome === 'hold' || r.outcome === 'review')) ||
    o.otherwise === 'hold' ||
    o.otherwise === 'review'
  ) {
    expect(honors?.text).toMatch(
      /to hold the person where it requests that the person be held, and to notify ICE of the time of the person's release where it requests that notice/,
    );
  }

  // Decide every case by the words and by the engine.
  let decided = 0;
  for (let i = 0; i < table.length; i++) {
    let outcome: Outcome | null = null;
    let citation = '';
    for (const r of rules) {
      const v = r.condition ? r.condition(i) : TRUE;
      if (v === FALSE) continue;
      outcome = v === UNKNOWN ? 'review' : r.outcome;
      // Which ground decided: the engine cites the ground of a list.
      citation = r.citation;
      break;
    }
    if (outcome === null) {
      outcome = (otherwise as { rule: ReadRule } | null)?.rule.outcome ?? o.otherwise;
      citation = (otherwise as { rule: ReadRule } | null)?.rule.citation ?? policy.otherwiseCitation;
    }
    const given = OUTCOMES[clampOutcome(OUTCOME_CODE[outcome], table.flags[i]!)]!;
    const code = bound.decide(i);
    expect(given, `${label} case ${caseId(table, i)}`).toBe(OUTCOMES[code & 3]);
    const engineCitation = policy.citationOf(code >> 2);
    expect(engineCitation === citation || engineCitation.startsWith(`${citation}(`), `${engineCitation} vs ${citation}`).toBe(true);
    decided++;
  }
  expect(decided).toBe(table.length);
}

describe('the words agree with the logic', () => {
  const table = caseTable(generatedCases(3000, 11));

  for (const file of files) {
    it(path.basename(file), () => checkAgreement(loadFile(file), table, path.basename(file)));
  }

  it('random ordinances: every shape of condition, outcome, list of grounds and otherwise clause', () => {
    const small = caseTable(generatedCases(400, 5));
    fc.assert(
      fc.property(ordinance, (o) => checkAgreement(o, small, o.title)),
      { numRuns: runs(60), seed: 20240611 },
    );
  }, 120_000);
});

// A negated charge test: "no criminal charge is pending against the person, on which bond has been
// posted" first says that no charge at all is pending. The reader takes the charge a sentence rules out
// from the words before "is pending against the person" and wants nothing after them; every combination
// of the charge's attributes, with and without an offense, reads back as the test it prints.
describe('a negated charge test names the charge it rules out before "is pending"', () => {
  const FLAGS: Record<string, [keyof ChargeTest, boolean]> = {
    'on which bond has been posted': ['bondPosted', true],
    'on which bond has not been posted': ['bondPosted', false],
    'on which the person may be released on bond': ['bondable', true],
    'on which the person may not be released on bond': ['bondable', false],
    'on which a magistrate has found probable cause': ['probableCauseFinding', true],
    'on which no probable-cause finding has been made': ['probableCauseFinding', false],
  };
  /** The charge test a printed "no ... is pending against the person" rules out, read from its words alone. */
  function readNegatedCharge(words: string): ChargeTest {
    const m = /^no (?:criminal charge|charge of (a felony))(?: (on which .+))? is pending against the person$/.exec(words);
    if (!m) throw new Error(`not a negated charge sentence the reader knows: "${words}"`);
    const test: ChargeTest = m[1] ? { classes: ['felony'] } : {};
    for (const clause of m[2] ? m[2].split(/,? and (?=on which )|, (?=on which )/) : []) {
      const flag = FLAGS[clause];
      if (!flag) throw new Error(`unknown clause "${clause}" in "${words}"`);
      expect(test[flag[0]], words).toBeUndefined();
      (test as Record<string, unknown>)[flag[0]] = flag[1];
    }
    return test;
  }
  const values = [undefined, true, false] as const;
  const tests: ChargeTest[] = [];
  for (const classes of [undefined, ['felony' as const]])
    for (const bondPosted of values)
      for (const bondable of values)
        for (const probableCauseFinding of values)
          tests.push({
            ...(classes ? { classes } : {}),
            ...(bondPosted === undefined ? {} : { bondPosted }),
            ...(bondable === undefined ? {} : { bondable }),
            ...(probableCauseFinding === undefined ? {} : { probableCauseFinding }),
          });
  // Each as a ground of its own and as an item of a list, as in "(B) no criminal charge ... ,".
  const o: Ordinance = {
    title: 'Negated charges',
    jurisdiction: { name: 'Test City', state: 'CT' },
    sections: [
      {
        heading: 'Detainers',
        provisions: tests.map((t, k) => ({
          id: `p${k}`,
          when: k % 2 ? { not: { charge: t } } : { any: [{ judicialWarrant: true }, { not: { charge: t } }] },
          outcome: 'notify' as const,
        })),
      },
    ],
    otherwise: 'decline',
  };

  it('the tv draft\'s § 2(c)(2)(B): "no criminal charge on which bond has been posted is pending against the person"', () => {
    expect(leafWords({ charge: { bondPosted: true } }, true)).toBe(
      'no criminal charge on which bond has been posted is pending against the person',
    );
  });

  it('every combination of bond posted, bondable and probable cause, with and without an offense, reads back', () => {
    const printed: string[] = [];
    const collect = (items: TextItem[] | undefined) => {
      for (const item of items ?? []) {
        if (/ is pending against the person/.test(item.text)) printed.push(bare(item.text));
        collect(item.items);
      }
    };
    for (const c of ordinanceText(o).sections.flatMap((s) => s.clauses)) {
      const m = /^If (.+), the law enforcement agency shall /.exec(c.text);
      if (m && / is pending against the person/.test(m[1]!)) printed.push(m[1]!);
      collect(c.items);
    }
    expect(printed).toHaveLength(tests.length);
    expect(printed.map(readNegatedCharge)).toEqual(tests);
  });

  it('and decides as the engine does', () => checkAgreement(o, caseTable(generatedCases(600, 3)), o.title));
});

describe('"holiday" is defined as the calendar the hold counts with', () => {
  const base = loadFile(path.join(root, 'samples/ordinances/boston-serious-felony-partition-2011.ordinance.yaml'));
  const holiday = (o: Ordinance) =>
    ordinanceText(o)
      .sections.flatMap((s) => s.clauses)
      .find((c) => c.term === 'holiday')?.text;
  // 2012-03-16 is a Friday; 2012-03-19, the Monday after, is no federal holiday.
  const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00Z`) / 86_400_000);

  it('federal holidays by default, from the statute in law/', () => {
    expect(holiday(base)).toMatch(
      /^"holiday" means a legal public holiday under 5 U\.S\.C\. 6103, .*Labor Day.*on the Monday after when it falls on a Sunday\.$/,
    );
    expect(compile(base).calendar.isHoliday(day('2012-09-03'))).toBe(true);
  });

  it('no day when the ordinance counts no holiday', () => {
    const o: Ordinance = { ...base, holidays: 'none' };
    expect(holiday(o)).toBe(
      '"holiday" means, for this ordinance, no day: a hold that excludes holidays excludes only Saturdays and Sundays.',
    );
    expect(compile(o).calendar.isHoliday(day('2012-09-03'))).toBe(false);
  });

  it("the federal holidays and the ordinance's own days", () => {
    const o: Ordinance = { ...base, holidays: ['2012-03-19', '2012-04-16'] };
    expect(holiday(o)).toMatch(/Sunday; and also March 19, 2012 and April 16, 2012\.$/);
    expect(compile(o).calendar.isHoliday(day('2012-03-19'))).toBe(true);
    expect(compile(base).calendar.isHoliday(day('2012-03-19'))).toBe(false);
  });
});

describe('ordinanceWords', () => {
  const o = loadFile(path.join(root, 'samples/ordinances/boston-serious-felony-partition-2011.ordinance.yaml'));
  const t = ordinanceText(o);

  it('holds every clause and list item of the voted text, and nothing outside it', () => {
    const words = ordinanceWords(o);
    const lines = new Set(words.split('\n'));
    for (const c of t.sections.flatMap((s) => s.clauses)) expect(lines.has(c.text), c.text).toBe(true);
    expect(words).toContain('the person is subject to a final order of removal');
    expect(words).not.toContain('Section 3');
    expect(words).not.toContain('Attest');
    expect(words).not.toContain(t.fingerprint);
    expect(ordinanceWords(o, { definitionLeads: false })).not.toContain('"serious felony" means');
    expect(words).toContain('"serious felony" means');
  });

  it('the fingerprint is computed when read, and is the same as the document fingerprint', () => {
    expect(t.fingerprint).toBe(fingerprint(o));
    expect(JSON.parse(JSON.stringify(t)).fingerprint).toBe(t.fingerprint);
    expect({ ...t }.fingerprint).toBe(t.fingerprint);
  });
});
