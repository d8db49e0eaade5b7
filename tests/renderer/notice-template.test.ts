// The notice-only template: a detainer that asks for notice of release gets that notice and no hold,
// and the ordinance's text says exactly that, no more.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile, loadOrdinance, prepareCase, renderMarkdown, type BookingCase } from '../../engine/index';
import { applyEdits } from '../../engine/document';
import { addProvisionOps } from '../../renderer/src/form/document-ops';
import { templateById } from '../../renderer/src/form/templates';

const minimal =
  '# A bare draft.\ntitle: Draft\njurisdiction: { name: Town of Example, state: MA }\nagency: the Police Department\nsections:\n  - heading: Detainers\n    text: Detainers are requests.\notherwise: decline\n';

function withTemplate(): string {
  const r = applyEdits(minimal, addProvisionOps(parse(minimal) as Record<string, unknown>, templateById('notice-of-release')!).ops);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

const person = (requests: Array<'hold' | 'notify'>): BookingCase => ({
  id: `asks-${requests.join('-') || 'nothing'}`,
  age: 30,
  bookedAt: '2018-06-06T09:00',
  eligibleForReleaseAt: '2018-06-08T16:00',
  detainer: { requests, issuedAt: '2018-06-06T11:00', judicialWarrant: false, administrativeWarrant: false },
  currentCharges: [
    { offense: 'theft', class: 'misdemeanor', categories: ['property'], bondPosted: true, bondable: true, probableCauseFinding: false },
  ],
});

describe('the "notify ICE of release" template', () => {
  it('notifies, never holds, exactly when the detainer asks for notice; the otherwise clause decides the rest', () => {
    const o = loadOrdinance(withTemplate()).ordinance!;
    const policy = compile(o);
    const decide = (requests: Array<'hold' | 'notify'>) => {
      const p = prepareCase(person(requests), 0);
      if (!p.ok) throw new Error(p.problems.map((x) => x.message).join('; '));
      const d = policy.decide(p.prepared);
      return { outcome: d.outcome, provision: d.provision, holdUntil: d.holdUntil };
    };
    expect(decide(['notify'])).toEqual({ outcome: 'notify', provision: 'notice-of-release', holdUntil: null });
    expect(decide(['hold', 'notify'])).toEqual({ outcome: 'notify', provision: 'notice-of-release', holdUntil: null });
    expect(decide(['hold'])).toMatchObject({ outcome: 'decline', provision: 'default' });
    expect(decide([])).toMatchObject({ outcome: 'decline', provision: 'default' });
  });

  it('is printed as what it does: on a request for notice, no hold and notice of the release time only', () => {
    const text = renderMarkdown(loadOrdinance(withTemplate()).ordinance!);
    const clause = text.split('\n').find((l) => l.includes('requests notice'));
    expect(clause).toBeDefined();
    expect(clause).toContain(
      "shall not hold the person on the civil immigration detainer and shall respond to it only by notifying ICE of the time of the person's release",
    );
    expect(clause).not.toMatch(/shall honor|holding the person for/);
    expect(readFileSync(new URL('../../law/federal/form-i-247n.yaml', import.meta.url), 'utf8')).toContain('I-247N');
  });
});
