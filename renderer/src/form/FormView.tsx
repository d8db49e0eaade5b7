// The form view of the ordinance, for people who don't write YAML: the same document, edited through
// structured edits that keep the author's comments and order and join the editor's undo history.

import { visibleText } from '../../../engine/text-safety';
import { useEffect, useMemo, useState } from 'react';
import type { Ordinance, OrdinanceText } from '../../../engine/index';
import { layoutOrdinance, stateCodeOf } from '../../../engine/vocabulary';
import { ConditionEditor, type Edit } from './ConditionEditor';
import { EnactmentForm } from './EnactmentForm';
import {
  addDefinitionOps,
  addFindingOps,
  addProvisionOps,
  addSectionOps,
  asList,
  asRecord,
  changeOtherwiseOps,
  changeOutcomeOps,
  changeProvisionTypeOps,
  definedTerms,
  provisionsOf,
  sectionsOf,
  termsUsedInConditions,
  type DocumentData,
} from './document-ops';
import { CheckboxField, CheckboxGroup, NumberField, SelectField, TextField, type Choice } from './fields';
import { choicesOf, defSchema, helpFor, schemaAt } from './schema-info';
import { choiceWords, PROVISION_TYPE_WORDS } from '../lib/words';
import { PROVISION_TEMPLATES, templateById } from './templates';
import type { PathSegment } from '../../../engine/document';
import { FEDERAL_MAX_HOLD, OUTCOMES, provisionTitle, type ProvisionType } from '../../../engine/vocabulary';
import { useRovingToolbar } from '../lib/roving-toolbar';
import { stateZones, zoneForNewState } from './time-zone';

interface Props {
  data: DocumentData | null;
  /** Why there is no data (a syntax error), when there is none. */
  unreadable?: string;
  text: OrdinanceText | null;
  edit: Edit;
  onShowInEditor: (path: PathSegment[]) => void;
  onUndo: () => void;
  onRedo: () => void;
}

const OUTCOME_WORDS: Record<string, string> = {
  hold: 'Hold (honor the detainer)',
  notify: 'Notify ICE of release only',
  review: 'Send to review by a person',
  decline: 'Decline the detainer',
};

