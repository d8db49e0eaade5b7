// SHA-256 over a whole buffer and fed in slices (a file read part by part) agrees with Node's.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256Hex } from '../../engine/index';

describe('sha256', () => {
  it('gives Node’s digest whole and in slices of any size, across block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 4099]) {
      const bytes = crypto.randomBytes(length);
      const expected = crypto.createHash('sha256').update(bytes).digest('hex');
      expect(sha256Hex(bytes)).toBe(expected);
      for (const slice of [1, 3, 63, 64, 65, 1000]) {
        const hash = new Sha256();
        for (let at = 0; at < length; at += slice) hash.update(bytes.subarray(at, at + slice));
        expect(hash.hex()).toBe(expected);
      }
    }
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
