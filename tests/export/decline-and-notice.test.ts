// A decline never forbids what a notice-to-ice provision of the same ordinance requires: where the
// ordinance requires that ICE be told of the decision (or of the release time) on every detainer,
// the decline's words in the printed ordinance and in the officer guide say that ICE is told it.

import { describe, expect, it } from 'vitest';
import { officerGuide } from '../../engine/export/index';
import { ordinanceText, type Ordinance } from '../../engine/index';
import { flattenClause } from '../../engine/text-model';
import { allOrdinanceFiles, loadFile, ordinanceFrom } from './helpers';
import path from 'node:path';

type Notice = 'decision' | 'release-date' | 'copy-of-detainer';

function withNotice(notices: Notice[] | null): Ordinance {
  return ordinanceFrom(`
title: Ordinance with a notice to ICE
jurisdiction: { name: Testville, state: MA }
agency: the Police Department
sections:
  - heading: Detainers
    provisions:
      - id: felony
        when: { conviction: { classes: [felony] } }
        outcome: hold
        maxHold: { hours: 48 }
      - id: gang
        when: { record: gangDatabase }
        outcome: decline
${
  notices
    ? `  - heading: Notice
    provisions:
      - id: notice
        type: notice-to-ice
        notices: [${notices.join(', ')}]
`
    : ''
}otherwise: decline
`);
}

/** Every printed sentence of the ordinance, one string each. */
function sentences(o: Ordinance): string[] {
  return ordinanceText(o).sections.flatMap((s) => s.clauses.map((c) => flattenClause(c)));
}

function noticeCitation(o: Ordinance): string {
  const t = ordinanceText(o);
  return t.provisions.notice?.citation ?? t.provisions['notice-of-decision']!.citation;
}

describe('a decline and the notice the ordinance requires', () => {
  it('without a notice provision, a decline gives ICE no notice of the release', () => {
    const o = withNotice(null);
    expect(sentences(o).filter((s) => s.includes('shall decline')).length).toBe(2);
    for (const s of sentences(o).filter((x) => x.includes('shall decline')))
      expect(s).toContain("shall not hold the person and shall not notify ICE of the time of the person's release");
    const g = officerGuide(o);
    expect(g.otherwise!.action).toBe('Decline: release on time, without holding, delaying or notifying ICE');
    expect(g.outcomes.find((x) => x.outcome === 'decline')!.todo).toContain('Do not tell ICE the time of release.');
  });

  it('a notice of a copy of the detainer alone changes nothing a decline says', () => {
    expect(sentences(withNotice(['copy-of-detainer'])).filter((s) => s.includes('shall decline'))).toEqual(
      sentences(withNotice(null)).filter((s) => s.includes('shall decline')),
    );
  });

  it('where the decision must be given, a decline gives it, and still not the release time', () => {
    const o = withNotice(['decision']);
    const cite = noticeCitation(o);
    const declines = sentences(o).filter((s) => s.includes('shall decline'));
    expect(declines.length).toBe(2);
    for (const s of declines) {
      expect(s).toContain(
        `shall decline the civil immigration detainer and shall not hold the person, and shall notify ICE of that decision as ${cite} requires but shall not notify ICE of the time of the person's release.`,
      );
      expect(s).not.toMatch(/shall not hold the person and shall not notify ICE/);
    }
    const g = officerGuide(o);
    expect(g.otherwise!.action).toBe(
      `Decline: release on time, without holding or delaying; tell ICE the decision (${cite}), not the time of release`,
    );
    expect(g.steps.find((s) => s.outcome === 'decline')!.action).toBe(g.otherwise!.action);
    const todo = g.outcomes.find((x) => x.outcome === 'decline')!.todo;
    expect(todo).toContain(`Tell ICE the decision, as ${cite} requires, but not the time of release.`);
    expect(todo.join(' ')).not.toContain('Do not tell ICE');
  });

  it.each([[['release-date']], [['decision', 'release-date']]] as Array<[Notice[]]>)(
    'where the release time must be given (%j), a decline never forbids notice',
    (notices) => {
      const o = withNotice(notices);
      const cite = noticeCitation(o);
      for (const s of sentences(o).filter((x) => x.includes('shall decline'))) {
        expect(s).toContain(
          `shall decline the civil immigration detainer and shall not hold the person past the time the person would otherwise be released, and shall notify ICE only as ${cite} requires.`,
        );
        expect(s).not.toMatch(/shall not notify/);
      }
      const g = officerGuide(o);
      expect(g.otherwise!.action).toBe(`Decline: release on time, without holding or delaying; tell ICE only what ${cite} requires`);
      const todo = g.outcomes.find((x) => x.outcome === 'decline')!.todo.join(' ');
      expect(todo).toContain(
        `Tell ICE only what ${cite} requires: ${notices.includes('decision') ? 'the decision and the time of release' : 'the time of release'}.`,
      );
      expect(todo).not.toMatch(/Do not tell ICE/);
    },
  );

  it('no sample or fixture forbids, in a decline, a notice its own notice-to-ice provisions require', () => {
    let checked = 0;
    for (const file of allOrdinanceFiles()) {
      const o = loadFile(file);
      const required = new Set(
        (o.sections ?? []).flatMap((s) => (s.provisions ?? []).filter((p) => p.type === 'notice-to-ice').flatMap((p) => p.notices ?? [])),
      );
      if (!required.has('decision') && !required.has('release-date')) continue;
      checked++;
      const name = path.basename(file);
      const text = sentences(o).join('\n');
      const guide = officerGuide(o);
      const guideWords = [
        guide.otherwise?.action ?? '',
        ...guide.steps.map((s) => s.action),
        ...guide.outcomes.flatMap((x) => x.todo),
      ].join('\n');
      // Nothing forbids telling ICE of the decision, and the release time only where no provision requires it.
      expect(text, name).not.toMatch(/shall not hold the person and shall not notify ICE/);
      expect(guideWords, name).not.toMatch(/notifying ICE|Do not tell ICE/);
      if (required.has('release-date')) {
        expect(text, name).not.toMatch(/shall not notify ICE/);
        expect(guideWords, name).not.toMatch(/not the time of release/);
      }
      if (required.has('decision')) expect(guideWords, name).toMatch(/Tell ICE (the decision|only what)/);
    }
    expect(checked).toBeGreaterThanOrEqual(2); // the TRUST Act sample and its frozen test copy
  });
});

