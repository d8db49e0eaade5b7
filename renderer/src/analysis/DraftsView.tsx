// What separates this draft from another: for each kind of difference the smallest booking case the
// two decide differently, in plain words, with both explanations side by side; or the proof that
// no case separates them. A witness case can be copied or saved as a case set `simulate` reads.

import { visibleText } from '../../../engine/text-safety';
import { useEffect, useState } from 'react';
import type { DraftWitness } from '../../../engine/index';
import type { Host } from '../../../host/contract';
import { emit } from '../lib/app-events';
import { otherDraftLabel, otherDraftTitle, type ThisDraft } from '../lib/draft-names';
import { count, milliseconds } from '../lib/format';
import { OUTCOME_LABEL } from '../simulation/Charts';
import { CaseFacts, DecisionBlock } from '../simulation/Explanation';
import { ReimbursementField } from './DecisionTableView';
import { exportBaseName, kindKey, witnessCaseSet } from './table-rows';
import type { DraftAnalysis, OtherDraft } from './use-draft-analysis';
import { WorkStatusLine } from './WorkStatusLine';

/** Witnesses rendered at first; the rest on request (two drafts far apart can differ in many ways). */
const FIRST_WITNESSES = 25;

export interface DraftOption {
  id: string;
  label: string;
}

interface Props {
  analysis: DraftAnalysis;
  draftVersion: number;
  blocked: string | null;
  documentName: string;
  host: Host;
  /** Bundled sample ordinances, ids `sample:NAME`. */
  drafts: DraftOption[];
  /** A draft was taken here (id `sample:NAME` or `file:NAME`): the Comparison view compares with it too. */
  onChosen?: (id: string, draft: OtherDraft) => void;
  /** This draft's title and version: another draft with the same is named by its file. */
  draft: ThisDraft;
  onShowProvision: (id: string) => void;
}

export function DraftsView({ analysis, draftVersion, blocked, documentName, host, drafts, onChosen, draft, onShowProvision }: Props) {
  const { diff: state, show, cancel, refresh, chooseOther, setDiffReimbursement } = analysis;
  const done = state.result;
  const [all, setAll] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);

  useEffect(() => {
    show('drafts');
    return () => show(null);
  }, [show]);

  useEffect(() => {
    setAll(false);
    if (done)
      emit('difference-rendered', {
        version: done.version,
        equivalent: done.difference.equivalent,
        witnesses: done.difference.witnesses.length,
        kinds: done.difference.witnesses.map((w) => kindKey(w.kind)),
      });
  }, [done]);

  const taken = (id: string, draft: OtherDraft | null) => {
    if (draft) onChosen?.(id, draft);
  };

  const choose = async (value: string) => {
    setReadError(null);
    if (value === 'file') {
      const r = await host.openFile('ordinance');
      if (!r.ok) setReadError(r.error);
      else if (r.value) taken(`file:${r.value.name}`, await chooseOther(r.value.name, r.value.text));
    } else if (value.startsWith('sample:')) {
      const r = await host.readSample(value.slice('sample:'.length));
      if (!r.ok) setReadError(r.error);
      else taken(value, await chooseOther(r.value.name, r.value.text));
    }
  };

  const other = state.other;
  const witnesses = done?.difference.witnesses ?? [];
  const visible = all ? witnesses : witnesses.slice(0, FIRST_WITNESSES);
  const aName = `this draft (${documentName})`;
  const bName = other ? otherDraftLabel(other, draft) : 'the other draft';
  const stale = done !== null && draftVersion >= 0 && done.version !== draftVersion;

  return (
    <div className="analysis-view" role="region" aria-label="Drafts">
      <div className="sim-controls" role="group" aria-label="Drafts to compare">
        <div className="field">
          <label htmlFor="other-draft">Find the cases that separate this draft from</label>
          <select id="other-draft" value="" onChange={(e) => void choose(e.target.value)}>
            <option value="">{other ? visibleText(bName) : 'Choose a draft…'}</option>
            {drafts.map((d) => (
              <option key={d.id} value={d.id}>
                {visibleText(d.label)}
              </option>
            ))}
            <option value="file">A draft from a file…</option>
          </select>
        </div>
        <ReimbursementField id="diff-reimbursement" value={state.reimbursement} onChange={setDiffReimbursement} />
      </div>
      {blocked ? (
        <p className="notice warning" role="status">
          {blocked}
        </p>
      ) : null}
      {readError || state.otherStatus.kind === 'refused' ? (
        <p className="notice error" role="alert">
          {visibleText(readError ?? (state.otherStatus.kind === 'refused' ? state.otherStatus.error : ''))}
        </p>
      ) : null}
      {state.otherStatus.kind === 'loading' ? <p className="muted">Reading {visibleText(state.otherStatus.name)}…</p> : null}
      <WorkStatusLine status={state.status} what="the difference" onCancel={cancel} onAgain={refresh} />
      {!other && state.otherStatus.kind === 'none' ? (
        <p className="muted">
          Choose another draft: the engine finds the smallest booking cases the two decide differently, one for each kind of difference, or
          proves that no case separates them.
        </p>
      ) : null}
      {done && other ? (
        <>
          <p className="drafts-line">
            <strong>A</strong>: {visibleText(done.aTitle)}, {visibleText(aName)}. <strong>B</strong>: {visibleText(bName)}.
            <span className="muted timing">
              {' '}
              Worked out in {milliseconds(done.ms)}
              {stale ? '; updating for the latest edit…' : '.'}
            </span>
          </p>
          {done.reimbursement !== 'either' ? (
            <p className="muted">Assuming the reimbursement agreement is {done.reimbursement === 'yes' ? 'in force' : 'not in force'}.</p>
          ) : null}
          {done.difference.equivalent ? (
            <section className={`equivalent ${done.difference.exact ? '' : 'bounded'}`} aria-labelledby="equivalent-heading">
              <h3 id="equivalent-heading">{done.difference.exact ? 'Equivalent' : 'No difference found'}</h3>
              {done.difference.exact ? (
                <p>
                  No booking case is decided differently by the two drafts. This is a proof, not a sample: every combination of the facts
                  either draft reads was checked, so each possible case gets the same outcome, from provisions that may be worded or
                  numbered differently, and the same hold limit. The drafts may still differ in findings, definitions or wording that decide
                  nothing.
                </p>
              ) : (
                <p>The analysis had to be bounded, so a difference may remain: {done.difference.notes.join('; ')}.</p>
              )}
            </section>
          ) : (
            <>
              <p>
                The drafts decide differently:{' '}
                <strong>
                  {count(witnesses.length)} kind{witnesses.length === 1 ? '' : 's'} of difference
                </strong>
                , each shown on its smallest case (the fewest facts set).
              </p>
              {done.difference.notes.length ? <p className="muted">Note: {done.difference.notes.join('; ')}.</p> : null}
              <ol className="witnesses" aria-label="Differences">
                {visible.map((w, i) => (
                  <Witness
                    key={kindKey(w.kind)}
                    witness={w}
                    number={i + 1}
                    bTitle={otherDraftTitle(other, draft)}
                    documentName={documentName}
                    host={host}
                    onShowProvision={onShowProvision}
                  />
                ))}
              </ol>
              {visible.length < witnesses.length ? (
                <button type="button" onClick={() => setAll(true)}>
                  Show all {count(witnesses.length)} differences
                </button>
              ) : null}
            </>
          )}
        </>
      ) : null}
    </div>
  );
}

