// Which law applied to the open ordinance and why: the date whose law counts (and where that date came
// from), the federal authorities every hold rests on, and the state's statutes and court rulings in
// force then or taking effect later, each with what it requires, its citation, dates, how sure the
// project is of it, and the sources it was read in (law/ in the project).

import { lawApplied, longDate, unverifiedDateMark, type AppliedAuthority, type Ordinance, type Scenario } from '../../../engine/vocabulary';

interface Props {
  ordinance: Ordinance | null | undefined;
  scenario?: Scenario;
}

const CONFIDENCE_LABEL: Record<AppliedAuthority['confidence'], string> = {
  'verified-primary': 'verified (primary source)',
  'verified-secondary': 'secondary sources only',
  uncertain: 'uncertain',
};

function AuthorityItem({ a }: { a: AppliedAuthority }) {
  const dates = a.effective
    ? `${a.kind === 'case' ? 'decided' : 'effective'} ${longDate(a.effective)}${unverifiedDateMark(a)}${a.ends ? `, until ${longDate(a.ends)}` : ''}`
    : 'date not verified';
  return (
    <li className={`authority ${a.confidence}`} data-authority={a.id}>
      <details>
        <summary>
          <span className="authority-name">{a.name}</span> <span className="citation">{a.citation}</span>{' '}
          <span className={`confidence ${a.confidence}`}>{CONFIDENCE_LABEL[a.confidence]}</span>
          {a.status === 'later' ? (
            <span className="later"> {a.kind === 'case' ? 'decided' : 'takes effect'} after the ordinance&apos;s date</span>
          ) : null}
        </summary>
        <p>{a.requires}</p>
        {a.penalty ? (
          <p>
            <span className="label">Penalty:</span> {a.penalty}
          </p>
        ) : null}
        <p className="citation-note">
          {dates}; {a.confidenceWords}.
        </p>
        {a.notes.length ? (
          <ul className="authority-notes">
            {a.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        ) : null}
        <ul className="authority-sources" aria-label={`Sources for ${a.name}`}>
          {a.sources.map((s, i) => (
            <li key={i}>
              <span className="source-kind">{s.kind}</span> <q>{s.quote}</q> <span className="source-url">{s.url}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function LawAppliedPanel({ ordinance, scenario }: Props) {
  if (!ordinance) return <p className="muted empty">The law applied is shown once the ordinance is valid.</p>;
  const law = lawApplied(ordinance, scenario);
  return (
    <section className="law-applied" aria-labelledby="law-applied-heading">
      <h3 id="law-applied-heading">
        Law applied: {law.stateName}, as of {longDate(law.asOf)}
      </h3>
      <p className="citation-note">
        The date is {law.asOfSource}. Law taking effect after that date, and a ruling decided after it, is marked; the law data is current
        to {longDate(law.currentTo)}.
      </p>
      <h4>{law.stateName}</h4>
      {law.stateLaw.length ? (
        <ul className="authority-list" aria-label={`${law.stateName} law`}>
          {law.stateLaw.map((a) => (
            <AuthorityItem key={a.id} a={a} />
          ))}
        </ul>
      ) : (
        <p className="muted">
          {law.noStateLaw
            ? law.research
              ? `No ${law.stateName} statute or ruling on detainers is on file; ${law.research}. That is not proof there is none.`
              : `No ${law.stateName} statute or ruling on detainers was found; that is not proof there is none.`
            : `No ${law.stateName} law on detainers in the data is in force on this date.`}
        </p>
      )}
      <h4>Federal</h4>
      <ul className="authority-list" aria-label="Federal law">
        {law.federal.map((a) => (
          <AuthorityItem key={a.id} a={a} />
        ))}
      </ul>
    </section>
  );
}
