// The plain reading of a hold provision in the drafters' own wording says what a request for notice
// alone gets: the notice, no hold; and what a request for neither a hold nor notice gets: a decline (the
// outcome never exceeds the request, compile's CLAMP). The reading is printed apart
// from the text (in the annex, beside the wording in the app), and the text's definition of "honor",
// which says the same, is printed only for the clauses the text generates. A generated clause keeps its
// words: its document prints that definition.

import { describe, expect, it } from 'vitest';
import { ordinanceText, renderMarkdown } from '../../engine/index';
import { bookingCase, decide } from '../engine/helpers';
import { ordinanceFrom } from './helpers';

const WORDED = `title: Plain reading test
jurisdiction:
  name: City of Testville
  state: CT
agency: the Police Department
definitions:
  - term: ICE detainer
    meaning: a request by U.S. Immigration and Customs Enforcement under 8 CFR 287.7
sections:
  - heading: Detainers
    provisions:
      - id: warrant
        when: { judicialWarrant: true }
        outcome: hold
        maxHold: { hours: 24 }
        text: The Police Department shall not detain any person on an ICE detainer unless a judge has signed a warrant
      - id: recent-felony
        when: { conviction: { classes: [felony], within: { years: 5 } } }
        outcome: hold
        maxHold: { hours: 48 }
      - id: review
        when: { conviction: { classes: [misdemeanor] } }
        outcome: review
        text: A supervisor shall decide on the ICE detainer of a person convicted of a misdemeanor
otherwise: decline
plainReadingAnnex: true
`;

const NEITHER =
  "; and, where the ICE detainer requests neither that the person be held nor notice of the time of the person's release, shall decline the ICE detainer, shall not hold the person and shall not notify ICE of the time of the person's release.";
const NOTICE = `after the time the person would otherwise be released, or, where the ICE detainer requests only notice of the time of the person's release, by giving ICE that notice alone, without holding the person${NEITHER}`;

describe('the plain reading of a worded hold, for a request for notice alone', () => {
  const o = ordinanceFrom(WORDED, 'worded.ordinance.yaml');
  const text = ordinanceText(o);
  const clauses = text.sections.flatMap((s) => s.clauses);

  it('says the notice is given and no hold, beside the wording and in the annex', () => {
    const worded = clauses.find((c) => c.provision === 'warrant')!;
    expect(worded.authorWording).toBe(true);
    expect(worded.plainReading).toBe(
      `If the ICE detainer is supported by a judicial warrant, the Police Department shall honor the ICE detainer by holding the person for no longer than 24 hours ${NOTICE}`,
    );
    const annex = text.annex.find((a) => a.citation === '§ 2(a)')!;
    expect(annex.text).toBe(worded.plainReading);
    const md = renderMarkdown(o).replace(/\s+/g, ' ');
    expect(md.slice(md.indexOf('## Annex'))).toContain(`24 hours ${NOTICE}`);
  });

  it('leaves a generated hold clause as it was; a worded referral says it only refers, and declines a request for neither', () => {
    const generated = clauses.find((c) => c.provision === 'recent-felony')!;
    expect(generated.text).not.toContain('requests only notice');
    expect(generated.text).toContain(
      'the Police Department shall honor the ICE detainer by holding the person for no longer than 48 hours after',
    );
    // The text that generates a hold defines "honor", which says what a request for notice alone gets.
    expect(clauses.find((c) => c.term === 'honor')?.text).toContain(
      'An ICE detainer that requests only notice is honored by giving that notice alone.',
    );
    expect(clauses.find((c) => c.provision === 'review')!.plainReading).toContain(
      `the Police Department shall refer the ICE detainer to a supervisor, who shall decide in writing whether to honor it${NEITHER}`,
    );
  });

  it('says what the engine decides: under the worded hold, a request for notice alone is notified, not held, and one for neither declined', () => {
    const c = (requests: Array<'hold' | 'notify'>) => bookingCase({ detainer: { requests, judicialWarrant: true } });
    expect(decide(o, c(['notify']))).toMatchObject({ outcome: 'notify', provision: 'warrant' });
    expect(decide(o, c(['hold', 'notify']))).toMatchObject({ outcome: 'hold', provision: 'warrant' });
    expect(decide(o, c(['hold']))).toMatchObject({ outcome: 'hold', provision: 'warrant' });
    // The worded hold decides it, and declines it: the reading says so, as a decline is said.
    expect(decide(o, c([]))).toMatchObject({ outcome: 'decline', provision: 'warrant' });
    expect(clauses.find((c) => c.provision === 'warrant')!.plainReading!.endsWith(NEITHER)).toBe(true);
  });

  it('a decline of a request for neither says the notice a notice-to-ice provision requires, as every decline does', () => {
    const told = ordinanceFrom(
      WORDED.replace(
        'otherwise: decline',
        '  - heading: Notice\n    provisions:\n      - id: notice\n        type: notice-to-ice\n        notices: [decision]\notherwise: decline',
      ),
      'told.ordinance.yaml',
    );
    const t = ordinanceText(told);
    const reading = t.sections.flatMap((s) => s.clauses).find((c) => c.provision === 'warrant')!.plainReading!;
    expect(reading).toContain(
      "; and, where the ICE detainer requests neither that the person be held nor notice of the time of the person's release, shall decline the ICE detainer and shall not hold the person, and shall notify ICE of that decision as § 3 requires but shall not notify ICE of the time of the person's release.",
    );
    // The same words as the otherwise clause's decline.
    const otherwise = t.sections.flatMap((s) => s.clauses).find((c) => c.provision === 'default')!.text;
    expect(otherwise).toContain(
      "shall decline the ICE detainer and shall not hold the person, and shall notify ICE of that decision as § 3 requires but shall not notify ICE of the time of the person's release.",
    );
    expect(decide(told, bookingCase({ detainer: { requests: [], judicialWarrant: true } }))).toMatchObject({
      outcome: 'decline',
      provision: 'warrant',
    });
  });
});
