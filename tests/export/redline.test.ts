// A one-word change changes the fingerprint and shows in the redline, in HTML (<ins>/<del>) and in
// DOCX as true Word revisions; with cases, the redline says how many decisions the amendment changes.

import { describe, expect, it } from 'vitest';
import { redline, redlineHtml, renderRedlineDocx, renderRedlineHtml } from '../../engine/export/index';
import { compile, fingerprint, simulate, type Ordinance } from '../../engine/index';
import { shortFingerprint } from '../../engine/canonical';
import { ctFile, docxParagraphs, generatedCases, loadFile, ordinanceFrom, root, unzip } from './helpers';
import path from 'node:path';
import fs from 'node:fs';

describe('redline', () => {
  const ct = loadFile(ctFile);
  const text = fs.readFileSync(ctFile, 'utf8');

  it('a one-word change in the policy changes the fingerprint and shows as one deletion and one insertion', async () => {
    const changed = ordinanceFrom(
      text.replace('community trust in law enforcement is essential', 'community trust in law enforcement is vital'),
    );
    expect(fingerprint(changed)).not.toBe(fingerprint(ct));
    const r = redline(ct, changed);
    expect(r.counts).toEqual({ insertedWords: 1, deletedWords: 1, changedBlocks: 1, insertedBlocks: 0, deletedBlocks: 0 });
    const html = redlineHtml(r);
    expect(html).toContain('<del>essential</del><ins>vital</ins>');
    // The footer line changes too: the fingerprint is part of the printed text.
    expect(html).toContain(`<del>${fingerprint(ct).slice(7, 19)}`);

    const xml = unzip(await renderRedlineDocx(ct, changed))['word/document.xml']!;
    expect(xml).toMatch(
      /<w:del w:id="\d+" w:author="Detainer Policy Studio" w:date="2014-01-01T00:00:00Z"><w:r>(<w:rPr\/>)?<w:delText xml:space="preserve">essential<\/w:delText><\/w:r><\/w:del>/,
    );
    expect(xml).toMatch(
      /<w:ins w:id="\d+" w:author="Detainer Policy Studio" w:date="2014-01-01T00:00:00Z"><w:r>(<w:rPr\/>)?<w:t xml:space="preserve">vital<\/w:t><\/w:r><\/w:ins>/,
    );
    // Accepting every revision gives the new version's words.
    expect(docxParagraphs(await renderRedlineDocx(ct, changed)).join('\n')).toContain(
      'community trust in law enforcement is vital to public safety',
    );
  });

  it('an inserted provision is one inserted paragraph, and later letters show as relettered', () => {
    // Each provision its own subsection, so one insertion is one paragraph.
    const separate: Ordinance = { ...structuredClone(ct), detainerGrounds: 'separate-subsections' };
    const withNew: Ordinance = structuredClone(separate);
    withNew.sections[0]!.provisions!.splice(1, 0, {
      id: 'sex-offender',
      when: { record: 'sexOffenderRegistry' },
      outcome: 'hold',
      maxHold: { hours: 24 },
    });
    const r = redline(separate, withNew);
    const inserted = r.blocks.filter((b) => b.status === 'inserted');
    expect(inserted).toHaveLength(1);
    expect(inserted[0]!.body.map((s) => s.text).join('')).toContain('registered as a sex offender');
    const relettered = r.blocks.find((b) => b.label.some((s) => s.op === 'delete' && s.text === '(b)'));
    expect(relettered?.label).toEqual([
      { op: 'delete', text: '(b)' },
      { op: 'insert', text: '(c)' },
    ]);
  });

  it('pairs the simulation delta with the text: "this amendment changes N decisions"', () => {
    const cases = generatedCases(400);
    const stricter = ordinanceFrom(
      text.replace('when: { record: gangDatabase }\n        outcome: hold', 'when: { record: gangDatabase }\n        outcome: decline'),
    );
    const r = redline(ct, stricter, { cases, casesLabel: 'synthetic-400' });
    const sim = simulate(compile(stricter), cases, { compare: { policy: compile(ct), title: 'before' } });
    expect(r.delta!.changed).toBe(sim.comparison!.changed);
    expect(r.delta!.changed).toBeGreaterThan(0);
    const html = renderRedlineHtml(ct, stricter, { cases, casesLabel: 'synthetic-400' });
    // A hold the detainer didn't ask for was a notice, so declining the gang-database cases moves both.
    const m = sim.comparison!.matrix;
    const parts = (['hold', 'notify'] as const)
      .map((from) => ({ from, n: m.decline[from] }))
      .filter((t) => t.n > 0)
      .sort((a, b) => b.n - a.n)
      .map((t) => `${t.n} from ${t.from} to decline`);
    expect(html).toContain(`This amendment changes ${r.delta!.changed} of 400 decisions: ${parts.join('; ')}.`);
    // The gang-database ground leaves the list of holds and becomes a subsection of its own.
    expect(html).toContain(
      '<ins>Except as provided in § 3(a), if the person is listed in a gang database, a law enforcement official shall decline the civil immigration detainer and shall not hold the person, and shall notify ICE of that decision as § 3(e) requires but shall not notify ICE of the time of the person&#39;s release.</ins>',
    );
  });

  it('leaves revisions undated when neither version has a date of its own', async () => {
    const { effectiveDate: _a, ...before } = ct;
    const after = { ...before, title: 'An Act Concerning Civil Immigration Detainers and Notices' };
    const xml = unzip(await renderRedlineDocx(before, after))['word/document.xml']!;
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Detainer Policy Studio">/);
    expect(xml).not.toContain('w:date');
    expect(xml).not.toContain('undefined');
  });

  it('no change gives a redline that says so', () => {
    const r = redline(ct, structuredClone(ct));
    expect(r.blocks.every((b) => b.status === 'same')).toBe(true);
    expect(redlineHtml(r)).toContain('No change in the text');
  });

  it('tells two versions with the same title and version number apart by their files, else as earlier and later', () => {
    const cases = generatedCases(400);
    const stricter = ordinanceFrom(
      text.replace('when: { record: gangDatabase }\n        outcome: hold', 'when: { record: gangDatabase }\n        outcome: decline'),
    );
    expect([stricter.title, stricter.version]).toEqual([ct.title, ct.version]);
    const named = redline(ct, stricter, { cases, casesLabel: 'synthetic-400', beforeName: 'as-enacted.yaml', afterName: 'amended.yaml' });
    const html = redlineHtml(named);
    // The effective date as the text prints it, and the fingerprint after a comma, not in brackets after the file's.
    expect(html).toContain(
      `Changes from version ${ct.version} (as-enacted.yaml), effective January 1, 2014, fingerprint ${shortFingerprint(fingerprint(ct))} `,
    );
    expect(html).toContain(`to version ${ct.version} (amended.yaml), effective January 1, 2014, fingerprint `);
    expect(html).not.toContain(') (fingerprint');
    expect(html).not.toContain('of 2014-01-01');
    // The changed cases' columns: each version's own heading, not "Version 2014" twice.
    expect(html).toContain(`Version ${ct.version} (as-enacted.yaml)</th>`);
    expect(html).toContain(`Version ${ct.version} (amended.yaml)</th>`);
    expect(html).not.toContain(`Version ${ct.version}</th>`);

    // Without two file names to tell them apart: the earlier and the later.
    const unnamed = redlineHtml(redline(ct, stricter, { cases, casesLabel: 'synthetic-400', beforeName: 'x.yaml', afterName: 'x.yaml' }));
    expect(unnamed).toContain(`Version ${ct.version} (earlier)</th>`);
    expect(unnamed).toContain(`Version ${ct.version} (later)</th>`);

    // Versions numbered apart need nothing more.
    const renumbered = ordinanceFrom(text.replace(/^version: .*$/m, 'version: "2015"'));
    const apart = redlineHtml(redline(ct, renumbered, { beforeName: 'as-enacted.yaml', afterName: 'amended.yaml' }));
    expect(apart).toContain(`from version ${ct.version}, effective January 1, 2014, fingerprint `);
    expect(apart).not.toContain('as-enacted.yaml');
  });
});

describe('the redline sets its paragraphs as the council text does', () => {
  const dir = path.join(root, 'samples/ordinances');
  const html = renderRedlineHtml(
    loadFile(`${dir}/never-minors-or-unconvicted-2012.ordinance.yaml`),
    loadFile(`${dir}/violent-convictions-only-2012.ordinance.yaml`),
  );

  it('a section of one unlettered paragraph (Severability) has no hanging indent', () => {
    expect(html).toMatch(/<p class="rl clause unlettered">If any provision of this ordinance/);
    expect(html).toContain('.redline-text .rl.clause.unlettered { padding-left: 0; text-indent: 0; }');
    expect(html).toMatch(/<p class="rl clause changed">\(a\) /);
  });

  it('the words after a clause’s items stand under its text, as in the council text', () => {
    expect(html).toMatch(/<p class="rl after changed">the Police Department shall /);
    expect(html).toContain('.redline-text .rl.after { padding-left: 2.2em; }');
  });
});