describe('a notice-only outcome where the decision must be given', () => {
  const withNotify = (notices: Notice[] | null) =>
    ordinanceFrom(`
title: Ordinance with a notice to ICE
jurisdiction: { name: Testville, state: MA }
sections:
  - heading: Detainers
    provisions:
      - id: removal
        when: { record: finalRemovalOrder }
        outcome: notify
${notices ? `  - heading: Notice\n    provisions:\n      - id: notice\n        type: notice-to-ice\n        notices: [${notices.join(', ')}]\n` : ''}otherwise: decline
`);

  it('says ICE is told the decision too, in the ordinance and in the guide; without that duty the words are as before', () => {
    const o = withNotify(['decision']);
    const cite = noticeCitation(o);
    const notifies = sentences(o).filter((s) => s.includes('only by notifying'));
    expect(notifies.length).toBe(1);
    expect(notifies[0]).toContain(`only by notifying ICE of the time of the person's release and, as ${cite} requires, of that decision.`);
    const g = officerGuide(o);
    expect(g.steps.find((s) => s.outcome === 'notify')!.action).toBe(
      `Notify ICE only: tell ICE the release time and the decision (${cite}), and do not hold`,
    );
    expect(g.outcomes.find((x) => x.outcome === 'notify')!.todo[0]).toBe(
      `Tell ICE the time the person will be released, and the decision, as ${cite} requires.`,
    );
    for (const quiet of [null, ['release-date'] as Notice[]]) {
      const q = withNotify(quiet);
      expect(sentences(q).find((s) => s.includes('only by notifying'))).toMatch(
        /only by notifying ICE of the time of the person's release\.$/,
      );
      expect(officerGuide(q).steps.find((s) => s.outcome === 'notify')!.action).toBe(
        'Notify ICE only: tell ICE the release time, and do not hold',
      );
    }
  });
});
