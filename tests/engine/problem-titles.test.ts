// The Problems list leads each finding with a short plain title, from one list the engine owns: every
// code the engine can report has one of its own (a lint rule's is in the rule's catalogue entry), and a
// code without one still reads as words, never as the raw code.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../../engine/index';
import { problemTitle, TITLED_CODES } from '../../engine/vocabulary';

const ENGINE = path.resolve(__dirname, '../../engine');

/** Every code the engine's sources report: `code: 'x'`, `report('error', 'x', …)` and the like. */
function reportedCodes(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (e.name.endsWith('.ts')) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/'(?:error|warning|info)',\s*'([a-z0-9-]+)'/g)) codes.add(m[1]!);
        for (const m of text.matchAll(/\bcode: '([a-z0-9-]+)'/g)) codes.add(m[1]!);
        for (const m of text.matchAll(/\bcode: \w+ \? '([a-z0-9-]+)' : '([a-z0-9-]+)'/g)) codes.add(m[1]!).add(m[2]!);
      }
    }
  };
  walk(ENGINE);
  codes.delete('fix'); // the fix command's placeholder for "no finding", never shown as a problem
  return codes;
}

describe('problemTitle', () => {
  it('gives every lint rule and every code the engine reports a title of its own', () => {
    const codes = reportedCodes();
    for (const r of LINT_RULES) codes.add(r.code);
    expect(codes.size).toBeGreaterThan(70);
    expect([...codes].filter((c) => !TITLED_CODES.includes(c))).toEqual([]);
  });

  it("titles a lint rule by its catalogue entry's short title, the one list the app reads", () => {
    for (const r of LINT_RULES) expect(problemTitle(r.code)).toBe(r.shortTitle);
    expect(problemTitle('provision-shadowed')).toBe('Provision never decides');
    // A code is titled in one place: the rule's catalogue entry or the list of the other codes, never both.
    expect(new Set(TITLED_CODES).size).toBe(TITLED_CODES.length);
  });

  it('words a title plainly: a capital first, no hyphenated code', () => {
    for (const code of TITLED_CODES) {
      const title = problemTitle(code);
      expect(title).toMatch(/^[A-Z]/);
      expect(title).not.toContain(code);
      expect(title.length).toBeLessThanOrEqual(45);
    }
    expect(problemTitle('state-bars-holds')).toBe('State law bars this hold');
  });

  it('reads an unknown code as words', () => {
    expect(problemTitle('schema-if')).toBe('Schema if');
    expect(problemTitle('yaml-syntax')).toBe('Yaml syntax');
  });
});
