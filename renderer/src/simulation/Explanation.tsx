// Why a case was decided as it was: the provision and section that decided it, each condition read
// with its value and the facts it used, and the case's own facts; the compared policy's view beside.

import { visibleText } from '../../../engine/text-safety';
import { useEffect } from 'react';
import type { BookingCase, Decision, Reason } from '../../../engine/index';
import {
  decidedByOneOfWords,
  dependsOnLabel,
  isBaselineRule,
  provisionTitle,
  requestAfterReleaseSentence,
  type NameableProvision,
  undecidedWords,
  UNKNOWN_REQUEST_READING,
  whichProvisionOnlySentence,
  withDetainerTerm,
} from '../../../engine/vocabulary';
import { emit } from '../lib/app-events';
import { showingTheText, SidePanel } from '../lib/SidePanel';
import { words } from '../lib/words';
import { OUTCOME_LABEL } from './Charts';
import type { CaseExplained } from './protocol';

function valueMark(v: Reason['value'], open: boolean): { mark: string; words: string; className: string } {
  // In an open decision an unknown may be a fact the records lack, not only a finding.
  if (v === 'unknown')
    return {
      mark: '?',
      words: open ? 'not known from these records, or a person’s finding' : 'needs a person’s finding',
      className: 'unknown',
    };
  return v ? { mark: '✓', words: 'true', className: 'true' } : { mark: '✗', words: 'false', className: 'false' };
}

/**
 * A provision as a reader knows it after its citation: the engine's title (its heading, or what it does
 * when it has none); nothing for a rule of the honor-all baseline, whose citation is its rule's words, nor
 * where the view was not given the policy's provisions (the citation alone then names it, never its id).
 */
function provisionTitleAfter(id: string, provisions: readonly NameableProvision[] | undefined): string {
  const p = provisions?.find((x) => x.id === id);
  return !p || isBaselineRule(p) ? '' : provisionTitle(p);
}

/** A title after its citation: a heading after a comma ("§ 2(a), Serious offenses"), what an unheaded one does in its brackets ("§ 2(c) [no heading; …]"). */
const joinTitle = (title: string) => (title.startsWith('[') ? ` ${title}` : `, ${title}`);

