import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarWith } from '../calendar/calendar.service.ts';
import { addCalendarDays } from '../calendar/calendar.ts';
import {
  type CaseTiming,
  caseObservations,
  judgeCase,
  meetingObservations,
  type Observation,
  type Segment,
  segmentsInForce,
  seriesObservations,
  splitRange,
  summarize,
  type VersionRule,
  yearResults,
} from './fulfilment.ts';

const cal = calendarWith(new Set());
const firstResponse = (workingDays: number) => ({ type: 'case_first_response' as const, workingDays });

function kase(over: Partial<CaseTiming>): CaseTiming {
  return {
    id: crypto.randomUUID(),
    type: 'question',
    channel: 'web',
    categoryCode: 'bygglov',
    unitId: 'u1',
    receivedDate: '2025-03-03',
    firstResponseDue: '2025-03-05',
    firstResponseDate: null,
    resolvedDate: null,
    status: 'new',
    resolvedAtFirstContact: false,
    ...over,
  };
}

const v1: VersionRule = { version: 1, validFrom: '2025-01-01', validTo: null, decided: true, target: 0.9, metric: firstResponse(2) };

describe('judgeCase', () => {
  it('deadline is the N-th working day after receipt; answered on the deadline is met, a day later missed', () => {
    // Friday 2025-03-07 + 2 working days = Tuesday 2025-03-11.
    const c = kase({ receivedDate: '2025-03-07' });
    expect(judgeCase({ ...c, firstResponseDate: '2025-03-11' }, 'case_first_response', 2, cal, '2025-04-01')).toEqual({
      deadline: '2025-03-11',
      outcome: 'met',
    });
    expect(judgeCase({ ...c, firstResponseDate: '2025-03-12' }, 'case_first_response', 2, cal, '2025-04-01').outcome).toBe('missed');
  });

  it('still open: pending up to and including the deadline, open overdue after it', () => {
    const c = kase({ receivedDate: '2025-03-07' });
    expect(judgeCase(c, 'case_first_response', 2, cal, '2025-03-11').outcome).toBe('pending');
    expect(judgeCase(c, 'case_first_response', 2, cal, '2025-03-12').outcome).toBe('open_overdue');
  });

  it('Easter and the DST change (2025-03-30) do not move deadlines: received Thursday before Easter', () => {
    // 2025-04-17 Thursday; 18 Good Friday, 21 Easter Monday → 2 working days = Wednesday 23 April.
    expect(judgeCase(kase({ receivedDate: '2025-04-17' }), 'case_first_response', 2, cal, '2025-05-01').deadline).toBe('2025-04-23');
    // Friday 2025-03-28, clocks go forward Sunday 30 March → Tuesday 1 April.
    expect(judgeCase(kase({ receivedDate: '2025-03-28' }), 'case_first_response', 2, cal, '2025-05-01').deadline).toBe('2025-04-01');
    // Midsommarafton 2025-06-20 is not a working day: Thursday 19 June + 1 = Monday 23 June.
    expect(judgeCase(kase({ receivedDate: '2025-06-19' }), 'case_first_response', 1, cal, '2025-07-01').deadline).toBe('2025-06-23');
  });

  it('a tenant closed day moves the deadline', () => {
    const closed = calendarWith(new Set(['2025-03-10']));
    expect(judgeCase(kase({ receivedDate: '2025-03-07' }), 'case_first_response', 2, closed, '2025-04-01').deadline).toBe('2025-03-12');
  });

  it('resolution is judged by the resolved date; resolved without a first response counts as first response', () => {
    const c = kase({ receivedDate: '2025-03-03', resolvedDate: '2025-03-04' });
    expect(judgeCase(c, 'case_first_response', 2, cal, '2025-04-01').outcome).toBe('met');
    expect(judgeCase({ ...c, resolvedDate: '2025-03-20' }, 'case_resolution', 10, cal, '2025-04-01').outcome).toBe('missed');
  });
});

