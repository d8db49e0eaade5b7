// The form's edits expressed as structured edits of the document: adding a provision from a template
// (with the terms it needs), reordering, changing a provision's type or outcome consistently.

import { PROVISION_TYPE_FIELDS, REQUESTED_HOLD, type Definition, type Provision, type ProvisionType } from '../../../engine/vocabulary';
import type { ProvisionTemplate } from './templates';
import { uniqueId } from './templates';
import type { DocumentEdit, PathSegment } from '../../../engine/document';

/** The document as the form sees it: whatever parsed, shapes checked before use. */
export type DocumentData = Record<string, unknown>;

export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function sectionsOf(doc: DocumentData): Record<string, unknown>[] {
  return asList(doc.sections).map((s) => asRecord(s) ?? {});
}

export function provisionsOf(section: Record<string, unknown>): Record<string, unknown>[] {
  return asList(section.provisions).map((p) => asRecord(p) ?? {});
}

/** Every id in use (findings, sections, provisions): new ones must differ. */
export function idsInUse(doc: DocumentData): Set<string> {
  const ids = new Set<string>();
  const claim = (v: unknown) => {
    const id = asRecord(v)?.id;
    if (typeof id === 'string') ids.add(id);
  };
  asList(doc.findings).forEach(claim);
  for (const s of sectionsOf(doc)) {
    claim(s);
    provisionsOf(s).forEach(claim);
  }
  return ids;
}

/** Top-level keys that come after definitions, in the order the schema documents them. */
const AFTER_DEFINITIONS = ['sections', 'otherwise', 'suppress'];
/** The top-level keys an otherwiseMaxHold goes before (it follows `otherwise`). */
const AFTER_OTHERWISE = ['suppress', 'sponsors', 'enactingForm', 'detainerGrounds', 'standardClauses', 'passage', 'plainReadingAnnex'];
const AFTER_FINDINGS = ['definitions', ...AFTER_DEFINITIONS];

export function definedTerms(doc: DocumentData): string[] {
  return asList(doc.definitions)
    .map((d) => asRecord(d)?.term)
    .filter((t): t is string => typeof t === 'string');
}

/**
 * The defined terms (lower case) some provision's condition names, as the engine finds them: a
 * conviction or charge test's `term`, at any depth of all / any / not. The engine refuses a draft in
 * which such a term does not say which offenses it covers.
 */
export function termsUsedInConditions(doc: DocumentData): Set<string> {
  const used = new Set<string>();
  const walk = (c: unknown): void => {
    const r = asRecord(c);
    if (!r) return;
    for (const group of ['all', 'any']) asList(r[group]).forEach(walk);
    if (r.not !== undefined) walk(r.not);
    for (const test of ['conviction', 'charge']) {
      const term = asRecord(r[test])?.term;
      if (typeof term === 'string') used.add(term.toLowerCase());
    }
  };
  for (const s of sectionsOf(doc)) for (const p of provisionsOf(s)) walk(p.when);
  return used;
}

export interface AddedProvision {
  ops: DocumentEdit[];
  id: string;
  path: PathSegment[];
}

/** The section new detainer provisions go to: the first holding detainer provisions, else the first. */
export function defaultSectionFor(doc: DocumentData, provision: Provision): number {
  const sections = sectionsOf(doc);
  const isDetainer = (p: Record<string, unknown>) => (p.type ?? 'detainer') === 'detainer';
  const wantDetainer = (provision.type ?? 'detainer') === 'detainer';
  const found = sections.findIndex((s) => provisionsOf(s).some((p) => isDetainer(p) === wantDetainer));
  if (found >= 0) return found;
  return sections.length ? (wantDetainer ? 0 : sections.length - 1) : -1;
}

/**
 * Adds a template's provision to section `sectionIndex` (-1: the usual section) at `position`
 * (-1: at the end), with any defined term it relies on that the draft lacks.
 */
export function addProvisionOps(doc: DocumentData, template: ProvisionTemplate, sectionIndex = -1, position = -1): AddedProvision {
  const ops: DocumentEdit[] = [];
  const id = uniqueId(template.provision.id, idsInUse(doc));
  const provision: Provision = { ...template.provision, id };
  const terms = new Set(definedTerms(doc).map((t) => t.toLowerCase()));
  for (const def of template.definitions ?? []) {
    if (terms.has(def.term.toLowerCase())) continue;
    ops.push({ op: 'insert', path: ['definitions'], index: -1, value: def satisfies Definition, before: AFTER_DEFINITIONS });
    terms.add(def.term.toLowerCase());
  }
  const sections = sectionsOf(doc);
  const si = sectionIndex >= 0 && sectionIndex < sections.length ? sectionIndex : defaultSectionFor(doc, provision);
  if (si < 0) {
    const heading = (provision.type ?? 'detainer') === 'detainer' ? 'Civil immigration detainers' : 'Other provisions';
    ops.push({
      op: 'insert',
      path: ['sections'],
      index: -1,
      value: { heading, provisions: [provision] },
      before: ['otherwise', 'suppress'],
    });
    return { ops, id, path: ['sections', 0, 'provisions', 0] };
  }
  const count = provisionsOf(sections[si]!).length;
  const index = position < 0 || position > count ? count : position;
  ops.push({ op: 'insert', path: ['sections', si, 'provisions'], index, value: provision });
  return { ops, id, path: ['sections', si, 'provisions', index] };
}

