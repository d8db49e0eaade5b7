// Form edits on real ordinances: every template lands valid, with its terms, comments untouched.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkDraft, loadOrdinance, REQUESTED_HOLD, type Ordinance } from '../../engine/index';
import { STARTER_ORDINANCE } from '../../renderer/src/app/starter';
import {
  addDefinitionOps,
  addFindingOps,
  addProvisionOps,
  addSectionOps,
  changeOtherwiseOps,
  changeOutcomeOps,
  changeProvisionTypeOps,
} from '../../renderer/src/form/document-ops';
import { PROVISION_TEMPLATES, templateById } from '../../renderer/src/form/templates';
import { zoneForNewState } from '../../renderer/src/form/time-zone';
import { applyEdits, type DocumentEdit } from '../../engine/document';

const sample = readFileSync(new URL('./fixtures/trust-act-2014.ordinance.yaml', import.meta.url), 'utf8');
const minimal =
  '# A bare draft.\ntitle: Draft\njurisdiction: { name: Town of Example, state: MA }\nsections:\n  - heading: Detainers\n    text: Detainers are requests.\notherwise: decline\n';

function run(text: string, ops: DocumentEdit[]): string {
  const r = applyEdits(text, ops);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

function errorsOf(text: string) {
  return loadOrdinance(text).diagnostics.filter((d) => d.severity === 'error');
}

describe('provision templates', () => {
  it('cover the options of the seed letters and domain.md', () => {
    const ids = PROVISION_TEMPLATES.map((t) => t.id);
    for (const wanted of [
      'minors',
      'no-conviction',
      'violent-felony',
      'no-reimbursement',
      'judicial-warrant',
      'pending-felony',
      'criminal-warrant',
      'gang-database',
      'removal-order',
      'public-safety-discretion',
      'ice-access',
      'notice-to-person',
      'report',
      'decline-all',
      'notice-of-release',
    ])
      expect(ids).toContain(wanted);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const template of PROVISION_TEMPLATES) {
    it(`"${template.label}" adds a valid provision to a real ordinance and to a bare draft`, () => {
      for (const base of [sample, minimal]) {
        const doc = parse(base) as Record<string, unknown>;
        const added = addProvisionOps(doc, template);
        const out = run(base, added.ops);
        expect(errorsOf(out)).toEqual([]);
        expect(out.split('\n')[0]).toBe(base.split('\n')[0]);
        const o = loadOrdinance(out).ordinance!;
        const all = o.sections.flatMap((s) => s.provisions ?? []);
        expect(all.map((p) => p.id)).toContain(added.id);
      }
    });
  }

  it('hold no longer than the detainer form in use asks for, so a new draft starts without a warning on its holds', () => {
    expect(REQUESTED_HOLD).toEqual({ hours: 48, excludingWeekendsAndHolidays: false });
    const holds = PROVISION_TEMPLATES.filter((t) => t.provision.outcome === 'hold');
    expect(holds.length).toBeGreaterThan(5);
    for (const template of holds) {
      const out = run(minimal, addProvisionOps(parse(minimal), template).ops);
      const codes = checkDraft(out).diagnostics.map((d) => d.code);
      expect(codes, template.id).not.toContain('hold-exceeds-request');
      expect(codes, template.id).not.toContain('hold-exceeds-federal-maximum');
      if (template.provision.maxHold !== REQUESTED_HOLD) continue;
      // The same provision held for the regulation's 48 hours excluding weekends is warned of.
      const weekdays = out.replace('excludingWeekendsAndHolidays: false', 'excludingWeekendsAndHolidays: true');
      expect(weekdays, template.id).not.toBe(out);
      expect(
        checkDraft(weekdays).diagnostics.map((d) => d.code),
        template.id,
      ).toContain('hold-exceeds-request');
    }
  });

  it('the starter ordinance a new draft opens with asks for its place; chosen as the form does, it checks without a warning or a note to act on', () => {
    // Blank: the jurisdiction's name and state are errors to choose, and nothing is checked against any state's law.
    expect(checkDraft(STARTER_ORDINANCE).diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['error', 'choose-jurisdiction'],
      ['error', 'choose-state'],
    ]);
    // The form's edits: the name, then the state, which brings the one time zone Massachusetts lies in.
    const named = run(STARTER_ORDINANCE, [{ op: 'set', path: ['jurisdiction', 'name'], value: 'Town of Hull' }]);
    const chosen = run(named, [{ op: 'set', path: ['jurisdiction', 'state'], value: 'MA' }, ...zoneForNewState('MA', undefined).ops]);
    expect(chosen).toContain('timeZone: America/New_York');
    // Nothing but the note of what the otherwise clause decides: no warning, and no note of a missing time zone.
    expect(checkDraft(chosen).diagnostics.map((d) => d.code)).toEqual(['otherwise-coverage']);
    expect(STARTER_ORDINANCE).toContain('maxHold: { hours: 48, excludingWeekendsAndHolidays: false }');
  });

  it('gives a second copy a fresh id and does not define a term twice', () => {
    const t = templateById('violent-felony')!;
    const once = run(sample, addProvisionOps(parse(sample), t).ops);
    const twice = run(once, addProvisionOps(parse(once), t).ops);
    expect(errorsOf(twice)).toEqual([]);
    const o = parse(twice) as Ordinance;
    expect(o.definitions!.filter((d) => d.term === 'violent felony')).toHaveLength(1);
    expect(o.sections[0]!.provisions!.map((p) => p.id)).toEqual(expect.arrayContaining(['violent-felony', 'violent-felony-2']));
  });

  it('puts new definitions above the sections', () => {
    const out = run(minimal, addProvisionOps(parse(minimal), templateById('violent-felony')!).ops);
    expect(out.indexOf('definitions:')).toBeGreaterThan(0);
    expect(out.indexOf('definitions:')).toBeLessThan(out.indexOf('sections:'));
    expect(out.startsWith('# A bare draft.\n')).toBe(true);
  });
});

describe('provision edits', () => {
  const path = ['sections', 0, 'provisions', 1];
  it('a hold gets what the detainer form in use asks for; leaving hold removes it', () => {
    const doc = parse(sample) as Ordinance;
    const p = doc.sections[0]!.provisions![1]! as unknown as Record<string, unknown>;
    const declined = run(sample, changeOutcomeOps(p, path, 'decline'));
    expect(errorsOf(declined)).toEqual([]);
    expect((parse(declined) as Ordinance).sections[0]!.provisions![1]!.maxHold).toBeUndefined();
    const q = (parse(declined) as Ordinance).sections[0]!.provisions![1]! as unknown as Record<string, unknown>;
    const held = run(declined, changeOutcomeOps(q, path, 'hold'));
    expect(errorsOf(held)).toEqual([]);
    expect((parse(held) as Ordinance).sections[0]!.provisions![1]!.maxHold).toEqual({ hours: 48, excludingWeekendsAndHolidays: false });
    const id = (parse(held) as Ordinance).sections[0]!.provisions![1]!.id;
    const warned = (text: string) => checkDraft(text).diagnostics.filter((d) => d.code === 'hold-exceeds-request' && d.provision === id);
    expect(warned(held)).toEqual([]);
    expect(warned(held.replace('excludingWeekendsAndHolidays: false', 'excludingWeekendsAndHolidays: true'))).toHaveLength(1);
  });

  it('changing a type keeps the document valid both ways', () => {
    const doc = parse(sample) as Ordinance;
    const p = doc.sections[0]!.provisions![1]! as unknown as Record<string, unknown>;
    for (const type of ['report', 'ice-access', 'status-inquiry', 'notice-to-person', 'training', 'effective-date'] as const) {
      const changed = run(sample, changeProvisionTypeOps(p, path, type));
      expect(errorsOf(changed), type).toEqual([]);
      const q = (parse(changed) as Ordinance).sections[0]!.provisions![1]! as unknown as Record<string, unknown>;
      const back = run(changed, changeProvisionTypeOps(q, path, 'detainer'));
      expect(errorsOf(back), `${type} back to detainer`).toEqual([]);
    }
  });

  it('adds sections, findings and definitions that validate', () => {
    let text = run(minimal, addSectionOps(parse(minimal), 'Access by federal agents'));
    text = run(text, addFindingOps());
    text = run(text, addDefinitionOps(parse(text)));
    text = run(text, addDefinitionOps(parse(text)));
    expect(errorsOf(text)).toEqual([]);
    const o = parse(text) as Ordinance;
    expect(o.sections).toHaveLength(2);
    expect(o.findings).toHaveLength(1);
    expect(o.definitions!.map((d) => d.term)).toEqual(['new term', 'new term 2']);
  });
});

describe('the otherwise clause', () => {
  it('a hold gets what the detainer form in use asks for, right after otherwise; leaving hold removes it', () => {
    const held = run(minimal, changeOtherwiseOps(parse(minimal), 'hold'));
    expect(held).toContain('otherwise: hold\notherwiseMaxHold: { hours: 48, excludingWeekendsAndHolidays: false }\n');
    expect(errorsOf(held)).toEqual([]);
    expect(checkDraft(held).diagnostics.filter((d) => d.code === 'hold-exceeds-request')).toEqual([]);
    const declined = run(held, changeOtherwiseOps(parse(held), 'decline'));
    expect(declined).toBe(minimal);
    // A stated maximum is kept when the outcome stays hold.
    const own = held.replace('hours: 48', 'hours: 24');
    expect(run(own, changeOtherwiseOps(parse(own), 'hold'))).toBe(own);
  });
});
