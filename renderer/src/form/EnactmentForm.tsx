// The form's parts for how the measure is enacted and printed: co-sponsors, the form of the enacting
// clause, parallel grounds as one list, the standard closing clauses (standard words, the drafters'
// own, or left out), the passage record and signature blocks, and the annex of plain readings.

import type { ReactNode } from 'react';
import type { Edit } from './ConditionEditor';
import { asList, asRecord, type DocumentData } from './document-ops';
import { CheckboxField, NumberField, SelectField, TextField, type Choice } from './fields';
import { choicesOf, helpFor, schemaAt } from './schema-info';
import type { PathSegment } from '../../../engine/document';

const FORM_WORDS: Record<string, string> = {
  'city-council': 'City or town council: “Be it ordained by …”',
  'county-board': 'County board: “Be it ordained by …”',
  'state-legislature': 'State legislature: an act, “Be it enacted by …”',
  'executive-order': 'Executive order: “… hereby orders as follows”',
};

const GROUND_WORDS: Record<string, string> = {
  'one-list': 'One list: “If any of the following is true: (1) …; or (2) …”',
  'separate-subsections': 'Each provision its own subsection',
};

const ROLE_WORDS: Record<string, string> = {
  presiding: 'Presiding officer signs',
  attest: 'Clerk attests (“Attest:”)',
  approve: 'Executive approves (“Approved:”, dated)',
  sign: 'Executive signs the order (dated)',
};

const CLAUSES = ['savings', 'noPrivateRightOfAction', 'conflictWithLaw', 'severability'] as const;

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function choices(values: string[], words: Record<string, string>): Choice[] {
  return values.map((v) => ({ value: v, label: words[v] ?? v }));
}

function at(path: string) {
  return helpFor(schemaAt(path), path.split('.').pop()!.replace(/\[\]$/, ''));
}

/** One closing clause: standard words, the drafters' own, or left out. */
function ClauseSetting({ name, value, set }: { name: (typeof CLAUSES)[number]; value: unknown; set: (v: unknown) => void }) {
  const help = at(`standardClauses.${name}`);
  const mode = value === false ? 'omit' : value === true ? 'standard' : typeof value === 'string' ? 'own' : 'default';
  const defaultWords = name === 'severability' ? 'Printed (the default)' : 'Not printed (the default)';
  return (
    <div className="card" role="group" aria-label={help.label}>
      <SelectField
        {...help}
        value={mode}
        choices={[
          { value: 'default', label: defaultWords },
          { value: 'standard', label: 'Standard words' },
          { value: 'own', label: 'Our own words' },
          { value: 'omit', label: 'Leave out' },
        ]}
        onChange={(v) =>
          set(v === 'default' ? undefined : v === 'standard' ? true : v === 'omit' ? false : (str(value) ?? 'Write the clause here.'))
        }
      />
      {mode === 'own' ? (
        <TextField label={`${help.label}: our words`} multiline value={str(value)} onCommit={(v) => set(v || true)} />
      ) : null}
    </div>
  );
}