export function DecisionBlock({
  decision,
  title,
  provisions,
  detainer,
  onShowProvision,
}: {
  decision: Decision;
  title: string;
  /** The policy's provisions as the results name them, to name each as the reader knows it. */
  provisions?: readonly NameableProvision[];
  /** The term the policy's text names the detainer by, for the facts an undecided decision turns on (as its reasons name it). */
  detainer?: string;
  onShowProvision?: (id: string) => void;
}) {
  const termed = detainer ? (text: string) => withDetainerTerm(text, detainer) : undefined;
  // A reason of a decision the records leave open which provision gives (a hold's limit) is grouped under all of them.
  const byProvision: Array<{ provision: string; citation: string; oneOf?: Reason['decidedByOneOf']; reasons: Reason[] }> = [];
  for (const r of decision.reasons) {
    const last = byProvision[byProvision.length - 1];
    if (last && last.provision === r.provision && !last.oneOf === !r.decidedByOneOf) last.reasons.push(r);
    else
      byProvision.push({
        provision: r.provision,
        citation: r.citation,
        ...(r.decidedByOneOf ? { oneOf: r.decidedByOneOf } : {}),
        reasons: [r],
      });
  }
  const oneOf = decision.undetermined ? undefined : decision.decidedByOneOf;
  // The provisions that may decide it, none of which is named as deciding: those a settled outcome may be
  // under (`oneOf`), or, where the records leave it undecided, those that would give one of its outcomes.
  const mayDecide = new Set(
    (decision.undetermined ? (decision.undecided ?? []).flatMap((x) => x.under) : (oneOf ?? [])).map((p) => p.provision),
  );
  const decidedByOne = !decision.undetermined && !oneOf;
  const titleAfter = (id: string) => visibleText(provisionTitleAfter(id, provisions));
  // A provision as these words name it: its citation and title, or the otherwise clause's; a rule of the
  // honor-all baseline by its rule's words alone (its citation), which say what it is.
  const oneOfName = (p: { provision: string; citation: string }) => {
    const citation = visibleText(p.citation);
    if (isBaselineRule({ id: p.provision, citation: p.citation })) return citation;
    if (p.provision === 'default') return `the otherwise clause (${citation})`;
    const after = titleAfter(p.provision);
    return after ? `${citation}${joinTitle(after)}` : citation;
  };
  const oneOfWords = (ps: NonNullable<Decision['decidedByOneOf']>) => decidedByOneOfWords(ps, oneOfName);
  return (
    <section className="decision" aria-label={visibleText(title)}>
      <h3>{visibleText(title)}</h3>
      {decision.undetermined ? (
        <p className="verdict outcome-review" data-testid="undecided">
          <strong>Undecided</strong>: these records cannot settle it. It turns on{' '}
          {decision.undetermined.dependsOn.map((k) => dependsOnLabel(k, termed)).join('; ') || 'facts the records do not carry'}.{' '}
          {decision.undecided ? (
            <>It is {undecidedWords(decision.undecided, oneOfName)}; no one provision is named as deciding it.</>
          ) : (
            <>It could be {decision.undetermined.possible.map((o) => OUTCOME_LABEL[o].toLowerCase()).join(' or ')}.</>
          )}
          {decision.undetermined.whichProvisionOnly?.length ? (
            <span data-testid="which-provision-only"> {whichProvisionOnlySentence(decision.undetermined.whichProvisionOnly, termed)}</span>
          ) : null}
          {decision.undetermined.dependsOn.includes('requests') ? <> {UNKNOWN_REQUEST_READING}</> : null}
        </p>
      ) : oneOf ? (
        <p className={`verdict outcome-${decision.outcome}`} data-testid="decided-by-one-of">
          <strong>{OUTCOME_LABEL[decision.outcome]}</strong>, under {oneOfWords(oneOf)}: these records do not show whether{' '}
          {visibleText(decision.citation)} applies; the outcome is the same either way, so no one provision is named as deciding it
          {decision.holdUntil && !decision.requestAfterRelease ? <>. Held until {decision.holdUntil.replace('T', ' at ')}</> : null}.
        </p>
      ) : (
        <p className={`verdict outcome-${decision.outcome}`}>
          <strong>{OUTCOME_LABEL[decision.outcome]}</strong>, decided by <strong>{visibleText(decision.citation)}</strong>
          {decision.provision === 'default'
            ? isBaselineRule({ id: decision.provision, citation: decision.citation })
              ? null
              : ' (the “otherwise” clause)'
            : titleAfter(decision.provision)
              ? joinTitle(titleAfter(decision.provision))
              : null}
          {decision.holdUntil && !decision.requestAfterRelease ? <>, held until {decision.holdUntil.replace('T', ' at ')}</> : null}.
          {onShowProvision && decision.provision !== 'default' ? (
            <>
              {' '}
              <button type="button" className="link" onClick={() => onShowProvision(decision.provision)}>
                Show the provision
              </button>
            </>
          ) : null}
        </p>
      )}
      {decision.requestAfterRelease ? (
        <p className="notice warning" data-testid="request-after-release">
          <strong>Request after release</strong>: {requestAfterReleaseSentence(decision.requestAfterRelease)}
        </p>
      ) : null}
      <ol className="reasons">
        {byProvision.map((group) => (
          <li
            key={`${group.provision}-${group.citation}${group.oneOf ? '-one-of' : ''}`}
            className={group.provision === decision.provision && decidedByOne ? 'deciding' : ''}
          >
            {group.oneOf ? (
              <span>Under {oneOfWords(group.oneOf)} (these records do not show which)</span>
            ) : (
              <>
                <span className="citation">{visibleText(group.citation)}</span>
                {titleAfter(group.provision) ? <> {titleAfter(group.provision)}</> : null}
              </>
            )}
            {group.oneOf ? null : mayDecide.has(group.provision) ? (
              <span className="badge muted">may decide</span>
            ) : group.provision === decision.provision && decidedByOne ? (
              <span className="badge">decided</span>
            ) : (
              <span className="badge muted">did not apply</span>
            )}
            <ul>
              {group.reasons.map((r, i) => {
                const v = valueMark(r.value, decision.undetermined !== undefined);
                return (
                  <li key={i} className={`reason depth-${Math.min(r.depth, 5)}`}>
                    <span className={`value ${v.className}`} aria-label={v.words} title={v.words}>
                      {v.mark}
                    </span>{' '}
                    {visibleText(r.condition)}
                    {r.facts.length ? <span className="facts"> — {visibleText(r.facts.join('; '))}</span> : null}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CaseFacts({ c }: { c: BookingCase }) {
  const requests = c.detainer.requests.join(' and ') || 'nothing';
  const paperwork = [
    c.detainer.judicialWarrant ? 'judicial warrant' : null,
    c.detainer.administrativeWarrant ? 'ICE administrative warrant' : null,
  ]
    .filter(Boolean)
    .join(', ');
  const records = Object.entries(c.records ?? {})
    .filter(([, v]) => v)
    .map(([k]) => words(k));
  return (
    <dl className="case-facts">
      <dt>Age</dt>
      <dd>{c.age}</dd>
      <dt>Booked</dt>
      <dd>{c.bookedAt ? c.bookedAt.replace('T', ' ') : 'not in the records'}</dd>
      <dt>Would be released</dt>
      <dd>{c.eligibleForReleaseAt ? c.eligibleForReleaseAt.replace('T', ' ') : 'not in the records'}</dd>
      <dt>ICE asked for</dt>
      <dd>
        {requests}
        {paperwork ? `; ${paperwork}` : '; no warrant attached'}
      </dd>
      <dt>Pending charges</dt>
      <dd>
        {c.currentCharges?.length
          ? c.currentCharges
              .map((x) => `${visibleText(x.offense ?? 'offense')} (${x.class}${x.bondPosted ? ', bond posted' : ''})`)
              .join('; ')
          : 'none'}
      </dd>
      <dt>Convictions</dt>
      <dd>
        {c.convictions?.length
          ? c.convictions
              .map(
                (x) =>
                  `${visibleText(x.offense ?? 'offense')} (${x.degree ? `${x.degree}° ` : ''}${x.class}, ${x.convictedOn}${x.juvenile ? ', juvenile' : ''})`,
              )
              .join('; ')
          : 'none'}
      </dd>
      <dt>Warrants</dt>
      <dd>
        {c.warrants?.length
          ? c.warrants
              .map((w) => `${w.kind}${w.jurisdiction ? `, ${visibleText(w.jurisdiction)}` : ''}${w.felony ? ', felony' : ''}`)
              .join('; ')
          : 'none'}
      </dd>
      <dt>Records</dt>
      <dd>{records.length ? records.join(', ') : 'none'}</dd>
    </dl>
  );
}

export function Explanation({
  explained,
  otherLabel,
  onClose,
  onShowProvision,
  provisions,
  otherProvisions,
}: {
  explained: CaseExplained;
  /** How the compared policy is named on screen, e.g. "honor all". */
  otherLabel?: string;
  onClose: () => void;
  onShowProvision: (id: string) => void;
  /** Each side's provisions as the results name them. */
  provisions?: readonly NameableProvision[];
  otherProvisions?: readonly NameableProvision[];
}) {
  useEffect(() => {
    emit('explanation-shown', {
      id: explained.bookingCase.id,
      outcome: explained.decision.outcome,
      provision: explained.decision.provision,
    });
  }, [explained]);
  return (
    <SidePanel
      label={`Explanation of case ${visibleText(explained.bookingCase.id)}`}
      title={`Case ${visibleText(explained.bookingCase.id)}`}
      openKey={explained.bookingCase.id}
      onClose={onClose}
      closeLabel="Close the explanation"
    >
      <DecisionBlock
        decision={explained.decision}
        title="Under this draft"
        provisions={provisions}
        detainer={explained.detainerTerms.decision}
        onShowProvision={showingTheText(onShowProvision, onClose)}
      />
      {explained.other ? (
        <DecisionBlock
          decision={explained.other}
          detainer={explained.detainerTerms.other ?? undefined}
          title={`Under ${otherLabel ?? explained.otherTitle ?? 'the compared policy'}`}
          provisions={otherProvisions}
        />
      ) : null}
      <h3>The case</h3>
      <CaseFacts c={explained.bookingCase} />
    </SidePanel>
  );
}
