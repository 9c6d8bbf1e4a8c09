// Server-rendered SVG charts of promise results (Observable Plot on linkedom's DOM): no
// JavaScript in the browser, role="img" with a label, and the same data always in a table.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { asLabelledImage } from '../../web/chart.ts';
import type { Lang } from '../../web/i18n.ts';
import { dateTimeFormat, formatShare } from '../../web/i18n.ts';

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', fi: 'fi-FI', en: 'en-GB' };

/** Shares and targets: the one formatter of every page (web/i18n.ts). */
export function formatPercent(ratio: number, lang: Lang): string {
  return formatShare(ratio, lang);
}

export function monthName(month: number, lang: Lang, style: 'short' | 'long' = 'short'): string {
  return dateTimeFormat(LOCALE[lang], { month: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2025, month - 1, 1)));
}

export interface ChartSeries {
  label: string;
  /** month 1–12 → share 0–1; months without a value are left out. */
  points: { month: number; ratio: number }[];
  /** Earlier years are drawn dashed with square markers, so colour is never the only cue. */
  earlier?: boolean;
}

export interface ChartOptions {
  lang: Lang;
  series: ChartSeries[];
  target: number | null;
  /** The target month by month, when versions change it during the year (drawn as a dotted step line). */
  monthlyTargets?: { month: number; ratio: number }[];
  /** Read by screen readers; say what the chart shows. */
  ariaLabel: string;
}

const TARGET_LABEL: Record<Lang, string> = { sv: 'Mål', fi: 'Tavoite', en: 'Target' };

/** The chart as SVG markup. Contains no user-entered text. */
export function monthlyChart({ lang, series, target, monthlyTargets, ariaLabel }: ChartOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const all = series.flatMap((s) => s.points.map((p) => p.ratio));
  const low = Math.min(0.5, ...all, target ?? 1);
  const yMin = Math.max(0, Math.floor(low * 10) / 10);
  const marks: Plot.Markish[] = [];
  const stepped = monthlyTargets && new Set(monthlyTargets.map((t) => t.ratio)).size > 1;
  if (stepped) {
    marks.push(Plot.line(monthlyTargets, { x: 'month', y: 'ratio', stroke: '#7a4b00', strokeDasharray: '2,3', curve: 'step' }));
  } else if (target !== null) {
    marks.push(Plot.ruleY([target], { stroke: '#7a4b00', strokeDasharray: '2,3' }));
    marks.push(
      Plot.text([target], {
        x: 12,
        y: (d: number) => d,
        text: () => `${TARGET_LABEL[lang]} ${formatPercent(target, lang)}`,
        dy: -8,
        textAnchor: 'end',
        fill: '#7a4b00',
      }),
    );
  }
  for (const s of series) {
    const stroke = s.earlier ? '#4a4a4a' : '#1a5b8f';
    marks.push(Plot.line(s.points, { x: 'month', y: 'ratio', stroke, strokeWidth: 2, strokeDasharray: s.earlier ? '6,4' : undefined }));
    marks.push(Plot.dot(s.points, { x: 'month', y: 'ratio', fill: stroke, r: 4, symbol: s.earlier ? 'square' : 'circle' }));
  }
  const svg = Plot.plot({
    document,
    width: 640,
    height: 280,
    marginLeft: 50,
    ariaLabel,
    x: { domain: [1, 12], ticks: 12, tickFormat: (m: number) => monthName(m, lang), label: null },
    y: { domain: [yMin, 1], grid: true, tickFormat: (d: number) => formatPercent(d, lang), label: null },
    marks,
  }) as unknown as Element;
  return asLabelledImage(svg, ariaLabel);
}
