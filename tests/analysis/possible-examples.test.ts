// Example cases are cases that can exist: no lint example and no diff witness of the samples combines an
// offense category with a class no offense of it can have (a "homicide infraction"), and a category the
// tests leave free of class takes its ordinary class (a homicide is a felony).

import { describe, expect, it } from 'vitest';
import { checkDocument, diffDrafts } from '../../engine/analysis/index';
import type { BookingCase } from '../../engine/index';
import { classPossible, TAG_CLASS_RULES } from '../../engine/offense-classes';
import { allOrdinanceFiles, ordinanceFrom, readRepoFile } from './helpers';

/** Every offense of a case whose class its categories rule out, as "class: categories". */
function impossibleOffenses(c: BookingCase): string[] {
  const out: string[] = [];
  for (const o of [...(c.convictions ?? []), ...(c.currentCharges ?? [])])
    if (o.class && !classPossible(o.class, o.categories ?? [])) out.push(`${o.offense} (${o.class}: ${(o.categories ?? []).join(', ')})`);
  return out;
}

const samples = allOrdinanceFiles().filter((f) => f.startsWith('samples/'));

describe('the rule', () => {
  it('rules out a homicide, violent or sex-offense infraction, and nothing for other tags or classes', () => {
    for (const tag of ['homicide', 'violent', 'sex-offense', 'drug-trafficking', 'aggravated-felony'])
      expect(classPossible('infraction', [tag]), tag).toBe(false);
    for (const tag of ['homicide', 'violent', 'aggravated-felony']) {
      expect(classPossible('felony', [tag])).toBe(true);
      expect(classPossible('misdemeanor', [tag])).toBe(true);
    }
    for (const tag of ['traffic', 'property', 'dui', 'drug-possession', 'public-order', 'some-local-tag'])
      expect(classPossible('infraction', [tag]), tag).toBe(true);
    expect(classPossible('infraction', ['traffic', 'homicide'])).toBe(false);
    for (const rule of TAG_CLASS_RULES) {
      expect(rule.why).not.toBe('');
      expect(rule.authority).not.toBe('');
    }
  });
});

describe('lint examples of the samples', () => {
  for (const file of samples)
    it(`${file}: every example can exist`, () => {
      const check = checkDocument(readRepoFile(file), { examples: true });
      for (const d of check.diagnostics) if (d.example) expect(impossibleOffenses(d.example.case), `${d.code}`).toEqual([]);
    });
});

describe('diff witnesses of every pair of samples', () => {
  const drafts = samples.map((f) => [f, ordinanceFrom(readRepoFile(f))] as const);
  for (let i = 0; i < drafts.length; i++)
    it(`${drafts[i]![0]} against the later samples: every witness can exist`, () => {
      for (let j = i + 1; j < drafts.length; j++) {
        const r = diffDrafts(drafts[i]![1], drafts[j]![1]);
        for (const w of r.witnesses) expect(impossibleOffenses(w.case), `${drafts[j]![0]} ${w.case.id}`).toEqual([]);
      }
    }, 120_000);
});

describe('never minors or unconvicted against violent convictions only', () => {
  const a = ordinanceFrom(readRepoFile('samples/ordinances/never-minors-or-unconvicted-2012.ordinance.yaml'));
  const b = ordinanceFrom(readRepoFile('samples/ordinances/violent-convictions-only-2012.ordinance.yaml'));
  const r = diffDrafts(a, b);

  it('shows a homicide conviction as a felony, never as an infraction', () => {
    const homicides = r.witnesses.flatMap((w) => (w.case.convictions ?? []).filter((c) => c.categories?.includes('homicide')));
    expect(homicides.length).toBeGreaterThan(0);
    for (const c of homicides) expect(c.class).toBe('felony');
  });

  it('finds no difference that only a homicide which is not a crime would show', () => {
    // Draft A declines for no criminal conviction; a homicide conviction always is one.
    const unconvicted = r.witnesses.filter((w) => w.a.provision === 'no-criminal-conviction' && w.b.provision === 'homicide-any-time');
    expect(unconvicted).toEqual([]);
  });
});