describe('segmentsInForce', () => {
  it('drafts are not in force; a later version ends the previous one; retirement ends the last', () => {
    const versions: VersionRule[] = [
      { ...v1, validTo: '2025-12-31' },
      { version: 2, validFrom: '2025-07-01', validTo: null, decided: true, target: 0.95, metric: firstResponse(2) },
      { version: 3, validFrom: '2026-01-01', validTo: null, decided: false, target: 0.99, metric: firstResponse(1) },
    ];
    expect(segmentsInForce(versions, '2026-02-28').map((s) => [s.version, s.from, s.to])).toEqual([
      [1, '2025-01-01', '2025-06-30'],
      [2, '2025-07-01', '2026-02-28'],
    ]);
    expect(segmentsInForce([{ ...v1, decided: false }])).toEqual([]);
  });
});

describe('case observations and summaries', () => {
  it('counts met, missed and open overdue; pending cases are not measured', () => {
    const segments = segmentsInForce([v1]);
    const cases = [
      kase({ receivedDate: '2025-03-03', firstResponseDate: '2025-03-04' }), // met
      kase({ receivedDate: '2025-03-03', firstResponseDate: '2025-03-10' }), // missed
      kase({ receivedDate: '2025-03-03' }), // open overdue
      kase({ receivedDate: '2025-03-27' }), // deadline 2025-03-31 = today: pending
      kase({ receivedDate: '2024-12-30', firstResponseDate: '2024-12-30' }), // before validity
    ];
    const obs = caseObservations(cases, segments, cal, '2025-03-31');
    const f = summarize(obs, segments, '2025-03-01', '2025-03-31', { minCount: 1 });
    expect(f).toMatchObject({ measured: 3, met: 1, missed: 2, openOverdue: 1, target: 0.9, status: 'not_met' });
    expect(f.ratio).toBeCloseTo(1 / 3);
    expect(summarize(obs, segments, '2025-03-01', '2025-03-31', { minCount: 5 }).status).toBe('too_few');
  });

  it('the filter selects categories, types, channels and a unit subtree', () => {
    const segments = segmentsInForce([
      {
        ...v1,
        metric: {
          type: 'case_first_response',
          workingDays: 2,
          filter: { categories: ['bygglov'], types: ['question'], channels: ['web', 'phone'], unitId: 'u1' },
        },
      },
    ]);
    const base = { receivedDate: '2025-03-03', firstResponseDate: '2025-03-04' };
    const cases = [
      kase(base),
      kase({ ...base, unitId: 'u2' }), // below u1
      kase({ ...base, categoryCode: 'skola' }),
      kase({ ...base, type: 'complaint' }),
      kase({ ...base, channel: 'letter' }),
      kase({ ...base, unitId: 'u9' }),
    ];
    const obs = caseObservations(cases, segments, cal, '2025-04-01', (id) => (id === 'u1' ? new Set(['u1', 'u2']) : undefined));
    expect(obs).toHaveLength(2);
  });

  it('a target raised mid-period splits the period by version; the period is judged by the target in force at its end, never a blend', () => {
    const segments = segmentsInForce([
      v1,
      { version: 2, validFrom: '2025-07-01', validTo: null, decided: true, target: 0.99, metric: firstResponse(1) },
    ]);
    const cases = [
      // Version 1 (2 working days): received Monday 30 June, answered Wednesday 2 July: met; deadline 2 July.
      kase({ receivedDate: '2025-06-30', firstResponseDate: '2025-07-02' }),
      // Version 2 (1 working day): received Tuesday 1 July, answered Thursday 3 July: missed.
      kase({ receivedDate: '2025-07-01', firstResponseDate: '2025-07-03' }),
      kase({ receivedDate: '2025-07-07', firstResponseDate: '2025-07-08' }),
    ];
    const obs = caseObservations(cases, segments, cal, '2025-08-01');
    const f = summarize(obs, segments, '2025-07-01', '2025-07-31', { minCount: 1 });
    expect(f.versions.map((v) => [v.version, v.measured, v.met, v.target])).toEqual([
      [1, 1, 1, 0.9],
      [2, 2, 1, 0.99],
    ]);
    expect(f.target).toBe(0.99);
    expect(f.targetChanged).toBe(true);
    expect(f.ratio).toBeCloseTo(2 / 3);
    expect(f.status).toBe('not_met');
    const june = summarize(obs, segments, '2025-06-01', '2025-06-30', { minCount: 1 });
    expect(june).toMatchObject({ target: 0.9, targetChanged: false });
  });
});