export function EnactmentForm({ data, edit }: { data: DocumentData; edit: Edit }): ReactNode {
  const set = (path: PathSegment[], value: unknown, label: string, before?: string[]) =>
    edit([value === undefined || value === '' ? { op: 'delete', path } : { op: 'set', path, value, before }], label);
  const clauses = asRecord(data.standardClauses) ?? {};
  const passage = asRecord(data.passage) ?? {};
  const votes = asRecord(passage.votes) ?? {};
  const signatures = asList(passage.signatures);
  const sponsors = asList(data.sponsors).filter((s): s is string => typeof s === 'string');

  return (
    <section className="form-section" aria-labelledby="form-enactment">
      <h2 id="form-enactment">Enactment, closing clauses and passage</h2>
      <p className="muted">What you leave empty prints as a blank to fill in, never as an invented fact.</p>
      <div className="field-grid">
        <TextField
          {...at('sponsors')}
          placeholder="Councilor A; Councilor B"
          value={sponsors.join('; ')}
          onCommit={(v) => {
            const list = v
              .split(';')
              .map((s) => s.trim())
              .filter(Boolean);
            set(['sponsors'], list.length ? list : undefined, 'co-sponsors', ['status', 'findings', 'definitions', 'sections']);
          }}
        />
        <SelectField
          {...at('enactingForm')}
          value={str(data.enactingForm)}
          emptyLabel="(from the status and level of government)"
          choices={choices(choicesOf(schemaAt('enactingForm')), FORM_WORDS)}
          onChange={(v) => set(['enactingForm'], v || undefined, 'form of enactment', ['findings', 'definitions', 'sections'])}
        />
        <SelectField
          {...at('detainerGrounds')}
          value={str(data.detainerGrounds)}
          emptyLabel="One list (the default)"
          choices={choices(choicesOf(schemaAt('detainerGrounds')), GROUND_WORDS)}
          onChange={(v) => set(['detainerGrounds'], v || undefined, 'parallel grounds')}
        />
        <CheckboxField
          {...at('plainReadingAnnex')}
          checked={data.plainReadingAnnex === true}
          onChange={(v) => set(['plainReadingAnnex'], v ? true : undefined, 'annex of plain readings')}
        />
      </div>

      <h3>{at('standardClauses').label}</h3>
      <p className="muted">{at('standardClauses').help}</p>
      <div className="card-list">
        {CLAUSES.map((c) => (
          <ClauseSetting
            key={c}
            name={c}
            value={clauses[c]}
            set={(v) =>
              edit(
                [
                  v === undefined
                    ? Object.keys(clauses).filter((k) => k !== c).length === 0
                      ? { op: 'delete', path: ['standardClauses'] }
                      : { op: 'delete', path: ['standardClauses', c] }
                    : { op: 'set', path: ['standardClauses', c], value: v },
                ],
                'closing clause',
              )
            }
          />
        ))}
      </div>

      <h3>{at('passage').label}</h3>
      <p className="muted">{at('passage').help}</p>
      <div className="field-grid">
        <TextField
          {...at('passage.passedOn')}
          placeholder="YYYY-MM-DD"
          value={str(passage.passedOn)}
          onCommit={(v) => set(['passage', 'passedOn'], v, 'date passed')}
        />
        {(['inFavor', 'opposed', 'abstaining', 'absent'] as const).map((k) => (
          <NumberField
            key={k}
            {...at(`passage.votes.${k}`)}
            min={0}
            optional
            value={typeof votes[k] === 'number' ? (votes[k] as number) : undefined}
            onCommit={(v) => set(['passage', 'votes', k], v, 'vote')}
          />
        ))}
      </div>
      <ol className="card-list">
        {signatures.map((raw, i) => {
          const sig = asRecord(raw) ?? {};
          const base: PathSegment[] = ['passage', 'signatures', i];
          return (
            <li key={i} className="card" aria-label={`Signature ${i + 1}: ${str(sig.title) ?? ''}`}>
              <div className="field-row">
                <SelectField
                  {...at('passage.signatures[].role')}
                  value={str(sig.role)}
                  choices={choices(choicesOf(schemaAt('passage.signatures[].role')), ROLE_WORDS)}
                  onChange={(v) => v && set([...base, 'role'], v, 'signature role')}
                />
                <TextField
                  {...at('passage.signatures[].title')}
                  required
                  value={str(sig.title)}
                  onCommit={(v) => set([...base, 'title'], v, 'signer title')}
                />
                <TextField
                  {...at('passage.signatures[].name')}
                  value={str(sig.name)}
                  onCommit={(v) => set([...base, 'name'], v, 'signer name')}
                />
                <TextField
                  {...at('passage.signatures[].date')}
                  placeholder="YYYY-MM-DD"
                  value={str(sig.date)}
                  onCommit={(v) => set([...base, 'date'], v, 'signature date')}
                />
              </div>
              <div className="card-actions">
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    edit(
                      [signatures.length === 1 ? { op: 'delete', path: ['passage', 'signatures'] } : { op: 'delete', path: base }],
                      'remove signature',
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
      <button
        type="button"
        onClick={() =>
          edit(
            [
              signatures.length
                ? {
                    op: 'insert',
                    path: ['passage', 'signatures'],
                    index: signatures.length,
                    value: { role: 'attest', title: 'City Clerk' },
                  }
                : { op: 'set', path: ['passage', 'signatures'], value: [{ role: 'attest', title: 'City Clerk' }] },
            ],
            'add signature',
          )
        }
      >
        Add a signature block
      </button>
    </section>
  );
}
