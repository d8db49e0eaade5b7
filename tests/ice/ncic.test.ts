// The NCIC code list: complete, every rule's codes in the list, the documented table in step.

import fs from 'node:fs';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { AGGRAVATED_FELONY_WITH_YEAR_SENTENCE, CLASS_RULES, expandCodes, ncicCodes, ncicOffense, TAG_RULES } from '../../engine/ncic';
import { ncicCodesMarkdown } from './ncic-doc';

describe('NCIC offense codes', () => {
  it('holds the 458 codes of the NIEM enumeration, each with a category', () => {
    const codes = ncicCodes();
    expect(codes).toHaveLength(458);
    expect(new Set(codes.map((c) => c.code)).size).toBe(458);
    for (const c of codes) {
      expect(c.code).toMatch(/^\d{4}$/);
      expect(c.description).toBeTruthy();
      expect(c.category, c.code).toBeDefined();
    }
  });

  it('places the codes the records use most as the vocabulary names them', () => {
    expect(ncicOffense('5404')).toMatchObject({
      description: 'Driving under influence alcohol',
      tags: ['dui', 'serious-traffic', 'traffic'],
    });
    expect(ncicOffense('5404')!.class).toBeUndefined();
    expect(ncicOffense('0911')).toMatchObject({ class: 'felony', category: { code: '09', name: 'Homicide' } });
    expect(ncicOffense('0911')!.tags).toEqual(expect.arrayContaining(['homicide', 'violent', 'serious', 'firearm', 'aggravated-felony']));
    expect(ncicOffense('0909')!.tags).not.toContain('violent');
    expect(ncicOffense('1313')!.class).toBeUndefined();
    expect(ncicOffense('1116')!.tags).not.toContain('aggravated-felony');
    expect(ncicOffense('3562')!.tags).toEqual(['drug', 'drug-possession']);
    expect(ncicOffense('3530')!.tags).toEqual(expect.arrayContaining(['drug-trafficking', 'aggravated-felony']));
    expect(ncicOffense('0301')!.tags).toEqual(['immigration']);
  });

  it('reads a code the list lacks by its category, with no tags, and refuses what is not a code', () => {
    expect(ncicOffense('5405')).toEqual({ code: '5405', category: expect.objectContaining({ code: '54' }), tags: [] });
    expect(ncicOffense('9876')).toEqual({ code: '9876', category: undefined, tags: [] });
    expect(ncicOffense('54')).toBeUndefined();
    expect(ncicOffense('abcd')).toBeUndefined();
  });

  it('names only codes of the list in its rules, each rule with a reason', () => {
    const known = new Set(ncicCodes().map((c) => c.code));
    for (const rule of [...CLASS_RULES, ...TAG_RULES, AGGRAVATED_FELONY_WITH_YEAR_SENTENCE]) {
      expect(rule.why.length).toBeGreaterThan(10);
      const codes = expandCodes(rule.codes);
      expect(codes.length, rule.codes).toBeGreaterThan(0);
      for (const c of codes) expect(known.has(c), `${rule.value}: ${c}`).toBe(true);
      for (const part of rule.codes.split(' '))
        for (const end of part.split('-')) expect(known.has(end), `${rule.value}: ${end}`).toBe(true);
    }
  });

  it('is documented code by code in docs/ncic-codes.md', async () => {
    const file = new URL('../../docs/ncic-codes.md', import.meta.url);
    const options = (await prettier.resolveConfig(file)) ?? {};
    const text = await prettier.format(ncicCodesMarkdown(), { ...options, parser: 'markdown' });
    if (process.env.UPDATE_DOCS) fs.writeFileSync(file, text);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});
