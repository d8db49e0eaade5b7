// Expected decisions in the app: the draft in the editor checked against an expected-decisions file
// (cases with the outcome, deciding provision and hold end each must get), as `detainer-studio test
// FILE --policy DRAFT` checks it, again on every edit that changes the policy. Each case that is not
// decided as expected is listed with what differs and why it was expected.

import { useEffect, useRef, useState } from 'react';
import type { Ordinance } from '../../../engine/index';
import { OUTCOME_LABEL } from '../simulation/Charts';
import { AnalysisCancelled, type DeepAnalysisClient } from './deep-analysis-client';
import type { ExpectedDone, ExpectedVerdict } from './protocol';

export interface ExpectationsFile {
  name: string;
  text: string;
}

interface Props {
  client: DeepAnalysisClient;
  /** The newest draft without errors, or null (then nothing is checked). */
  ordinance: Ordinance | null;
  /** The editor model's version of that draft. */
  version: number;
  /** The expected-decisions file chosen, kept by the app so it outlasts a change of view. */
  file: ExpectationsFile | null;
  /** Asks the person for an expected-decisions file (the app keeps it and passes it back as `file`). */
  onChoose: () => void;
  /** Shows a provision in the editor. */
  onShowProvision?: (id: string) => void;
  /** The open draft's file name, to say when the file was written for another ordinance. */
  draftName?: string;
}

/** The file name at the end of a path as the expectations file writes it (either slash). */
function fileNameOf(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

function decisionWords(outcome: keyof typeof OUTCOME_LABEL, holdUntil?: string | null): string {
  const until = holdUntil ? ` until ${holdUntil.replace('T', ' ')}` : '';
  return `${OUTCOME_LABEL[outcome]}${until}`;
}

/**
 * The provision the file expects, as the draft names it ("§ 2(a) Known gang member"); the file's id only
 * when the draft has no provision of that id, since then there is nothing else to name it by.
 */
export function expectedProvisionWords(v: Pick<ExpectedVerdict, 'expected' | 'expectedName'>): string {
  const id = v.expected.provision;
  if (id === undefined) return '';
  return v.expectedName !== null ? ` by ${v.expectedName}` : ` by “${id}”, which this draft has no provision of`;
}

function Mismatch({ v, onShowProvision }: { v: ExpectedVerdict; onShowProvision?: (id: string) => void }) {
  return (
    <li className="expected-mismatch">
      <p>
        <strong>{v.id}</strong> (line {v.line}): expected {decisionWords(v.expected.outcome, v.expected.holdUntil)}
        {expectedProvisionWords(v)}; the draft gives {decisionWords(v.got.outcome, v.got.holdUntil)} by{' '}
        {onShowProvision && v.got.provision !== 'default' ? (
          <button type="button" className="link" onClick={() => onShowProvision(v.got.provision)}>
            {v.got.name}
          </button>
        ) : (
          v.got.name
        )}
        .
      </p>
      <ul className="expected-differences">
        {v.differences.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
      {v.why ? <p className="expected-why">Why: {v.why}</p> : null}
    </li>
  );
}

export function ExpectedDecisionsPanel({ client, ordinance, version, file, onChoose, onShowProvision, draftName }: Props) {
  const [result, setResult] = useState<ExpectedDone | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const latest = useRef(0);
  const checkedFile = useRef<ExpectationsFile | null>(null);

  useEffect(() => {
    if (!file || !ordinance) return;
    if (checkedFile.current !== file) {
      checkedFile.current = file;
      setResult(null);
    }
    const run = ++latest.current;
    setRunning(true);
    client
      .expected({ version, ordinance, name: file.name, text: file.text })
      .then((done) => {
        if (run !== latest.current) return;
        setResult(done);
        setError(null);
      })
      .catch((e: unknown) => {
        if (run !== latest.current || e instanceof AnalysisCancelled) return;
        setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => {
        if (run === latest.current) setRunning(false);
      });
  }, [client, file, ordinance, version]);

  const mismatches = result?.verdicts.filter((v) => v.differences.length > 0) ?? [];
  const total = result ? result.passed + result.failed : 0;
  const writtenFor = result?.ordinance ? fileNameOf(result.ordinance) : null;
  const otherOrdinance = writtenFor && draftName && writtenFor !== draftName ? writtenFor : null;
  return (
    <section className="expected-decisions" aria-labelledby="expected-decisions-heading">
      <h2 id="expected-decisions-heading">Expected decisions</h2>
      <p>
        <button type="button" onClick={onChoose}>
          {file ? 'Choose another file…' : 'Choose expected decisions…'}
        </button>{' '}
        {file ? <span>{file.name}</span> : <span>Cases with the decision each must get, checked against this draft on every edit.</span>}
      </p>
      {!ordinance && file ? (
        <p className="notice warning" role="status">
          The draft has errors: the expectations are checked again once it has none.
        </p>
      ) : null}
      {otherOrdinance ? (
        <p className="notice warning expected-other-ordinance">
          {file?.name} was written for {otherOrdinance}; the open draft is {draftName}. Its cases are checked against the open draft, so a
          case not decided as expected may only mean the file belongs to the other ordinance.
        </p>
      ) : null}
      {error ? (
        <p className="notice error" role="alert">
          Could not check the expected decisions: {error}
        </p>
      ) : null}
      {result && result.problems.length > 0 ? (
        <div className="notice error" role="alert">
          <p>{result.name} is not an expected-decisions file the engine can read:</p>
          <ul>
            {result.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && result.problems.length === 0 ? (
        <p role="status" className={result.failed ? 'notice error' : 'notice'} aria-busy={running}>
          {result.failed === 0
            ? `All ${total} cases are decided as expected.`
            : `${result.failed} of ${total} cases are not decided as expected; ${result.passed} are.`}
        </p>
      ) : null}
      {mismatches.length > 0 ? (
        <ol className="expected-mismatches">
          {mismatches.map((v) => (
            <Mismatch key={v.id} v={v} onShowProvision={onShowProvision} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
