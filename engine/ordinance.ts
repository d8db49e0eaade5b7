// Loading an ordinance: parse with positions, validate against the schema, then check what a schema
// can't say (ids unique, terms defined, holds bounded), every problem located.

import { didYouMean, sortDiagnostics, type Diagnostic, type PathSegment, type Severity } from './diagnostics';
import * as validators from './generated/validators.js';
import { LAW } from './law';
import { effectiveDateOf, FEDERAL_MAX_HOLD, PROVISION_TYPE_FIELDS, type Condition, type Ordinance, type Provision } from './model';
import { schemaDiagnostics } from './schema-diagnostics';
import { characterLocator, parseEditedSource, parseSource, type ParsedSource } from './source';
import { longDate } from './text-model';
import { parseDate } from './time';
import { escapeUnsafe, unsafeTextDiagnostics, withoutInvisible } from './text-safety';
import { isStateCode, STATE_NAMES } from './states';

/** The states the law data has authorities for. */
const LAW_STATES = new Set(LAW.map((a) => a.jurisdiction));

export interface LoadedOrdinance {
  source: ParsedSource;
  /** The document, when it is valid enough to compile (no errors). */
  ordinance: Ordinance | undefined;
  diagnostics: Diagnostic[];
}

const TYPE_FIELDS: Record<string, readonly string[]> = PROVISION_TYPE_FIELDS;
/** The years an ordinance's dates may name. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2199;
const SPECIFIC_FIELDS = [...new Set(Object.values(TYPE_FIELDS).flat())];

export function loadOrdinance(text: string): LoadedOrdinance {
  return checkOrdinance(parseSource(text, 'ordinance'));
}

/**
 * `loadOrdinance` for the document being edited, checked on every keystroke: an edit inside one
 * value or comment of the last text loaded this way is read without reading the rest
 * (`parseEditedSource`). The ordinance shares what the edit did not change with the last one: it is
 * read, never changed.
 */
export function loadEditedOrdinance(text: string): LoadedOrdinance {
  return checkOrdinance(parseEditedSource(text, 'ordinance'));
}