function top(key: string) {
  return helpFor(schemaAt(key), key);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function choices(values: string[], own?: Record<string, string>): Choice[] {
  return values.map((v) => ({ value: v, label: own?.[v] ?? choiceWords(v) }));
}

/** The number each of the document's sections prints under (the Definitions section comes first when there is one). */
function printedSectionNumbers(data: DocumentData): Map<number, number> {
  try {
    const layout = layoutOrdinance(data as unknown as Ordinance);
    return new Map(layout.sections.flatMap((s) => (s.sectionIndex === null ? [] : [[s.sectionIndex, s.number] as [number, number]])));
  } catch {
    return new Map();
  }
}

export function FormView({ data, unreadable, text, edit, onShowInEditor, onUndo, onRedo }: Props) {
  const toolbar = useRovingToolbar<HTMLDivElement>();
  const clauses = useMemo(() => {
    const map = new Map<string, { label: string; reading?: string; section: number }>();
    for (const [id, p] of Object.entries(text?.provisions ?? {})) {
      const section = Number(/^§ (\d+)/.exec(p.citation)?.[1] ?? 0);
      // The engine's plain reading (what a request for notice alone or for nothing gets, too), else the text's reading.
      if (id !== 'default') map.set(id, { label: p.citation, reading: p.plainReading ?? p.reading, section });
    }
    return map;
  }, [text]);
  // What the last change of the state did to the time zone, shown while that state stands.
  const [zoneNote, setZoneNote] = useState<{ state: string; text: string } | null>(null);

  if (!data) {
    return (
      <div className="form-view" role="region" aria-label="Form">
        <p className="notice error" role="alert">
          {unreadable ?? 'The document cannot be read as an ordinance.'} Fix it in the YAML view (the Problems panel shows where).
        </p>
      </div>
    );
  }

  const terms = definedTerms(data);
  const jurisdiction = asRecord(data.jurisdiction) ?? {};
  const otherwiseHold = asRecord(data.otherwiseMaxHold);
  const set = (path: PathSegment[], value: unknown, label: string, before?: string[]) =>
    edit([value === undefined || value === '' ? { op: 'delete', path } : { op: 'set', path, value, before }], label);
  const timeZone = str(jurisdiction.timeZone);
  const zonesHere = stateZones(str(jurisdiction.state));
  // A state in more than one zone and no zone of it named: the form asks rather than guesses.
  const askZone = zonesHere && zonesHere.zones.length > 1 && !zonesHere.zones.some((z) => z.name === timeZone) ? zonesHere : null;
  const setState = (typed: string) => {
    const code = stateCodeOf(typed);
    if (!code) return set(['jurisdiction', 'state'], code, 'state');
    const change = zoneForNewState(code, timeZone);
    // A new draft has no state: it is written after the name, before the level and the zone.
    edit([{ op: 'set', path: ['jurisdiction', 'state'], value: code, before: ['level', 'timeZone'] }, ...change.ops], 'state');
    setZoneNote(change.note ? { state: code, text: change.note } : null);
  };

  return (
    <div
      className="form-view"
      role="region"
      aria-label="Form"
      onKeyDown={(e) => {
        // One undo history for both views: outside a text box, Ctrl+Z undoes the last edit of either.
        const inText = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
        if (inText || !(e.ctrlKey || e.metaKey)) return;
        if (e.key.toLowerCase() === 'z' && !e.shiftKey) {
          e.preventDefault();
          onUndo();
        } else if (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey)) {
          e.preventDefault();
          onRedo();
        }
      }}
    >
      <div className="form-toolbar" role="toolbar" aria-label="Form actions" {...toolbar}>
        <button type="button" onClick={onUndo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" onClick={onRedo} aria-keyshortcuts="Control+Y">
          Redo
        </button>
        <span className="muted">Changes here are written into the YAML at once; comments and order are kept.</span>
      </div>

      {/* Where "Skip to the form" and F6 land: the first field, past the form's own toolbar. */}
      <section className="form-section" tabIndex={-1} aria-labelledby="form-document" data-pane-start>
        <h2 id="form-document">The ordinance</h2>
        <div className="field-grid">
          <TextField {...top('title')} className="wide" required value={str(data.title)} onCommit={(v) => set(['title'], v, 'title')} />
          <TextField
            {...top('shortTitle')}
            value={str(data.shortTitle)}
            onCommit={(v) => set(['shortTitle'], v, 'short title', ['documentNumber', 'jurisdiction'])}
          />
          <TextField
            {...top('documentNumber')}
            value={str(data.documentNumber)}
            onCommit={(v) => set(['documentNumber'], v, 'document number', ['jurisdiction'])}
          />
          <TextField
            {...helpFor(schemaAt('jurisdiction.name'), 'name')}
            label="Jurisdiction"
            required
            value={str(jurisdiction.name)}
            onCommit={(v) => set(['jurisdiction', 'name'], v, 'jurisdiction', ['state', 'level', 'timeZone'])}
          />
          <TextField {...helpFor(schemaAt('jurisdiction.state'), 'state')} required value={str(jurisdiction.state)} onCommit={setState} />
          <SelectField
            {...helpFor(schemaAt('jurisdiction.level'), 'level')}
            value={str(jurisdiction.level)}
            emptyLabel="(not said)"
            choices={choices(choicesOf(schemaAt('jurisdiction.level')))}
            onChange={(v) => set(['jurisdiction', 'level'], v || undefined, 'level of government')}
          />
          <SelectField
            {...helpFor(schemaAt('jurisdiction.timeZone'), 'timeZone')}
            value={timeZone}
            emptyLabel="(not said: wall-clock hours)"
            choices={choices(choicesOf(schemaAt('jurisdiction.timeZone')))}
            onChange={(v) => {
              setZoneNote(null);
              set(['jurisdiction', 'timeZone'], v || undefined, 'time zone');
            }}
          />
          {zoneNote && zoneNote.state === jurisdiction.state ? (
            <p className="field-note wide" role="status">
              {zoneNote.text}
            </p>
          ) : null}
          {askZone ? (
            <div className="wide zone-ask" role="group" aria-label="Choose the time zone">
              <p className="field-note">
                {askZone.name} lies in more than one time zone, {askZone.choice} ({askZone.cite})
                {timeZone ? `, and ${timeZone} is not one of them` : ''}: choose the one the jail keeps.
              </p>
              {askZone.zones.map((z) => (
                <button
                  key={z.name}
                  type="button"
                  onClick={() => {
                    setZoneNote(null);
                    set(['jurisdiction', 'timeZone'], z.name, 'time zone');
                  }}
                >
                  {z.label} ({z.name})
                </button>
              ))}
            </div>
          ) : null}
          <TextField
            {...top('legislativeBody')}
            value={str(data.legislativeBody)}
            onCommit={(v) => set(['legislativeBody'], v, 'legislative body', ['findings', 'sections'])}
          />
          <TextField {...top('agency')} value={str(data.agency)} onCommit={(v) => set(['agency'], v, 'agency', ['findings', 'sections'])} />
          <TextField
            {...top('sponsor')}
            value={str(data.sponsor)}
            onCommit={(v) => set(['sponsor'], v, 'sponsor', ['findings', 'sections'])}
          />
          <SelectField
            {...top('status')}
            value={str(data.status)}
            emptyLabel="(not said)"
            choices={choices(choicesOf(schemaAt('status')))}
            onChange={(v) => set(['status'], v || undefined, 'status', ['findings', 'sections'])}
          />
          <TextField
            {...top('version')}
            value={str(data.version)}
            onCommit={(v) => set(['version'], v, 'version', ['findings', 'sections'])}
          />
          <TextField
            {...top('effectiveDate')}
            placeholder="YYYY-MM-DD"
            value={str(data.effectiveDate)}
            onCommit={(v) => set(['effectiveDate'], v, 'effective date', ['findings', 'sections'])}
          />
          <SelectField
            {...top('juvenileAdjudications')}
            value={str(data.juvenileAdjudications)}
            emptyLabel="excluded (default)"
            choices={choices(choicesOf(schemaAt('juvenileAdjudications')))}
            onChange={(v) =>
              set(['juvenileAdjudications'], v || undefined, 'juvenile adjudications', ['findings', 'definitions', 'sections'])
            }
          />
          <SelectField
            {...top('agreement287g')}
            value={str(data.agreement287g)}
            emptyLabel="(not said)"
            choices={choices(choicesOf(schemaAt('agreement287g')))}
            onChange={(v) => set(['agreement287g'], v || undefined, '287(g) agreement', ['findings', 'definitions', 'sections'])}
          />
          <TextField
            {...top('lawAsOf')}
            placeholder="YYYY-MM-DD (default: the effective date)"
            value={str(data.lawAsOf)}
            onCommit={(v) => set(['lawAsOf'], v || undefined, 'law as of', ['findings', 'definitions', 'sections'])}
          />
        </div>
      </section>

      <Findings data={data} edit={edit} />
      <Definitions data={data} edit={edit} />
      <Sections data={data} edit={edit} terms={terms} clauses={clauses} onShowInEditor={onShowInEditor} />

      <section className="form-section" tabIndex={-1} aria-labelledby="form-otherwise">
        <h2 id="form-otherwise">Every other case</h2>
        <div className="field-row">
          <SelectField
            {...top('otherwise')}
            value={str(data.otherwise)}
            choices={choices(choicesOf(schemaAt('otherwise')), OUTCOME_WORDS)}
            onChange={(v) => v && edit(changeOtherwiseOps(data, v), 'what happens otherwise')}
          />
          {data.otherwise === 'hold' || otherwiseHold ? (
            <>
              <NumberField
                {...helpFor(schemaAt('otherwiseMaxHold'), 'otherwiseMaxHold')}
                label="Maximum hold (hours)"
                min={1}
                max={240}
                value={typeof otherwiseHold?.hours === 'number' ? otherwiseHold.hours : undefined}
                onCommit={(n) =>
                  n !== undefined &&
                  edit(
                    [
                      otherwiseHold
                        ? { op: 'set', path: ['otherwiseMaxHold', 'hours'], value: n }
                        : { op: 'set', path: ['otherwiseMaxHold'], value: { hours: n }, before: ['suppress'] },
                    ],
                    'maximum hold otherwise',
                  )
                }
              />
              <CheckboxField
                {...helpFor(schemaAt('otherwiseMaxHold.excludingWeekendsAndHolidays'), 'excludingWeekendsAndHolidays')}
                checked={otherwiseHold ? otherwiseHold.excludingWeekendsAndHolidays === true : data.otherwise === 'hold'}
                onChange={(on) =>
                  edit(
                    [
                      otherwiseHold
                        ? on
                          ? { op: 'set', path: ['otherwiseMaxHold', 'excludingWeekendsAndHolidays'], value: true }
                          : { op: 'delete', path: ['otherwiseMaxHold', 'excludingWeekendsAndHolidays'] }
                        : {
                            op: 'set',
                            path: ['otherwiseMaxHold'],
                            value: { ...FEDERAL_MAX_HOLD, excludingWeekendsAndHolidays: on },
                            before: ['suppress'],
                          },
                    ],
                    'weekends and holidays otherwise',
                  )
                }
              />
            </>
          ) : null}
        </div>
      </section>

      <EnactmentForm data={data} edit={edit} />
    </div>
  );
}

function MoveButtons({ index, count, onMove, what }: { index: number; count: number; onMove: (to: number) => void; what: string }) {
  return (
    <>
      <button type="button" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={`Move ${what} up`}>
        ↑ Up
      </button>
      <button type="button" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`Move ${what} down`}>
        ↓ Down
      </button>
    </>
  );
}

