// The NKI computation on hand-made answers (blanks, a question nobody answered, fewer than 7
// respondents), the grade bands' edges, and properties over generated answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeArea,
  computeFromRaw,
  computeNki,
  computeTotal,
  DEFAULT_BANDS,
  grade,
  publishable,
  questionIndex,
  roundIndex,
  scaleIndex,
} from './nki.ts';

describe('question index and NKI on hand-made answers', () => {
  it('all 10 → 100, all 1 → 0, mean 5.5 → 50', () => {
    expect(questionIndex([10, 10]).index).toBe(100);
    expect(questionIndex([1, 1, 1]).index).toBe(0);
    expect(questionIndex([1, 10]).index).toBe(50);
  });

  it('blanks are left out of a question’s mean, not counted as zero', () => {
    // Question 1: 8, 10 → mean 9 → 88.89; question 2: 9 (one blank) → 88.89; question 3: 7, 9 → 8 → 77.78.
    const r = computeNki([
      [8, 9, 7],
      [10, null, 9],
    ]);
    expect(r.n).toBe(2);
    expect(r.questions[0]).toBeCloseTo(88.888_9, 3);
    expect(r.questions[1]).toBeCloseTo(88.888_9, 3);
    expect(r.questions[2]).toBeCloseTo(77.777_8, 3);
    expect(r.nki).toBeCloseTo((88.888_9 * 2 + 77.777_8) / 3, 3);
  });

  it('a question nobody answered is left out of NKI (the mean of the two others)', () => {
    const r = computeNki([
      [10, null, 1],
      [10, null, 1],
    ]);
    expect(r.questions[1]).toBeNull();
    expect(r.nki).toBe(50);
  });

  it('a respondent who answered none of the three is not counted; nobody at all → null', () => {
    expect(
      computeNki([
        [5, 5, 5],
        [null, null, null],
      ]).n,
    ).toBe(1);
    expect(computeNki([[null, null, null]])).toEqual({ n: 0, nki: null, questions: [null, null, null] });
    expect(computeNki([])).toEqual({ n: 0, nki: null, questions: [null, null, null] });
  });

  it('fewer than 7 respondents: computed, but not publishable (no value, rounded or grade)', () => {
    const six = Array.from({ length: 6 }, () => [9, 9, 9] as const);
    const r = computeNki(six);
    expect(r.n).toBe(6);
    expect(r.nki).toBeCloseTo(88.89, 2);
    expect(publishable(r.nki, r.n, 7, DEFAULT_BANDS)).toEqual({ value: null, rounded: null, grade: null });
    const seven = computeNki([...six, [9, 9, 9]]);
    expect(publishable(seven.nki, seven.n, 7, DEFAULT_BANDS)).toMatchObject({ rounded: 89, grade: 'very_high' });
  });

  it('factor indices and the bemötande question from raw answers; the total is weighted by answers', () => {
    const areas = computeFromRaw([
      { area: 'bygglov', nki: [1, 1, 1], factors: { bemotande: 1 }, bemotandeQuestion: 1 },
      { area: 'livsmedelskontroll', nki: [10, 10, 10], factors: { bemotande: 10, information: null }, bemotandeQuestion: 10 },
      { area: 'livsmedelskontroll', nki: [10, 10, 10], factors: { bemotande: 10 } },
      { area: 'livsmedelskontroll', nki: [10, 10, 10] },
      // Brandskydd is reported separately: not in the total.
      { area: 'brandskydd', nki: [1, 1, 1] },
    ]);
    const total = areas.find((a) => a.area === 'total');
    expect(total?.n).toBe(4);
    expect(total?.nki).toBe(75); // (1 × 0 + 3 × 100) / 4
    expect(total?.bemotande).toBeCloseTo((1 * 0 + 3 * 100) / 4, 9); // livsmedel's bemötande index 100 from 2 answers, weighted by n 3
    expect(total?.information).toBeNull();
    const food = areas.find((a) => a.area === 'livsmedelskontroll');
    expect(food?.bemotande_question).toBe(100);
  });
});

describe('grade bands (the rounded index decides)', () => {
  it.each([
    [100, 'very_high'],
    [80, 'very_high'],
    [79.5, 'very_high'],
    [79.49, 'high'],
    [70, 'high'],
    [69.5, 'high'],
    [69.49, 'pass'],
    [62, 'pass'],
    [61.5, 'pass'],
    [61.49, 'low'],
    [50, 'low'],
    [49.5, 'low'],
    [49.49, 'very_low'],
    [0, 'very_low'],
  ])('%s → %s', (index, expected) => {
    expect(grade(index)).toBe(expected);
  });

  it('a tenant’s own bands', () => {
    const bands = { veryHigh: 90, high: 75, pass: 60, low: 40 };
    expect(grade(85, bands)).toBe('high');
    expect(grade(89.5, bands)).toBe('very_high');
    expect(grade(39.4, bands)).toBe('very_low');
  });

  it('scales of own surveys: 1–5 → 0/25/50/75/100, 1–10 → (x − 1)/9 × 100', () => {
    expect([1, 2, 3, 4, 5].map((v) => scaleIndex(v, 'scale5'))).toEqual([0, 25, 50, 75, 100]);
    expect(scaleIndex(10, 'scale10')).toBe(100);
    expect(scaleIndex(4, 'scale10')).toBeCloseTo(33.33, 2);
  });
});

const answer = fc.option(fc.integer({ min: 1, max: 10 }), { nil: null });
const respondent = fc.tuple(answer, answer, answer);

describe('properties', () => {
  it('NKI is within 0–100, between the lowest and highest question index', () => {
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 40 }), (rs) => {
        const r = computeNki(rs);
        if (r.nki === null) return r.questions.every((q) => q === null);
        const qs = r.questions.filter((q): q is number => q !== null);
        return r.nki >= Math.min(...qs) - 1e-9 && r.nki <= Math.max(...qs) + 1e-9 && r.nki >= 0 && r.nki <= 100;
      }),
    );
  });

  it('the order of respondents does not matter; adding an all-blank respondent changes nothing', () => {
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 30 }), (rs) => {
        const a = computeNki(rs);
        const b = computeNki([...rs].reverse().concat([[null, null, null]]));
        return a.n === b.n && (a.nki === b.nki || Math.abs((a.nki ?? 0) - (b.nki ?? 0)) < 1e-9);
      }),
    );
  });

  it('the total lies between the lowest and highest mandatory area', () => {
    const area = fc.record({
      area: fc.constantFrom('bygglov', 'miljo-och-halsoskydd', 'livsmedelskontroll', 'serveringstillstand'),
      rs: fc.array(respondent, { minLength: 1, maxLength: 10 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(area, { selector: (a) => a.area, minLength: 1 }), (areas) => {
        const results = areas.map((a) =>
          computeArea(
            a.area,
            a.rs.map((nki) => ({ area: a.area, nki })),
          ),
        );
        const total = computeTotal(results);
        const values = results.filter((r) => r.nki !== null && r.n > 0).map((r) => r.nki as number);
        if (values.length === 0) return total.nki === null;
        return (total.nki as number) >= Math.min(...values) - 1e-9 && (total.nki as number) <= Math.max(...values) + 1e-9;
      }),
    );
  });

  it('grades are monotone in the index and rounding never moves more than half a point', () => {
    const order = ['very_low', 'low', 'pass', 'high', 'very_high'];
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return order.indexOf(grade(lo)) <= order.indexOf(grade(hi)) && Math.abs(roundIndex(a) - a) <= 0.5;
      }),
    );
  });
});
