// The plain reading of a notice or a referral in the drafters' own wording says what a request for
// neither a hold nor notice gets: a decline, as the engine decides it (the outcome never exceeds the
// request, compile's CLAMP), in the same words a hold's reading and every decline of the ordinance use.
// The reading is printed apart from the text (in the annex, beside the wording in the app's preview);
// the voted text keeps its words: its definition of the detainer is a request for a hold or for notice.

import { describe, expect, it } from 'vitest';
import { ordinanceText, renderMarkdown } from '../../engine/index';
import { bookingCase, decide } from '../engine/helpers';
import { ordinanceFrom } from './helpers';

const WORDED = `title: Plain reading of a notice and a referral
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
      - id: felony-notice
        when: { conviction: { classes: [felony] } }
        outcome: notify
        text: The Police Department may tell ICE when a person convicted of a felony is to be released
      - id: generated-notice
        when: { age: { atLeast: 60 } }
        outcome: notify
      - id: review
        when: { conviction: { classes: [misdemeanor] } }
        outcome: review
        text: A supervisor shall decide on the ICE detainer of a person convicted of a misdemeanor
otherwise: decline
plainReadingAnnex: true
`;

const NEITHER =
  "; and, where the ICE detainer requests neither that the person be held nor notice of the time of the person's release, shall decline the ICE detainer, shall not hold the person and shall not notify ICE of the time of the person's release.";

const caseWith = (requests: Array<'hold' | 'notify'>, convictions: Array<'felony' | 'misdemeanor'>) =>
  bookingCase({
    detainer: { requests, judicialWarrant: false },
    convictions: convictions.map((cls, i) => ({ offense: `offense ${i + 1}`, class: cls, convictedOn: '2010-01-01' })),
  });

describe('the plain reading of a worded notice or referral, for a request for neither a hold nor notice', () => {
  const o = ordinanceFrom(WORDED, 'worded-notice.ordinance.yaml');
  const text = ordinanceText(o);
  const clauses = text.sections.flatMap((s) => s.clauses);

  it('the engine declines a request for neither under the notice and the referral, and notifies or refers the others', () => {
    expect(decide(o, caseWith([], ['felony']))).toMatchObject({ outcome: 'decline', provision: 'felony-notice' });
    expect(decide(o, caseWith(['hold'], ['felony']))).toMatchObject({ outcome: 'notify', provision: 'felony-notice' });
    expect(decide(o, caseWith(['notify'], ['felony']))).toMatchObject({ outcome: 'notify', provision: 'felony-notice' });
    expect(decide(o, caseWith([], ['misdemeanor']))).toMatchObject({ outcome: 'decline', provision: 'review' });
    expect(decide(o, caseWith(['hold', 'notify'], ['misdemeanor']))).toMatchObject({ outcome: 'review', provision: 'review' });
  });

  it("says so beside the wording and in the annex, in a hold's words", () => {
    const notice = clauses.find((c) => c.provision === 'felony-notice')!;
    expect(notice.authorWording).toBe(true);
    expect(notice.plainReading).toBe(
      `If the person has been convicted of a felony, the Police Department shall not hold the person on the ICE detainer and shall respond to it only by notifying ICE of the time of the person's release${NEITHER}`,
    );
    const review = clauses.find((c) => c.provision === 'review')!;
    expect(review.plainReading!.endsWith(`shall decide in writing whether to honor it${NEITHER}`)).toBe(true);
    expect(text.annex.find((a) => a.citation === '§ 2(a)')?.text).toBe(notice.plainReading);
    const md = renderMarkdown(o).replace(/\s+/g, ' ');
    const annex = md.slice(md.indexOf('## Annex'));
    expect(annex.split(NEITHER).length - 1).toBe(2);
  });

  it('leaves the voted words as they were: the worded text, and a generated notice clause', () => {
    const md = renderMarkdown(o).replace(/\s+/g, ' ');
    const voted = md.slice(0, md.indexOf('## Annex'));
    expect(voted).not.toContain('requests neither');
    expect(clauses.find((c) => c.provision === 'generated-notice')!.text).toMatch(
      /shall respond to it only by notifying ICE of the time of the person's release\.$/,
    );
  });

  it('a notice-to-ice duty: the decline of a request for neither says the notice it requires, as the otherwise clause does', () => {
    const told = ordinanceFrom(
      WORDED.replace(
        'otherwise: decline',
        '  - heading: Notice\n    provisions:\n      - id: notice\n        type: notice-to-ice\n        notices: [decision]\notherwise: decline',
      ),
      'told.ordinance.yaml',
    );
    const t = ordinanceText(told);
    const all = t.sections.flatMap((s) => s.clauses);
    const decline =
      "shall decline the ICE detainer and shall not hold the person, and shall notify ICE of that decision as § 3 requires but shall not notify ICE of the time of the person's release.";
    expect(all.find((c) => c.provision === 'default')!.text).toContain(decline);
    const reading = all.find((c) => c.provision === 'felony-notice')!.plainReading!;
    expect(reading).toBe(
      `If the person has been convicted of a felony, the Police Department shall not hold the person on the ICE detainer and shall respond to it only by notifying ICE of the time of the person's release and, as § 3 requires, of that decision; and, where the ICE detainer requests neither that the person be held nor notice of the time of the person's release, ${decline}`,
    );
    expect(decide(told, caseWith([], ['felony']))).toMatchObject({ outcome: 'decline', provision: 'felony-notice' });
  });
});
