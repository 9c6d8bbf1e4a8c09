import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { onTimeChartSvg } from './stats.chart.ts';
import type { Split } from './stats.service.ts';

const split = (label: string, onTimeRate: number): Split => ({
  key: label,
  label,
  received: 10,
  onTime: Math.round(onTimeRate * 10),
  late: 10 - Math.round(onTimeRate * 10),
  openOverdue: 0,
  notYetDue: 0,
  onTimeRate,
  medianWorkingDays: 1,
  resolvedAtFirstContact: 0,
  firstContactRate: 0,
});

describe('the on-time chart', () => {
  it('is one labelled image: no ARIA or role on its parts (axe aria-prohibited-attr), no inline styles (CSP)', () => {
    const svg = onTimeChartSvg([split('Gator', 0.8), split('Bygglov', 0.5)], 'Andel besvarade i tid per kategori');
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    const root = document.querySelector('svg');
    expect(root?.getAttribute('role')).toBe('img');
    expect(root?.getAttribute('aria-label')).toBe('Andel besvarade i tid per kategori: Gator 80 %, Bygglov 50 %');
    const parts = [...(root?.querySelectorAll('*') ?? [])];
    expect(parts.length).toBeGreaterThan(5);
    const withAria = parts.filter((el) => el.getAttributeNames().some((a: string) => a === 'role' || a.startsWith('aria-')));
    expect(withAria.map((el) => el.outerHTML.slice(0, 60))).toEqual([]);
    expect(svg).not.toContain('style');
  });
});
