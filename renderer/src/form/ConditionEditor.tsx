// The condition of a detainer provision as a tree of pickers: groups (all of / any of / not) and
// tests, each test's fields built from the schema.

import { visibleText } from '../../../engine/text-safety';
import { RECORD_KEYS } from '../../../engine/vocabulary';
import { choiceWords } from '../lib/words';
import { asList, asRecord } from './document-ops';
import { CheckboxField, CheckboxGroup, NumberField, SelectField, TextField, TriStateField, type Choice } from './fields';
import { choicesOf, conditionField, conditionKinds, defSchema, examplesOf, helpFor } from './schema-info';
import type { DocumentEdit, PathSegment } from '../../../engine/document';

export type Edit = (ops: DocumentEdit[], label: string) => void;

const GROUPS = ['all', 'any', 'not'] as const;

const WARRANT_COURTS: Record<string, string> = {
  state: 'a court of this state',
  federal: 'a federal court',
  'other-state': 'a court of another state',
  local: 'a local court',
};

/** The class ticked when an offense test is added. */
const DEFAULT_CLASSES = ['felony'];

const LEAF_DEFAULTS: Record<string, unknown> = {
  judicialWarrant: true,
  administrativeWarrant: true,
  requested: 'hold',
  reimbursementAgreement: true,
  age: { under: 18 },
  conviction: { classes: DEFAULT_CLASSES },
  charge: { classes: DEFAULT_CLASSES, bondPosted: false },
  warrant: { kind: 'criminal' },
  record: 'gangDatabase',
  discretion: { by: 'officer', finding: 'the person presents an unacceptable risk to public safety' },
};

const CLASS_CHOICES: Choice[] = choicesOf(defSchema('offenseFilter', 'classes')).map((c) => ({ value: c, label: c }));
const DEGREE_CHOICES: Choice[] = [1, 2, 3, 4, 5].map((d) => ({ value: String(d), label: ['1st', '2nd', '3rd', '4th', '5th'][d - 1]! }));
const CATEGORY_CHOICES: Choice[] = examplesOf(defSchema('category')).map((c) => ({ value: c, label: c }));

function kindOf(condition: Record<string, unknown> | undefined): string | undefined {
  return condition ? Object.keys(condition)[0] : undefined;
}

interface Props {
  value: unknown;
  path: PathSegment[];
  edit: Edit;
  terms: string[];
  /** Where the node sits: the provision's `when`, a group's list, or under `not`. */
  place: 'root' | 'list' | 'not';
  /** For list items: whether removing it is allowed (a group keeps at least one). */
  removable?: boolean;
  depth?: number;
}

export function ConditionEditor({ value, path, edit, terms, place, removable = true, depth = 0 }: Props) {
  const condition = asRecord(value);
  const kind = kindOf(condition);
  const kinds = conditionKinds();
  const label = kinds.find((k) => k.key === kind)?.label ?? kind ?? 'Condition';

  const kindChoices: Choice[] = [
    { value: 'all', label: 'All of these (and)' },
    { value: 'any', label: 'Any of these (or)' },
    { value: 'not', label: 'Not' },
    ...kinds.filter((k) => !GROUPS.includes(k.key as (typeof GROUPS)[number])).map((k) => ({ value: k.key, label: k.label })),
  ];

  const changeKind = (next: string) => {
    if (!next || next === kind) return;
    const isGroup = (k?: string) => k === 'all' || k === 'any';
    if (isGroup(kind) && isGroup(next)) return edit([{ op: 'rename', path, from: kind!, to: next }], `make it "${next}"`);
    let replacement: unknown;
    if (next === 'all' || next === 'any') replacement = { [next]: [condition ?? LEAF_DEFAULTS.judicialWarrant] };
    else if (next === 'not') replacement = { not: condition ?? { judicialWarrant: true } };
    else replacement = { [next]: LEAF_DEFAULTS[next] };
    edit([{ op: 'set', path, value: replacement }], `change the test to ${next}`);
  };

  const actions = (
    <div className="condition-actions" role="group" aria-label={`${label}: actions`}>
      {kind && !GROUPS.includes(kind as (typeof GROUPS)[number]) ? (
        <>
          <button type="button" onClick={() => edit([{ op: 'set', path, value: { all: [condition] } }], 'wrap in "all of"')}>
            And…
          </button>
          <button type="button" onClick={() => edit([{ op: 'set', path, value: { any: [condition] } }], 'wrap in "any of"')}>
            Or…
          </button>
          <button type="button" onClick={() => edit([{ op: 'set', path, value: { not: condition } }], 'negate')}>
            Not
          </button>
        </>
      ) : null}
      {kind === 'not' ? (
        <button type="button" onClick={() => edit([{ op: 'set', path, value: condition!.not }], 'remove "not"')}>
          Remove “not”
        </button>
      ) : null}
      {(kind === 'all' || kind === 'any') && asList(condition![kind]).length === 1 ? (
        <button type="button" onClick={() => edit([{ op: 'set', path, value: asList(condition![kind])[0] }], 'ungroup')}>
          Ungroup
        </button>
      ) : null}
      {place === 'list' && removable ? (
        <button type="button" className="danger" onClick={() => edit([{ op: 'delete', path }], 'remove the test')}>
          Remove
        </button>
      ) : null}
      {place === 'root' ? (
        <button
          type="button"
          className="danger"
          title="The provision then applies to every detainer it reaches"
          onClick={() => edit([{ op: 'delete', path }], 'remove the condition')}
        >
          Remove condition
        </button>
      ) : null}
    </div>
  );

  return (
    <div className={`condition depth-${Math.min(depth, 4)}`} role="group" aria-label={`Condition: ${label}`}>
      <div className="condition-head">
        <SelectField className="condition-kind" label="Test" value={kind} choices={kindChoices} onChange={changeKind} />
        {actions}
      </div>
      <ConditionBody kind={kind} condition={condition} path={path} edit={edit} terms={terms} depth={depth} />
    </div>
  );
}

