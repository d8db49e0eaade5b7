// The bits that name facts a case leaves unknown (kept per case in 16 bits) and the facts a decision
// may turn on (32 bits): one bit each, none shared, so "what leaves it open" never names the wrong fact.
import { describe, expect, it } from 'vitest';
import { RECORD_KEYS, UNKNOWN_FACTS } from '../../engine/model';
import { RECORD_BITS } from '../../engine/prepared';
import { DEPENDS_ON, UNKNOWN_BITS, U_RECORD_SHIFT } from '../../engine/unknown-facts';

describe('unknown-fact bits', () => {
  it('every records check has a bit of its own, and its unknown bit fits the case table', () => {
    const bits = RECORD_KEYS.map((k) => RECORD_BITS[k]);
    expect(new Set(bits).size).toBe(RECORD_KEYS.length);
    for (const b of bits) expect(b & (b - 1), 'one bit').toBe(0);
    expect(Math.max(...bits)).toBeLessThan(256); // records are kept in 8 bits
    for (const k of RECORD_KEYS) expect(RECORD_BITS[k] << U_RECORD_SHIFT).toBeLessThan(1 << 16);
  });

  it('every fact an unknown or a dependsOn mask names is one bit, shared by no other', () => {
    const unknown = UNKNOWN_FACTS.map((f) => UNKNOWN_BITS[f]);
    expect(new Set(unknown).size).toBe(UNKNOWN_FACTS.length);
    const depends = DEPENDS_ON.map((d) => d.bit);
    expect(new Set(depends).size).toBe(DEPENDS_ON.length);
    for (const b of depends) expect(b > 0 && (b & (b - 1)) === 0, `bit ${b}`).toBe(true);
    expect(DEPENDS_ON.map((d) => d.key)).toContain('records.securityRiskGroup');
  });
});
