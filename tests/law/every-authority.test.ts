// Every state authority in law/ that a lint rule reads is tried on the day it took effect and the day
// before (and the day after it ended): on a policy that breaks it, the rule fires, no harder than the
// authority's confidence allows; on a policy that keeps it, the rule stays quiet. Law that takes effect
// after the ordinance's date is at most a warning that says so.
import { describe, expect, it } from 'vitest';
import { checkDocument, type CheckedDiagnostic } from '../../engine/analysis/index';
import { inForce, LAW, LAW_VERSION, severityOf, stateLawOn, type Authority } from '../../engine/law';
import type { Condition } from '../../engine/model';
import { formatDate, parseDate } from '../../engine/time';

interface Doc {
  provisions?: string;
  agreement?: string;
  level?: 'city' | 'town' | 'county' | 'state';
}
interface Probe {
  /** What the probe tries, in words. */
  what: string;
  codes: string[];
  breaks: Doc;
  keeps: Doc;
}

const yaml = (c: Condition) => JSON.stringify(c);
const hold = (id: string, when: Condition) =>
  `      - id: ${id}\n        when: ${yaml(when)}\n        outcome: hold\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: false }\n`;
const notify = (id: string, when: Condition) => `      - id: ${id}\n        when: ${yaml(when)}\n        outcome: notify\n`;
const holdAll = hold('hold-all', { requested: 'hold' });
const honorAll = holdAll + notify('notify-all', { requested: 'notify' });

function lint(state: string, date: string, d: Doc): CheckedDiagnostic[] {
  const text =
    `title: T\njurisdiction: { name: Test, state: ${state}, level: ${d.level ?? 'county'}, timeZone: America/Chicago }\n` +
    `effectiveDate: ${date}\n` +
    (d.agreement ? `agreement287g: ${d.agreement}\n` : '') +
    `sections:\n  - heading: D\n` +
    (d.provisions ? `    provisions:\n${d.provisions}` : `    text: none\n`) +
    `otherwise: decline\n`;
  const r = checkDocument(text, { examples: false });
  if (!r.ordinance) throw new Error(r.diagnostics.map((x) => x.message).join('; '));
  return r.diagnostics;
}

/** The policies that break and keep what an authority says, one pair per rule that reads it. */
function probes(a: Authority): Probe[] {
  const out: Probe[] = [];
  const county = a.requiredOf287g === 'all' ? 'city' : 'county';
  // A law that binds some levels of government only is tried on an ordinance of the first of them.
  const level = a.binds?.[0];
  if (a.holds === 'barred')
    out.push({
      what: 'holds barred',
      codes: ['state-bars-holds', 'state-law-uncertain'],
      breaks: { provisions: holdAll },
      keeps: a.holdAllowedWhen ? { provisions: hold('allowed', a.holdAllowedWhen) } : {},
    });
  if (a.holds === 'required' || a.notification === 'required')
    out.push({ what: 'honoring required', codes: ['state-requires-honoring-detainers'], breaks: {}, keeps: { provisions: honorAll } });
  if (a.notification === 'limited' || a.notification === 'barred')
    out.push({
      what: 'notices limited',
      codes: ['state-limits-notification'],
      breaks: { provisions: notify('notify-all', { requested: 'notify' }) },
      keeps: a.notifyAllowedWhen ? { provisions: notify('allowed', a.notifyAllowedWhen) } : {},
    });
  if (a.infoOnly)
    out.push({ what: 'status information', codes: ['state-protects-status-information'], breaks: {}, keeps: { provisions: holdAll } });
  if (a.agreement287g === 'required')
    out.push({
      what: '287(g) required',
      codes: ['state-requires-287g'],
      breaks: { agreement: 'none', level: county },
      keeps: { agreement: 'jail-enforcement', level: county },
    });
  if (a.agreement287g === 'barred' || a.agreement287g === 'governor-only')
    out.push({
      what: '287(g) barred',
      codes: ['state-bars-287g'],
      breaks: { agreement: 'jail-enforcement' },
      keeps: { agreement: 'none' },
    });
  return level ? out.map((p) => ({ ...p, breaks: { ...p.breaks, level }, keeps: { ...p.keeps, level } })) : out;
}

const dayBefore = (d: string) => formatDate(parseDate(d) - 1);
const dayAfter = (d: string) => formatDate(parseDate(d) + 1);
const rank = { info: 0, warning: 1, error: 2 } as const;
const fromIt = (ds: CheckedDiagnostic[], a: Authority, codes: string[]) =>
  ds.filter((d) => codes.includes(d.code) && (d.authority === a.id || d.message.includes(a.name)));

