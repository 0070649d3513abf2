import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { ALTMAN_MODELS, altmanZ } from '../../src/credit/altmanZ.js';
import { automaticCreditLimit } from '../../src/credit/automaticCreditLimit.js';
import { recommendCreditLimit } from '../../src/credit/recommendCreditLimit.js';
import { riskScore } from '../../src/credit/riskScore.js';
import { scalingConstants, scoreFromOdds } from '../../src/credit/scoreScaling.js';
import { compileScorecard, type Scorecard, scoreWithScorecard } from '../../src/credit/scorecard.js';
import { formatScaled } from '../../src/money/formatScaled.js';
import { scaledOf } from '../../src/money/Scaled.js';
import { scaledArb } from '../../src/testkit/moneyArbitraries.js';
import { dec, eur, Oracle, oracleOf } from '../helpers.js';

const scaling = { pdo: dec('20'), score0: dec('600'), odds0: dec('50') };

describe('scoreFromOdds', () => {
  test('reference B.3: factor 28.8539, offset 487.1229; odds 25 → 580, 100 → 620, 200 → 640, 50 → 600', () => {
    const k = scalingConstants(scaling, { scale: 4, rounding: 'halfUp' });
    expect([formatScaled(k.factor), formatScaled(k.offset)]).toEqual(['28.8539', '487.1229']);
    expect(['25', '100', '200', '50'].map((o) => formatScaled(scoreFromOdds(dec(o), scaling, { scale: 0, rounding: 'halfUp' })))).toEqual(['580', '620', '640', '600']);
  });
  test.prop([scaledArb({ positive: true, maxScale: 4, maxUnits: 10n ** 9n }), fc.integer({ min: 1, max: 100 })])('PDO doubles the odds: score(2·odds) − score(odds) = PDO', (odds, pdo) => {
    const s = { ...scaling, pdo: dec(pdo) };
    const o = { scale: 12, rounding: 'halfEven' } as const;
    const a = scoreFromOdds(odds, s, o);
    const b = scoreFromOdds(scaledOf(odds.units * 2n, odds.scale), s, o);
    const diff = oracleOf(b).minus(oracleOf(a)).minus(pdo).abs();
    expect(diff.lte(new Oracle('1e-11'))).toBe(true);
  });
  test('refuses zero odds', () => {
    expect(() => scoreFromOdds(dec('0'), scaling, { scale: 0, rounding: 'halfUp' })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: odds: odds must be greater than zero]`);
  });
});

describe('scoreWithScorecard', () => {
  const card = {
    basePoints: 300,
    criteria: [
      { kind: 'bins' as const, name: 'daysBeyondTerms', bins: [{ upTo: dec('0'), points: 80 }, { upTo: dec('15'), points: 50 }, { upTo: dec('45'), points: 20 }, { upTo: null, points: -10 }] },
      { kind: 'categories' as const, name: 'status', categories: [{ value: 'active', points: 20 }], otherPoints: -50 },
    ],
  };
  test.prop([scaledArb({ maxScale: 2, maxUnits: 20000n }), scaledArb({ nonNegative: true, maxScale: 2, maxUnits: 20000n })])('worse payment behaviour (more days beyond terms) never improves the score', (dbt, more) => {
    const a = scoreWithScorecard(card, { daysBeyondTerms: dbt, status: 'active' }).score;
    const b = scoreWithScorecard(card, { daysBeyondTerms: scaledOf(dbt.units * 10n ** BigInt(more.scale) + more.units * 10n ** BigInt(dbt.scale), dbt.scale + more.scale), status: 'active' }).score;
    expect(b).toBeLessThanOrEqual(a);
  });
  const cardArb: fc.Arbitrary<Scorecard> = fc.record({
    basePoints: fc.integer({ min: -500, max: 900 }),
    criteria: fc.tuple(
      fc.uniqueArray(fc.integer({ min: -50, max: 200 }), { maxLength: 5 }).chain((bounds) =>
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: bounds.length + 1, maxLength: bounds.length + 1 }).map((points) => ({
          kind: 'bins' as const,
          name: 'daysBeyondTerms',
          bins: [...[...bounds].sort((a, b) => a - b).map((b, i) => ({ upTo: dec(b), points: points[i] ?? 0 })), { upTo: null, points: points[bounds.length] ?? 0 }],
        })),
      ),
      fc.record({
        kind: fc.constant('categories' as const),
        name: fc.constant('status'),
        categories: fc.array(fc.record({ value: fc.constantFrom('active', 'hold', 'new'), points: fc.integer({ min: -100, max: 100 }) }), { maxLength: 3 }),
        otherPoints: fc.integer({ min: -100, max: 100 }),
      }),
    ),
  });
  test.prop([cardArb, scaledArb({ maxScale: 2, maxUnits: 30000n }), fc.constantFrom('active', 'hold', 'new', 'closed')])(
    'a compiled scorecard scores exactly like the plain one, trace included',
    (c, dbt, status) => {
      const values = { daysBeyondTerms: dbt, status };
      expect(scoreWithScorecard(compileScorecard(c), values)).toEqual(scoreWithScorecard(c, values));
    },
  );
  test('a compiled scorecard is a frozen copy', () => {
    const mutable = { basePoints: 300, criteria: [{ kind: 'bins' as const, name: 'daysBeyondTerms', bins: [{ upTo: dec('0'), points: 80 }, { upTo: null, points: 0 }] }] };
    const compiled = compileScorecard(mutable);
    mutable.basePoints = 0;
    expect(scoreWithScorecard(compiled, { daysBeyondTerms: dec('-1') }).score).toBe(380);
    expect(Object.isFrozen(compiled) && Object.isFrozen(compiled.criteria[0])).toBe(true);
    expect(() => compileScorecard({ basePoints: 1.5, criteria: [] })).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: scorecard.basePoints: Invalid input: expected int, received number]`);
  });
  test('worked example with its trace', () => {
    expect(scoreWithScorecard(card, { daysBeyondTerms: dec('12'), status: 'hold' })).toEqual({
      score: 300,
      trace: [{ criterion: 'daysBeyondTerms', bin: 1, points: 50 }, { criterion: 'status', bin: 'other', points: -50 }],
    });
  });
});

