import { describe, expect, it } from 'vitest';
import type { AppError } from '../../http/errors.ts';
import type { Fulfilment } from './fulfilment.ts';
import { formToInput, parsePercent } from './promises.form.ts';
import { groupOf } from './promises.public.routes.ts';
import { keptSentence } from './promises.texts.ts';

const fulfilment = (over: Partial<Fulfilment>): Fulfilment => ({
  measured: 100,
  met: 93,
  missed: 7,
  openOverdue: 1,
  ratio: 0.93,
  target: 0.95,
  targetChanged: false,
  status: 'not_met',
  versions: [],
  ...over,
});

describe('the staff form', () => {
  it('reads targets as percentages, with a decimal comma', () => {
    expect(parsePercent('95')).toBe(0.95);
    expect(parsePercent('99,5 %')).toBe(0.995);
    expect(parsePercent('101')).toBeUndefined();
    expect(parsePercent('mycket')).toBeUndefined();
  });

  it('builds the metric from its fields and names the fields that are wrong', () => {
    const input = formToInput(
      {
        title: 'T',
        metric: 'case_first_response',
        'metric.workingDays': '2',
        'metric.filter.categories': 'bygglov, karta',
        'metric.filter.types': ['question', 'complaint'],
        target: '95',
        validFrom: '2025-01-01',
      },
      'create',
    );
    expect(input.metric).toEqual({
      type: 'case_first_response',
      workingDays: 2,
      filter: { categories: ['bygglov', 'karta'], types: ['question', 'complaint'] },
    });
    expect(input.target).toBe(0.95);
    try {
      formToInput({ metric: 'meeting_documents', 'metric.daysBefore': 'sex', target: '200' }, 'create');
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).fields.map((f) => f.field)).toEqual(['metric.daysBefore', 'target']);
    }
  });
});

describe('public sentences and grouping', () => {
  it('says how well the promise was kept in Swedish, Finnish and English', () => {
    const f = fulfilment({});
    expect(keptSentence(f, false, 'this', 'sv')).toBe('Löftet hölls i 93\u00a0% av fallen i år (mål 95\u00a0%) – målet inte nått.');
    expect(keptSentence(f, false, 'last', 'en')).toBe('The promise was kept in 93% of cases last year (target 95%) – target not met.');
    expect(keptSentence(f, false, 'this', 'fi')).toContain('tänä vuonna');
    expect(keptSentence(fulfilment({ measured: 3, status: 'too_few' }), false, 'this', 'sv')).toBe(
      'För få fall i år för att bedöma (3 st).',
    );
    expect(keptSentence(fulfilment({ measured: 0, ratio: null, status: 'too_few' }), false, 'last', 'en')).toBe(
      'No measurements last year.',
    );
  });

  it('groups by the nearest administration above the owning unit, else the board', () => {
    const units = new Map([
      ['b', { id: 'b', parentId: 'root', name: 'Byggnadsnämnden', kind: 'board' as const }],
      ['a', { id: 'a', parentId: 'b', name: 'Samhällsbyggnadsförvaltningen', kind: 'administration' as const }],
      ['u', { id: 'u', parentId: 'a', name: 'Bygglovsenheten', kind: 'unit' as const }],
    ]);
    expect(groupOf(units, 'u', 'b')).toEqual({ id: 'a', name: 'Samhällsbyggnadsförvaltningen' });
    expect(groupOf(units, 'b', 'b')).toEqual({ id: 'b', name: 'Byggnadsnämnden' });
  });
});
