import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, summarizeGoal } from './assessment.ts';
import { comparePeriods, periodRange } from './periods.ts';

const base = { unit: 'arbetsdagar', decimals: 1 };
const value = fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 10);

describe('assessment', () => {
  it('says why, in Swedish', () => {
    expect(assess({ ...base, direction: 'lower', outcome: 1.4, target: 1 }, { partlyRule: 'strict', defaultTolerance: 0.1 })).toEqual({
      status: 'not_met',
      reason: 'Utfall 1,4 arbetsdagar, mål högst 1 arbetsdagar — ej uppfyllt',
    });
    expect(assess({ ...base, direction: 'lower', outcome: 1.05, target: 1, decimals: 2 }).status).toBe('partly');
    expect(assess({ ...base, direction: 'higher', outcome: 80, target: 90, unit: '%' }).reason).toBe(
      'Utfall 80 %, mål minst 90 % — ej uppfyllt',
    );
    expect(assess({ ...base, direction: 'higher', outcome: 85, target: 90, unit: '%' }).reason).toBe(
      'Utfall 85 %, mål minst 90 % — delvis uppfyllt (inom 10 % av målet)',
    );
    expect(assess({ ...base, direction: 'higher', outcome: null, target: 90 }).status).toBe('no_data');
    expect(assess({ ...base, direction: 'higher', outcome: 3, target: null }).status).toBe('no_data');
  });

  it('judges an interval with its tolerance', () => {
    const i = { ...base, direction: 'interval' as const, target: null, intervalMin: 95, intervalMax: 105, tolerance: 0.02 };
    expect(assess({ ...i, outcome: 100 }).status).toBe('met');
    expect(assess({ ...i, outcome: 106 }).status).toBe('partly');
    expect(assess({ ...i, outcome: 90 }).status).toBe('not_met');
  });

  it('flipping the direction flips the verdict (strict rule, outcome ≠ target)', () => {
    fc.assert(
      fc.property(value, value, (outcome, target) => {
        fc.pre(outcome !== target);
        const rule = { partlyRule: 'strict' as const, defaultTolerance: 0.1 };
        const higher = assess({ ...base, direction: 'higher', outcome, target }, rule).status;
        const lower = assess({ ...base, direction: 'lower', outcome, target }, rule).status;
        expect(higher === 'met').toBe(lower === 'not_met');
        expect(higher === 'not_met').toBe(lower === 'met');
      }),
    );
  });

  it('lower is higher mirrored about the target, tolerance included', () => {
    fc.assert(
      fc.property(value, value, fc.integer({ min: 0, max: 50 }), (outcome, target, tolPct) => {
        const tolerance = tolPct / 100;
        const higher = assess({ ...base, direction: 'higher', outcome, target, tolerance }).status;
        const lower = assess({ ...base, direction: 'lower', outcome: 2 * target - outcome, target, tolerance }).status;
        expect(lower).toBe(higher);
      }),
    );
  });

  it('is monotone: a better outcome never gets a worse verdict', () => {
    const rank = { not_met: 0, partly: 1, met: 2, no_data: -1 };
    fc.assert(
      fc.property(value, value, value, (a, b, target) => {
        const [worse, better] = a <= b ? [a, b] : [b, a];
        const r = (o: number) => rank[assess({ ...base, direction: 'higher', outcome: o, target }).status];
        expect(r(better)).toBeGreaterThanOrEqual(r(worse));
      }),
    );
  });

  it('summarises a goal', () => {
    expect(summarizeGoal(['met', 'met', 'not_met'], ['done', 'ongoing']).status).toBe('met');
    expect(summarizeGoal(['met', 'not_met'], []).status).toBe('partly');
    expect(summarizeGoal(['no_data'], []).status).toBe('no_data');
    // Assignments count beside the indicators.
    expect(summarizeGoal(['met', 'met'], ['done', 'delayed']).status).toBe('partly');
    expect(summarizeGoal([], ['done', 'done', 'cancelled']).status).toBe('met');
    expect(summarizeGoal(['no_data'], ['delayed', 'delayed', 'ongoing']).status).toBe('not_met');
    expect(summarizeGoal([], ['done', 'ongoing']).status).toBe('partly');
    expect(summarizeGoal([], ['ongoing', 'not_started']).status).toBe('no_data');
    expect(summarizeGoal(['met', 'partly', 'no_data'], ['delayed']).reason).toBe(
      '1 av 3 indikatorer uppfyllda, 1 delvis, 1 utan underlag, 0 av 1 uppdrag klara, 1 försenade.',
    );
  });
});

describe('periods', () => {
  it('knows years, interim periods (cumulative) and months', () => {
    expect(periodRange('2025')).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodRange('2025-D1')).toMatchObject({ from: '2025-01-01', to: '2025-04-30' });
    expect(periodRange('2025-D2')).toMatchObject({ from: '2025-01-01', to: '2025-08-31' });
    expect(periodRange('2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('2025-13')).toBeNull();
    expect(['2025', '2025-D2', '2025-03', '2024', '2025-D1'].sort(comparePeriods)).toEqual([
      '2024',
      '2025-03',
      '2025-D1',
      '2025-D2',
      '2025',
    ]);
  });
});
