import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { divideRoundedDouble, exactDouble } from '../../../src/pricing/_internal/integerDoubles.js';
import { divideRounded, ROUNDING_MODES } from '../../../src/money/rounding.js';

const LIMIT = 2n ** 52n;
// Magnitudes from tiny to beyond the range, with extra weight at the edges (2^52, 2^53).
const edgeArb = fc.oneof(
  fc.bigInt({ min: -1_000n, max: 1_000n }),
  fc.bigInt({ min: -LIMIT, max: LIMIT }),
  fc.bigInt({ min: LIMIT - 1_000n, max: LIMIT + 1_000n }).map((n) => (n % 2n === 0n ? n : -n)),
  fc.bigInt({ min: 2n ** 53n - 1_000n, max: 2n ** 53n + 1_000n }),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
);

describe('divideRoundedDouble', () => {
  test.prop([edgeArb, fc.oneof(fc.bigInt({ min: 1n, max: 1_000n }), fc.bigInt({ min: 1n, max: LIMIT + 10n })), fc.constantFrom(...ROUNDING_MODES)])(
    'equals divideRounded on bigints whenever it answers, and answers for |n|, d ≤ 2^52',
    (n, d, mode) => {
      const got = divideRoundedDouble(Number(n), Number(d), mode);
      const inRange = n <= LIMIT && n >= -LIMIT && d <= LIMIT;
      if (inRange) expect(BigInt(got)).toBe(divideRounded(n, d, mode));
      else if (!Number.isNaN(got)) expect(BigInt(got)).toBe(divideRounded(n, d, mode));
      expect(Object.is(got, -0)).toBe(false);
    },
  );

  test.prop([fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), fc.bigInt({ min: 1n, max: 2n ** 10n }), fc.constantFrom(...ROUNDING_MODES)])(
    'exact halves (n = q·d + d/2) round as divideRounded does',
    (q, half, mode) => {
      const d = 2n * half;
      const n = q * d + (q < 0n ? -half : half);
      expect(BigInt(divideRoundedDouble(Number(n), Number(d), mode))).toBe(divideRounded(n, d, mode));
    },
  );

  test('ties and signs for every mode: ±5 / 2, ±7 / 2, ±1 / 3', () => {
    const table = ROUNDING_MODES.map((m) => [m, ...[5, -5, 7, -7, 1, -1].map((n) => divideRoundedDouble(n, n % 3 === 0 ? 2 : Math.abs(n) === 1 ? 3 : 2, m))]);
    expect(table).toEqual(ROUNDING_MODES.map((m) => [m, ...[5n, -5n, 7n, -7n, 1n, -1n].map((n) => Number(divideRounded(n, Math.abs(Number(n)) === 1 ? 3n : 2n, m)))]));
  });
});

describe('exactDouble', () => {
  test.prop([edgeArb])('is the value when it is a safe integer, NaN otherwise', (x) => {
    const safe = x <= 2n ** 53n - 1n && x >= -(2n ** 53n - 1n);
    const got = exactDouble(x);
    if (safe) expect(BigInt(got)).toBe(x);
    else expect(got).toBeNaN();
  });
});
