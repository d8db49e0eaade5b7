// The form's "Reads:" line under each provision is the engine's plain reading of it, read apart from the
// text (as the annex and the preview's plain readings are): a hold says what a request for notice alone
// gets, and a hold, a notice and a referral what a request for neither a hold nor notice gets (a
// decline), as the engine decides. It is the text model's `plainReading`, never words of the form's own.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadOrdinance, ordinanceText, type Ordinance } from '../../engine/index';
import { FormView } from '../../renderer/src/form/FormView';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const SOURCE = `title: Draft
jurisdiction: { name: Town of Example, state: NM }
definitions:
  - term: ICE detainer
    meaning: a request by U.S. Immigration and Customs Enforcement under 8 CFR 287.7
sections:
  - heading: Detainers
    provisions:
      - { id: minors, when: { age: { under: 18 } }, outcome: decline }
      - { id: warrant, when: { judicialWarrant: true }, outcome: hold, maxHold: { hours: 48 } }
      - { id: felony, when: { conviction: { classes: [felony] } }, outcome: notify }
      - { id: chief, when: { age: { atLeast: 70 } }, outcome: review }
otherwise: decline
`;

const NEITHER =
  "; and, where the ICE detainer requests neither that the person be held nor notice of the time of the person's release, shall decline the ICE detainer, shall not hold the person and shall not notify ICE of the time of the person's release.";

const render = (source: string) => {
  const loaded = loadOrdinance(source);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return renderToStaticMarkup(
    createElement(FormView, {
      data: parse(source) as Record<string, unknown>,
      text: ordinanceText(loaded.ordinance!),
      edit: () => {},
      onShowInEditor: () => {},
      onUndo: () => {},
      onRedo: () => {},
    } as unknown as Parameters<typeof FormView>[0]),
  );
};

/** The "Reads:" lines, in order, as text. */
const reads = (html: string) =>
  [...html.matchAll(/<p class="plain-reading"><span class="label">Reads:<\/span> ([\s\S]*?)<\/p>/g)].map((m) =>
    m[1]!.replace(/&#x27;/g, "'").replace(/&quot;/g, '"'),
  );

describe('the form: each provision "Reads:" as the engine reads it', () => {
  const lines = reads(render(SOURCE));

  it('a hold says what a request for notice alone and one for nothing get', () => {
    expect(lines[1]).toBe(
      `Except as provided in § 2(a), if the ICE detainer is supported by a judicial warrant, the law enforcement agency shall honor the ICE detainer by holding the person for no longer than 48 hours after the time the person would otherwise be released, or, where the ICE detainer requests only notice of the time of the person's release, by giving ICE that notice alone, without holding the person${NEITHER}`,
    );
  });

  it('a notice and a referral say that a request for nothing is declined; a decline reads as printed', () => {
    expect(lines[2]!.endsWith(`only by notifying ICE of the time of the person's release${NEITHER}`)).toBe(true);
    expect(lines[3]!.endsWith(`who shall decide in writing whether to honor it${NEITHER}`)).toBe(true);
    expect(lines[0]).toBe(
      "If the person is under 18 years of age, the law enforcement agency shall decline the ICE detainer, shall not hold the person and shall not notify ICE of the time of the person's release.",
    );
  });
});

describe("the text model's plain reading of every sample and fixture provision", () => {
  const files = [
    ...['samples/ordinances', 'tests/export/fixtures', 'tests/renderer/fixtures', 'tests/cli/fixtures'].flatMap((dir) =>
      readdir(path.join(root, dir)).map((f) => path.join(root, dir, f)),
    ),
  ];

  it("is the preview's plain reading where the drafters worded the provision, and says what a request for nothing gets", () => {
    let worded = 0;
    let apart = 0;
    for (const file of files) {
      const loaded = loadOrdinance(readFileSync(file, 'utf8'));
      if (!loaded.ordinance) continue;
      const o: Ordinance = loaded.ordinance;
      const t = ordinanceText(o);
      for (const c of t.sections.flatMap((s) => s.clauses)) {
        if (!c.authorWording || !c.plainReading || !c.provision || !t.provisions[c.provision]?.plainReading) continue;
        expect(t.provisions[c.provision]!.plainReading, `${file} ${c.provision}`).toBe(c.plainReading);
        worded++;
      }
      for (const s of o.sections)
        for (const p of s.provisions ?? []) {
          if ((p.type ?? 'detainer') !== 'detainer' || (p.outcome ?? o.otherwise) === 'decline') continue;
          expect(t.provisions[p.id]!.plainReading, `${file} ${p.id}`).toContain('requests neither that the person be held nor notice');
          apart++;
        }
    }
    expect(worded).toBeGreaterThan(2);
    expect(apart).toBeGreaterThan(20);
  });
});

function readdir(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.ordinance.yaml'));
}
