// The first-feedback chart: server-rendered SVG (Observable Plot on linkedom), no script.
// Plot escapes text; asLabelledImage makes it CSP- and axe-clean.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { toCsv } from '../../http/csv.ts';
import { asLabelledImage } from '../../web/chart.ts';
import type { FirstResponseStats, Split } from './stats.service.ts';

const percent = (v: number | null) => (v === null ? '' : (Math.round(v * 1000) / 10).toLocaleString('sv-SE'));

/** Horizontal bars: share answered on time per group (only groups with something due). */
export function onTimeChartSvg(rows: Split[], title: string): string {
  const data = rows
    .filter((r) => r.onTimeRate !== null)
    .map((r) => ({ label: r.label, rate: Math.round((r.onTimeRate ?? 0) * 1000) / 10 }));
  if (data.length === 0) return '';
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({
    document,
    width: 720,
    height: 40 + data.length * 28,
    marginLeft: 220,
    marginRight: 50,
    x: { domain: [0, 100], label: 'Andel besvarade i tid (%)', grid: true, tickFormat: (d: number) => `${d} %` },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.barX(data, { x: 'rate', y: 'label', fill: '#1f6f43' }),
      Plot.text(data, {
        x: 'rate',
        y: 'label',
        text: (d: { rate: number }) => `${d.rate.toLocaleString('sv-SE')} %`,
        dx: 4,
        textAnchor: 'start',
      }),
      Plot.ruleX([0]),
    ],
  }) as unknown as Element;
  const summary = data.map((d) => `${d.label} ${d.rate.toLocaleString('sv-SE')} %`).join(', ');
  return asLabelledImage(svg, `${title}: ${summary}`);
}

const HEADER = [
  'Grupp',
  'Värde',
  'Inkomna',
  'I tid',
  'För sent',
  'Öppna efter tidsfrist',
  'Ej förfallna',
  'Andel i tid (%)',
  'Median arbetsdagar',
  'Lösta vid första kontakten',
  'Andel lösta vid första kontakten (%)',
];

/** The statistics table as CSV (semicolon-separated, as Swedish spreadsheets expect). */
export function statsCsv(stats: FirstResponseStats): string {
  const line = (group: string, s: Omit<Split, 'key'> & { key?: string }) => [
    group,
    s.label,
    s.received,
    s.onTime,
    s.late,
    s.openOverdue,
    s.notYetDue,
    percent(s.onTimeRate),
    s.medianWorkingDays === null ? '' : String(s.medianWorkingDays).replace('.', ','),
    s.resolvedAtFirstContact,
    percent(s.firstContactRate),
  ];
  const rows = [
    line('Totalt', { ...stats.total, label: `${stats.from}–${stats.to}` }),
    ...stats.byChannel.map((s) => line('Kanal', s)),
    ...stats.byType.map((s) => line('Typ', s)),
    ...stats.byCategory.map((s) => line('Kategori', s)),
  ];
  return `\uFEFF${toCsv([HEADER, ...rows], { delimiter: ';' })}`;
}

export { percent };
