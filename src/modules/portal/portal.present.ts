// Small pure helpers of the portal's pages: periods, values and verdicts in each language.
import { dateTimeFormat, formatDecimal, formatShare, type Lang, LOCALES } from '../../web/i18n.ts';
import type { PublicIndicator } from '../goals/index.ts';

const INTERIM: Record<'D1' | 'D2', Record<Lang, string>> = {
  D1: { sv: 'jan–apr', fi: 'tammi–huhti', en: 'Jan–Apr' },
  D2: { sv: 'jan–aug', fi: 'tammi–elo', en: 'Jan–Aug' },
};

/** "2025", "jan–apr 2025", "mars 2025" in the page's language. */
export function periodLabel(period: string, lang: Lang): string {
  const interim = /^(\d{4})-(D[12])$/.exec(period);
  if (interim) return `${INTERIM[interim[2] as 'D1' | 'D2'][lang]} ${interim[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    return dateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)),
    );
  }
  return period;
}

/** Sort key: a year before its interim periods and months, in time order. */
export function periodKey(period: string): string {
  const m = /^(\d{4})(?:-(D1|D2|\d{2}))?$/.exec(period);
  if (!m) return period;
  const part = m[2] === undefined ? '99' : m[2] === 'D1' ? '04' : m[2] === 'D2' ? '08' : m[2];
  return `${m[1]}-${part}-${m[2] === undefined ? 'z' : m[2].startsWith('D') ? 'y' : 'x'}`;
}

export function comparePeriod(a: string, b: string): number {
  return periodKey(a).localeCompare(periodKey(b));
}

/** A value with its unit: "82 %", "4,5 dagar"; a share unit of "%" reads as a percentage. */
export function formatValue(value: number, ind: Pick<PublicIndicator, 'unit' | 'decimals'>, lang: Lang): string {
  const n = formatDecimal(value, ind.decimals, lang);
  if (ind.unit === '%') return `${n} %`;
  return ind.unit ? `${n} ${ind.unit}` : n;
}

export function yearPoints(ind: PublicIndicator, kind: 'outcome' | 'target' | 'forecast') {
  return ind.values
    .filter((v) => v.kind === kind && v.value !== null && /^\d{4}$/.test(v.period))
    .map((v) => ({ year: Number(v.period), value: v.value as number }))
    .sort((a, b) => a.year - b.year);
}

export interface PeriodRow {
  period: string;
  outcome: number | null;
  target: number | null;
  forecast: number | null;
  preliminary: boolean;
  status: string | null;
}

/** One row per period that has any value or verdict, in time order. */
export function periodRows(ind: PublicIndicator): PeriodRow[] {
  const periods = new Set([...ind.values.map((v) => v.period), ...ind.assessments.map((a) => a.period)]);
  return [...periods].sort(comparePeriod).map((period) => {
    const pick = (kind: string) => ind.values.find((v) => v.period === period && v.kind === kind);
    const outcome = pick('outcome');
    return {
      period,
      outcome: outcome?.value ?? null,
      target: pick('target')?.value ?? null,
      forecast: pick('forecast')?.value ?? null,
      preliminary: outcome?.preliminary ?? false,
      status: ind.assessments.find((a) => a.period === period)?.status ?? null,
    };
  });
}

/** The latest outcome (yearly first, else any period), with the target of the same period. */
export function latestOutcome(ind: PublicIndicator): { period: string; value: number; target: number | null } | null {
  const rows = periodRows(ind).filter((r) => r.outcome !== null);
  const yearly = rows.filter((r) => /^\d{4}$/.test(r.period));
  const last = (yearly.length > 0 ? yearly : rows).at(-1);
  return last ? { period: last.period, value: last.outcome as number, target: last.target } : null;
}

export function share(part: number, whole: number, lang: Lang): string {
  return whole === 0 ? '–' : formatShare(part / whole, lang);
}