function Witness({
  witness: w,
  number,
  bTitle,
  documentName,
  host,
  onShowProvision,
}: {
  witness: DraftWitness;
  number: number;
  bTitle: string;
  documentName: string;
  host: Host;
  onShowProvision: (id: string) => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const headingId = `difference-${number}`;
  const json = witnessCaseSet(w);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setMessage('Copied the case as JSON.');
    } catch {
      setMessage('The clipboard is not available here; save the case instead.');
    }
  };

  const save = async () => {
    const name = `${exportBaseName(documentName)}.difference-${number}.cases.json`;
    const r = await host.exportFile({ suggestedName: name, data: json, mimeType: 'application/json' });
    if (!r.ok) setMessage(`Could not save the case: ${r.error}`);
    else if (r.value) {
      setMessage(`Saved ${visibleText(r.value.name)}.`);
      emit('witness-saved', { number, name: r.value.name });
    }
  };

  return (
    <li className="witness" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {number}. A: <span className={`outcome-${w.a.outcome}`}>{OUTCOME_LABEL[w.a.outcome]}</span> by {visibleText(w.a.citation)}; B:{' '}
        <span className={`outcome-${w.b.outcome}`}>{OUTCOME_LABEL[w.b.outcome]}</span> by {visibleText(w.b.citation)}
      </h3>
      {w.clock ? <p>{w.clock[0]!.toUpperCase() + w.clock.slice(1)}.</p> : null}
      <p>
        <strong>Smallest case:</strong> {visibleText(w.facts.join('; '))}.{' '}
        <span className="muted">
          {count(w.combinations)} combination{w.combinations === 1 ? '' : 's'} of the facts differ this way.
        </span>
      </p>
      {w.scenario ? (
        <p className="muted">With the reimbursement agreement {w.scenario.reimbursementAgreement ? 'in force' : 'not in force'}.</p>
      ) : null}
      <div className="side-by-side">
        <DecisionBlock decision={w.a} title="Draft A: this draft" onShowProvision={onShowProvision} />
        <DecisionBlock decision={w.b} title={`Draft B: ${bTitle}`} />
      </div>
      <details>
        <summary>The whole booking case ({visibleText(w.case.id)})</summary>
        <CaseFacts c={w.case} />
      </details>
      <div className="witness-actions">
        <button type="button" onClick={() => void copy()} aria-describedby={headingId}>
          Copy the case as JSON
        </button>
        <button type="button" onClick={() => void save()} aria-describedby={headingId}>
          Save the case as JSON…
        </button>
        {message ? (
          <span className="muted" role="status">
            {message}
          </span>
        ) : null}
      </div>
    </li>
  );
}
