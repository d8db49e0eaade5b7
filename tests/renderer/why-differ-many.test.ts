// Why decisions differ, for an undecided group many provisions may decide: three or more are named by
// citation alone, those that follow one another in the policy as "the 5 provisions from … to …" (each
// between them in it), and never a range over a provision left out.

import { describe, expect, it } from 'vitest';
import { DEPENDS_ON, type ChangeGroup } from '../../engine/index';
import { BASELINE_NAME } from '../../engine/vocabulary';
import { changeReason, type NamedProvision } from '../../renderer/src/simulation/committee';

// As the Connecticut TRUST Act's provisions read: seven, then the otherwise clause.
const mine: NamedProvision[] = [
  { id: 'felony-conviction', citation: '§ 3(a)(1)', heading: 'Has been convicted of a felony' },
  { id: 'pending-felony', citation: '§ 3(a)(2)', heading: 'Pending criminal charge in this state, bond not posted' },
  { id: 'outstanding-warrant', citation: '§ 3(a)(3)', heading: 'Outstanding arrest warrant in this state' },
  { id: 'gang-member', citation: '§ 3(b)', heading: 'Known gang member' },
  { id: 'terrorist-screening', citation: '§ 3(c)(1)', heading: 'Possible match in the Terrorist Screening Database' },
  { id: 'removal-order', citation: '§ 3(c)(2)', heading: 'Final order of deportation or removal' },
  { id: 'public-safety-risk', citation: '§ 3(c)(3)', heading: 'Unacceptable risk to public safety' },
  { id: 'default', citation: '§ 3(d)' },
];
const theirs: NamedProvision[] = [
  { id: 'honor-hold', citation: 'honor all: hold as requested' },
  { id: 'honor-notify', citation: 'honor all: notify as requested' },
  { id: 'default', citation: 'honor all: nothing requested to honor' },
];

function group(undecided: NonNullable<ChangeGroup['undecided']>): ChangeGroup {
  return {
    provision: undecided[0]!.provisions[0]!,
    otherProvision: 0,
    outcome: 'review',
    otherOutcome: 'hold',
    count: 12,
    example: 0,
    open: true,
    otherOpen: false,
    dependsOn: DEPENDS_ON.find((f) => f.key === 'convictions')!.bit,
    undecided,
  };
}
const because = (g: ChangeGroup) => changeReason(g, mine, theirs, BASELINE_NAME, null).because;

describe('why decisions differ: an undecided group many provisions may decide', () => {
  it('names a run of provisions that follow one another as one, and the rest by citation', () => {
    expect(
      because(
        group([
          { outcome: 'hold', provisions: [0, 1, 2, 3, 4] },
          { outcome: 'review', provisions: [6] },
        ]),
      ),
    ).toBe(
      'they turn on convictions beyond those on record, which these records do not give: they could be held under any of the 5 provisions from § 3(a)(1) to § 3(c)(1), or left to a person’s decision under § 3(c)(3) (Unacceptable risk to public safety); honor all decides them by its own rule (hold as requested).',
    );
  });

  it('never spans a provision left out, nor takes the otherwise clause into a run', () => {
    expect(because(group([{ outcome: 'hold', provisions: [0, 1, 3, 4, 5] }]))).toContain(
      'held under any of § 3(a)(1), § 3(a)(2) or the 3 provisions from § 3(b) to § 3(c)(2);',
    );
    expect(because(group([{ outcome: 'decline', provisions: [5, 6, 7] }]))).toContain(
      'declined under any of § 3(c)(2), § 3(c)(3) or the otherwise clause (§ 3(d));',
    );
  });

  it('keeps each heading where two or fewer may give an outcome', () => {
    expect(because(group([{ outcome: 'hold', provisions: [0, 1] }]))).toContain(
      'held under § 3(a)(1) (Has been convicted of a felony) or § 3(a)(2) (Pending criminal charge in this state, bond not posted);',
    );
  });
});

describe('why decisions differ from the baseline: its name once', () => {
  it('an open decision under the baseline names its rules without its name again', () => {
    const g: ChangeGroup = {
      provision: 7,
      otherProvision: 0,
      outcome: 'decline',
      otherOutcome: 'review',
      count: 3,
      example: 0,
      open: false,
      otherOpen: true,
      dependsOn: 0,
      otherUndecided: [
        { outcome: 'hold', provisions: [0] },
        { outcome: 'notify', provisions: [1] },
      ],
    };
    const words = because(g);
    expect(words).toContain(
      'under honor all they turn on a fact the records do not give (they could be held by its own rule (hold as requested), or reported to ICE at release, without a hold, by its own rule (notify as requested))',
    );
    expect(words.split(BASELINE_NAME).length - 1).toBe(1);
  });

  it('a settled decision under the baseline says its name once', () => {
    const g: ChangeGroup = {
      ...group([{ outcome: 'hold', provisions: [0] }]),
      open: false,
      undecided: undefined,
      outcome: 'decline',
      provision: 7,
    };
    delete g.undecided;
    expect(because(g).split(BASELINE_NAME).length - 1).toBe(1);
  });
});