function Findings({ data, edit }: { data: DocumentData; edit: Edit }) {
  const findings = asList(data.findings);
  const h = (k: string) => helpFor(defSchema('finding', k), k);
  return (
    <section className="form-section" tabIndex={-1} aria-labelledby="form-findings">
      <h2 id="form-findings">Findings (“Whereas” clauses)</h2>
      {findings.length === 0 ? <p className="muted">No findings yet.</p> : null}
      <ol className="card-list">
        {findings.map((raw, i) => {
          const f = asRecord(raw) ?? {};
          return (
            <li key={i} className="card" aria-label={`Finding ${i + 1}`}>
              <TextField
                {...h('text')}
                label={`Finding ${i + 1}`}
                multiline
                required
                value={str(f.text)}
                onCommit={(v) => edit([{ op: 'set', path: ['findings', i, 'text'], value: v }], 'finding')}
              />
              <div className="field-row">
                <SelectField
                  {...h('aims')}
                  value={str(f.aims)}
                  emptyLabel="(not said)"
                  choices={choices(choicesOf(defSchema('finding', 'aims')))}
                  onChange={(v) =>
                    edit(
                      [v ? { op: 'set', path: ['findings', i, 'aims'], value: v } : { op: 'delete', path: ['findings', i, 'aims'] }],
                      'aim',
                    )
                  }
                />
                <TextField
                  {...h('source')}
                  value={str(f.source)}
                  onCommit={(v) =>
                    edit(
                      [v ? { op: 'set', path: ['findings', i, 'source'], value: v } : { op: 'delete', path: ['findings', i, 'source'] }],
                      'source',
                    )
                  }
                />
              </div>
              <div className="card-actions">
                <MoveButtons
                  index={i}
                  count={findings.length}
                  what={`finding ${i + 1}`}
                  onMove={(to) => edit([{ op: 'move', path: ['findings'], from: i, to }], 'move finding')}
                />
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    edit(
                      [findings.length === 1 ? { op: 'delete', path: ['findings'] } : { op: 'delete', path: ['findings', i] }],
                      'remove finding',
                    )
                  }
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => edit(addFindingOps(), 'add finding')}>
        Add a finding
      </button>
    </section>
  );
}

const CLASS_CHOICES = choices(choicesOf(defSchema('offenseFilter', 'classes')));
const CATEGORY_CHOICES = choices(((defSchema('category')?.examples ?? []) as unknown[]).filter((x): x is string => typeof x === 'string'));

/** What validate says of a part of "Offenses covered" with nothing in it (the schema's words). */
const EMPTY_PART_ERROR = '"Offenses covered" must not be empty';

/**
 * A defined term with no offenses chosen: not yet defined where a condition uses it (the engine
 * refuses the draft, in the words quoted), and a term about no offense where none does.
 */
function UndefinedTerm({ term, used }: { term: string | undefined; used: boolean }) {
  const name = term ?? 'this term';
  return used ? (
    <p className="field-note cover-undefined">
      Not yet defined: no offenses are chosen for “{name}”, and a condition uses it, so the draft is refused until they are (the defined
      term "{name}" is used in a condition but does not say which offenses it covers). Add offenses covered.
    </p>
  ) : (
    <p className="covers-help">
      No offenses are chosen: right for a term that is not about offenses (“civil immigration detainer”). A condition that uses “{name}”
      will be refused until they are.
    </p>
  );
}

function Definitions({ data, edit }: { data: DocumentData; edit: Edit }) {
  const definitions = asList(data.definitions);
  const used = termsUsedInConditions(data);
  const h = (k: string) => helpFor(defSchema('definition', k), k);
  return (
    <section className="form-section" tabIndex={-1} aria-labelledby="form-definitions">
      <h2 id="form-definitions">Defined terms</h2>
      {definitions.length === 0 ? <p className="muted">No defined terms yet.</p> : null}
      <ol className="card-list">
        {definitions.map((raw, i) => {
          const d = asRecord(raw) ?? {};
          const covers = asList(d.covers);
          const base = ['definitions', i];
          return (
            <li key={i} className="card" aria-label={`Definition of ${str(d.term) ?? i + 1}`}>
              <div className="field-row">
                <TextField
                  {...h('term')}
                  required
                  value={str(d.term)}
                  onCommit={(v) => edit([{ op: 'set', path: [...base, 'term'], value: v }], 'term')}
                />
                <TextField
                  {...h('meaning')}
                  className="wide"
                  multiline
                  required
                  value={str(d.meaning)}
                  onCommit={(v) => edit([{ op: 'set', path: [...base, 'meaning'], value: v }], 'meaning')}
                />
              </div>
              <fieldset className="covers">
                <legend>{h('covers').label}</legend>
                <p className="covers-help">
                  An offense is covered when it matches any one part below. Within a part, it must be of one of the classes ticked and carry
                  at least one of the categories ticked: ticking more boxes in a row covers more offenses, not fewer.
                </p>
                {covers.length === 0 ? <UndefinedTerm term={str(d.term)} used={used.has((str(d.term) ?? '').toLowerCase())} /> : null}
                {covers.map((rawFilter, k) => {
                  const f = asRecord(rawFilter) ?? {};
                  const fp = [...base, 'covers', k];
                  const setList = (key: string, xs: unknown[]) =>
                    edit([xs.length ? { op: 'set', path: [...fp, key], value: xs } : { op: 'delete', path: [...fp, key] }], key);
                  return (
                    <div key={k} className="cover" role="group" aria-label={`Offenses covered, part ${k + 1}`}>
                      <CheckboxGroup
                        label="Classes"
                        values={asList(f.classes)}
                        choices={CLASS_CHOICES}
                        onChange={(xs) => setList('classes', xs)}
                      />
                      <CheckboxGroup
                        label="Categories"
                        values={asList(f.categories)}
                        choices={CATEGORY_CHOICES}
                        onChange={(xs) => setList('categories', xs)}
                      />
                      {Object.keys(f).length === 0 ? (
                        <p className="field-note cover-undefined">
                          Not yet defined: nothing is ticked in this part, so the draft is refused ({EMPTY_PART_ERROR}) until a class or a
                          category is ticked, or the part is removed.
                        </p>
                      ) : null}
                      <button
                        type="button"
                        className="danger"
                        onClick={() =>
                          edit(
                            [covers.length === 1 ? { op: 'delete', path: [...base, 'covers'] } : { op: 'delete', path: fp }],
                            'remove coverage',
                          )
                        }
                      >
                        Remove this part
                      </button>
                    </div>
                  );
                })}
                <button
                  type="button"
                  onClick={() =>
                    edit([{ op: 'insert', path: [...base, 'covers'], index: -1, value: { classes: ['felony'] } }], 'add coverage')
                  }
                >
                  Add offenses covered
                </button>
              </fieldset>
              <div className="card-actions">
                <MoveButtons
                  index={i}
                  count={definitions.length}
                  what={`definition ${i + 1}`}
                  onMove={(to) => edit([{ op: 'move', path: ['definitions'], from: i, to }], 'move definition')}
                />
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    edit(
                      [definitions.length === 1 ? { op: 'delete', path: ['definitions'] } : { op: 'delete', path: ['definitions', i] }],
                      'remove definition',
                    )
                  }
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => edit(addDefinitionOps(data), 'add definition')}>
        Add a defined term
      </button>
    </section>
  );
}

function Sections({
  data,
  edit,
  terms,
  clauses,
  onShowInEditor,
}: {
  data: DocumentData;
  edit: Edit;
  terms: string[];
  clauses: Map<string, { label: string; reading?: string }>;
  onShowInEditor: (path: PathSegment[]) => void;
}) {
  const sections = sectionsOf(data);
  const numbers = printedSectionNumbers(data);
  const sectionName = (s: Record<string, unknown>, i: number) =>
    `Section ${numbers.get(i) ?? i + 1}. ${visibleText(str(s.heading) ?? 'Untitled')}`;
  const [template, setTemplate] = useState(PROVISION_TEMPLATES[0]!.id);
  const [target, setTarget] = useState('auto');
  const [position, setPosition] = useState<'end' | 'start'>('end');
  // The provision whose card takes the focus once it is drawn: one just added is brought into sight and
  // focused, so the author sees what the button did (the card may be far below it) and reads on from
  // there; when one is removed, the card that takes its place (else the one before it), so the focus
  // is not lost with the Remove button. Looked for once the document has changed (`from` is the one
  // before the edit: until then the cards drawn are the old ones).
  const [toFocus, setToFocus] = useState<{ id: string; from: DocumentData } | null>(null);
  useEffect(() => {
    if (toFocus === null || toFocus.from === data) return;
    const card = document.querySelector<HTMLElement>(`.provision-card[data-provision-id="${CSS.escape(toFocus.id)}"]`);
    if (!card) return;
    setToFocus(null);
    card.scrollIntoView({ block: 'start' });
    card.focus({ preventScroll: true });
  }, [toFocus, data]);
  const groups = [...new Set(PROVISION_TEMPLATES.map((t) => t.group))];
  const chosen = templateById(template);

  return (
    <section className="form-section" tabIndex={-1} aria-labelledby="form-sections">
      <h2 id="form-sections">Sections and provisions</h2>
      <p className="muted">Detainer rules are read in order: the first that applies to a case decides it.</p>

      <div className="add-provision card" role="group" aria-label="Add a provision from a template">
        <div className="field-row">
          <div className="field wide">
            <label htmlFor="template-picker">Provision template</label>
            <select id="template-picker" value={template} onChange={(e) => setTemplate(e.target.value)} aria-describedby="template-source">
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {PROVISION_TEMPLATES.filter((t) => t.group === g).map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <span id="template-source" className="template-source">
              Source: {chosen?.source}
            </span>
          </div>
          <SelectField
            label="Into section"
            value={target}
            choices={[
              { value: 'auto', label: 'The usual section' },
              ...sections.map((s, i) => ({ value: String(i), label: sectionName(s, i) })),
            ]}
            onChange={(v) => setTarget(v || 'auto')}
          />
          <SelectField
            label="Position in the section"
            value={position}
            choices={[
              { value: 'end', label: 'At the end (read last)' },
              { value: 'start', label: 'At the top (read first)' },
            ]}
            onChange={(v) => setPosition(v === 'start' ? 'start' : 'end')}
          />
          <button
            type="button"
            className="primary"
            onClick={() => {
              if (!chosen) return;
              const added = addProvisionOps(data, chosen, target === 'auto' ? -1 : Number(target), position === 'start' ? 0 : -1);
              edit(added.ops, `add provision ${added.id}`);
              setToFocus({ id: added.id, from: data });
            }}
          >
            Add provision
          </button>
        </div>
      </div>

      <ol className="section-list">
        {sections.map((s, si) => {
          const provisions = provisionsOf(s);
          return (
            <li key={si} className="section-card" aria-label={`Section: ${visibleText(str(s.heading) ?? String(si + 1))}`}>
              <div className="field-row">
                <TextField
                  label={`Heading of section ${numbers.get(si) ?? si + 1}`}
                  className="wide"
                  required
                  value={str(s.heading)}
                  onCommit={(v) => edit([{ op: 'set', path: ['sections', si, 'heading'], value: v }], 'section heading')}
                />
                <div className="card-actions">
                  <MoveButtons
                    index={si}
                    count={sections.length}
                    what={`section ${si + 1}`}
                    onMove={(to) => edit([{ op: 'move', path: ['sections'], from: si, to }], 'move section')}
                  />
                  <button
                    type="button"
                    className="danger"
                    disabled={sections.length === 1}
                    onClick={() => edit([{ op: 'delete', path: ['sections', si] }], 'remove section')}
                  >
                    Remove section
                  </button>
                </div>
              </div>
              <TextField
                {...helpFor(defSchema('section', 'text'), 'text')}
                multiline
                value={str(s.text)}
                onCommit={(v) =>
                  edit(
                    [
                      v
                        ? { op: 'set', path: ['sections', si, 'text'], value: v, before: ['provisions'] }
                        : { op: 'delete', path: ['sections', si, 'text'] },
                    ],
                    'section text',
                  )
                }
              />
              <ol className="card-list">
                {provisions.map((p, pi) => (
                  <ProvisionCard
                    key={`${si}-${pi}`}
                    provision={p}
                    path={['sections', si, 'provisions', pi]}
                    index={pi}
                    count={provisions.length}
                    edit={edit}
                    terms={terms}
                    clause={typeof p.id === 'string' ? clauses.get(p.id) : undefined}
                    onShowInEditor={onShowInEditor}
                    onRemove={() => {
                      const next = str((provisions[pi + 1] ?? provisions[pi - 1])?.id);
                      edit([{ op: 'delete', path: ['sections', si, 'provisions', pi] }], `remove ${str(p.id) ?? `provision ${pi + 1}`}`);
                      if (next !== undefined) setToFocus({ id: next, from: data });
                    }}
                    otherSections={sections.flatMap((o, oi) =>
                      oi === si ? [] : [{ index: oi, heading: str(o.heading) ?? `Section ${oi + 1}` }],
                    )}
                  />
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => edit(addSectionOps(data, 'New section'), 'add section')}>
        Add a section
      </button>
    </section>
  );
}

function ProvisionCard({
  provision: p,
  path,
  index,
  count,
  edit,
  terms,
  clause,
  onShowInEditor,
  onRemove,
  otherSections,
}: {
  provision: Record<string, unknown>;
  path: PathSegment[];
  index: number;
  count: number;
  edit: Edit;
  terms: string[];
  clause?: { label: string; reading?: string };
  onShowInEditor: (path: PathSegment[]) => void;
  /** Removes the provision; the focus goes to the card that takes its place. */
  onRemove: () => void;
  /** Where the provision can move to (it goes last there). */
  otherSections: Array<{ index: number; heading: string }>;
}) {
  const h = (k: string) => helpFor(defSchema('provision', k), k);
  const type = (str(p.type) ?? 'detainer') as ProvisionType;
  const id = str(p.id) ?? `provision ${index + 1}`;
  const outcome = OUTCOMES.find((o) => o === str(p.outcome));
  // Its name to a reader, never its id: the heading, else what a detainer rule does or the kind of provision.
  const title =
    type === 'detainer' || str(p.heading)?.trim()
      ? visibleText(provisionTitle({ id, citation: clause?.label ?? '', heading: str(p.heading), outcome }))
      : `[no heading; ${(PROVISION_TYPE_WORDS[type] ?? type).replace(/^[A-Z][a-z]/, (m) => m.toLowerCase())}]`;
  const name = `${visibleText(clause?.label ?? `provision ${index + 1}`)} ${title}`;
  const maxHold = asRecord(p.maxHold);
  const setField = (k: string, v: unknown, label: string) =>
    edit(
      [
        v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
          ? { op: 'delete', path: [...path, k] }
          : { op: 'set', path: [...path, k], value: v },
      ],
      label,
    );
  const sectionPath = path.slice(0, -1);

  return (
    <li
      className="card provision-card"
      id={`form-${path.join('-')}`}
      tabIndex={-1}
      aria-label={`Provision ${name}`}
      data-provision-id={str(p.id)}
    >
      <div className="provision-head">
        <span className="citation">{visibleText(clause?.label ?? '')}</span>
        <strong>{title}</strong>
        <div className="card-actions">
          <MoveButtons
            index={index}
            count={count}
            what={name}
            onMove={(to) => edit([{ op: 'move', path: sectionPath, from: index, to }], `move ${id}`)}
          />
          {otherSections.length > 0 ? (
            <select
              aria-label={`Move ${name} to another section`}
              title={count === 1 ? 'The only provision of its section stays (add another first)' : 'Move to the end of another section'}
              disabled={count === 1}
              value=""
              onChange={(e) => {
                const to = Number(e.target.value);
                if (!e.target.value || !Number.isInteger(to)) return;
                edit(
                  [{ op: 'move', path: sectionPath, from: index, to: -1, toPath: ['sections', to, 'provisions'] }],
                  `move ${id} to another section`,
                );
              }}
            >
              <option value="">Move to…</option>
              {otherSections.map((o) => (
                <option key={o.index} value={String(o.index)}>
                  {visibleText(o.heading)}
                </option>
              ))}
            </select>
          ) : null}
          <button type="button" onClick={() => onShowInEditor(path)} aria-label={`Show ${name} in the YAML`}>
            Show in YAML
          </button>
          <button type="button" className="danger" disabled={count === 1} onClick={onRemove}>
            Remove
          </button>
        </div>
      </div>
      {clause?.reading ? (
        <p className="plain-reading">
          <span className="label">Reads:</span> {clause.reading}
        </p>
      ) : null}
      <div className="field-row">
        <TextField {...h('id')} required value={str(p.id)} onCommit={(v) => setField('id', v, 'id')} />
        <TextField {...h('heading')} className="wide" value={str(p.heading)} onCommit={(v) => setField('heading', v, 'heading')} />
        <SelectField
          {...h('type')}
          value={type}
          choices={choices(choicesOf(defSchema('provision', 'type')), PROVISION_TYPE_WORDS)}
          onChange={(v) => v && v !== type && edit(changeProvisionTypeOps(p, path, v as ProvisionType), 'provision type')}
        />
      </div>
      {type === 'detainer' ? (
        <>
          <div className="field-row">
            <SelectField
              {...h('outcome')}
              value={str(p.outcome)}
              choices={choices(choicesOf(defSchema('provision', 'outcome')), OUTCOME_WORDS)}
              onChange={(v) => v && edit(changeOutcomeOps(p, path, v), 'outcome')}
            />
            {p.outcome === 'hold' || maxHold ? (
              <>
                <NumberField
                  {...helpFor(schemaAt('sections[].provisions[].maxHold.hours'), 'hours')}
                  label="Maximum hold (hours)"
                  min={1}
                  max={240}
                  value={typeof maxHold?.hours === 'number' ? maxHold.hours : undefined}
                  onCommit={(n) => n !== undefined && edit([{ op: 'set', path: [...path, 'maxHold', 'hours'], value: n }], 'maximum hold')}
                />
                <CheckboxField
                  {...helpFor(schemaAt('sections[].provisions[].maxHold.excludingWeekendsAndHolidays'), 'excludingWeekendsAndHolidays')}
                  checked={maxHold?.excludingWeekendsAndHolidays === true}
                  onChange={(on) =>
                    edit(
                      [
                        on
                          ? { op: 'set', path: [...path, 'maxHold', 'excludingWeekendsAndHolidays'], value: true }
                          : { op: 'delete', path: [...path, 'maxHold', 'excludingWeekendsAndHolidays'] },
                      ],
                      'weekends and holidays',
                    )
                  }
                />
              </>
            ) : null}
          </div>
          <fieldset className="when">
            <legend>{h('when').label}</legend>
            {p.when === undefined ? (
              <>
                <p className="muted">No condition: this provision applies to every detainer it reaches.</p>
                <button
                  type="button"
                  onClick={() =>
                    edit([{ op: 'set', path: [...path, 'when'], value: { judicialWarrant: true }, before: ['outcome'] }], 'add condition')
                  }
                >
                  Add a condition
                </button>
              </>
            ) : (
              <ConditionEditor value={p.when} path={[...path, 'when']} edit={edit} terms={terms} place="root" />
            )}
          </fieldset>
        </>
      ) : (
        <OtherProvisionFields type={type} provision={p} setField={setField} />
      )}
      <TextField
        {...h('text')}
        multiline
        value={str(p.text)}
        placeholder={type === 'detainer' ? 'Leave empty to print the generated wording' : undefined}
        onCommit={(v) => setField('text', v, "author's wording")}
      />
    </li>
  );
}

function OtherProvisionFields({
  type,
  provision: p,
  setField,
}: {
  type: ProvisionType;
  provision: Record<string, unknown>;
  setField: (k: string, v: unknown, label: string) => void;
}) {
  const h = (k: string) => helpFor(defSchema('provision', k), k);
  const enumField = (k: string) => (
    <SelectField
      {...h(k)}
      value={str(p[k])}
      emptyLabel="(not said)"
      choices={choices(choicesOf(defSchema('provision', k)))}
      onChange={(v) => setField(k, v || undefined, k)}
    />
  );
  const listField = (k: string) => (
    <CheckboxGroup
      {...h(k)}
      values={asList(p[k])}
      choices={choices(choicesOf(defSchema('provision', k)))}
      onChange={(xs) => setField(k, xs, k)}
    />
  );
  switch (type) {
    case 'ice-access':
      return (
        <div className="field-row">
          {enumField('interviews')}
          {enumField('facilities')}
        </div>
      );
    case 'status-inquiry':
      return <div className="field-row">{enumField('inquiries')}</div>;
    case 'notice-to-person':
    case 'notice-to-ice':
      return <div className="field-row">{listField('notices')}</div>;
    case 'report':
      return (
        <div className="field-row">
          <TextField {...h('reportTo')} value={str(p.reportTo)} onCommit={(v) => setField('reportTo', v, 'report to')} />
          {enumField('every')}
          {listField('contents')}
        </div>
      );
    case 'effective-date':
      return (
        <div className="field-row">
          <TextField {...h('date')} placeholder="YYYY-MM-DD" value={str(p.date)} onCommit={(v) => setField('date', v, 'date')} />
        </div>
      );
    default:
      return null;
  }
}