describe('meetings and measured series', () => {
  it('meeting outcomes: pending not measured, missed without publication is open overdue', () => {
    const obs = meetingObservations(
      [
        { meetingId: 'a', deadline: '2025-03-04', outcome: 'met', publishedDate: '2025-03-01' },
        { meetingId: 'b', deadline: '2025-03-11', outcome: 'missed', publishedDate: '2025-03-12' },
        { meetingId: 'c', deadline: '2025-03-18', outcome: 'missed', publishedDate: null },
        { meetingId: 'd', deadline: '2025-03-25', outcome: 'pending', publishedDate: null },
      ],
      1,
    );
    expect(obs.map((o) => [o.met, o.missed, o.openOverdue])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 1],
    ]);
  });

  it('counts are summed; shares are averaged and judged against the target of their version', () => {
    const counts = segmentsInForce([{ ...v1, metric: { type: 'measured_series', valueKind: 'counts' } }]);
    const obs = seriesObservations(
      [
        { period: '2025-01-01', numerator: 9, denominator: 10, value: null },
        { period: '2025-02-01', numerator: 18, denominator: 20, value: null },
      ],
      counts,
    );
    expect(summarize(obs, counts, '2025-01-01', '2025-12-31', { minCount: 5 })).toMatchObject({ measured: 30, met: 27, status: 'met' });
    const share = segmentsInForce([{ ...v1, target: 0.99, metric: { type: 'measured_series', valueKind: 'share' } }]);
    const sObs = seriesObservations(
      [
        { period: '2025-01-01', numerator: null, denominator: null, value: 0.995 },
        { period: '2025-02-01', numerator: null, denominator: null, value: 0.98 },
      ],
      share,
    );
    const f = summarize(sObs, share, '2025-01-01', '2025-12-31', { minCount: 5, share: true });
    expect(f).toMatchObject({ measured: 2, met: 1, missed: 1, status: 'not_met' });
    expect(f.ratio).toBeCloseTo(0.9875);
  });
});

describe('period results', () => {
  it('months, delår 1 (Jan–Apr), delår 2 (Jan–Aug), year, claims and the trend against last year', () => {
    const segments = segmentsInForce([{ ...v1, validFrom: '2024-01-01' }]);
    const obs: Observation[] = [
      { date: '2024-03-10', version: 1, met: 1, missed: 1, openOverdue: 0 },
      { date: '2025-03-10', version: 1, met: 2, missed: 0, openOverdue: 0 },
      { date: '2025-05-10', version: 1, met: 0, missed: 1, openOverdue: 1 },
      { date: '2025-09-10', version: 1, met: 1, missed: 0, openOverdue: 0 },
    ];
    const results = yearResults(2025, {
      observations: obs,
      segments,
      claims: [{ claimedOn: '2025-05-02', costSek: 1200 }],
      options: { minCount: 1 },
      today: '2025-06-15',
    });
    const byKey = new Map(results.map((r) => [r.period.key, r]));
    expect(byKey.get('2025-D1')?.fulfilment).toMatchObject({ measured: 2, met: 2 });
    expect(byKey.get('2025-D2')?.fulfilment).toMatchObject({ measured: 3, met: 2, openOverdue: 1 });
    expect(byKey.get('2025')?.fulfilment.measured).toBe(4);
    expect(byKey.get('2025-03')?.change).toBe('up');
    expect(byKey.get('2025-03')?.trend[0]).toMatchObject({ year: 2024, ratio: 0.5 });
    expect(byKey.get('2025-05')?.claims).toEqual({ count: 1, costSek: 1200 });
    expect(byKey.get('2025-06')?.ongoing).toBe(true);
    expect(byKey.get('2025-07')?.future).toBe(true);
  });
});

// ---- properties ------------------------------------------------------------------------------