describe('riskScore and automatic limits (d365 §5.5)', () => {
  const groups = [
    { id: 'years', kind: 'range' as const, lines: [{ from: dec('0'), to: dec('4'), score: 10 }, { from: dec('5'), to: dec('100'), score: 30 }] },
    { id: 'country', kind: 'userDefined' as const, values: [{ value: 'DE', score: 50 }] },
  ];
  const classes = [{ riskGroup: 'low', from: 0, to: 35 }, { riskGroup: 'medium', from: 36, to: 60 }, { riskGroup: 'high', from: 61, to: 100 }];
  test('30 + 50 = 80 → high', () => {
    expect(riskScore(groups, { years: dec('7'), country: 'DE' }, classes)).toMatchObject({ score: 80, riskGroup: 'high' });
  });
  test.prop([fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })])('a higher total never maps to a lower class', (a, b) => {
    const order = { low: 0, medium: 1, high: 2 } as const;
    const g = [{ id: 'n', kind: 'range' as const, lines: [{ from: dec('0'), to: dec('100'), score: 0 }] }, { id: 'x', kind: 'userDefined' as const, values: [{ value: 'a', score: a }, { value: 'b', score: b }] }];
    const ra = riskScore(g, { x: 'a' }, classes);
    const rb = riskScore(g, { x: 'b' }, classes);
    expect(ra.score).toBe(a);
    if (a <= b) expect(order[ra.riskGroup as keyof typeof order]).toBeLessThanOrEqual(order[rb.riskGroup as keyof typeof order]);
  });
  test('classes must partition the scores', () => {
    expect(() => riskScore(groups, {}, [{ riskGroup: 'a', from: 0, to: 10 }, { riskGroup: 'b', from: 12, to: 20 }])).toThrowErrorMatchingInlineSnapshot(`[OrderToCashError: Invalid input. Fix these fields and call again: classes: ranges must partition the scores: a ends at 10, the next starts at 12]`);
  });
  test('years ≥ 5 → 100,000, ≥ 10 → 200,000, capped by revenue', () => {
    const lines = [
      { riskGroup: 'high', scoringGroup: 'years', operator: '>=' as const, value: dec('5'), limit: eur('100000') },
      { riskGroup: 'high', scoringGroup: 'years', operator: '>=' as const, value: dec('10'), limit: eur('200000') },
    ];
    expect(automaticCreditLimit({ riskGroup: 'high', lines, values: { years: dec('12') } }).limit).toEqual(eur('200000'));
    expect(automaticCreditLimit({ riskGroup: 'high', lines, values: { years: dec('7') } }).limit).toEqual(eur('100000'));
    expect(automaticCreditLimit({ riskGroup: 'high', lines, values: { years: dec('12') }, revenueCap: { revenue: eur('1000000'), percent: dec('15') } }).limit).toEqual(eur('150000'));
    expect(automaticCreditLimit({ riskGroup: 'low', lines, values: { years: dec('12') } }).limit).toBeNull();
  });
});

describe('recommendCreditLimit', () => {
  test('most restrictive criterion: 35 % of 80,000 = 28,000 against 5 % of 700,000 = 35,000 (B.6)', () => {
    const r = recommendCreditLimit({ candidates: [{ name: 'need', amount: eur('40000') }], caps: [{ name: 'net worth', base: eur('80000'), percent: dec('35') }, { name: 'turnover', base: eur('700000'), percent: dec('5') }] });
    expect(r.limit).toEqual(eur('28000'));
    expect(r.reasons.at(-1)).toBe('binding: net worth (35 % of EUR 80,000.00)');
  });
});

describe('altmanZ', () => {
  test("Z'' example: 3.802, safe", () => {
    const r = altmanZ({ x1: dec('0.2'), x2: dec('0.3'), x3: dec('0.1'), x4: dec('0.8') }, ALTMAN_MODELS.zDoublePrime);
    expect([formatScaled(r.z), r.zone]).toEqual(['3.802', 'safe']);
  });
  test.prop([scaledArb({ maxScale: 3, maxUnits: 5000n }), scaledArb({ nonNegative: true, maxScale: 3, maxUnits: 5000n }), fc.constantFrom('z' as const, 'zPrime' as const, 'zDoublePrime' as const)])(
    'monotone in each ratio; zones are a step function of z',
    (x, more, model) => {
      const m = ALTMAN_MODELS[model];
      const base = altmanZ({ x1: x, x2: x, x3: x, x4: x, x5: x }, m);
      const order = { distress: 0, grey: 1, safe: 2 };
      const bigger = altmanZ({ x1: scaledOf(x.units * 10n ** BigInt(more.scale) + more.units * 10n ** BigInt(x.scale), x.scale + more.scale), x2: x, x3: x, x4: x, x5: x }, m);
      expect(oracleOf(bigger.z).gte(oracleOf(base.z))).toBe(true);
      expect(order[bigger.zone]).toBeGreaterThanOrEqual(order[base.zone]);
    },
  );
});