const stateAuthorities = LAW.filter((a) => a.jurisdiction !== 'US');
const read = stateAuthorities.filter((a) => probes(a).length > 0);
// Where another authority in force on the date speaks to the same duty, the finding may name it instead.
const shadowed = (a: Authority, date: string, p: Probe) =>
  stateLawOn(a.jurisdiction, date).some(
    (x) =>
      x !== a &&
      ((p.what === 'status information' && x.holds === 'required') ||
        (p.what === 'holds barred' && x.holds === 'uncertain') ||
        (p.what === 'honoring required' && x.holds === 'required' && a.holds !== 'required')),
  );

describe('every state authority a rule reads', () => {
  it('covers the law data', () => {
    // Panel-only authorities (no field a rule reads) are listed in the Law applied view only.
    const panelOnly = stateAuthorities.filter((a) => probes(a).length === 0 && a.holds !== 'uncertain').map((a) => a.id);
    console.log(
      `law/: ${stateAuthorities.length} state authorities; ${read.length} read by a rule; panel or uncertain only: ${stateAuthorities.length - read.length} (${panelOnly.join(', ')})`,
    );
    expect(read.length).toBeGreaterThan(25);
  });

  for (const a of read) {
    for (const p of probes(a)) {
      const on = a.effective ?? LAW_VERSION.currentTo;
      it(`${a.id} (${a.jurisdiction}, ${p.what}): fires from ${a.effective ?? 'every date (not dated)'}, no harder than its confidence, quiet on a policy that keeps it`, () => {
        const cap = severityOf(a);
        const breaks = fromIt(lint(a.jurisdiction, on, p.breaks), a, p.codes);
        if (shadowed(a, on, p)) {
          // The finding exists; it may speak in another authority's name.
          for (const d of breaks) expect(rank[d.severity]).toBeLessThanOrEqual(rank[cap]);
        } else {
          expect(breaks.length, `${a.id} should fire on ${on}`).toBeGreaterThan(0);
          for (const d of breaks) expect(rank[d.severity], d.message).toBeLessThanOrEqual(rank[cap]);
        }
        expect(fromIt(lint(a.jurisdiction, on, p.keeps), a, p.codes).filter((d) => d.authority === a.id)).toEqual([]);

        if (a.effective) {
          // The day before: not in force; if in force on the data's date, at most a warning that says so.
          const before = lint(a.jurisdiction, dayBefore(a.effective), p.breaks).filter(
            (d) => p.codes.includes(d.code) && d.authority === a.id,
          );
          if (!inForce(a, LAW_VERSION.currentTo) || p.what === 'status information') expect(before).toEqual([]);
          for (const d of before) {
            expect(rank[d.severity]).toBeLessThanOrEqual(rank.warning);
            expect(d.message).toMatch(/after (the effective date|the ordinance)/);
          }
        }
        if (a.ends) {
          // The day after it ended: gone.
          const after = lint(a.jurisdiction, dayAfter(a.ends), p.breaks).filter((d) => d.authority === a.id);
          expect(after).toEqual([]);
        }
      });
    }
  }

  it('a law that binds some levels of government only says nothing to an ordinance of another level', () => {
    const limited = read.filter((a) => a.binds);
    expect(limited.length).toBeGreaterThan(0);
    const levels = ['city', 'town', 'county', 'state'] as const;
    for (const a of limited)
      for (const p of probes(a))
        for (const level of levels.filter((l) => !a.binds!.includes(l))) {
          const ds = lint(a.jurisdiction, a.effective ?? LAW_VERSION.currentTo, { ...p.breaks, level });
          expect(
            ds.filter((d) => d.authority === a.id),
            `${a.id} on a ${level} ordinance`,
          ).toEqual([]);
        }
  });

  it('no finding from a secondary-source or persuasive authority is an error, on any date', () => {
    const weak = read.filter((a) => severityOf(a) !== 'error');
    expect(weak.length).toBeGreaterThan(0);
    for (const a of weak)
      for (const p of probes(a))
        for (const date of [a.effective ?? LAW_VERSION.currentTo, LAW_VERSION.currentTo]) {
          const ds = lint(a.jurisdiction, date, p.breaks).filter((d) => d.authority === a.id);
          for (const d of ds) expect(d.severity, `${a.id}: ${d.message}`).not.toBe('error');
        }
  });
});