/** Validates a parsed document: schema, then the checks a schema can't express. */
export function checkOrdinance(source: ParsedSource): LoadedOrdinance {
  const diagnostics = [...source.diagnostics];
  if (source.value === undefined || diagnostics.some((d) => d.severity === 'error')) {
    return { source, ordinance: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    diagnostics.push({
      severity: 'error',
      code: 'not-an-ordinance',
      message:
        'an ordinance is a set of keys (title, jurisdiction, sections, otherwise, ...), not ' +
        (Array.isArray(source.value) ? 'a list' : 'a single value'),
      path: [],
      ...source.locate([]),
    });
    return { source, ordinance: undefined, diagnostics };
  }
  // The schema's and the semantic checks read the value alone (the text only to locate what they
  // find): a frozen value (frozen through) that passed them with nothing to say passes them again,
  // as the editor's document does after an edit of a comment (`parseEditedSource` gives the same value).
  const value = source.value as Ordinance;
  if (!PASSED.has(value)) {
    const before = diagnostics.length;
    diagnostics.push(...schemaDiagnostics(source, validators.ordinanceValidator));
    const schemaOk = diagnostics.every((d) => d.severity !== 'error');
    if (schemaOk) diagnostics.push(...semanticDiagnostics(value, source));
    if (diagnostics.length === before && Object.isFrozen(value)) PASSED.add(value);
  }
  const ok = diagnostics.every((d) => d.severity !== 'error');
  return { source, ordinance: ok ? value : undefined, diagnostics: sortDiagnostics(diagnostics) };
}

/** Frozen documents the schema's and the semantic checks found nothing in. */
const PASSED = new WeakSet<object>();

/** Checks of a schema-valid document that the schema can't express. */
export function semanticDiagnostics(o: Ordinance, source: ParsedSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (severity: Severity, code: string, message: string, path: PathSegment[], key = false) =>
    out.push({ severity, code, message, path, ...source.locate(path, key) });

  // The state: a postal code of a state, DC or a U.S. territory (the schema lets any two capitals through),
  // else the state's law would silently never be checked.
  const state = o.jurisdiction.state;
  if (!isStateCode(state)) {
    // One letter off, the codes with state law on file first, then those with the same first letter ("TS": TN, TX or KS).
    const near = Object.keys(STATE_NAMES)
      .filter((c) => (c[0] === state[0]) !== (c[1] === state[1]))
      .sort((a, b) => Number(LAW_STATES.has(b)) - Number(LAW_STATES.has(a)) || Number(b[0] === state[0]) - Number(a[0] === state[0]))
      .slice(0, 3);
    report(
      'error',
      'unknown-state',
      `"${state}" is not the postal code of a U.S. state, the District of Columbia or a U.S. territory${near.length ? `; did you mean ${near.slice(0, -1).join(', ')}${near.length > 1 ? ' or ' : ''}${near[near.length - 1]}?` : ''}`,
      ['jurisdiction', 'state'],
    );
  }

  // Unique ids across provisions, sections and findings: citations and results refer to them.
  // The first use of each id: located only when the id is used again.
  const ids = new Map<string, { path: PathSegment[]; what: string }>();
  const claim = (id: string | undefined, path: PathSegment[], what: string) => {
    if (!id) return;
    const first = ids.get(id);
    if (first)
      report(
        'error',
        'duplicate-id',
        `the id "${id}" is already used by the ${first.what} at line ${source.locate([...first.path, 'id']).line}; ids must be unique`,
        [...path, 'id'],
      );
    else ids.set(id, { path, what });
  };
  o.findings?.forEach((f, i) => claim(f.id, ['findings', i], 'finding'));

  const terms = new Map<string, number>();
  o.definitions?.forEach((d, i) => {
    const key = d.term.toLowerCase();
    if (terms.has(key))
      report('error', 'duplicate-term', `"${escapeUnsafe(d.term)}" is defined twice (first in definition ${terms.get(key)! + 1})`, [
        'definitions',
        i,
        'term',
      ]);
    else terms.set(key, i);
  });
  const termNames = (o.definitions ?? []).map((d) => d.term);

  // A real calendar date, in years an ordinance can take effect (0000-01-01 is a real ISO date, not a plausible one).
  const checkDate = (text: string, path: PathSegment[]) => {
    const year = Number(text.slice(0, 4));
    if (Number.isNaN(parseDate(text))) report('error', 'bad-date', `"${text}" is not a real date`, path);
    else if (year < EARLIEST_YEAR || year > LATEST_YEAR)
      report(
        'error',
        'implausible-date',
        `"${text}" is not a plausible date for an ordinance: give a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}`,
        path,
      );
  };

  // `at` is the path of the condition being read, a stack grown and shrunk as the walk goes (a
  // copy is made only for a finding): a 300-provision document has thousands of conditions.
  const checkTerm = (term: string | undefined, at: PathSegment[], key: 'conviction' | 'charge') => {
    if (term === undefined) return;
    const idx = terms.get(term.toLowerCase());
    if (idx === undefined) {
      // A term that differs from a defined one only by characters that do not show reads as that term:
      // the message shows them (\u200b) and says so.
      const seen = withoutInvisible(term);
      const lookalike = seen !== term && terms.has(seen.toLowerCase());
      const guess = lookalike ? o.definitions![terms.get(seen.toLowerCase())!]!.term : didYouMean(term, termNames);
      report(
        'error',
        'undefined-term',
        lookalike
          ? `"${escapeUnsafe(term)}" is not a defined term: it holds characters that do not show, and without them it is "${guess}"; remove them`
          : `"${escapeUnsafe(term)}" is not a defined term${guess ? `; did you mean "${guess}"?` : termNames.length ? `; defined terms: ${termNames.map(escapeUnsafe).join(', ')}` : '; add it under definitions with what it covers'}`,
        [...at, key, 'term'],
      );
      return;
    }
    if (!o.definitions![idx]!.covers) {
      report(
        'error',
        'term-without-coverage',
        `the defined term "${term}" is used in a condition but does not say which offenses it covers; add "covers" to its definition`,
        [...at, key, 'term'],
      );
    }
  };

  const walkList = (list: readonly Condition[], at: PathSegment[], key: 'all' | 'any') => {
    at.push(key, 0);
    for (let i = 0; i < list.length; i++) {
      at[at.length - 1] = i;
      walk(list[i]!, at);
    }
    at.length -= 2;
  };
  const walk = (c: Condition, at: PathSegment[]) => {
    if ('all' in c) walkList(c.all, at, 'all');
    else if ('any' in c) walkList(c.any, at, 'any');
    else if ('not' in c) {
      at.push('not');
      walk(c.not, at);
      at.length--;
    } else if ('conviction' in c) checkTerm(c.conviction.term, at, 'conviction');
    else if ('charge' in c) checkTerm(c.charge.term, at, 'charge');
    else if ('age' in c && c.age.atLeast !== undefined && c.age.under !== undefined && c.age.atLeast >= c.age.under) {
      report('error', 'empty-age-range', `no age is at least ${c.age.atLeast} and under ${c.age.under}`, [...at, 'age']);
    }
  };

  o.sections.forEach((s, si) => {
    claim(s.id, ['sections', si], 'section');
    if (!s.provisions?.length && !s.text) {
      report('error', 'empty-section', `section "${s.heading}" has neither text nor provisions`, ['sections', si, 'heading']);
    }
    s.provisions?.forEach((p: Provision, pi) => {
      const path: PathSegment[] = ['sections', si, 'provisions', pi];
      claim(p.id, path, 'provision');
      const type = p.type ?? 'detainer';
      // The provision as its reader knows it, by its heading (its id only where it has none).
      const named = p.heading?.trim() ? `provision "${p.heading.trim()}"` : `provision "${p.id}"`;
      if (type === 'detainer') {
        if (!p.outcome)
          report('error', 'missing-outcome', `detainer ${named} needs an "outcome": hold, notify, review or decline`, [...path, 'id']);
        if (p.outcome === 'hold' && !p.maxHold) {
          report(
            'error',
            'hold-without-maximum',
            `${named} allows a hold but does not state its maximum; give it a maximum hold (maxHold, e.g. hours: ${FEDERAL_MAX_HOLD.hours}, excludingWeekendsAndHolidays: ${FEDERAL_MAX_HOLD.excludingWeekendsAndHolidays === true})`,
            [...path, 'outcome'],
          );
        }
        if (p.outcome && p.outcome !== 'hold' && p.maxHold) {
          report('warning', 'unused-maximum', `maxHold has no effect: ${named} does not allow a hold`, [...path, 'maxHold'], true);
        }
        if (p.when) walk(p.when, [...path, 'when']);
      } else if (!p.text && !TYPE_FIELDS[type]!.some((f) => (p as unknown as Record<string, unknown>)[f] !== undefined)) {
        report(
          'error',
          'provision-without-text',
          `${named} (${type}) needs "text"${TYPE_FIELDS[type]!.length ? ` or ${TYPE_FIELDS[type]!.join('/')}` : ''}`,
          [...path, 'id'],
        );
      }
      for (const field of SPECIFIC_FIELDS) {
        if ((p as unknown as Record<string, unknown>)[field] !== undefined && !TYPE_FIELDS[type]?.includes(field)) {
          const owner = Object.entries(TYPE_FIELDS)
            .filter(([, fs]) => fs.includes(field))
            .map(([t]) => t);
          report(
            'error',
            'field-for-other-type',
            `"${field}" belongs to ${owner.join(' or ')} provisions; this provision is of type ${type}`,
            [...path, field],
            true,
          );
        }
      }
      if (p.date !== undefined) checkDate(p.date, [...path, 'date']);
    });
  });
  if (o.otherwiseMaxHold && o.otherwise !== 'hold') {
    report(
      'warning',
      'unused-maximum',
      `otherwiseMaxHold has no effect: the otherwise clause does not hold (otherwise: ${o.otherwise})`,
      ['otherwiseMaxHold'],
      true,
    );
  }
  if (o.effectiveDate !== undefined) checkDate(o.effectiveDate, ['effectiveDate']);
  // One date the ordinance takes effect (model.effectiveDateOf: the first dated effective-date provision,
  // else effectiveDate): a second date that says otherwise is dead weight a reader may take for the real one.
  const effective = effectiveDateOf(o);
  if (effective !== undefined) {
    let governing: PathSegment[] | undefined;
    o.sections.forEach((s, si) =>
      s.provisions?.forEach((p, pi) => {
        if (p.type !== 'effective-date' || !p.date) return;
        const path: PathSegment[] = ['sections', si, 'provisions', pi, 'date'];
        if (!governing) governing = path;
        else if (p.date !== effective)
          report(
            'warning',
            'effective-dates-disagree',
            `this provision says the ordinance takes effect on ${longDate(p.date)}, but the first effective-date provision ("${o.sections[governing[1] as number]!.provisions![governing[3] as number]!.id}", line ${source.locate(governing).line}) says ${longDate(effective)}; the text prints both, while the legal checks, the holiday list and the officer guide use ${longDate(effective)}. Give one date`,
            path,
          );
      }),
    );
    if (governing && o.effectiveDate !== undefined && o.effectiveDate !== effective)
      report(
        'warning',
        'effective-dates-disagree',
        `effectiveDate (line ${source.locate(['effectiveDate']).line}) says ${longDate(o.effectiveDate)}, but this provision says the ordinance takes effect on ${longDate(effective)}; the provision's date governs: the text, the legal checks, the holiday list, the officer guide and the policy bundle all use ${longDate(effective)}. Set effectiveDate to ${effective} or remove it`,
        governing,
      );
  }
  if (o.lawAsOf !== undefined) checkDate(o.lawAsOf, ['lawAsOf']);
  if (Array.isArray(o.holidays)) o.holidays.forEach((d, i) => checkDate(d, ['holidays', i]));
  // Control characters and bidirectional overrides in any text (a title that reads differently than it is).
  // Each is placed on the character, as written in the text or as its escape.
  const locateCharacter = characterLocator(source.text);
  out.push(...unsafeTextDiagnostics(o, (p, value, index) => locateCharacter(source.locate(p), value, index)));
  const provisionIds = new Set(o.sections.flatMap((s) => (s.provisions ?? []).map((p) => p.id)));
  o.suppress?.forEach((s, i) => {
    if (s.provision !== undefined && !provisionIds.has(s.provision)) {
      report('warning', 'suppression-unknown-provision', `no provision has the id "${s.provision}"`, ['suppress', i, 'provision']);
    }
  });
  return out;
}