function ConditionBody({
  kind,
  condition,
  path,
  edit,
  terms,
  depth,
}: {
  kind: string | undefined;
  condition: Record<string, unknown> | undefined;
  path: PathSegment[];
  edit: Edit;
  terms: string[];
  depth: number;
}) {
  if (!kind || !condition) return <p className="muted">This condition is empty; pick a test.</p>;
  const v = condition[kind];
  const at = (...rest: PathSegment[]) => [...path, kind, ...rest];
  const setOrDelete = (field: string, value: unknown, what: string) =>
    edit(
      [
        value === undefined || (Array.isArray(value) && value.length === 0)
          ? { op: 'delete', path: at(field) }
          : { op: 'set', path: at(field), value },
      ],
      what,
    );
  const help = (field: string) => helpFor(conditionField(kind, field), field);

  switch (kind) {
    case 'all':
    case 'any': {
      const items = asList(v);
      return (
        <div className="condition-children">
          <ol className="condition-list">
            {items.map((child, i) => (
              <li key={i}>
                <ConditionEditor
                  value={child}
                  path={at(i)}
                  edit={edit}
                  terms={terms}
                  place="list"
                  removable={items.length > 1}
                  depth={depth + 1}
                />
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => edit([{ op: 'insert', path: at(), index: -1, value: { judicialWarrant: true } }], 'add a test')}
          >
            Add a test
          </button>
        </div>
      );
    }
    case 'not':
      return (
        <div className="condition-children">
          <ConditionEditor value={v} path={at()} edit={edit} terms={terms} place="not" depth={depth + 1} />
        </div>
      );
    case 'judicialWarrant':
    case 'administrativeWarrant':
    case 'reimbursementAgreement': {
      const h = helpFor(conditionField(kind), kind);
      return (
        <SelectField
          label={h.label}
          help={h.help}
          value={v === true ? 'yes' : v === false ? 'no' : undefined}
          choices={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          onChange={(x) => edit([{ op: 'set', path: at(), value: x === 'yes' }], h.label)}
        />
      );
    }
    case 'requested': {
      const h = helpFor(conditionField(kind), kind);
      return (
        <SelectField
          label={h.label}
          help={h.help}
          value={typeof v === 'string' ? v : undefined}
          choices={choicesOf(conditionField(kind)).map((c) => ({ value: c, label: c === 'hold' ? 'A hold' : 'Notice of release' }))}
          onChange={(x) => edit([{ op: 'set', path: at(), value: x }], 'what ICE requested')}
        />
      );
    }
    case 'record': {
      const h = helpFor(conditionField(kind), kind);
      return (
        <SelectField
          label={h.label}
          help={h.help}
          value={typeof v === 'string' ? v : undefined}
          choices={RECORD_KEYS.map((k) => ({ value: k, label: choiceWords(k) }))}
          onChange={(x) => edit([{ op: 'set', path: at(), value: x }], 'record')}
        />
      );
    }
    case 'age': {
      const a = asRecord(v) ?? {};
      return (
        <div className="field-row">
          <NumberField
            {...help('atLeast')}
            optional
            min={0}
            max={130}
            value={typeof a.atLeast === 'number' ? a.atLeast : undefined}
            onCommit={(n) => setOrDelete('atLeast', n, 'minimum age')}
          />
          <NumberField
            {...help('under')}
            optional
            min={1}
            max={130}
            value={typeof a.under === 'number' ? a.under : undefined}
            onCommit={(n) => setOrDelete('under', n, 'age limit')}
          />
        </div>
      );
    }
    case 'conviction':
    case 'charge':
      return <OffenseTest kind={kind} value={asRecord(v) ?? {}} at={at} setOrDelete={setOrDelete} edit={edit} terms={terms} />;
    case 'warrant': {
      const w = asRecord(v) ?? {};
      return (
        <div className="field-row">
          <SelectField
            {...help('kind')}
            value={typeof w.kind === 'string' ? w.kind : undefined}
            emptyLabel="Any warrant"
            choices={[
              { value: 'criminal', label: 'Criminal (arrest warrant)' },
              { value: 'civil', label: 'Civil' },
            ]}
            onChange={(x) => setOrDelete('kind', x || undefined, 'warrant kind')}
          />
          <CheckboxGroup
            {...help('jurisdictions')}
            values={asList(w.jurisdictions)}
            choices={choicesOf(conditionField('warrant', 'jurisdictions')).map((c) => ({ value: c, label: WARRANT_COURTS[c] ?? c }))}
            onChange={(xs) => setOrDelete('jurisdictions', xs, 'issuing courts')}
          />
          <TriStateField {...help('felony')} value={w.felony} onChange={(b) => setOrDelete('felony', b, 'felony warrant')} />
        </div>
      );
    }
    case 'discretion': {
      const d = asRecord(v) ?? {};
      return (
        <div className="field-row">
          <SelectField
            {...help('by')}
            value={typeof d.by === 'string' ? d.by : undefined}
            emptyLabel="(not said)"
            choices={choicesOf(conditionField('discretion', 'by')).map((c) => ({ value: c, label: choiceWords(c) }))}
            onChange={(x) => setOrDelete('by', x || undefined, 'who decides')}
          />
          <TextField
            {...help('finding')}
            className="wide"
            required
            value={typeof d.finding === 'string' ? d.finding : ''}
            onCommit={(t) => setOrDelete('finding', t, 'the finding')}
          />
          <p className="field-note">A person must make this finding: the simulation sends such cases to review.</p>
        </div>
      );
    }
    default:
      return <p className="muted">The form has no picker for “{kind}”; edit it in the YAML view.</p>;
  }
}

function OffenseTest({
  kind,
  value,
  at,
  setOrDelete,
  edit,
  terms,
}: {
  kind: 'conviction' | 'charge';
  value: Record<string, unknown>;
  at: (...rest: PathSegment[]) => PathSegment[];
  setOrDelete: (field: string, value: unknown, what: string) => void;
  edit: Edit;
  terms: string[];
}) {
  const help = (field: string) => helpFor(conditionField(kind, field), field);
  const within = asRecord(value.within);
  const windowSchema = defSchema('window');
  const windowHelp = (field: string) => helpFor(windowSchema?.properties?.[field], field);
  const term = typeof value.term === 'string' ? value.term : undefined;
  return (
    <div className="offense-test">
      <div className="field-row">
        <SelectField
          {...help('term')}
          value={term}
          emptyLabel="(no defined term)"
          choices={[...new Set([...terms, ...(term ? [term] : [])])].map((t) => ({ value: t, label: visibleText(t) }))}
          onChange={(x) => {
            // A term says which offenses count: the box ticked when the test was added ("felony") would
            // only narrow it ("a serious felony that is also a felony"), so it goes when a term is chosen.
            const onlyTheDefault =
              JSON.stringify(value.classes) === JSON.stringify(DEFAULT_CLASSES) &&
              value.degrees === undefined &&
              value.categories === undefined;
            if (x && onlyTheDefault)
              edit(
                [
                  { op: 'set', path: at('term'), value: x },
                  { op: 'delete', path: at('classes') },
                ],
                'defined term',
              );
            else setOrDelete('term', x || undefined, 'defined term');
          }}
        />
        <CheckboxGroup
          {...help('classes')}
          values={asList(value.classes)}
          choices={CLASS_CHOICES}
          onChange={(xs) => setOrDelete('classes', xs, 'offense classes')}
        />
        <CheckboxGroup
          {...help('degrees')}
          values={asList(value.degrees)}
          choices={DEGREE_CHOICES}
          onChange={(xs) =>
            setOrDelete(
              'degrees',
              xs.map(Number).sort((a, b) => a - b),
              'felony degrees',
            )
          }
        />
      </div>
      <CheckboxGroup
        {...help('categories')}
        values={asList(value.categories)}
        choices={CATEGORY_CHOICES}
        onChange={(xs) => setOrDelete('categories', xs, 'offense categories')}
      />
      {kind === 'conviction' ? (
        <>
          <div className="field-row">
            <NumberField
              {...help('atLeast')}
              optional
              min={1}
              max={99}
              value={typeof value.atLeast === 'number' ? value.atLeast : undefined}
              onCommit={(n) => setOrDelete('atLeast', n, 'number of convictions')}
            />
            <TriStateField
              {...help('current')}
              value={value.current}
              anyLabel="Any conviction"
              yesLabel="Only the current one"
              noLabel="Not the current one"
              onChange={(b) => setOrDelete('current', b, 'current conviction')}
            />
            <TriStateField
              {...help('includeJuvenile')}
              value={value.includeJuvenile}
              anyLabel="As the ordinance says"
              yesLabel="Count them"
              noLabel="Don't count them"
              onChange={(b) => setOrDelete('includeJuvenile', b, 'juvenile adjudications')}
            />
          </div>
          <CheckboxField
            label="Only within a look-back window"
            help={windowSchema?.description}
            checked={within !== undefined}
            onChange={(on) => setOrDelete('within', on ? { years: 10 } : undefined, 'look-back window')}
          />
          {within ? (
            <div className="field-row nested">
              <NumberField
                {...windowHelp('years')}
                min={1}
                max={99}
                value={typeof within.years === 'number' ? within.years : undefined}
                onCommit={(n) => n !== undefined && edit([{ op: 'set', path: at('within', 'years'), value: n }], 'window length')}
              />
              <SelectField
                {...windowHelp('of')}
                value={typeof within.of === 'string' ? within.of : undefined}
                emptyLabel="the request (default)"
                choices={[
                  { value: 'request', label: 'the request' },
                  { value: 'arrest', label: 'the current arrest' },
                ]}
                onChange={(x) =>
                  edit([x ? { op: 'set', path: at('within', 'of'), value: x } : { op: 'delete', path: at('within', 'of') }], 'window start')
                }
              />
              <SelectField
                {...windowHelp('measuredFrom')}
                value={typeof within.measuredFrom === 'string' ? within.measuredFrom : undefined}
                emptyLabel="the conviction (default)"
                choices={[
                  { value: 'conviction', label: 'the conviction' },
                  { value: 'release', label: 'release from the sentence' },
                  { value: 'later-of-conviction-and-release', label: 'whichever is later' },
                ]}
                onChange={(x) =>
                  edit(
                    [
                      x
                        ? { op: 'set', path: at('within', 'measuredFrom'), value: x }
                        : { op: 'delete', path: at('within', 'measuredFrom') },
                    ],
                    'window measured from',
                  )
                }
              />
              <SelectField
                {...windowHelp('excludeTimeIncarcerated')}
                value={
                  within.excludeTimeIncarcerated === true
                    ? 'this-and-later'
                    : typeof within.excludeTimeIncarcerated === 'string'
                      ? within.excludeTimeIncarcerated
                      : undefined
                }
                emptyLabel="counted (default)"
                choices={[
                  { value: 'this-conviction', label: "left out: this conviction's own" },
                  { value: 'this-and-later', label: 'left out: this and later convictions' },
                ]}
                onChange={(x) =>
                  edit(
                    [
                      x
                        ? { op: 'set', path: at('within', 'excludeTimeIncarcerated'), value: x }
                        : { op: 'delete', path: at('within', 'excludeTimeIncarcerated') },
                    ],
                    'time incarcerated',
                  )
                }
              />
            </div>
          ) : null}
        </>
      ) : (
        <div className="field-row">
          <TriStateField {...help('bondPosted')} value={value.bondPosted} onChange={(b) => setOrDelete('bondPosted', b, 'bond posted')} />
          <TriStateField {...help('bondable')} value={value.bondable} onChange={(b) => setOrDelete('bondable', b, 'bondable')} />
          <TriStateField
            {...help('probableCauseFinding')}
            value={value.probableCauseFinding}
            onChange={(b) => setOrDelete('probableCauseFinding', b, 'probable-cause finding')}
          />
        </div>
      )}
    </div>
  );
}