/** Fields that belong to each provision type; others are removed when the type changes. */
const TYPE_FIELDS = PROVISION_TYPE_FIELDS;

const TYPE_DEFAULTS: Partial<Record<ProvisionType, Record<string, unknown>>> = {
  detainer: { outcome: 'decline' },
  'ice-access': { interviews: 'with-criminal-warrant' },
  'status-inquiry': { inquiries: 'only-when-required-by-law' },
  'notice-to-person': { notices: ['copy-of-detainer'] },
  'notice-to-ice': { notices: ['decision'] },
  report: { reportTo: 'the City Council', every: 'year', contents: ['received', 'honored', 'declined'] },
  'effective-date': { date: new Date().toISOString().slice(0, 10) },
};

const NEEDS_TEXT: ProvisionType[] = ['training', 'severability', 'other'];

export function changeProvisionTypeOps(provision: Record<string, unknown>, path: PathSegment[], type: ProvisionType): DocumentEdit[] {
  const ops: DocumentEdit[] = [];
  const keep = new Set(TYPE_FIELDS[type]);
  for (const fields of Object.values(TYPE_FIELDS))
    for (const f of fields) if (!keep.has(f) && provision[f] !== undefined) ops.push({ op: 'delete', path: [...path, f] });
  if (type === 'detainer') ops.push({ op: 'delete', path: [...path, 'type'] });
  else ops.push({ op: 'set', path: [...path, 'type'], value: type, before: ['heading', 'when', 'outcome', 'text'] });
  for (const [k, v] of Object.entries(TYPE_DEFAULTS[type] ?? {}))
    if (provision[k] === undefined) ops.push({ op: 'set', path: [...path, k], value: v });
  if (NEEDS_TEXT.includes(type) && typeof provision.text !== 'string')
    ops.push({ op: 'set', path: [...path, 'text'], value: 'the text of this provision' });
  return ops;
}

/** A hold needs a maximum (it starts at what the detainer form in use asks for); other outcomes must not carry one. */
export function changeOutcomeOps(provision: Record<string, unknown>, path: PathSegment[], outcome: string): DocumentEdit[] {
  const ops: DocumentEdit[] = [{ op: 'set', path: [...path, 'outcome'], value: outcome }];
  if (outcome === 'hold' && provision.maxHold === undefined)
    ops.push({ op: 'set', path: [...path, 'maxHold'], value: { ...REQUESTED_HOLD } });
  if (outcome !== 'hold' && provision.maxHold !== undefined) ops.push({ op: 'delete', path: [...path, 'maxHold'] });
  return ops;
}

/**
 * The otherwise clause's outcome, as changeOutcomeOps a provision's: a hold gets an otherwiseMaxHold of
 * what the detainer form in use asks for (else it holds for the federal maximum, longer than ICE asks),
 * written just after `otherwise`; any other outcome loses one.
 */
export function changeOtherwiseOps(doc: DocumentData, outcome: string): DocumentEdit[] {
  const ops: DocumentEdit[] = [{ op: 'set', path: ['otherwise'], value: outcome }];
  if (outcome === 'hold' && doc.otherwiseMaxHold === undefined)
    ops.push({ op: 'set', path: ['otherwiseMaxHold'], value: { ...REQUESTED_HOLD }, before: AFTER_OTHERWISE });
  if (outcome !== 'hold' && doc.otherwiseMaxHold !== undefined) ops.push({ op: 'delete', path: ['otherwiseMaxHold'] });
  return ops;
}

export function addSectionOps(doc: DocumentData, heading: string): DocumentEdit[] {
  const section = { heading, provisions: [{ id: uniqueId('new-provision', idsInUse(doc)), outcome: 'decline' }] };
  return [{ op: 'insert', path: ['sections'], index: -1, value: section, before: ['otherwise', 'suppress'] }];
}

export function addFindingOps(): DocumentEdit[] {
  return [{ op: 'insert', path: ['findings'], index: -1, value: { text: 'the council finds that ...' }, before: AFTER_FINDINGS }];
}

export function addDefinitionOps(doc: DocumentData): DocumentEdit[] {
  const terms = new Set(definedTerms(doc).map((t) => t.toLowerCase()));
  let term = 'new term';
  for (let n = 2; terms.has(term); n++) term = `new term ${n}`;
  return [
    {
      op: 'insert',
      path: ['definitions'],
      index: -1,
      value: { term, meaning: 'what the term means', covers: [{ classes: ['felony'] }] },
      before: AFTER_DEFINITIONS,
    },
  ];
}
