// The layout of an ordinance in other words (its headings, section texts and provisions' wording
// changed, as the lint prints its text with the drafters' words left out) is the layout of the
// ordinance it was made from with those words in it: the numbering reads none of them.

import { describe, expect, it } from 'vitest';
import { layoutInOtherWords, layoutOrdinance } from '../../engine/layout';
import type { Ordinance } from '../../engine/model';
import { allOrdinanceFiles, ordinanceFrom, readRepoFile } from '../analysis/helpers';

/** The words changed as the lint changes them: a non-blank word becomes '-', a blank one stays. */
function inOtherWords(o: Ordinance): Ordinance {
  const mark = (t: string) => (t.trim() ? '-' : t);
  return {
    ...o,
    sections: o.sections.map((s) => ({
      ...s,
      heading: mark(s.heading),
      ...(s.text !== undefined ? { text: mark(s.text) } : {}),
      ...(s.provisions
        ? {
            provisions: s.provisions.map((p) => ({
              ...p,
              ...(p.text !== undefined ? { text: mark(p.text) } : {}),
              ...(p.heading !== undefined ? { heading: mark(p.heading) } : {}),
            })),
          }
        : {}),
    })),
  };
}

describe('layoutInOtherWords', () => {
  const files = allOrdinanceFiles();
  it('gives every sample and fixture the layout laid out from nothing', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const o = ordinanceFrom(readRepoFile(file));
      const other = inOtherWords(o);
      const made = layoutInOtherWords(layoutOrdinance(o), other);
      expect(made, file).toEqual(layoutOrdinance(other));
      // Its provisions are the other ordinance's, not the first's.
      for (const lp of made.detainerProvisions) expect(lp.provision).toBe(other.sections[lp.sectionIndex]!.provisions![lp.provisionIndex]);
    }
  });
});