const dayArb = fc.integer({ min: 0, max: 729 }).map((n) => addCalendarDays('2024-01-01', n));
const obsArb = fc
  .record({
    date: dayArb,
    version: fc.integer({ min: 1, max: 3 }),
    met: fc.integer({ min: 0, max: 3 }),
    missed: fc.integer({ min: 0, max: 3 }),
  })
  .map((o) => ({ ...o, openOverdue: o.missed > 0 ? 1 : 0 }));
const segmentsArb: fc.Arbitrary<Segment[]> = fc
  .tuple(dayArb, dayArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([a, b, t1, t2]) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    return segmentsInForce([
      { version: 1, validFrom: '2023-01-01', validTo: null, decided: true, target: t1, metric: firstResponse(2) },
      { version: 2, validFrom: x, validTo: null, decided: true, target: t2, metric: firstResponse(2) },
      { version: 3, validFrom: y === x ? addCalendarDays(y, 1) : y, validTo: null, decided: true, target: t1, metric: firstResponse(1) },
    ]);
  });

describe('laws', () => {
  it('met + missed = measured and openOverdue ≤ missed, overall and per version', () => {
    fc.assert(
      fc.property(fc.array(obsArb), segmentsArb, dayArb, dayArb, (obs, segments, a, b) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const f = summarize(obs, segments, from, to, { minCount: 5 });
        expect(f.met + f.missed).toBe(f.measured);
        expect(f.openOverdue).toBeLessThanOrEqual(f.missed);
        for (const v of f.versions) expect(v.met + v.missed).toBe(v.measured);
        expect(f.versions.reduce((s, v) => s + v.measured, 0)).toBe(f.measured);
      }),
    );
  });

  it('splitting a range (by version or anywhere) and summing the parts gives the whole', () => {
    fc.assert(
      fc.property(fc.array(obsArb), segmentsArb, dayArb, dayArb, (obs, segments, a, b) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const whole = summarize(obs, segments, from, to, { minCount: 1 });
        const parts = splitRange(segments, from, to).map((p) => summarize(obs, segments, p.from, p.to, { minCount: 1 }));
        // Observations outside every version's window cannot exist in real data: keep only those inside.
        const inside = obs.filter((o) => splitRange(segments, o.date, o.date).some((p) => p.segment.version === o.version));
        const wholeInside = summarize(inside, segments, from, to, { minCount: 1 });
        const partsInside = splitRange(segments, from, to).map((p) => summarize(inside, segments, p.from, p.to, { minCount: 1 }));
        expect(partsInside.reduce((s, p) => s + p.measured, 0)).toBe(wholeInside.measured);
        expect(partsInside.reduce((s, p) => s + p.met, 0)).toBe(wholeInside.met);
        expect(parts.reduce((s, p) => s + p.measured, 0)).toBeLessThanOrEqual(whole.measured);
        if (from < to) {
          const mid = addCalendarDays(from, Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000 / 2));
          const left = summarize(obs, segments, from, mid, { minCount: 1 });
          const right = summarize(obs, segments, addCalendarDays(mid, 1), to, { minCount: 1 });
          expect(left.measured + right.measured).toBe(whole.measured);
          expect(left.openOverdue + right.openOverdue).toBe(whole.openOverdue);
        }
      }),
    );
  });

  it('the months of a year sum to the year; delår 1 ⊆ delår 2 ⊆ year', () => {
    fc.assert(
      fc.property(fc.array(obsArb), segmentsArb, (obs, segments) => {
        const r = yearResults(2025, { observations: obs, segments, claims: [], options: { minCount: 1 }, today: '2026-01-01' });
        const months = r.filter((x) => x.period.kind === 'month');
        const year = r.find((x) => x.period.kind === 'year');
        const d1 = r.find((x) => x.period.kind === 'interim1');
        const d2 = r.find((x) => x.period.kind === 'interim2');
        expect(months.reduce((s, m) => s + m.fulfilment.measured, 0)).toBe(year?.fulfilment.measured);
        expect(d1?.fulfilment.measured ?? 0).toBeLessThanOrEqual(d2?.fulfilment.measured ?? 0);
        expect(d2?.fulfilment.measured ?? 0).toBeLessThanOrEqual(year?.fulfilment.measured ?? 0);
      }),
    );
  });
});
